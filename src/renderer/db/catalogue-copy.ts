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
 * `compactCopy` packs the live cards of the emptiest ones into new blocks, re-points the index, then drops the
 * emptied blocks, in small transactions (a lookup waits at most one step; a stop or a crash leaves a whole copy
 * and the compaction's progress in the state, finished by the next run).
 * Read by the Inspection screen for verdicts through copy-lookup.ts. No React here: the catalogue-copy worker
 * imports this module.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { advanceCopyInfo, emptyCopyInfo, supersedes, type CopyCard, type CopyInfo } from '../../shared/inspection/copy-card.ts';
import {
  blockLength,
  blockOfRef,
  blockSize,
  bucketOf,
  cardAt,
  bucketCount,
  planCompaction,
  pushCard,
  refOf,
  sortBucket,
  liveCards,
  liveCount,
  lowerBound,
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
  /** A compaction under way (see `compactCopy`). */
  compaction?: CompactionInProgress;
  /**
   * New at every write of the state, and every change of the copy writes the state in its transaction: a picture
   * of the index taken at one stamp (the in-memory key map, copy-lookup.ts) is current while the stamp is.
   */
  stamp?: number;
}

/** A compaction's progress, kept with the copy's state so that a stop or a crash leaves it to be finished. */
export interface CompactionInProgress {
  /** The blocks being emptied, ascending: their live cards go, in this order, to consecutive slots from `firstNew`. */
  sources: number[];
  firstNew: number;
  /** Sources packed so far. */
  packed: number;
  /** Buckets below this id point at the new slots. */
  bucketsDone: number;
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

/**
 * Writes the state with a new stamp (the only way the state is written); returns what was written. Never 0, the
 * stamp of a copy written before stamps were kept. (A version of the app without stamps cannot write the copy
 * any more: the database's schema is newer than it knows.)
 */
async function putState(meta: CopyTables['meta'], state: CopyState): Promise<CopyState> {
  let stamp = 1 + Math.floor(Math.random() * (2 ** 52 - 1));
  if (stamp === state.stamp) stamp = (stamp % (2 ** 52 - 1)) + 1;
  const stamped = { ...state, stamp };
  await meta.put({ key: 'state', state: stamped });
  return stamped;
}

export async function writeCopyState(db: NcgDatabase, state: CopyState): Promise<CopyState> {
  return putState(db.copyMeta, state);
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

/** What the sparse list needs of a block. */
interface BlockFill {
  id: number;
  length: number;
  live: number;
}

const fillOf = (block: CopyBlock): BlockFill => ({ id: block.id, length: blockLength(block), live: liveCount(block) });

/**
 * Notes blocks just written or changed (`live` = their live cards; full clean blocks are dropped from the list).
 * A copy that had blocks before the list was kept stays without one (compaction lists it from the blocks).
 */
async function noteSparse(tables: CopyTables, hadBlocks: boolean, written: readonly BlockFill[]): Promise<void> {
  const changes = written.filter((block) => block.length < blockSize || block.live < block.length);
  const full = written.filter((block) => !changes.includes(block));
  if (changes.length === 0 && full.length === 0) return;
  const held = await readSparse(tables);
  if (!held && hadBlocks) return;
  const blocks = new Map(held);
  if (changes.length === 0 && !full.some((block) => blocks.has(block.id))) return;
  for (const block of changes) blocks.set(block.id, block.live);
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
  return putState(tables.meta, { ...state, indexedBlocks: nextBlock });
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
      if (tail && blockLength(tail) < blockSize) await noteSparse(tables, (state.nextBlock ?? 0) > 0, [fillOf(tail)]);
      cards.forEach((card, position) => index.pending.addCard(card, refs[position] as number));
      const nextBlock = (state.nextBlock ?? 0) + blocks.length;
      let next = nextState({ ...state, ...advanceCopyInfo(state, cards, cards.length), nextBlock });
      flushed = flush || index.pending.size >= FLUSH_EVERY_ENTRIES;
      if (flushed) {
        await applyPending(tables, index.pending);
        next = { ...next, indexedBlocks: nextBlock };
      }
      await putState(tables.meta, next);
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
    return putState(tables.meta, change(state));
  });
  index.pending.clear();
  return next;
}

/** Buckets, and blocks of replaced cards, read and written this many at a time by a merge (bounds its memory). */
const MERGE_RECORDS_PER_STEP = 512;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/**
 * Stores one batch of cards that may already be held, and the copy's next state, in one transaction; returns how
 * many cards were new. A card already held with a later `modified` is kept. Large batches are cheaper per card:
 * a batch of a few thousand cards already touches most buckets (and, in a large copy, many blocks), which are
 * read and rewritten once per batch; they are taken a few hundred records at a time, so memory stays bounded
 * whatever the batch.
 */
export async function mergeCopyBatch(db: NcgDatabase, cards: readonly CopyCard[], nextState: (state: CopyState) => CopyState): Promise<number> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBlocks, db.copyBuckets, db.copyMeta, async () => {
    const state = await catchUp(tables, await readState(tables));
    // The newest version of each key in this batch.
    const latest = new Map<string, CopyCard>();
    for (const card of cards) {
      const seen = latest.get(card.key);
      if (!seen || supersedes(card, seen)) latest.set(card.key, card);
    }
    // Where each key's card is held now, bucket by bucket.
    const byBucket = new Map<number, string[]>();
    for (const key of latest.keys()) {
      const bucket = bucketOf(key);
      const keys = byBucket.get(bucket);
      if (keys) keys.push(key);
      else byBucket.set(bucket, [key]);
    }
    const oldRefs = new Map<string, number>();
    for (const ids of chunks([...byBucket.keys()], MERGE_RECORDS_PER_STEP)) {
      const held = await tables.buckets.bulkGet(ids);
      ids.forEach((id, position) => {
        for (const key of byBucket.get(id) ?? []) {
          const ref = refsIn(held[position], key)[0];
          if (ref !== undefined) oldRefs.set(key, ref);
        }
      });
    }

    // Held cards this batch replaces: their slots die and their entries go, block by block.
    const pending = new PendingEntries();
    const fresh: CopyCard[] = [];
    const byBlock = new Map<number, string[]>();
    for (const [key, card] of latest) {
      const ref = oldRefs.get(key);
      if (ref === undefined) {
        fresh.push(card);
        continue;
      }
      const keys = byBlock.get(blockOfRef(ref));
      if (keys) keys.push(key);
      else byBlock.set(blockOfRef(ref), [key]);
    }
    let added = fresh.length;
    const changedFills: BlockFill[] = [];
    for (const ids of chunks([...byBlock.keys()], MERGE_RECORDS_PER_STEP)) {
      const changed = new Set<CopyBlock>();
      (await tables.blocks.bulkGet(ids)).forEach((block, position) => {
        for (const key of byBlock.get(ids[position] as number) ?? []) {
          const card = latest.get(key) as CopyCard;
          const ref = oldRefs.get(key) as number;
          const old = block ? cardAt(block, slotOfRef(ref)) : undefined;
          if (!block || !old) {
            // The index pointed at nothing (never left so by a write): stored as new.
            added += 1;
            fresh.push(card);
            continue;
          }
          if (!supersedes(card, old)) continue;
          for (const [entryKey, entryRef] of entriesOf(old, ref)) pending.remove(entryKey, entryRef);
          markDead(block, slotOfRef(ref));
          changed.add(block);
          fresh.push(card);
        }
      });
      if (changed.size > 0) await tables.blocks.bulkPut([...changed]);
      for (const block of changed) changedFills.push(fillOf(block));
    }
    const { blocks, refs } = packBlocks(fresh, state.nextBlock ?? 0);
    fresh.forEach((card, position) => pending.addCard(card, refs[position] as number));
    if (blocks.length > 0) await tables.blocks.bulkPut(blocks);
    const tail = blocks[blocks.length - 1];
    await noteSparse(tables, (state.nextBlock ?? 0) > 0, tail && blockLength(tail) < blockSize ? [...changedFills, fillOf(tail)] : changedFills);
    for (const ids of chunks(pending.buckets, MERGE_RECORDS_PER_STEP)) {
      const held = await tables.buckets.bulkGet(ids);
      await tables.buckets.bulkPut(ids.map((id, position) => pending.apply(id, held[position])));
    }
    const nextBlock = (state.nextBlock ?? 0) + blocks.length;
    await putState(tables.meta, nextState({ ...state, ...advanceCopyInfo(state, cards, added), nextBlock, indexedBlocks: nextBlock }));
    return added;
  });
}

