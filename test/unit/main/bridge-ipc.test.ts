import { describe, expect, it, vi } from 'vitest';

// The real package cannot load in Node; the module under test only needs ipcMain as a default.
vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));
import { isAppUrl } from '../../../src/main/app-url.ts';
import { createHostHandlers, type HostServices } from '../../../src/main/bridge/handlers.ts';
import { handleBridgeMessage, registerBridgeIpc } from '../../../src/main/bridge/ipc.ts';
import { bridgeChannels } from '../../../src/shared/bridge.ts';

function services(overrides: Partial<HostServices> = {}): HostServices {
  return {
    version: '1.2.3',
    platform: 'linux',
    catalogue: {
      connection: async () => ({ kind: 'sandbox', portalBaseUrl: 'http://127.0.0.1:1/gwp', exportBaseUrl: 'http://127.0.0.1:1/api/integration/ofd', hasApiKey: true }),
      configure: vi.fn(),
      portalClient: vi.fn(),
      exportClient: vi.fn(),
    },
    openExternal: vi.fn(async () => undefined),
    chooseSaveLocation: vi.fn(async (name: string) => `/tmp/${name}`),
    writeFile: vi.fn(async () => undefined),
    listPrinters: async () => [],
    printPdf: vi.fn(async () => ({ printed: true })),
    authoriseRawPrinter: vi.fn(async () => '192.168.1.50'),
    sendRaw: vi.fn(async (_address: string, _port: number, bytes: Uint8Array) => ({ sentBytes: bytes.byteLength })),
    ...overrides,
  };
}

const trusted = (url: string | undefined) => url !== undefined && isAppUrl(url);
const fromApp = { senderFrame: { url: 'app://ncg/index.html' } } as never;

