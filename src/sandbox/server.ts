/**
 * The sandbox: a local stand-in for the National Catalogue of Goods that speaks the same HTTP protocol
 * (catalogue-api.md §13) for demo mode, tests and benchmarks.
 *
 * - Portal API under `/gwp/portal/...` (header `X-API-KEY`; 401 with a non-JSON body otherwise).
 * - Export API under `/api/integration/ofd/...` (header `Authorization: JWT <token>`).
 * - `/portal/...` without `/gwp` (and any other path) answers 200 with an HTML page, like the real portal's SPA.
 * - Admin routes under `/__sandbox/...` (see routes/admin.ts); moderation markers in moderation.ts;
 *   fault injection in faults.ts.
 * - CORS is open (the web twin calls it from the browser), OPTIONS preflights answer 204.
 * - State (requests, uploads, published cards) lives in memory, or in `<dataDir>/state.json` when `dataDir`
 *   is given; `reset` starts clean. The seed catalogue is regenerated from `seed` and `cards`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxCore } from './core.ts';
import { FaultInjector, type FaultRule } from './faults.ts';
import { apiError, BodyTooLarge, HttpError, text, type Reply } from './http.ts';
import { ModerationEngine, type ModerationMode } from './moderation.ts';
import { createPersister, loadState } from './persistence.ts';
import { matchRoute, type RequestContext, type Route } from './router.ts';
import { adminRoutes } from './routes/admin.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { exportBase, exportRoutes } from './routes/export.ts';
import { requestRoutes } from './routes/requests.ts';
import { buildSeed, defaultSeed } from './seed/index.ts';
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
  /** Where `state.json` lives; undefined keeps state in memory only. */
  dataDir?: string;
  /** Discard the state in `dataDir` and start clean. */
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
}

export interface RunningSandbox {
  origin: string;
  /** origin + '/gwp' */
  portalBaseUrl: string;
  /** origin + '/api/integration/ofd' */
  exportBaseUrl: string;
  apiKey: string;
  exportToken: string;
  close(): Promise<void>;
}

export const defaultApiKey = 'sandbox-demo-key';
export const defaultExportToken = 'sandbox-demo-token';

const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'X-API-KEY, Authorization, Content-Type, Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After, Content-Type, Location',
  'Access-Control-Max-Age': '600',
};

const portalPage = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Национальный каталог товаров (песочница)</title></head>
<body><div id="root">Национальный каталог товаров — песочница NCG Desk. API портала: /gwp/portal/api/…</div></body></html>`;

const portalRoutes: Route[] = [...requestRoutes, ...catalogueRoutes];

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...corsHeaders, ...reply.headers });
  res.end(reply.body);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const apiKey = options.apiKey ?? defaultApiKey;
  const exportToken = options.exportToken ?? defaultExportToken;
  const seedNumber = options.seed ?? defaultSeed;
  const seed = buildSeed({ seed: seedNumber, ...(options.cards === undefined ? {} : { cards: options.cards }) });
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const state = options.dataDir ? await loadState(options.dataDir, options.reset === true) : emptyState();
  let persistSchedule = () => {};
  const store = new SandboxStore(seed, state, () => persistSchedule());
  const persister = createPersister(options.dataDir, () => store.snapshot());
  persistSchedule = () => persister.schedule();
  if (options.reset) persister.schedule();

  const core: SandboxCore = {
    seed,
    store,
    engine: new ModerationEngine(store, options.moderation ?? 'instant', now),
    faults: new FaultInjector(seedNumber, options.faults ?? []),
    apiKey,
    exportToken,
    now,
    newFileId: () => randomUUID(),
  };

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, { status: 204, headers: { 'Content-Length': '0' } });

    const isPortal = path.startsWith('/gwp/');
    const isExport = path === exportBase || path.startsWith(`${exportBase}/`);
    const isAdmin = path === '/__sandbox' || path.startsWith('/__sandbox/');
    if (!isPortal && !isExport && !isAdmin) return send(res, text(200, portalPage, 'text/html;charset=UTF-8'));

    if (isPortal && req.headers['x-api-key'] !== apiKey) return send(res, text(401, 'no content'));
    if (isExport && !path.endsWith('/')) {
      // Django's APPEND_SLASH: the canonical paths end with a slash.
      return send(res, { status: 301, headers: { Location: `${path}/${url.search}`, 'Content-Length': '0' } });
    }

    const routes = isAdmin ? adminRoutes : isExport ? exportRoutes : portalRoutes;
    const match = matchRoute(routes, method, path);
    if (match === 'method') return send(res, apiError(405, 'VALIDATION_ERROR', `метод ${method} не поддерживается`));
    if (!match) {
      return send(res, isExport ? { status: 404, headers: { 'Content-Type': 'application/json' }, body: '{"detail":"Not found."}' } : apiError(404, 'NOT_FOUND'));
    }

    const faults = isAdmin ? {} : core.faults.draw(match.route.operation, path);
    const before = faults.before;
    if (before) {
      if (before.kind === 'drop') return void req.socket.destroy();
      if (before.kind === '429') {
        req.resume();
        const headers: Record<string, string> = before.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(before.retryAfterSeconds) };
        return send(res, { status: 429, headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers }, body: 'Too Many Requests' });
      }
      if (before.kind === '500') {
        req.resume();
        return send(res, apiError(500, 'INTERNAL_ERROR'));
      }
      await sleep(before.delayMs ?? 2000);
    }

    const ctx: RequestContext = {
      req,
      url,
      query: url.searchParams,
      params: match.params,
      language: languageOf(req.headers['accept-language']),
      origin: `http://${req.headers.host ?? 'localhost'}`,
      core,
    };
    let reply: Reply;
    try {
      reply = await match.route.handler(ctx);
    } catch (error) {
      if (error instanceof HttpError) reply = error.reply;
      else if (error instanceof BodyTooLarge) reply = apiError(413, 'VALIDATION_ERROR', 'тело запроса слишком большое');
      else {
        log(`sandbox: ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        reply = apiError(500, 'INTERNAL_ERROR');
      }
    }
    const afterFault = faults.after;
    if (afterFault?.kind === 'drop') return void req.socket.destroy();
    if (afterFault?.kind === 'slow') await sleep(afterFault.delayMs ?? 2000);
    send(res, reply);
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      log(`sandbox: ${String(error)}`);
      send(res, apiError(500, 'INTERNAL_ERROR'));
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    origin,
    portalBaseUrl: `${origin}/gwp`,
    exportBaseUrl: `${origin}${exportBase}`,
    apiKey,
    exportToken,
    close: () => {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persister.flush();
      })();
      return closed;
    },
  };
}