/** Blocks emptied per packing step, buckets re-pointed per indexing step, blocks deleted per dropping step. */
const PACK_BLOCKS_PER_STEP = 32;
const BUCKETS_PER_STEP = 128;
const DROP_BLOCKS_PER_STEP = 256;

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
  /** False when stopped (`signal`, `maxSteps`) before the end: the copy is whole; the next run finishes it. */
  finished: boolean;
}

export interface CompactionOptions {
  maxSteps?: number;
  signal?: AbortSignal;
  /** After each step: the share of the compaction done (0..1) and the blocks it empties. */
  onStep?: (fraction: number, emptying: number) => void;
  /** Smaller steps (tests). */
  packBlocksPerStep?: number;
  bucketsPerStep?: number;
}

/**
 * The old refs of the sources' live cards, ascending: the i-th moves to slot `refOf(firstNew, 0) + i`. The
 * sources are read, never written, until they are dropped, so this is the same after a crash.
 */
async function movedRefs(db: NcgDatabase, sources: readonly number[]): Promise<Float64Array> {
  const refs: number[] = [];
  for (let index = 0; index < sources.length; index += 64) {
    for (const block of await db.copyBlocks.bulkGet(sources.slice(index, index + 64))) {
      if (block) for (const { ref } of liveCards(block)) refs.push(ref);
    }
  }
  return Float64Array.from(refs);
}