describe('bridge IPC in the main process', () => {
  it('registers exactly the contract channels', () => {
    const handle = vi.fn();
    registerBridgeIpc(createHostHandlers(services()), trusted, { handle });
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...bridgeChannels].sort());
  });

  it('refuses calls from frames that are not our page', async () => {
    const handlers = createHostHandlers(services());
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'app://other/index.html', undefined]) {
      const result = await handleBridgeMessage(handlers, trusted, 'app:info', { senderFrame: url === undefined ? null : { url } } as never, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('answers malformed payloads with a typed error and never runs the handler', async () => {
    const writeFile = vi.fn(async () => undefined);
    const handlers = createHostHandlers(services({ writeFile }));
    const malformed: unknown[] = [
      undefined,
      'bytes',
      { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: 'not bytes' },
      { suggestedName: '../../etc/passwd', mimeType: 'application/pdf', bytes: new Uint8Array(1) },
      { suggestedName: '', mimeType: 'application/pdf', bytes: new Uint8Array(1) },
    ];
    for (const request of malformed) {
      const result = await handleBridgeMessage(handlers, trusted, 'files:save', fromApp, request);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-request');
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('rejects unknown channels', async () => {
    const result = await handleBridgeMessage(createHostHandlers(services()), trusted, 'shell:exec', fromApp, { command: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('runs valid calls', async () => {
    const writeFile = vi.fn(async () => undefined);
    const handlers = createHostHandlers(services({ writeFile }));
    expect(await handleBridgeMessage(handlers, trusted, 'app:info', fromApp, undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'linux', shell: 'electron' },
    });
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const saved = await handleBridgeMessage(handlers, trusted, 'files:save', fromApp, { suggestedName: 'заттаңба.pdf', mimeType: 'application/pdf', bytes });
    expect(saved).toEqual({ ok: true, value: { saved: true, location: '/tmp/заттаңба.pdf' } });
    expect(writeFile).toHaveBeenCalledWith('/tmp/заттаңба.pdf', bytes);
  });

  it('opens only checked external links', async () => {
    const openExternal = vi.fn(async () => undefined);
    const handlers = createHostHandlers(services({ openExternal }));
    expect(await handleBridgeMessage(handlers, trusted, 'external:open', fromApp, { url: 'javascript:alert(1)' })).toEqual({ ok: true, value: { opened: false } });
    expect(await handleBridgeMessage(handlers, trusted, 'external:open', fromApp, { url: 'https://nationalcatalog.kz/' })).toEqual({ ok: true, value: { opened: true } });
    expect(openExternal.mock.calls).toEqual([['https://nationalcatalog.kz/']]);
  });

  it('reports a failing handler as a typed error instead of throwing across IPC', async () => {
    const handlers = createHostHandlers(services({ chooseSaveLocation: async () => { throw new Error('disk full'); } }));
    const result = await handleBridgeMessage(handlers, trusted, 'files:save', fromApp, { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(1) });
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
  });
});

describe('printing and catalogue channels', () => {
  it('refuses raw printing outside the JetDirect ports or to odd hosts', async () => {
    const sendRaw = vi.fn(async () => ({ sentBytes: 1 }));
    const handlers = createHostHandlers(services({ sendRaw }));
    for (const request of [
      { host: '127.0.0.1', port: 22, bytes: new Uint8Array(1) },
      { host: '127.0.0.1', port: 6379, bytes: new Uint8Array(1) },
      { host: 'printer; rm -rf /', port: 9100, bytes: new Uint8Array(1) },
      { host: 'zebra.local', port: 9100, bytes: '^XA^XZ' },
    ]) {
      expect(await handleBridgeMessage(handlers, trusted, 'print:raw', fromApp, request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(sendRaw).not.toHaveBeenCalled();
    const zpl = new TextEncoder().encode('^XA^XZ');
    expect(await handleBridgeMessage(handlers, trusted, 'print:raw', fromApp, { host: 'zebra.local', port: 9100, bytes: zpl })).toEqual({ ok: true, value: { sentBytes: 1 } });
    // The socket gets the address the host checked, never the name the page gave.
    expect(sendRaw).toHaveBeenCalledWith('192.168.1.50', 9100, zpl);
  });

  it('passes the label stock size to the PDF printer', async () => {
    const printPdf = vi.fn(async () => ({ printed: true }));
    const handlers = createHostHandlers(services({ printPdf }));
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await handleBridgeMessage(handlers, trusted, 'print:pdf', fromApp, { bytes, printerName: 'Zebra', pageWidthMm: 58, pageHeightMm: 40, copies: 2 });
    expect(printPdf).toHaveBeenCalledWith(bytes, { printerName: 'Zebra', pageWidthMm: 58, pageHeightMm: 40, copies: 2 });
    expect(await handleBridgeMessage(handlers, trusted, 'print:pdf', fromApp, { bytes, pageWidthMm: -1, pageHeightMm: 40 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses catalogue calls to operations that do not exist', async () => {
    const handlers = createHostHandlers(services());
    expect(await handleBridgeMessage(handlers, trusted, 'catalogue:call', fromApp, { operation: 'dropDatabase', input: {} })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses file uploads on catalogue:call: files go only through catalogue:upload, which checks size and type', async () => {
    const called = vi.fn(async () => ({ ok: true as const, value: null }));
    const handlers = { ...createHostHandlers(services()), 'catalogue:call': called };
    const oversized = { fileName: 'big.jpg', file: new Blob([new Uint8Array(6 * 1024 * 1024)]) };
    for (const operation of ['uploadFile', 'uploadDocument']) {
      expect(await handleBridgeMessage(handlers, trusted, 'catalogue:call', fromApp, { operation, input: oversized })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(called).not.toHaveBeenCalled();
  });

  it('refuses remote settings without http(s) URLs', async () => {
    const handlers = createHostHandlers(services());
    expect(
      await handleBridgeMessage(handlers, trusted, 'catalogue:configure', fromApp, { kind: 'remote', portalBaseUrl: 'file:///etc', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
