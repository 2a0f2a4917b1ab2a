/**
 * The sandbox: a local stand-in for the National Catalogue of Goods that speaks the same HTTP protocol
 * (catalogue-api.md §13) for demo mode, tests and benchmarks.
 *
 * - Portal API under `/gwp/portal/...` (header `X-API-KEY`; 401 with a non-JSON body otherwise).
 * - Export API under `/api/integration/ofd/...` (header `Authorization: JWT <token>`).
 * - `/portal/...` without `/gwp` (and any other path) answers 200 with an HTML page, like the real portal's SPA.
 * - Product images under `/media/products/...` (routes/media.ts; no credentials, like the real site's).
 * - Admin routes under `/__sandbox/...` (see routes/admin.ts), behind a per-run secret (header
 *   `X-Sandbox-Secret`); moderation markers in moderation.ts; fault injection in faults.ts.
 * - Only our own pages may reach it (security.ts): loopback `Host` only (DNS rebinding), a cross-origin
 *   `Origin` only when listed in `allowedOrigins` (CORS answers only those), same-origin pages always.
 * - State (requests, uploads, published cards) lives in memory, or in `dataDir` (persistence.ts: a journal
 *   fsync'd before any answer); `reset` starts clean. The seed catalogue is regenerated from `seed` and `cards`.
 * - A malformed request gets a 4xx; nothing a client sends stops the server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxCore } from './core.ts';
import { FaultInjector, type FaultRule } from './faults.ts';
import { apiError, BodyTooLarge, HttpError, text, type Reply } from './http.ts';
import { ModerationEngine, type ModerationMode } from './moderation.ts';
import { loadState, memoryPersister, openPersister, releaseLock, type Persister } from './persistence.ts';
import { matchRoute, type RequestContext, type Route } from './router.ts';
import { adminRoutes } from './routes/admin.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { exportBase, exportRoutes } from './routes/export.ts';
import { mediaBase, mediaNotFound, mediaRoutes } from './routes/media.ts';
import { directoryMediaStore, memoryMediaStore } from './media-store.ts';
import { requestRoutes } from './routes/requests.ts';
import { buildSeed, defaultSeed } from './seed/index.ts';
import { adminSecretHeader, checkOrigin, corsHeaders, isAllowedHost, secretMatches } from './security.ts';
import { emptyState, SandboxStore } from './store.ts';
import { languageOf } from './views.ts';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `sandbox-demo-key`. */
  apiKey?: string;
  /** Default `sandbox-demo-token`. */
  exportToken?: string;
  /** Published seed cards (default 2000). */
  cards?: number;
  /** Where the state lives (state.json + journal); undefined keeps state in memory only. */
  dataDir?: string;
  /** Discard the state in `dataDir` and start clean (ids keep counting up). */
  reset?: boolean;
  /** Default `instant`. */
  moderation?: ModerationMode;
  faults?: FaultRule[];
  /** PRNG seed of the card catalogue and of fault rates. */
  seed?: number;
  /** Clock in epoch ms (tests). */
  now?: () => number;
  /** Where unexpected handler errors are reported (default: stderr). */
  log?: (line: string) => void;
  /**
   * Origins of pages that may call the sandbox cross-origin, e.g. `app://ncg` (the desktop shell). Pages
   * served from the sandbox's own origin need no entry. Default: none.
   */
  allowedOrigins?: readonly string[];
  /** Host names accepted besides loopback (127.0.0.1, localhost, [::1]); `host` itself when not a wildcard. */
  allowedHosts?: readonly string[];
  /**
   * The secret the `/__sandbox` admin routes require in header `X-Sandbox-Secret`. Default: env
   * `NCG_SANDBOX_ADMIN_SECRET`, else a random one per run (see `RunningSandbox.adminSecret`).
   */
  adminSecret?: string;
}

/** The sandbox without a listener of its own: `ncg web` mounts it beside the page, on one origin. */
export interface SandboxHandler {
  /** Answers any request (under `/gwp`, the export base or `/__sandbox`; other paths get the portal page). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  apiKey: string;
  exportToken: string;
  adminSecret: string;
  /** Waits for pending writes, compacts the journal and closes it. */
  close(): Promise<void>;
}

export interface RunningSandbox {
  origin: string;
  /** origin + '/gwp' */
  portalBaseUrl: string;
  /** origin + '/api/integration/ofd' */
  exportBaseUrl: string;
  apiKey: string;
  exportToken: string;
  /** Send as header `X-Sandbox-Secret` to `/__sandbox/...`. */
  adminSecret: string;
  close(): Promise<void>;
}

