/**
 * The inspections' offline catalogue copy (schema v8: `copyBlocks`, `copyBuckets`, `copyMeta`; layout in
 * shared/inspection/copy-index.ts). Cards are appended in blocks of 128, the lookup index is 4,096 hash buckets.
 *
 * Two ways in, both one transaction per batch together with the copy's state (so a stopped or failed run leaves
 * a consistent copy and a resume point):
 * - `appendCopyBatch`: keys known to be new (the first download of an empty copy, a snapshot into an empty copy):
 *   blocks only; the index entries wait in memory and are merged into the buckets every few hundred thousand
 *   cards and with the last batch. Blocks not yet in the index (`indexedBlocks` … `nextBlock`) are indexed from
 *   the blocks themselves by `catchUpCopyIndex` (after a stop, a failure or a crash);
 * - `mergeCopyBatch`: anything else (updates, resumed imports): read-modify-write of the buckets and blocks a
 *   batch touches; a card is never replaced by an older version of itself, so a resumed page, an overlap or an
 *   older snapshot cannot move the copy back in time. A replaced card's slot is marked dead.
 *
 * Blocks that are not full or hold dead slots are listed, with their live cards, in the `sparse` meta record;
 * `compactCopy` moves the live cards of the emptiest ones into new full blocks, a few blocks per transaction
 * (lookups wait at most one step; a crash between steps leaves a whole, consistent copy).
 * Read by the Inspection screen for verdicts. No React here: the catalogue-copy worker imports this module.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { advanceCopyInfo, emptyCopyInfo, type CopyCard, type CopyInfo } from '../../shared/inspection/copy-card.ts';
import type { CopyLookup } from '../../shared/inspection/verdict.ts';
import {
  blockLength,
  blockOfRef,
  blockSize,
  bucketOf,
  cardAt,
  compactionSlack,
  compactionSources,
  denseBlocks,
  gtinEntryKey,
  liveCards,
  liveCount,
  markDead,
  packBlocks,
  PendingEntries,
  refsIn,
  slotOfRef,
  entriesOf,
  type CopyBlock,
  worthCompacting,
  type CopyBucket,
} from '../../shared/inspection/copy-index.ts';
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
  /** The id the next block gets (= blocks written). */
  nextBlock?: number;
  /** Blocks below this id are in the buckets. */
  indexedBlocks?: number;
  /** The user stopped the last download: it is not continued by itself until they ask. */
  stoppedByUser?: boolean;
}

/**
 * `state`: the copy's state. `sparse`: block id → live cards, for every block that is not full or holds dead
 * slots (what compaction can reclaim); absent for a copy written before it was kept (compaction then lists
 * them once from the blocks).
 */
interface CopyMetaRecord {
  key: 'state' | 'sparse';
  state?: CopyState;
  blocks?: Map<number, number>;
}

declare module './database.ts' {
  interface NcgTables {
    copyBlocks: EntityTable<CopyBlock, 'id'>;
    copyBuckets: EntityTable<CopyBucket, 'id'>;
    copyMeta: EntityTable<CopyMetaRecord, 'key'>;
  }
}

interface CopyTables {
  blocks: EntityTable<CopyBlock, 'id'>;
  buckets: EntityTable<CopyBucket, 'id'>;
  meta: EntityTable<CopyMetaRecord, 'key'>;
}

const tablesOf = (db: NcgDatabase): CopyTables => ({ blocks: db.copyBlocks, buckets: db.copyBuckets, meta: db.copyMeta });

/** Merge the pending entries into the buckets every this many cards of an append run (bounds the worker's memory). */
const FLUSH_EVERY_ENTRIES = 1_000_000;

export const emptyCopyState: CopyState = { ...emptyCopyInfo, status: 'empty', resumeUrl: undefined, startedAt: undefined, startedFrom: 0, nextBlock: 0, indexedBlocks: 0 };

async function readState(tables: CopyTables): Promise<CopyState> {
  const state = (await tables.meta.get('state'))?.state;
  return state ? { ...state, nextBlock: state.nextBlock ?? 0, indexedBlocks: state.indexedBlocks ?? 0 } : emptyCopyState;
}

export function readCopyState(db: NcgDatabase): Promise<CopyState> {
  return readState(tablesOf(db));
}

export async function writeCopyState(db: NcgDatabase, state: CopyState): Promise<void> {
  await db.copyMeta.put({ key: 'state', state });
}

async function applyPending(tables: CopyTables, pending: PendingEntries): Promise<void> {
  const ids = pending.buckets;
  if (ids.length === 0) return;
  const held = await tables.buckets.bulkGet(ids);
  await tables.buckets.bulkPut(ids.map((id, index) => pending.apply(id, held[index])));
}

