/** The page is served from app://ncg/ (never file://), so its origin is fixed and checkable. */
export const appScheme = 'app';
export const appHost = 'ncg';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Strict CSP for the Electron page: it reaches the network only through the bridge. */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the page compile its own bundled WebAssembly (the camera's barcode reader); it allows no JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True for URLs of our own page. In development the page comes from electron-vite's dev server,
 * whose origin is passed in explicitly (never guessed from the URL being checked).
 */
export function isAppUrl(raw: string, devServerOrigin?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${appScheme}:` && url.host === appHost) return true;
  return devServerOrigin !== undefined && url.origin === devServerOrigin;
}
