/**
 * The nct.gov.kz integration API (catalogue-api.md §10): `ofd/` and `ofd_spec/` export feeds and `search_ofd/`.
 *
 * Feed order is (modified, id); a page is `{ result, next }` where `next` is an absolute URL carrying the
 * cursor (`from` = the last row's `modified`, `after` = its id) or null at the end. `from` is inclusive.
 * `ofd_spec` is the same feed restricted to medicines (what the real second feed mostly holds).
 */
import { json, type Reply } from '../http.ts';
import { route, type RequestContext, type Route } from '../router.ts';
import type { CardRecord, CardSummary } from '../seed/cards.ts';
import { exportRow } from '../views.ts';

export const exportBase = '/api/integration/ofd';
export const defaultFeedLimit = 1000;
export const maxFeedLimit = 5000;

type FeedName = 'ofd' | 'ofd_spec';
type FeedCard = CardRecord | CardSummary;

function drfError(status: number, detail: string): Reply {
  return json(status, { detail });
}

/** `Authorization: JWT <token>`; `required` for the export feeds, optional (but checked) for search. */
function authorise(ctx: RequestContext, required: boolean): void {
  const header = ctx.req.headers.authorization;
  if (!header) {
    if (required) throw new HttpReply(drfError(401, 'Authentication credentials were not provided.'));
    return;
  }
  const [scheme, token] = header.split(/\s+/, 2);
  if (scheme !== 'JWT' || token !== ctx.core.exportToken) throw new HttpReply(drfError(401, 'Invalid token.'));
}

class HttpReply extends Error {
  readonly reply: Reply;
  constructor(reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.reply = reply;
  }
}

function after(card: FeedCard, from: number, afterId: number | undefined): boolean {
  return card.modified > from || (card.modified === from && (afterId === undefined || card.id > afterId));
}

function isMedicine(ctx: RequestContext, card: FeedCard): boolean {
  const leaf = 'leaf' in card ? card.leaf : ctx.core.seed.leaf(card.oktru);
  return leaf?.sectionKey === 'medicines';
}

/** Rows after the cursor, merging the lazy seed catalogue with the cards stored by the sandbox. */
function* feedRows(ctx: RequestContext, from: number, afterId: number | undefined, feed: FeedName): Generator<FeedCard> {
  const generator = ctx.core.seed.cards;
  const store = ctx.core.store;
  const stored = store.storedCardsInFeedOrder();
  let i = generator.seek(from, afterId);
  let j = 0;
  while (j < stored.length && !after(stored[j] as CardRecord, from, afterId)) j += 1;
  let pendingSeed: CardSummary | undefined;
  for (;;) {
    while (!pendingSeed && i < generator.count) {
      const summary = generator.summary(i);
      i += 1;
      if (!store.isOverridden(summary.ntin)) pendingSeed = summary;
    }
    const next = stored[j];
    let pick: FeedCard;
    if (pendingSeed && (!next || pendingSeed.modified < next.modified || (pendingSeed.modified === next.modified && pendingSeed.id < next.id))) {
      pick = pendingSeed;
      pendingSeed = undefined;
    } else if (next) {
      pick = next;
      j += 1;
    } else return;
    if (feed === 'ofd' || isMedicine(ctx, pick)) yield pick;
  }
}

function feedPage(ctx: RequestContext, feed: FeedName): Reply {
  authorise(ctx, true);
  const { query } = ctx;
  const from = query.has('from') ? Number(query.get('from')) : 0;
  const limit = query.has('limit') ? Number(query.get('limit')) : defaultFeedLimit;
  const afterId = query.has('after') ? Number(query.get('after')) : undefined;
  const errors: Record<string, string[]> = {};
  if (!Number.isFinite(from)) errors['from'] = ['A valid unix timestamp is required.'];
  if (!Number.isInteger(limit) || limit < 1 || limit > maxFeedLimit) errors['limit'] = [`Ensure this value is between 1 and ${maxFeedLimit}.`];
  if (afterId !== undefined && !Number.isInteger(afterId)) errors['after'] = ['A valid integer is required.'];
  if (Object.keys(errors).length) return json(400, errors);

  const rows: ReturnType<typeof exportRow>[] = [];
  let more = false;
  for (const card of feedRows(ctx, from, afterId, feed)) {
    if (rows.length === limit) {
      more = true;
      break;
    }
    rows.push(exportRow(card));
  }
  const last = rows[rows.length - 1];
  const next = more && last ? `${ctx.origin}${exportBase}/${feed}/?from=${last.modified}&limit=${limit}&after=${last.id}` : null;
  return json(200, { result: rows, next });
}

const maxSearchResults = 50;

function search(ctx: RequestContext): Reply {
  authorise(ctx, false);
  const q = ctx.query.get('q')?.trim();
  const tin = ctx.query.get('tin')?.trim();
  const { store, seed } = ctx.core;
  if (tin) {
    const cards = tin.length === 13 && tin.startsWith('020') ? [store.cardByNtin(tin)].filter((card) => card !== undefined) : store.cardsByGtin(tin);
    return json(200, { result: cards.map(exportRow) });
  }
  if (!q) return drfError(400, 'Укажите параметр q (наименование) или tin (GTIN/NTIN).');
  const needle = q.toLowerCase();
  const matches = (card: FeedCard) => card.nameRu.toLowerCase().includes(needle) || card.nameKk.toLowerCase().includes(needle);
  const result: ReturnType<typeof exportRow>[] = [];
  for (const card of store.storedCards()) if (result.length < maxSearchResults && matches(card)) result.push(exportRow(card));
  for (let index = 0; index < seed.cards.count && result.length < maxSearchResults; index += 1) {
    const summary = seed.cards.summary(index);
    if (!store.isOverridden(summary.ntin) && matches(summary)) result.push(exportRow(summary));
  }
  return json(200, { result });
}

function guarded(handler: (ctx: RequestContext) => Reply) {
  return (ctx: RequestContext): Reply => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof HttpReply) return error.reply;
      throw error;
    }
  };
}

export const exportRoutes: Route[] = [
  route('GET', `${exportBase}/ofd`, 'export.feed', guarded((ctx) => feedPage(ctx, 'ofd'))),
  route('GET', `${exportBase}/ofd_spec`, 'export.feedSpec', guarded((ctx) => feedPage(ctx, 'ofd_spec'))),
  route('GET', `${exportBase}/search_ofd`, 'export.search', guarded(search)),
];

