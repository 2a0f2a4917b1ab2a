import { checkExternalUrl } from '../shared/external-url.ts';
import { isAppUrl } from './app-url.ts';

/** The parts of Electron's WebContents this module uses: narrow, so tests can pass plain fakes. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null): void;
}

export interface SecurityOptions {
  devServerOrigin?: string;
  /** Opens an already checked http(s) URL in the user's browser. */
  openExternal: (url: string) => Promise<void>;
  /** Told about every refusal, for the log. */
  onRefused?: (what: string, url: string) => void;
}

/** Navigation away, redirects, new windows and webviews are refused; external links go through the checked helper. */
export function guardWebContents(contents: GuardedContents, options: SecurityOptions): void {
  const refuseUnlessApp = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, options.devServerOrigin)) return;
    event.preventDefault();
    options.onRefused?.(kind, url);
  };
  contents.on('will-navigate', refuseUnlessApp('navigation'));
  contents.on('will-redirect', refuseUnlessApp('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onRefused?.('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    options.onRefused?.('new window', url);
    void openExternalChecked(url, options.openExternal);
    return { action: 'deny' };
  });
}

/** No camera, microphone, geolocation, notifications…: the app needs none of them. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export async function openExternalChecked(raw: string, openExternal: (url: string) => Promise<void>): Promise<boolean> {
  const check = checkExternalUrl(raw);
  if (!check.ok) return false;
  await openExternal(check.url);
  return true;
}
