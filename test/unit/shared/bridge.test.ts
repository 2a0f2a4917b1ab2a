import { describe, expect, it, vi } from 'vitest';
import { bridgeErrorMessageKey, bridgeMessages } from '../../../src/shared/bridge-messages.ts';
import {
  BridgeError,
  bridgeChannels,
  bridgeErrorCodes,
  buildBridge,
  dispatchBridgeCall,
  exceedsMessageLimits,
  messageLimits,
  type BridgeHandlers,
} from '../../../src/shared/bridge.ts';
import { checkExternalUrl } from '../../../src/shared/external-url.ts';

const handlers: BridgeHandlers = {
  'app:info': async () => ({ version: '1', platform: 'test', shell: 'web' }),
  'catalogue:connection': async () => ({ kind: 'sandbox', portalBaseUrl: 'p', exportBaseUrl: 'e', hasApiKey: false }),
  'catalogue:configure': async () => ({ kind: 'sandbox', portalBaseUrl: 'p', exportBaseUrl: 'e', hasApiKey: false }),
  'catalogue:call': async () => ({ ok: true, value: null }),
  'catalogue:exportPage': async () => ({ ok: true, rows: [], skipped: 0, next: null }),
  'catalogue:upload': async () => ({ ok: true, value: null }),
  'catalogue:media': async () => ({ ok: true, mimeType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }),
  'print:printers': async () => ({ printers: [] }),
  'print:pdf': async () => ({ printed: true }),
  'print:raw': async () => ({ sentBytes: 0 }),
  'external:open': async () => ({ opened: true }),
  'files:save': async () => ({ saved: true }),
};

describe('bridge contract', () => {
  it('builds one narrow function per channel and nothing else', () => {
    const bridge = buildBridge(async () => ({ ok: true, value: null }));
    const methods = Object.entries(bridge).flatMap(([group, functions]) => Object.keys(functions).map((name) => `${group}:${name}`));
    expect(methods.sort()).toEqual([...bridgeChannels].sort());
  });

  it('passes the channel and request to the transport and returns the value', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { opened: true } }));
    const bridge = buildBridge(invoke);
    expect(await bridge.external.open({ url: 'https://example.com/' })).toEqual({ opened: true });
    expect(invoke).toHaveBeenCalledWith('external:open', { url: 'https://example.com/' });
  });

  it('turns an error answer into a BridgeError with its code and issues', async () => {
    const bridge = buildBridge(async () => ({ ok: false, error: { code: 'invalid-request', message: 'bad', issues: ['url: required'] } }));
    const failure = await bridge.external.open({ url: '' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect(failure).toMatchObject({ code: 'invalid-request', message: 'bad', issues: ['url: required'] });
  });

  it('refuses a response that breaks the contract (a host bug must not leak odd data)', async () => {
    const broken = { ...handlers, 'app:info': async () => ({ version: 1 }) } as unknown as BridgeHandlers;
    expect(await dispatchBridgeCall(broken, 'app:info', undefined)).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('refuses extra arguments where none are expected', async () => {
    expect(await dispatchBridgeCall(handlers, 'app:info', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses file names with folders, reserved or control characters', async () => {
    for (const suggestedName of ['a/b.pdf', 'a\\b.pdf', 'con:x', 'bell\u0007.pdf', '..', 'x'.repeat(256)]) {
      const result = await dispatchBridgeCall(handlers, 'files:save', { suggestedName, mimeType: 'application/pdf', bytes: new Uint8Array(0) });
      expect(result.ok, suggestedName).toBe(false);
    }
    const kazakh = await dispatchBridgeCall(handlers, 'files:save', { suggestedName: 'Өнім ҚҰЖ.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(0) });
    expect(kazakh.ok).toBe(true);
  });
});

describe('every bridge message is size-capped before its schema runs', () => {
  it('refuses a 5,000-deep nested message cheaply, without overflowing the stack', async () => {
    let nested: unknown = {};
    for (let depth = 0; depth < 5_000; depth += 1) nested = { a: nested };
    const called = vi.fn(async () => ({ ok: true as const, value: null }));
    const result = await dispatchBridgeCall({ ...handlers, 'catalogue:call': called }, 'catalogue:call', { operation: 'getAllDictionaries', input: nested });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(called).not.toHaveBeenCalled();
    let deeper: unknown = 0;
    for (let depth = 0; depth < 1_000_000; depth += 1) deeper = [deeper];
    expect(exceedsMessageLimits(deeper)).toMatch(/nested/);
  });

  it('refuses too many values and too many bytes on any channel, and lets ordinary messages through', async () => {
    const wide = { operation: 'getAllDictionaries', input: { list: Array.from({ length: messageLimits.values + 1 }, (_, index) => index) } };
    expect(await dispatchBridgeCall(handlers, 'catalogue:call', wide)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const huge = { url: 'x'.repeat(Math.ceil(messageLimits.bytes / 2) + 1) };
    expect(await dispatchBridgeCall(handlers, 'external:open', huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(exceedsMessageLimits({ bytes: new Uint8Array(4), name: 'Өнім.pdf', list: [1, 2, { a: 'b' }] })).toBeUndefined();
    expect(await dispatchBridgeCall(handlers, 'external:open', { url: 'https://nationalcatalog.kz/' })).toMatchObject({ ok: true });
  });

  it('keeps a refusal code the host chose, and every code has a message in kk, ru and en', async () => {
    const refusing = { ...handlers, 'print:raw': async () => { throw new BridgeError({ code: 'printer-refused', message: 'not local' }); } };
    expect(await dispatchBridgeCall(refusing, 'print:raw', { host: '8.8.8.8', port: 9100, bytes: new Uint8Array(1) })).toEqual({ ok: false, error: { code: 'printer-refused', message: 'not local' } });
    for (const code of bridgeErrorCodes) {
      const key = bridgeErrorMessageKey(code).split('.')[2] as keyof typeof bridgeMessages.en.errors;
      for (const locale of ['kk', 'ru', 'en'] as const) expect(bridgeMessages[locale].errors[key], `${locale} ${code}`).toBeTruthy();
    }
    expect(Object.keys(bridgeMessages.en.errors)).toHaveLength(bridgeErrorCodes.length);
  });
});

describe('external links', () => {
  it('allows plain http(s) only', () => {
    expect(checkExternalUrl('https://nationalcatalog.kz/product/1')).toEqual({ ok: true, url: 'https://nationalcatalog.kz/product/1' });
    expect(checkExternalUrl('http://example.com')).toEqual({ ok: true, url: 'http://example.com/' });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'https://u:p@example.com/', 'not a url', `https://e.com/${'a'.repeat(2100)}`]) {
      expect(checkExternalUrl(bad).ok, bad).toBe(false);
    }
  });
});

describe('host messages reach the translators', () => {
  it('registers bridge.* so the page and the host translate the same keys', async () => {
    const { createTranslator } = await import('../../../src/shared/i18n/translate.ts');
    const kk = createTranslator('kk');
    expect(kk('bridge.errors.printerRefused')).toMatch(/[әғқңөұүһі]/);
    expect(createTranslator('en')('bridge.connection.settingsSetAside', { file: 'connection.json.unreadable-x' })).toContain('connection.json.unreadable-x');
  });
});