async function readSparse(tables: CopyTables): Promise<Map<number, number> | undefined> {
  return (await tables.meta.get('sparse'))?.blocks;
}

/**
 * Notes blocks just written or changed (`live` = their live cards; full clean blocks are dropped from the list).
 * A copy that had blocks before the list was kept stays without one (compaction lists it from the blocks).
 */
async function noteSparse(tables: CopyTables, hadBlocks: boolean, written: readonly CopyBlock[]): Promise<void> {
  const changes = written.filter((block) => blockLength(block) < blockSize || liveCount(block) < blockLength(block));
  const full = written.filter((block) => !changes.includes(block));
  if (changes.length === 0 && full.length === 0) return;
  const held = await readSparse(tables);
  if (!held && hadBlocks) return;
  const blocks = new Map(held);
  if (changes.length === 0 && !full.some((block) => blocks.has(block.id))) return;
  for (const block of changes) blocks.set(block.id, liveCount(block));
  for (const block of full) blocks.delete(block.id);
  await tables.meta.put({ key: 'sparse', blocks });
}

/** Indexes the blocks written but not yet in the buckets (after a stop, a failure or a crash). */
async function catchUp(tables: CopyTables, state: CopyState): Promise<CopyState> {
  const nextBlock = state.nextBlock ?? 0;
  let from = state.indexedBlocks ?? 0;
  if (from >= nextBlock) return state;
  const pending = new PendingEntries();
  while (from < nextBlock) {
    const to = Math.min(nextBlock, from + 64);
    for (const block of await tables.blocks.where(':id').between(from, to, true, false).toArray()) {
      for (const { card, ref } of liveCards(block)) pending.addCard(card, ref);
    }
    from = to;
  }
  await applyPending(tables, pending);
  const next = { ...state, indexedBlocks: nextBlock };
  await tables.meta.put({ key: 'state', state: next });
  return next;
}

export async function catchUpCopyIndex(db: NcgDatabase): Promise<CopyState> {
  return db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => catchUp(tablesOf(db), await readCopyState(db)));
}

/** One append run's index entries, waiting in memory until `flush`. */
export interface AppendIndex {
  readonly pending: PendingEntries;
}

export function startAppendIndex(): AppendIndex {
  return { pending: new PendingEntries() };
}

/**
 * Stores cards none of whose keys is held (checked by the caller's reason: an empty copy, a strict feed cursor)
 * and the copy's next state, in one transaction. The index entries go to `index` and reach the buckets when
 * `flush` is true or enough have gathered. Returns how many cards were stored.
 */
export async function appendCopyBatch(db: NcgDatabase, cards: readonly CopyCard[], nextState: (state: CopyState) => CopyState, index: AppendIndex, flush: boolean): Promise<number> {
  const tables = tablesOf(db);
  let flushed = false;
  try {
    await db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => {
      let state = await readState(tables);
      // Blocks left unindexed by an earlier run go into the buckets before this run's entries follow them.
      if ((state.indexedBlocks ?? 0) < (state.nextBlock ?? 0) && index.pending.size === 0) state = await catchUp(tables, state);
      const { blocks, refs } = packBlocks(cards, state.nextBlock ?? 0);
      if (blocks.length > 0) await tables.blocks.bulkPut(blocks);
      const tail = blocks[blocks.length - 1];
      if (tail && blockLength(tail) < blockSize) await noteSparse(tables, (state.nextBlock ?? 0) > 0, [tail]);
      cards.forEach((card, position) => index.pending.addCard(card, refs[position] as number));
      const nextBlock = (state.nextBlock ?? 0) + blocks.length;
      let next = nextState({ ...state, ...advanceCopyInfo(state, cards, cards.length), nextBlock });
      flushed = flush || index.pending.size >= FLUSH_EVERY_ENTRIES;
      if (flushed) {
        await applyPending(tables, index.pending);
        next = { ...next, indexedBlocks: nextBlock };
      }
      await tables.meta.put({ key: 'state', state: next });
    });
  } catch (error) {
    // Entries of a batch that was not stored must never reach the buckets; stored blocks are caught up later.
    index.pending.clear();
    throw error;
  }
  if (flushed) index.pending.clear();
  return cards.length;
}

/**
 * Ends an append run: the entries still in memory reach the buckets and `change` applies to the state, in one
 * transaction (after which every stored block is in the index).
 */
