/**
 * The nct.gov.kz integration API client (surface C, `Authorization: JWT <token>`; catalogue-api.md §10):
 * the incremental export feed (`/ofd/?from=&limit=`, following `next` verbatim) and code/name search.
 */
import { mayShareCredentials, normaliseExportBaseUrl } from './base-url.ts';
import { CatalogueError, unexpectedResponse } from './errors.ts';
import { exportRowSchema, extractNext, extractRows, type ExportRow } from './export-dto.ts';
import { retryPolicy, type RetryOptions } from './retry.ts';
import { defaultSleep, send, withQuery, type RetryEvent, type Sleep, type TransportConfig } from './transport.ts';

export interface ExportClientOptions {
  /** `https://nct.gov.kz/api/integration/ofd` (a bare `https://nct.gov.kz` gets the path appended). */
  baseUrl: string;
  /** The integration token (not the portal key). Sent whenever configured. */
  token?: string;
  fetch: typeof fetch;
  /** Per page; default 120 s (pages of 1000 rows are slow in practice). */
  timeoutMs?: number;
  retry?: RetryOptions;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  /** Minimum spacing between requests, e.g. 1000 for the 1 request/second some integrators keep. Default 0. */
  minIntervalMs?: number;
  onRetry?: (event: RetryEvent) => void;
}

/** `ofd` is the main export; `ofd_spec` a second feed (mostly medicines; meaning unconfirmed). */
export type ExportFeed = 'ofd' | 'ofd_spec';

export interface ExportPage {
  url: string;
  rows: ExportRow[];
  /** Rows that could not be read (no usable id); kept raw for diagnostics. */
  skipped: unknown[];
  /** The absolute URL of the next page, or undefined at the end. */
  next: string | undefined;
}

export interface FeedOptions {
  /** Unix seconds: rows modified since then (subtract an overlap of a few minutes when resuming). */
  from: number;
  /** Rows per page (default 1000). */
  limit?: number;
  feed?: ExportFeed;
  maxPages?: number;
  signal?: AbortSignal;
}

export type ExportClient = ReturnType<typeof createExportClient>;

export function createExportClient(options: ExportClientOptions) {
  const baseUrl = normaliseExportBaseUrl(options.baseUrl);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const config: TransportConfig = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 120_000,
    retry: retryPolicy(options.retry),
    sleep,
    random: options.random ?? Math.random,
    now,
    headers: { Accept: 'application/json' },
    onRetry: options.onRetry,
  };
  const minInterval = options.minIntervalMs ?? 0;
  let lastRequestAt = Number.NEGATIVE_INFINITY;

  async function getJson(operation: string, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    if (minInterval > 0) {
      const wait = lastRequestAt + minInterval - now();
      if (wait > 0) await sleep(wait, signal);
      lastRequestAt = now();
    }
    const headers: Record<string, string> = {};
    if (options.token && mayShareCredentials(baseUrl, url)) headers['Authorization'] = `JWT ${options.token}`;
    const answer = await send(config, { operation, method: 'GET', url, headers, expect: 'json', retry: 'all', signal });
    return answer.body;
  }

  function readRows(operation: string, body: unknown): { rows: ExportRow[]; skipped: unknown[] } {
    if (body === null || typeof body !== 'object') throw unexpectedResponse(`${operation}: the answer is not a JSON object or array`, operation);
    const rows: ExportRow[] = [];
    const skipped: unknown[] = [];
    for (const raw of extractRows(body)) {
      const parsed = exportRowSchema.safeParse(raw);
      if (parsed.success && Number.isFinite(parsed.data.id)) rows.push(parsed.data);
      else skipped.push(raw);
    }
    return { rows, skipped };
  }

  const client = {
    baseUrl,

    /** The first page's URL of a feed. */
    feedUrl: ({ from, limit = 1000, feed = 'ofd' }: Pick<FeedOptions, 'from' | 'limit' | 'feed'>): string =>
      withQuery(`${baseUrl}/${feed}/`, { from, limit }),

    /** One export page by absolute URL (a `next` link is used verbatim). */
    fetchPage: async (url: string, signal?: AbortSignal): Promise<ExportPage> => {
      const body = await getJson('export.feed', url, signal);
      const { rows, skipped } = readRows('export.feed', body);
      const next = extractNext(body);
      return { url, rows, skipped, next: next ? new URL(next, url).href : undefined };
    },

    /** Pages of the feed from `from`, following `next` until it is empty. */
    pages: async function* (feedOptions: FeedOptions): AsyncGenerator<ExportPage> {
      let url: string | undefined = client.feedUrl(feedOptions);
      const seen = new Set<string>();
      const limit = feedOptions.maxPages ?? Number.POSITIVE_INFINITY;
      for (let count = 0; url && count < limit; count += 1) {
        if (seen.has(url)) throw unexpectedResponse(`export.feed: the feed links back to a page already read (${url})`, 'export.feed');
        seen.add(url);
        const page = await client.fetchPage(url, feedOptions.signal);
        yield page;
        url = page.next;
      }
    },

    /** The feed's rows, in order. Track `max(modified)` of stored rows as the next `from`. */
    rows: async function* (feedOptions: FeedOptions): AsyncGenerator<ExportRow> {
      for await (const page of client.pages(feedOptions)) yield* page.rows;
    },

    /** Cards whose names match `q` (`search_ofd/?q=`). */
    search: async (q: string, signal?: AbortSignal): Promise<ExportRow[]> =>
      readRows('export.search', await getJson('export.search', withQuery(`${baseUrl}/search_ofd/`, { q }), signal)).rows,

    /** Cards with this GTIN or NTIN (`search_ofd/?tin=`); several cards may share a GTIN. */
    lookup: async (tin: string, signal?: AbortSignal): Promise<ExportRow[]> => {
      try {
        return readRows('export.lookup', await getJson('export.lookup', withQuery(`${baseUrl}/search_ofd/`, { tin }), signal)).rows;
      } catch (error) {
        if (error instanceof CatalogueError && error.kind === 'not-found') return [];
        throw error;
      }
    },
  };
  return client;
}