function newRefOf(oldRefs: Float64Array, firstNewRef: number, ref: number): number | undefined {
  const index = lowerBound(oldRefs, ref);
  return oldRefs[index] === ref ? firstNewRef + index : undefined;
}

type Step = { kind: 'pack' | 'index' | 'drop'; done: boolean };

/** Packs the next sources' live cards after the blocks already packed (filling the newest one first). */
async function packStep(db: NcgDatabase, perStep: number): Promise<Step> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBlocks, db.copyMeta, async () => {
    const state = await readState(tables);
    const run = state.compaction;
    if (!run) return { kind: 'pack', done: true };
    const ids = run.sources.slice(run.packed, run.packed + perStep);
    const cards = (await tables.blocks.bulkGet(ids)).flatMap((block) => (block ? liveCards(block).map(({ card }) => card) : []));
    let nextBlock = state.nextBlock ?? 0;
    const written: CopyBlock[] = [];
    const tail = nextBlock > run.firstNew ? await tables.blocks.get(nextBlock - 1) : undefined;
    let position = 0;
    if (tail && blockLength(tail) < blockSize) {
      while (position < cards.length && blockLength(tail) < blockSize) pushCard(tail, cards[position++] as CopyCard);
      written.push(tail);
    }
    const { blocks } = packBlocks(cards.slice(position), nextBlock);
    written.push(...blocks);
    if (written.length > 0) await tables.blocks.bulkPut(written);
    nextBlock += blocks.length;
    const packed = run.packed + ids.length;
    await putState(tables.meta, { ...state, nextBlock, indexedBlocks: nextBlock, compaction: { ...run, packed } });
    return { kind: 'pack', done: packed >= run.sources.length };
  });
}

/** Points the next buckets' entries of moved cards at their new slots. */
async function indexStep(db: NcgDatabase, oldRefs: Float64Array, perStep: number): Promise<Step> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBuckets, db.copyMeta, async () => {
    const state = await readState(tables);
    const run = state.compaction;
    if (!run) return { kind: 'index', done: true };
    const ids = Array.from({ length: Math.min(perStep, bucketCount - run.bucketsDone) }, (_, index) => run.bucketsDone + index);
    const firstNewRef = refOf(run.firstNew, 0);
    const changed: CopyBucket[] = [];
    for (const bucket of await tables.buckets.bulkGet(ids)) {
      if (!bucket) continue;
      let moved = false;
      const refs = bucket.refs.map((ref) => {
        const next = newRefOf(oldRefs, firstNewRef, ref);
        if (next === undefined) return ref;
        moved = true;
        return next;
      });
      if (moved) changed.push(sortBucket({ ...bucket, refs }));
    }
    if (changed.length > 0) await tables.buckets.bulkPut(changed);
    const bucketsDone = run.bucketsDone + ids.length;
    await putState(tables.meta, { ...state, compaction: { ...run, bucketsDone } });
    return { kind: 'index', done: bucketsDone >= bucketCount };
  });
}

/** Deletes emptied blocks; the last step updates the sparse list and ends the compaction. */
async function dropStep(db: NcgDatabase, dropped: number): Promise<Step & { dropped: number }> {
  const tables = tablesOf(db);
  return db.transaction('rw', db.copyBlocks, db.copyMeta, async () => {
    const state = await readState(tables);
    const run = state.compaction;
    if (!run) return { kind: 'drop', done: true, dropped };
    const ids = run.sources.slice(dropped, dropped + DROP_BLOCKS_PER_STEP);
    if (ids.length > 0) await tables.blocks.bulkDelete(ids);
    if (dropped + ids.length < run.sources.length) {
      await putState(tables.meta, state);
      return { kind: 'drop', done: false, dropped: dropped + ids.length };
    }
    const sparse = new Map(await readSparse(tables));
    for (const id of run.sources) sparse.delete(id);
    const nextBlock = state.nextBlock ?? 0;
    const tail = nextBlock > run.firstNew ? await tables.blocks.get(nextBlock - 1) : undefined;
    if (tail && blockLength(tail) < blockSize) sparse.set(tail.id, blockLength(tail));
    await tables.meta.put({ key: 'sparse', blocks: sparse });
    await putState(tables.meta, { ...state, compaction: undefined });
    return { kind: 'drop', done: true, dropped: run.sources.length };
  });
}