export async function finishAppendIndex(db: NcgDatabase, index: AppendIndex, change: (state: CopyState) => CopyState = (state) => state): Promise<CopyState> {
  const tables = tablesOf(db);
  const next = await db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => {
    let state = await readState(tables);
    if (index.pending.size > 0) {
      await applyPending(tables, index.pending);
      state = { ...state, indexedBlocks: state.nextBlock ?? 0 };
    } else state = await catchUp(tables, state);
    const changed = change(state);
    await tables.meta.put({ key: 'state', state: changed });
    return changed;
  });
  index.pending.clear();
  return next;
}

/**
 * Stores one batch of cards that may already be held, and the copy's next state, in one transaction; returns how
 * many cards were new. A card already held with a later `modified` is kept.
 */
export async function mergeCopyBatch(db: NcgDatabase, cards: readonly CopyCard[], nextState: (state: CopyState) => CopyState): Promise<number> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => {
    const state = await catchUp(tables, await readState(tables));
    // The newest version of each key in this batch.
    const latest = new Map<string, CopyCard>();
    for (const card of cards) {
      const seen = latest.get(card.key);
      if (!seen || seen.modified <= card.modified) latest.set(card.key, card);
    }
    const buckets = new Map<number, CopyBucket | undefined>();
    const loadBuckets = async (ids: number[]) => {
      const missing = [...new Set(ids)].filter((id) => !buckets.has(id));
      const held = await tables.buckets.bulkGet(missing);
      missing.forEach((id, position) => buckets.set(id, held[position]));
    };
    await loadBuckets([...latest.keys()].map(bucketOf));
    const oldRefs = new Map<string, number>();
    for (const key of latest.keys()) {
      const ref = refsIn(buckets.get(bucketOf(key)), key)[0];
      if (ref !== undefined) oldRefs.set(key, ref);
    }
    const oldBlockIds = [...new Set([...oldRefs.values()].map(blockOfRef))];
    const oldBlocks = new Map<number, CopyBlock>();
    (await tables.blocks.bulkGet(oldBlockIds)).forEach((block) => block && oldBlocks.set(block.id, block));

    const pending = new PendingEntries();
    const changedBlocks = new Set<CopyBlock>();
    const fresh: CopyCard[] = [];
    let added = 0;
    for (const [key, card] of latest) {
      const oldRef = oldRefs.get(key);
      const oldBlock = oldRef === undefined ? undefined : oldBlocks.get(blockOfRef(oldRef));
      const old = oldBlock && oldRef !== undefined ? cardAt(oldBlock, slotOfRef(oldRef)) : undefined;
      if (!old || oldRef === undefined || !oldBlock) {
        added += 1;
        fresh.push(card);
        continue;
      }
      if (old.modified > card.modified) continue;
      for (const [entryKey, entryRef] of entriesOf(old, oldRef)) pending.remove(entryKey, entryRef);
      markDead(oldBlock, slotOfRef(oldRef));
      changedBlocks.add(oldBlock);
      fresh.push(card);
    }
    const { blocks, refs } = packBlocks(fresh, state.nextBlock ?? 0);
    fresh.forEach((card, position) => pending.addCard(card, refs[position] as number));
    const written = [...changedBlocks, ...blocks];
    if (written.length > 0) await tables.blocks.bulkPut(written);
    const tail = blocks[blocks.length - 1];
    await noteSparse(tables, (state.nextBlock ?? 0) > 0, tail && blockLength(tail) < blockSize ? [...changedBlocks, tail] : [...changedBlocks]);
    await loadBuckets(pending.buckets);
    const touched = pending.buckets;
    if (touched.length > 0) await tables.buckets.bulkPut(touched.map((id) => pending.apply(id, buckets.get(id))));
    const nextBlock = (state.nextBlock ?? 0) + blocks.length;
    await tables.meta.put({ key: 'state', state: nextState({ ...state, ...advanceCopyInfo(state, cards, added), nextBlock, indexedBlocks: nextBlock }) });
    return added;
  });
}

/**
 * Live cards moved per compaction step at most. A lookup waits for the step under way (IndexedDB queues a read
 * behind a write to the same stores): 512 cards touch ~500 buckets, about 0.1 s on a loaded laptop with 300,000
 * cards held (4096 took 0.9 s a step, though fewer steps in all).
 */
const COMPACT_STEP_CARDS = 512;

