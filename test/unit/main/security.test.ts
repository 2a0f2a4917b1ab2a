import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardWebContents, type GuardedContents } from '../../../src/main/security.ts';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  } as GuardedContents;
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  const setup = (devServerOrigin?: string) => {
    const fake = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(fake.contents, { openExternal, devServerOrigin });
    return { ...fake, openExternal };
  };

  it('refuses navigation to any page that is not ours', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fire('will-navigate', 'app://ncg/index.html#/settings')).toBe(false);
  });

  it('refuses redirects away from the app', () => {
    const { fire } = setup();
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-redirect', 'app://ncg/index.html')).toBe(false);
  });

  it('allows the dev server only when it was configured', () => {
    expect(setup().fire('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(setup('http://localhost:5173').fire('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(setup('http://localhost:5173').fire('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('refuses webviews', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and sends only http(s) links to the browser', async () => {
    const { open, openExternal } = setup();
    expect(open('https://nationalcatalog.kz/product/118083')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('https://user:secret@example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal.mock.calls).toEqual([['https://nationalcatalog.kz/product/118083']]);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => { requestHandler = handler; },
      setPermissionCheckHandler: (handler) => { checkHandler = handler; },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      requestHandler!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!(null, permission)).toBe(false);
    }
  });
});