/**
 * Reclaims the room of replaced cards and of half-filled blocks, without a moment when a lookup finds nothing:
 *
 * 1. pack: the live cards of the emptiest blocks are copied, densely, into new blocks (the index still points
 *    at the old ones, which hold the same cards);
 * 2. index: bucket by bucket, the entries of moved cards are pointed at the new slots (a lookup reads the old
 *    or the new place: the same card);
 * 3. drop: the emptied blocks are deleted.
 *
 * Each step is one small transaction, so a lookup waits at most for one step; the compaction's progress lives
 * in the copy's state, so after a stop or a crash the copy is whole and the next run (or any download, import
 * or save, which finish it first) completes it. Every bucket is rewritten once, not once per moved block.
 */
export async function compactCopy(db: NcgDatabase, options: CompactionOptions = {}): Promise<CompactionResult> {
  if (!(await readSparse(tablesOf(db)))) await listSparseBlocks(db);
  const blocksBefore = await db.copyBlocks.count();
  let state = await readCopyState(db);
  if (!state.compaction) {
    state = await catchUpCopyIndex(db);
    const sources = planCompaction((await readSparse(tablesOf(db))) ?? new Map(), blocksBefore, state.count);
    if (sources.length === 0) return { steps: 0, blocksBefore, blocksAfter: blocksBefore, finished: true };
    state = await updateCopyState(db, (current) => ({ ...current, compaction: { sources, firstNew: current.nextBlock ?? 0, packed: 0, bucketsDone: 0 } }));
  }
  const run = state.compaction as CompactionInProgress;
  const packPerStep = options.packBlocksPerStep ?? PACK_BLOCKS_PER_STEP;
  const bucketsPerStep = options.bucketsPerStep ?? BUCKETS_PER_STEP;
  const total = Math.ceil(run.sources.length / packPerStep) + Math.ceil(bucketCount / bucketsPerStep) + Math.ceil(run.sources.length / DROP_BLOCKS_PER_STEP);
  let done = Math.ceil(run.packed / packPerStep) + Math.ceil(run.bucketsDone / bucketsPerStep);
  let steps = 0;
  let oldRefs: Float64Array | undefined;
  let dropped = 0;
  for (;;) {
    if (steps >= (options.maxSteps ?? Infinity) || options.signal?.aborted) {
      return { steps, blocksBefore, blocksAfter: await db.copyBlocks.count(), finished: false };
    }
    const current = (await readCopyState(db)).compaction;
    if (!current) break;
    let step: Step;
    if (current.packed < current.sources.length) step = await packStep(db, packPerStep);
    else if (current.bucketsDone < bucketCount) {
      oldRefs ??= await movedRefs(db, current.sources);
      step = await indexStep(db, oldRefs, bucketsPerStep);
    } else {
      const drop = await dropStep(db, dropped);
      dropped = drop.dropped;
      step = drop;
    }
    steps += 1;
    done += 1;
    options.onStep?.(Math.min(1, done / total), run.sources.length);
    if (step.kind === 'drop' && step.done) break;
  }
  return { steps, blocksBefore, blocksAfter: await db.copyBlocks.count(), finished: true };
}

/**
 * Finishes a compaction a stop or a crash left under way (before anything else writes to the copy); false when
 * `options.signal` stopped it first (the copy is whole; the next run goes on with it).
 */
export async function finishInterruptedCompaction(db: NcgDatabase, options: CompactionOptions = {}): Promise<boolean> {
  if (!(await readCopyState(db)).compaction) return true;
  return (await compactCopy(db, options)).finished;
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
    return writeCopyState(db, change(await readCopyState(db)));
  });
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
  if (stored) await putState(tables.meta, { ...stored, nextBlock, indexedBlocks: nextBlock });
}

/** True for the browser's "storage full" failure, however Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'name' in current && (current.name === 'QuotaExceededError' || current.name === Dexie.errnames.QuotaExceeded)) return true;
    current = typeof current === 'object' && 'inner' in current ? current.inner : undefined;
  }
  return false;
}