/** Lists the sparse blocks of a copy written before the list was kept, reading blocks a range at a time. */
async function listSparseBlocks(db: NcgDatabase): Promise<void> {
  const blocks = new Map<number, number>();
  let from = 0;
  for (;;) {
    const range = await db.copyBlocks.where(':id').aboveOrEqual(from).limit(64).toArray();
    if (range.length === 0) break;
    for (const block of range) {
      const live = liveCount(block);
      if (blockLength(block) < blockSize || live < blockLength(block)) blocks.set(block.id, live);
      from = block.id + 1;
    }
  }
  await db.transaction('rw', db.copyMeta, async () => {
    if (!(await readSparse(tablesOf(db)))) await db.copyMeta.put({ key: 'sparse', blocks });
  });
}

export interface CompactionResult {
  /** Transactions run. */
  steps: number;
  blocksBefore: number;
  blocksAfter: number;
}

/** One step: the chosen blocks' live cards move into new blocks, their index entries follow, the blocks go. */
async function compactStep(db: NcgDatabase, stepCards: number): Promise<{ done: boolean; blocks: number }> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => {
    const state = await catchUp(tables, await readState(tables));
    const heldBlocks = await tables.blocks.count();
    const sparse = new Map(await readSparse(tables));
    if (heldBlocks - denseBlocks(state.count) <= compactionSlack(state.count)) return { done: true, blocks: heldBlocks };
    const sourceIds = compactionSources(sparse, Math.max(2, Math.ceil(stepCards / 32)), stepCards);
    const sources = (await tables.blocks.bulkGet(sourceIds)).filter((block): block is CopyBlock => block !== undefined);
    const only = sources[0];
    // A lone block without dead slots (the newest, partly filled) is as dense as it gets.
    if (sources.length === 0 || (sources.length === 1 && only && liveCount(only) === blockLength(only))) return { done: true, blocks: heldBlocks };
    const moving = sources.flatMap(liveCards);
    const { blocks, refs } = packBlocks(
      moving.map(({ card }) => card),
      state.nextBlock ?? 0,
    );
    const pending = new PendingEntries();
    moving.forEach(({ card, ref }, position) => {
      for (const [entryKey, entryRef] of entriesOf(card, ref)) pending.remove(entryKey, entryRef);
      pending.addCard(card, refs[position] as number);
    });
    const touched = pending.buckets;
    const held = await tables.buckets.bulkGet(touched);
    await tables.buckets.bulkPut(touched.map((id, index) => pending.apply(id, held[index])));
    if (blocks.length > 0) await tables.blocks.bulkPut(blocks);
    await tables.blocks.bulkDelete(sources.map((block) => block.id));
    for (const block of sources) sparse.delete(block.id);
    const tail = blocks[blocks.length - 1];
    if (tail && blockLength(tail) < blockSize) sparse.set(tail.id, blockLength(tail));
    await tables.meta.put({ key: 'sparse', blocks: sparse });
    const nextBlock = (state.nextBlock ?? 0) + blocks.length;
    await tables.meta.put({ key: 'state', state: { ...state, nextBlock, indexedBlocks: nextBlock } });
    return { done: false, blocks: heldBlocks - sources.length + blocks.length };
  });
}

/**
 * Reclaims the slots of replaced cards and the room of partly filled blocks: the emptiest blocks' live cards
 * are packed into new blocks, one bounded transaction per step, until the copy is within 1 % of its dense size
 * (or `maxSteps` ran, or `signal` aborted: the copy is whole after any step). Lookups answer the same throughout.
 */
export async function compactCopy(
  db: NcgDatabase,
  options: { maxSteps?: number; signal?: AbortSignal; onStep?: (blocks: number) => void; stepCards?: number } = {},
): Promise<CompactionResult> {
  if (!(await readSparse(tablesOf(db)))) await listSparseBlocks(db);
  const blocksBefore = await db.copyBlocks.count();
  let blocksAfter = blocksBefore;
  let steps = 0;
  while (steps < (options.maxSteps ?? Infinity) && !options.signal?.aborted) {
    const step = await compactStep(db, options.stepCards ?? COMPACT_STEP_CARDS);
    blocksAfter = step.blocks;
    if (step.done) break;
    steps += 1;
    options.onStep?.(blocksAfter);
  }
  return { steps, blocksBefore, blocksAfter };
}

/** Whether the copy holds enough dead or half-empty blocks to be worth compacting. */
export async function copyWorthCompacting(db: NcgDatabase): Promise<boolean> {
  const [blocks, state] = await Promise.all([db.copyBlocks.count(), readCopyState(db)]);
  return worthCompacting(blocks, state.count);
}

/** Blocks held (for storage figures and tests). */
export function copyBlockCount(db: NcgDatabase): Promise<number> {
  return db.copyBlocks.count();
}

