/**
 * Creating a request exactly once (catalogue-api.md §2.5: "POST /products/requests is not idempotent. If a
 * create call times out, reconcile via GET /products/requests before re-posting").
 *
 * The algorithm:
 * 1. POST the draft. An answer (`{id}`) or a definite refusal (400/401/422, or 429 after its own retries) ends it.
 * 2. When the outcome is unknown (timeout, dropped connection, 5xx), wait one backoff step and scan the
 *    user's requests in status `new` for the draft this POST may have made.
 * 3. Found: return its id (`reconciled: true`). Not found: POST again, at most `maxPosts` times in all.
 *
 * What counts as "the draft": by default a request in status `new` with the same `name_ru` (the catalogue
 * flags it unique) and the same leaf ОКТРУ code, whose id is not in `excludeIds`, the newest such one. Pass
 * the ids of drafts you already know in `excludeIds`, or your own `matches`. Edit requests (`ntin` set,
 * no `name_ru`) have no default key: give `matches`, otherwise a lost answer is reported, not re-posted.
 */
import { attributeCodes } from '../application/attribute-codes.ts';
import type { ProductRequestBody, RequestShort } from './dto.ts';
import { CatalogueError } from './errors.ts';
import { backoffDelay, type RetryPolicy } from './retry.ts';
import type { Sleep } from './transport.ts';

export interface CreateOnceOptions {
  /** Ids that are certainly not this create's draft (drafts the caller already knows). */
  excludeIds?: Iterable<number>;
  /** Decides whether a listed request is this create's draft; replaces the default name + ОКТРУ key. */
  matches?: (item: RequestShort) => boolean;
  /** POSTs in all, counting the first (default 3). */
  maxPosts?: number;
  /** Request-list pages (of 100) scanned per reconcile (default 5). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface CreateOnceResult {
  id: number;
  /** True when the id was found in the request list after a lost answer. */
  reconciled: boolean;
  /** How many POSTs were sent. */
  posts: number;
}

export interface CreateOnceDeps {
  create: (body: ProductRequestBody, options: { signal?: AbortSignal }) => Promise<number>;
  iterateNew: (options: { signal?: AbortSignal }) => AsyncIterable<RequestShort>;
  sleep: Sleep;
  random: () => number;
  retry: RetryPolicy;
}

/** The default reconcile key of a body: its `name_ru` and `oktru`, or undefined for edit requests. */
export function defaultMatcher(body: ProductRequestBody): ((item: RequestShort) => boolean) | undefined {
  const nameRu = body.attributes.find((attribute) => attribute.code === attributeCodes.nameRu)?.value?.trim();
  if (!nameRu) return undefined;
  const oktru = body.oktru.trim();
  return (item) => {
    if (item.status.code !== 'new') return false;
    if ((item.productData.nameRu ?? '').trim() !== nameRu) return false;
    const leaf = [...item.categoryAncestors].sort((a, b) => b.level - a.level)[0];
    return leaf === undefined || leaf.code === oktru;
  };
}

export async function createRequestOnce(
  deps: CreateOnceDeps,
  body: ProductRequestBody,
  options: CreateOnceOptions = {},
): Promise<CreateOnceResult> {
  const excluded = new Set(options.excludeIds ?? []);
  const key = options.matches ?? defaultMatcher(body);
  const maxPosts = Math.max(1, options.maxPosts ?? 3);
  const signal = options.signal;
  for (let posts = 1; ; posts += 1) {
    try {
      const id = await deps.create(body, { signal });
      return { id, reconciled: false, posts };
    } catch (error) {
      if (!(error instanceof CatalogueError) || !error.outcomeUnknown || !key || signal?.aborted) throw error;
      await deps.sleep(backoffDelay(posts, deps.retry, deps.random), signal);
      const found = await reconcile(deps, key, excluded, signal);
      if (found !== undefined) return { id: found, reconciled: true, posts };
      if (posts >= maxPosts) throw error;
    }
  }
}

async function reconcile(
  deps: CreateOnceDeps,
  key: (item: RequestShort) => boolean,
  excluded: ReadonlySet<number>,
  signal: AbortSignal | undefined,
): Promise<number | undefined> {
  let best: number | undefined;
  for await (const item of deps.iterateNew({ signal })) {
    if (excluded.has(item.id) || !key(item)) continue;
    if (best === undefined || item.id > best) best = item.id;
  }
  return best;
}
