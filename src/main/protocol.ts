import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { appContentSecurityPolicy, appHost } from './app-url.ts';

/**
 * Maps an app://ncg/… URL to a file inside the built renderer folder, or null when the URL points outside it
 * (encoded `..`, another host, a different scheme). Unknown paths fall back to index.html only for routes
 * without a file extension.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const candidate = normalize(join(rendererDir, relativePath));
  const fromRoot = relative(rendererDir, candidate);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return candidate;
}

/** Module scripts and workers need a JavaScript MIME type; file:// guesses are not reliable for `.mjs`. */
const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

export interface ProtocolDeps {
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void;
  fetchFile: (path: string) => Promise<Response>;
}

export function registerAppProtocol(deps: ProtocolDeps, scheme: string, rendererDir: string): void {
  deps.handle(scheme, async (request) => {
    const path = resolveAppPath(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    const fileResponse = await deps.fetchFile(path);
    const headers = new Headers(fileResponse.headers);
    headers.set('Content-Security-Policy', appContentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    const known = contentTypes[extname(path).toLowerCase()];
    if (known) headers.set('Content-Type', known);
    return new Response(fileResponse.body, { status: fileResponse.status, headers });
  });
}