export const defaultApiKey = 'sandbox-demo-key';
export const defaultExportToken = 'sandbox-demo-token';
export const adminSecretEnv = 'NCG_SANDBOX_ADMIN_SECRET';
export { adminSecretHeader };

/** True for the paths the sandbox serves itself (anything else is the portal's SPA page). */
export function isSandboxPath(path: string): boolean {
  return path.startsWith('/gwp/') || path === exportBase || path.startsWith(`${exportBase}/`) || path.startsWith(`${mediaBase}/`) || path === '/__sandbox' || path.startsWith('/__sandbox/');
}

const portalPage = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Национальный каталог товаров (песочница)</title></head>
<body><div id="root">Национальный каталог товаров — песочница NCG Desk. API портала: /gwp/portal/api/…</div></body></html>`;

const portalRoutes: Route[] = [...requestRoutes, ...catalogueRoutes];

function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...extraHeaders, ...reply.headers });
  res.end(reply.body);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Percent-decoding that answers 400 instead of throwing URIError. */
function pathOf(rawUrl: string | undefined): URL | undefined {
  try {
    return new URL(rawUrl ?? '/', 'http://sandbox.invalid');
  } catch {
    return undefined;
  }
}

export async function createSandboxHandler(options: SandboxOptions = {}): Promise<SandboxHandler> {
  const apiKey = options.apiKey ?? defaultApiKey;
  const exportToken = options.exportToken ?? defaultExportToken;
  const adminSecret = options.adminSecret ?? process.env[adminSecretEnv] ?? randomBytes(18).toString('base64url');
  const seedNumber = options.seed ?? defaultSeed;
  const seed = buildSeed({ seed: seedNumber, ...(options.cards === undefined ? {} : { cards: options.cards }) });
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const extraHosts = [...(options.allowedHosts ?? []), ...(options.host && !['0.0.0.0', '::'].includes(options.host) ? [options.host] : [])];

  let persister: Persister = memoryPersister;
  const loaded = options.dataDir ? await loadState(options.dataDir, options.reset === true) : undefined;
  const store: SandboxStore = new SandboxStore(seed, loaded?.state ?? emptyState(), () => persister.changed());
  if (options.dataDir && loaded) {
    try {
      persister = await openPersister(options.dataDir, () => store, loaded, log);
    } catch (error) {
      await releaseLock(options.dataDir);
      throw error;
    }
  }

  const core: SandboxCore = {
    seed,
    store,
    engine: new ModerationEngine(store, options.moderation ?? 'instant', now),
    faults: new FaultInjector(seedNumber, options.faults ?? []),
    apiKey,
    exportToken,
    now,
    newFileId: () => randomUUID(),
    media: options.dataDir ? directoryMediaStore(options.dataDir) : memoryMediaStore(),
  };
  if (options.dataDir && options.reset) await core.media.clear();

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (!isAllowedHost(host, extraHosts)) {
      req.resume();
      return send(res, text(421, 'This sandbox answers only requests addressed to a loopback host.'));
    }
    const origin = checkOrigin(req.headers.origin, host ?? '', allowedOrigins);
    if (origin === 'refused') {
      req.resume();
      return send(res, text(403, 'This origin may not call the sandbox.'));
    }
    const cors = origin === 'cross-origin' ? corsHeaders(req.headers.origin ?? '') : {};
    const url = pathOf(req.url);
    if (!url) {
      req.resume();
      return send(res, apiError(400, 'VALIDATION_ERROR', 'некорректный адрес запроса'), cors);
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, { status: 204, headers: { 'Content-Length': '0' } }, cors);

    const isPortal = path.startsWith('/gwp/');
    const isExport = path === exportBase || path.startsWith(`${exportBase}/`);
    const isAdmin = path === '/__sandbox' || path.startsWith('/__sandbox/');
    const isMedia = path.startsWith(`${mediaBase}/`);
    if (!isPortal && !isExport && !isAdmin && !isMedia) return send(res, text(200, portalPage, 'text/html;charset=UTF-8'), cors);

    if (isPortal && req.headers['x-api-key'] !== apiKey) {
      req.resume();
      return send(res, text(401, 'no content'), cors);
    }
    // Images need no credential, so another site's page must not use them (an <img> sends no Origin).
    if (isMedia && req.headers['sec-fetch-site'] === 'cross-site') {
      req.resume();
      return send(res, text(403, 'product images are served to the app only'), cors);
    }
    if (isAdmin && !secretMatches(req.headers[adminSecretHeader], adminSecret)) {
      req.resume();
      return send(res, text(401, `admin routes need the header ${adminSecretHeader} (printed at start-up)`), cors);
    }
    if (isExport && !path.endsWith('/')) {
      // Django's APPEND_SLASH: the canonical paths end with a slash.
      return send(res, { status: 301, headers: { Location: `${path}/${url.search}`, 'Content-Length': '0' } }, cors);
    }

    const routes = isAdmin ? adminRoutes : isExport ? exportRoutes : isMedia ? mediaRoutes : portalRoutes;
    const match = matchRoute(routes, method, path);
    if (match === 'malformed') {
      req.resume();
      return send(res, apiError(400, 'VALIDATION_ERROR', 'некорректное %-кодирование в адресе'), cors);
    }
    if (match === 'method') return send(res, apiError(405, 'VALIDATION_ERROR', `метод ${method} не поддерживается`), cors);
    if (!match) {
      if (isMedia) return send(res, mediaNotFound(), cors);
      return send(res, isExport ? { status: 404, headers: { 'Content-Type': 'application/json' }, body: '{"detail":"Not found."}' } : apiError(404, 'NOT_FOUND'), cors);
    }

    const faults = isAdmin ? {} : core.faults.draw(match.route.operation, path);
    const before = faults.before;
    if (before) {
      if (before.kind === 'drop') return void req.socket.destroy();
      if (before.kind === '429') {
        req.resume();
        const headers: Record<string, string> = before.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(before.retryAfterSeconds) };
        return send(res, { status: 429, headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers }, body: 'Too Many Requests' }, cors);
      }
      if (before.kind === '500') {
        req.resume();
        return send(res, apiError(500, 'INTERNAL_ERROR'), cors);
      }
      await sleep(before.delayMs ?? 2000);
    }

    const ctx: RequestContext = {
      req,
      url,
      query: url.searchParams,
      params: match.params,
      language: languageOf(req.headers['accept-language']),
      origin: `http://${host ?? 'localhost'}`,
      core,
    };
    let reply: Reply;
    try {
      reply = await match.route.handler(ctx);
    } catch (error) {
      if (error instanceof HttpError) reply = error.reply;
      else if (error instanceof BodyTooLarge) reply = apiError(413, 'VALIDATION_ERROR', 'тело запроса слишком большое');
      else if (error instanceof RangeError && /call stack/i.test(error.message)) reply = apiError(400, 'VALIDATION_ERROR', 'тело запроса слишком глубоко вложено');
      else {
        log(`sandbox: ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        reply = apiError(500, 'INTERNAL_ERROR');
      }
    }
    // Acknowledge nothing (not even a read of it) before it is on disk. A read of one request waits only for
    // that request; everything else waits for every pending change.
    const requestId = method === 'GET' && match.params['id'] !== undefined ? Number(match.params['id']) : undefined;
    const durable = requestId !== undefined && Number.isSafeInteger(requestId) ? persister.durableRequest(requestId) : persister.durable();
    if (durable) {
      try {
        await durable;
      } catch {
        reply = apiError(503, 'INTERNAL_ERROR', 'изменение не удалось сохранить на диск');
      }
    }
    const afterFault = faults.after;
    if (afterFault?.kind === 'drop') return void req.socket.destroy();
    if (afterFault?.kind === 'slow') await sleep(afterFault.delayMs ?? 2000);
    send(res, reply, cors);
  }

  let closed: Promise<void> | undefined;
  return {
    handle(req, res) {
      dispatch(req, res).catch((error: unknown) => {
        log(`sandbox: ${String(error)}`);
        send(res, apiError(500, 'INTERNAL_ERROR'));
      });
    },
    apiKey,
    exportToken,
    adminSecret,
    close: () => (closed ??= persister.close()),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await createSandboxHandler(options);
  const server = createServer((req, res) => sandbox.handle(req, res));
  server.keepAliveTimeout = 5000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    origin,
    portalBaseUrl: `${origin}/gwp`,
    exportBaseUrl: `${origin}${exportBase}`,
    apiKey: sandbox.apiKey,
    exportToken: sandbox.exportToken,
    adminSecret: sandbox.adminSecret,
    close: () => {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await sandbox.close();
      })();
      return closed;
    },
  };
}
