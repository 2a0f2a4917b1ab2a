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
    connection: () => ({ kind: 'sandbox', portalBaseUrl: 'http://127.0.0.1:1/gwp', exportBaseUrl: 'http://127.0.0.1:1/api/integration/ofd', hasApiKey: true }),
    openExternal: vi.fn(async () => undefined),
    chooseSaveLocation: vi.fn(async (name: string) => `/tmp/${name}`),
    writeFile: vi.fn(async () => undefined),
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
