import { beforeAll, describe, expect, it, vi } from 'vitest';

// The real `electron` package cannot load in Node; the entry module is checked against a recording fake.
const recorded = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handled: [] as string[],
  windows: [] as { options: unknown; loaded?: string }[],
  guardedEvents: [] as string[],
  protocolSchemes: [] as string[],
  sandboxEnabled: false,
  webContentsCreated: undefined as undefined | ((event: unknown, contents: unknown) => void),
  sandboxOptions: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { getPrintersAsync: async () => [] };
    constructor(readonly options: unknown) {
      recorded.windows.push({ options });
    }
    once() {}
    async loadURL(url: string) {
      recorded.windows.at(-1)!.loaded = url;
    }
  }
  return {
    app: {
      enableSandbox: () => { recorded.sandboxEnabled = true; },
      whenReady: async () => undefined,
      on: (event: string, listener: (event: unknown, contents: unknown) => void) => {
        if (event === 'web-contents-created') recorded.webContentsCreated = listener;
      },
      getPath: () => '/tmp/ncg-test-user-data',
      getVersion: () => '0.0.0-test',
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string) => recorded.handled.push(channel) },
    net: { fetch: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (scheme: string) => recorded.protocolSchemes.push(scheme),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  };
});

vi.mock('../../../src/sandbox/server.ts', () => ({
  startSandbox: async (options: unknown) => {
    recorded.sandboxOptions.push(options);
    return {
      origin: 'http://127.0.0.1:1',
      portalBaseUrl: 'http://127.0.0.1:1/gwp',
      exportBaseUrl: 'http://127.0.0.1:1/api/integration/ofd',
      apiKey: 'k',
      exportToken: 't',
      close: async () => undefined,
    };
  },
}));

beforeAll(async () => {
  await import('../../../src/main/index.ts');
  await vi.waitFor(() => expect(recorded.windows[0]?.loaded).toBeDefined());
});

describe('Electron entry', () => {
  it('enables the sandbox for every renderer and registers app:// as a secure scheme', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(recorded.protocolSchemes).toEqual(['app']);
  });

  it('loads the page from app://, never file://', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.loaded).toBe('app://ncg/index.html');
    expect(recorded.windows[0]!.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  });

  it('registers the bridge channels', () => {
    expect(recorded.handled).toEqual(expect.arrayContaining(['app:info', 'catalogue:connection', 'catalogue:call', 'catalogue:configure', 'print:pdf', 'print:raw', 'print:printers', 'external:open', 'files:save']));
  });

  it('starts the embedded sandbox (the default connection) answering only our page\'s origin cross-origin', () => {
    expect(recorded.sandboxOptions).toEqual([expect.objectContaining({ port: 0, allowedOrigins: ['app://ncg'] })]);
  });

  it('guards every web contents that is created', () => {
    const events: string[] = [];
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    recorded.webContentsCreated?.({}, {
      on: (event: string) => events.push(event),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => { openHandler = handler; },
    });
    expect(events.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
