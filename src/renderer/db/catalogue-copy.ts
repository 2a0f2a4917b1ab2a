/**
 * The inspections' offline catalogue copy (tables `copyCards`, `copyMeta`; schema v5). Written page by page in
 * one transaction each, together with the copy's state, so a stopped or failed download leaves a consistent copy
 * and a resume point; a card is never replaced by an older version of itself, so a resumed page, an overlap or
 * an older snapshot cannot move the copy back in time. Read by the Inspection screen for verdicts.
 * No React here: the catalogue-copy worker imports this module.
 */
import Dexie, { type EntityTable } from 'dexie';
import { advanceCopyInfo, emptyCopyInfo, type CopyCard, type CopyInfo, type CopyLookup } from '../../shared/inspection/index.ts';
import type { NcgDatabase } from './database.ts';

export interface CopyState extends CopyInfo {
  /** `partial`: a download or import stopped before the end; `resumeUrl` continues it. */
  status: 'empty' | 'partial' | 'complete';
  /** The next export page to fetch to finish a partial download. */
  resumeUrl: string | undefined;
  /** When the running (or stopped) download began: becomes `copyDate` when it completes. */
  startedAt: string | undefined;
  /** The `from` the running download started with (for its progress estimate). */
  startedFrom: number;
  /** The running download began on an empty copy: its pages cannot hold a card twice (the feed's cursor is strict). */
  initial?: boolean;
}

interface CopyMetaRecord {
  key: 'state';
  state: CopyState;
}

declare module './database.ts' {
  interface NcgTables {
    copyCards: EntityTable<CopyCard, 'key'>;
    copyMeta: EntityTable<CopyMetaRecord, 'key'>;
  }
}

export const emptyCopyState: CopyState = { ...emptyCopyInfo, status: 'empty', resumeUrl: undefined, startedAt: undefined, startedFrom: 0 };

export async function readCopyState(db: NcgDatabase): Promise<CopyState> {
  return (await db.copyMeta.get('state'))?.state ?? emptyCopyState;
}

export async function writeCopyState(db: NcgDatabase, state: CopyState): Promise<void> {
  await db.copyMeta.put({ key: 'state', state });
}

/**
 * Stores one batch of cards and the copy's next state in one transaction; `nextState` gets the state after the
 * cards (count, cursor, highest NTIN) and returns what else changes (resume point, status). Returns how many
 * cards were new. A card already held with a later `modified` is kept.
 */
export async function storeCopyBatch(
  db: NcgDatabase,
  cards: readonly CopyCard[],
  nextState: (state: CopyState) => CopyState,
  /** True when none of these keys can be held yet (the first download of an empty copy): skips the read. */
  allNew = false,
): Promise<number> {
  return db.transaction('rw', db.copyCards, db.copyMeta, async () => {
    const state = await readCopyState(db);
    if (allNew) {
      await db.copyCards.bulkPut(cards as CopyCard[]);
      await writeCopyState(db, nextState({ ...state, ...advanceCopyInfo(state, cards, cards.length) }));
      return cards.length;
    }
    const held = await db.copyCards.bulkGet(cards.map((card) => card.key));
    const fresh: CopyCard[] = [];
    let added = 0;
    cards.forEach((card, index) => {
      const old = held[index];
      if (!old) added += 1;
      if (!old || old.modified <= card.modified) fresh.push(card);
    });
    if (fresh.length > 0) await db.copyCards.bulkPut(fresh);
    const advanced = advanceCopyInfo(state, cards, added);
    await writeCopyState(db, nextState({ ...state, ...advanced }));
    return added;
  });
}

export async function updateCopyState(db: NcgDatabase, change: (state: CopyState) => CopyState): Promise<CopyState> {
  return db.transaction('rw', db.copyMeta, async () => {
    const next = change(await readCopyState(db));
    await writeCopyState(db, next);
    return next;
  });
}

/** The copy as the verdict reads it. */
export function copyLookup(db: NcgDatabase): CopyLookup {
  return {
    byNtin: (ntin) => db.copyCards.get(ntin),
    byGtin: (gtin14) => db.copyCards.where('gtin').equals(gtin14).toArray(),
  };
}

/** Every card, in key order, in batches (for writing a snapshot of the held copy). */
export async function eachCopyBatch(db: NcgDatabase, batchSize: number, onBatch: (cards: CopyCard[]) => Promise<void> | void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const query = after === undefined ? db.copyCards.orderBy('key') : db.copyCards.where('key').above(after);
    const cards = await query.limit(batchSize).toArray();
    if (cards.length === 0) return;
    await onBatch(cards);
    after = cards[cards.length - 1]?.key;
  }
}

/** True for the browser's "storage full" failure, however Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'name' in current && (current.name === 'QuotaExceededError' || current.name === Dexie.errnames.QuotaExceeded)) return true;
    current = typeof current === 'object' && 'inner' in current ? current.inner : undefined;
  }
  return false;
}
