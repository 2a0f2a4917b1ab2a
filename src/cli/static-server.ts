import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { createGzip } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

export interface VirtualFile {
  /** A fixed body, or one made per request (e.g. URLs on the origin the browser used). */
  body: string | ((request: { origin: string }) => string);
  contentType: string;
}

export interface StaticServerOptions {
  root: string;
  host: string;
  port: number;
  /** Extra in-memory files, e.g. web-twin.json. */
  virtualFiles?: Record<string, VirtualFile>;
  /** Origins the page may connect to besides its own, for the CSP. */
  connectOrigins?: string[];
  /** Another handler on the same origin (the sandbox), for the paths it claims. */
  mount?: { matches: (pathname: string) => boolean; handle: (request: IncomingMessage, response: ServerResponse) => void };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The `Host` header's name without the port, when it is loopback or the host we listen on (DNS rebinding). */
function acceptedHost(header: string | undefined, listenHost: string): boolean {
  if (!header) return false;
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
  return loopbackHosts.has(name.toLowerCase()) || (name === listenHost && !['0.0.0.0', '::'].includes(listenHost));
}

function decodePath(rawUrl: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/**
 * A small static server for the web twin: no directory listings, no paths outside root, gzip, a strict CSP,
 * loopback `Host` only. A malformed request gets a 4xx; nothing a client sends stops it.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the page compile its own bundled WebAssembly (the camera's barcode reader); it allows no JS eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${(options.connectOrigins ?? []).join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!acceptedHost(request.headers.host, options.host)) {
      request.resume();
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const pathname = decodePath(request.url);
    if (pathname === undefined) {
      request.resume();
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return;
    }
    if (options.mount?.matches(pathname)) {
      options.mount.handle(request, response);
      return;
    }
    request.resume();
    const virtual = options.virtualFiles?.[pathname];
    if (virtual) {
      const body = typeof virtual.body === 'string' ? virtual.body : virtual.body({ origin: `http://${request.headers.host ?? options.host}` });
      response.writeHead(200, { 'Content-Type': virtual.contentType, 'Cache-Control': 'no-store' });
      response.end(body);
      return;
    }
    const file = normalize(join(options.root, pathname === '/' ? 'index.html' : pathname));
    const fromRoot = relative(options.root, file);
    if (fromRoot.startsWith('..') || isAbsolute(fromRoot) || pathname.includes('\0')) {
      response.writeHead(404).end();
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const extension = extname(file);
    const gzip = compressible.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': extension === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': info.size }),
    });
    const stream = createReadStream(file);
    // A file removed mid-answer ends this answer, not the server.
    stream.on('error', () => response.destroy());
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