export async function updateCopyState(db: NcgDatabase, change: (state: CopyState) => CopyState): Promise<CopyState> {
  return db.transaction('rw', db.copyMeta, async () => {
    const next = change(await readCopyState(db));
    await writeCopyState(db, next);
    return next;
  });
}

function request<T>(store: IDBObjectStore, key: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const read = store.get(key);
    read.onsuccess = () => resolve(read.result as T | undefined);
    read.onerror = () => reject(read.error ?? new Error('IndexedDB read failed'));
  });
}

/**
 * Reads the bucket of `entryKey` and the cards it files under that key, in one read-only transaction on the
 * database under Dexie (a scan waits on two small reads, not on Dexie's transaction machinery).
 */
async function cardsFiledUnder(db: NcgDatabase, entryKey: string, first: boolean): Promise<CopyCard[]> {
  if (!db.isOpen()) await db.open();
  const transaction = db.backendDB().transaction(['copyBuckets', 'copyBlocks'], 'readonly');
  const bucket = await request<CopyBucket>(transaction.objectStore('copyBuckets'), bucketOf(entryKey));
  const refs = refsIn(bucket, entryKey);
  const wanted = first ? refs.slice(0, 1) : refs;
  const blocksStore = transaction.objectStore('copyBlocks');
  const ids = [...new Set(wanted.map(blockOfRef))];
  const blocks = new Map<number, CopyBlock | undefined>(await Promise.all(ids.map(async (id) => [id, await request<CopyBlock>(blocksStore, id)] as const)));
  return wanted.flatMap((ref) => {
    const block = blocks.get(blockOfRef(ref));
    const card = block && cardAt(block, slotOfRef(ref));
    return card ? [card] : [];
  });
}

/** The copy as the verdict reads it: one bucket read, a binary search, one block read per card. */
export function copyLookup(db: NcgDatabase): CopyLookup {
  return {
    byNtin: async (ntin) => (await cardsFiledUnder(db, ntin, true))[0],
    byGtin: (gtin14) => cardsFiledUnder(db, gtinEntryKey(gtin14), false),
  };
}

/** Every current card, block by block (for writing a snapshot of the held copy, and for tests). */
export async function eachCopyBatch(db: NcgDatabase, batchSize: number, onBatch: (cards: CopyCard[]) => Promise<void> | void): Promise<void> {
  let from = 0;
  let batch: CopyCard[] = [];
  for (;;) {
    const blocks = await db.copyBlocks.where(':id').aboveOrEqual(from).limit(32).toArray();
    if (blocks.length === 0) break;
    for (const block of blocks) {
      for (const { card } of liveCards(block)) batch.push(card);
      from = block.id + 1;
    }
    if (batch.length >= batchSize) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await onBatch(batch);
}

/**
 * Schema v8's upgrade: the v5 copy (one row per card in `copyCards`) moves into blocks and buckets inside the
 * version change, so a copy already downloaded stays usable without a new download.
 */
export async function migrateCopyToBlocks(transaction: Transaction): Promise<void> {
  const cards = transaction.table<CopyCard, string>('copyCards');
  const tables: CopyTables = {
    blocks: transaction.table('copyBlocks') as CopyTables['blocks'],
    buckets: transaction.table('copyBuckets') as CopyTables['buckets'],
    meta: transaction.table('copyMeta') as CopyTables['meta'],
  };
  const pending = new PendingEntries();
  let nextBlock = 0;
  let last: string | undefined;
  const sparse = new Map<number, number>();
  for (;;) {
    const chunk = await (last === undefined ? cards.orderBy(':id') : cards.where(':id').above(last)).limit(5120).toArray();
    if (chunk.length === 0) break;
    const { blocks, refs } = packBlocks(chunk, nextBlock);
    await tables.blocks.bulkPut(blocks);
    for (const block of blocks) if (blockLength(block) < blockSize) sparse.set(block.id, blockLength(block));
    chunk.forEach((card, position) => pending.addCard(card, refs[position] as number));
    nextBlock += blocks.length;
    last = chunk[chunk.length - 1]?.key;
  }
  await applyPending(tables, pending);
  await tables.meta.put({ key: 'sparse', blocks: sparse });
  const stored = (await tables.meta.get('state'))?.state;
  if (stored) await tables.meta.put({ key: 'state', state: { ...stored, nextBlock, indexedBlocks: nextBlock } });
}

/** True for the browser's "storage full" failure, however Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'name' in current && (current.name === 'QuotaExceededError' || current.name === Dexie.errnames.QuotaExceeded)) return true;
    current = typeof current === 'object' && 'inner' in current ? current.inner : undefined;
  }
  return false;
}
