/**
 * Filling the offline catalogue copy: a download through the export feed (following `next`, resumable from the
 * stored `next` link, incremental from the newest `modified` held) and the import of a `.ncgsnap` file (checked
 * whole before a card is written). A first download stores each page in its own transaction; an update stores
 * its pages in groups (MERGE_GROUP_CARDS). Runs in the catalogue-copy worker; tests call it directly over a
 * scratch database.
 *
 * A page that cannot be read, a refused file or a full disk stops the run with a coded error and leaves the copy
 * as it was after the last transaction (the pages read before a bad one are stored first): nothing
 * half-written, the resume point intact.
 */
import { exportRowSchema } from '../../../shared/catalogue/export-dto.ts';
import type { ExportPageRequest, ExportPageResult } from '../../../shared/catalogue-export-call.ts';
import { copyCardFromPlainRow } from '../../../shared/inspection/copy-card.ts';
import { copyCardFromRow, createSnapshotWriter, isSnapshotError, readSnapshotCards, verifySnapshot, type CopyCard } from '../../../shared/inspection/index.ts';
import type { NcgDatabase } from '../../db/database.ts';
import {
  appendCopyBatch,
  catchUpCopyIndex,
  compactCopy,
  copyWorthCompacting,
  eachCopyBatch,
  finishAppendIndex,
  finishInterruptedCompaction,
  isQuotaError,
  mergeCopyBatch,
  readCopyState,
  startAppendIndex,
  type AppendIndex,
  type CompactionOptions,
  type CopyState,
} from '../../db/catalogue-copy.ts';

export type PageSource = (request: ExportPageRequest) => Promise<ExportPageResult>;

export interface CopyProgress {
  /** `compact`: reclaiming the room of replaced cards after an update (`cards` = blocks being emptied); `export`: writing a `.ncgsnap`. */
  phase: 'download' | 'import' | 'compact' | 'export';
  /** Cards stored in this run (an update reads ahead of it by up to a group: `fraction` follows the reading). */
  cards: number;
  /** Cards in the copy now. */
  held: number;
  /** Cards per second over this run. */
  rate: number;
  /** Estimated seconds left, when it can be told. */
  secondsLeft: number | undefined;
  /** 0..1 when known. */
  fraction: number | undefined;
}

export interface CopyRunResult {
  outcome: 'complete' | 'stopped';
  /** Cards stored in this run (new or updated). */
  stored: number;
  /** New cards. */
  added: number;
  held: number;
  copyDate: string | undefined;
}

export interface RunControl {
  progress(value: CopyProgress): void;
  readonly signal: AbortSignal;
}

/**
 * Codes the page translates under `inspectionUi.copyErrors.*` (or, for a refused file, the snapshot's own
 * `inspection.snapshot.*` key): the `message` carries the parameters as JSON.
 */
export class CopyRunError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(JSON.stringify(params));
    this.name = 'CopyRunError';
  }
}

/** Minutes of overlap when resuming from the newest `modified` held (catalogue-api.md §10.4). */
const OVERLAP_SECONDS = 300;

function readPage(result: ExportPageResult): { cards: CopyCard[]; next: string | undefined } {
  if (!result.ok) {
    const { kind } = result.error;
    if (kind === 'unauthorised') throw new CopyRunError('unauthorised');
    if (kind === 'network' || kind === 'timeout' || kind === 'rate-limited' || kind === 'server') throw new CopyRunError('network', { detail: result.error.status ? `HTTP ${result.error.status}` : kind });
    throw new CopyRunError('badPage', { detail: result.error.status ? `HTTP ${result.error.status}` : kind });
  }
  if (result.skipped > 0) throw new CopyRunError('badPage', { detail: `${result.skipped} unreadable rows` });
  const cards: CopyCard[] = [];
  for (const raw of result.rows) {
    // The usual shape is read directly; anything else goes through the schema.
    const plain = copyCardFromPlainRow(raw);
    if (plain !== 'unusual') {
      if (plain) cards.push(plain);
      continue;
    }
    const parsed = exportRowSchema.safeParse(raw);
    if (!parsed.success || !Number.isFinite(parsed.data.modified)) throw new CopyRunError('badPage', { detail: 'a row of the wrong shape' });
    const card = copyCardFromRow(parsed.data);
    if (card) cards.push(card);
  }
  return { cards, next: result.next ?? undefined };
}

async function bytesNeeded(held: number, remaining: number): Promise<number> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const perCard = estimate?.usage && held > 0 ? estimate.usage / held : 400;
  return Math.ceil(perCard * Math.max(remaining, 1000) * 1.2);
}

/**
 * How a run stores its batches: appended (keys known to be new: the first download of an empty copy, a snapshot
 * into an empty copy; entries reach the index in large merges) or merged (anything else).
 */
type StoreMode = { kind: 'append'; index: AppendIndex } | { kind: 'merge' };

async function store(db: NcgDatabase, mode: StoreMode, cards: CopyCard[], remaining: () => number, nextState: (state: CopyState) => CopyState, last: boolean): Promise<number> {
  try {
    if (mode.kind === 'append') return await appendCopyBatch(db, cards, nextState, mode.index, last);
    return await mergeCopyBatch(db, cards, nextState);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const held = (await readCopyState(db)).count;
    throw new CopyRunError('quota', { needed: await bytesNeeded(held, remaining()), stored: held });
  }
}

/** After a stop or a failure: every stored block goes into the index (best effort; the next run does it too). */
async function settleIndex(db: NcgDatabase): Promise<void> {
  await catchUpCopyIndex(db).catch(() => undefined);
}

function rateOf(cards: number, startedMs: number): number {
  return Math.round(cards / Math.max(0.001, (performance.now() - startedMs) / 1000));
}

export interface DownloadOptions {
  limit?: number;
  /** Compact the copy after an update that left enough dead slots (default true). */
  compact?: boolean;
  /** Cards an update stores per transaction (default MERGE_GROUP_CARDS; tests take smaller groups). */
  mergeGroup?: number;
}

/**
 * After a run that left enough waste (an update's replaced cards; the half-filled last block of each small page),
 * the copy is compacted in bounded steps. A stop during it keeps the run complete; the next run finishes it.
 */
async function compactIfWasteful(db: NcgDatabase, control: RunControl): Promise<void> {
  if (control.signal.aborted || !(await copyWorthCompacting(db))) return;
  await compactCopy(db, await compactionControl(db, control));
}

/** A compaction's options within a run: the run's stop, and its steps as the run's progress. */
async function compactionControl(db: NcgDatabase, control: RunControl): Promise<CompactionOptions> {
  const started = performance.now();
  const { count } = await readCopyState(db);
  return {
    signal: control.signal,
    onStep: (fraction, emptying) => {
      const seconds = (performance.now() - started) / 1000;
      control.progress({ phase: 'compact', cards: emptying, held: count, rate: 0, secondsLeft: fraction > 0 ? Math.round((seconds * (1 - fraction)) / fraction) : undefined, fraction });
    },
  };
}

/**
 * A compaction a stop or a crash left under way ends before anything else writes (shown as the run's progress,
 * and stopped by its stop); false when the run was stopped during it.
 */
async function compactionLeftFinished(db: NcgDatabase, control: RunControl): Promise<boolean> {
  return finishInterruptedCompaction(db, await compactionControl(db, control));
}

export async function downloadCopy(db: NcgDatabase, source: PageSource, control: RunControl, options: DownloadOptions = {}): Promise<CopyRunResult> {
  let result: CopyRunResult;
  try {
    result = await runDownload(db, source, control, options);
  } catch (error) {
    await settleIndex(db);
    throw error;
  }
  if (result.outcome === 'complete' && options.compact !== false) await compactIfWasteful(db, control);
  return result;
}

/** How many pages may travel while one is being written. */
const PAGES_AHEAD = 3;

/**
 * Cards an update (a download into a held copy, a snapshot merged into one) stores per transaction: a merge reads
 * and rewrites most of the index whatever its size, so pages are stored together (a crash costs refetching them).
 */
const MERGE_GROUP_CARDS = 50_000;

async function runDownload(db: NcgDatabase, source: PageSource, control: RunControl, options: DownloadOptions): Promise<CopyRunResult> {
  const limit = options.limit ?? 1000;
  const mergeGroup = options.mergeGroup ?? MERGE_GROUP_CARDS;
  if (!(await compactionLeftFinished(db, control))) {
    const now = await readCopyState(db);
    return { outcome: 'stopped', stored: 0, added: 0, held: now.count, copyDate: now.copyDate };
  }
  const before = await readCopyState(db);
  const resuming = before.status === 'partial' && before.resumeUrl !== undefined;
  const startedAt = resuming && before.startedAt ? before.startedAt : new Date().toISOString();
  const startedFrom = resuming ? before.startedFrom : Math.max(0, before.cursor - OVERLAP_SECONDS);
  const initial = resuming ? before.initial === true : before.count === 0;
  const mode: StoreMode = initial ? { kind: 'append', index: startAppendIndex() } : { kind: 'merge' };
  const nowSeconds = Date.parse(startedAt) / 1000;
  // Pages are fetched ahead of the writes, each as soon as the previous answer names it (the `next` link), up
  // to PAGES_AHEAD answers waiting: the feed's chain of requests never waits for a write.
  const queue: Promise<ExportPageResult>[] = [];
  let ended = false;
  let wakeProducer: (() => void) | undefined;
  let wakeConsumer: (() => void) | undefined;
  const produce = async (first: ExportPageRequest) => {
    let request: ExportPageRequest | undefined = first;
    while (request && !ended) {
      while (queue.length >= PAGES_AHEAD && !ended) await new Promise<void>((resolve) => (wakeProducer = resolve));
      if (ended) return;
      const answer = source(request);
      answer.catch(() => undefined); // a prefetched page that fails is reported when its turn comes
      queue.push(answer);
      wakeConsumer?.();
      const result = await answer.catch(() => undefined);
      request = result?.ok && result.next ? { url: result.next } : undefined;
    }
  };
  // Boxed: an async function returning a promise would adopt it (and its failure) instead of handing it over.
  const take = async (): Promise<{ answer: Promise<ExportPageResult> }> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wakeConsumer = resolve));
    const answer = queue.shift() as Promise<ExportPageResult>;
    wakeProducer?.();
    return { answer };
  };
  void produce(resuming ? { url: before.resumeUrl } : { from: startedFrom, limit });
  const startedMs = performance.now();
  let read = 0;
  let stored = 0;
  let added = 0;
  let held = before.count;
  const nextState = (next: string | undefined) => (state: CopyState) => ({
    ...state,
    status: next ? ('partial' as const) : ('complete' as const),
    resumeUrl: next,
    startedAt,
    startedFrom,
    initial,
    copyDate: next ? state.copyDate : startedAt,
  });
  // Merge mode: pages read but not yet stored, and the `next` of the last of them.
  let group: CopyCard[] = [];
  let groupNext: string | undefined;
  const storeGroup = async (cards: CopyCard[], next: string | undefined, remaining: () => number) => {
    group = [];
    added += await store(db, mode, cards, remaining, nextState(next), !next);
    stored += cards.length;
    held = before.count + added;
  };
  const nextPage = async () => {
    const { answer } = await take();
    let result: ExportPageResult;
    try {
      result = await answer;
    } catch {
      throw new CopyRunError('network', { detail: 'no answer' });
    }
    return readPage(result);
  };
  try {
    for (;;) {
      if (control.signal.aborted) {
        if (group.length > 0) await storeGroup(group, groupNext, () => 100_000);
        await settleIndex(db);
        return { outcome: 'stopped', stored, added, held, copyDate: before.copyDate };
      }
      let page: { cards: CopyCard[]; next: string | undefined };
      try {
        page = await nextPage();
      } catch (error) {
        // The pages read before the one that failed are kept (if they cannot be, the resume point stays put).
        if (group.length > 0) await storeGroup(group, groupNext, () => 100_000).catch(() => undefined);
        throw error;
      }
      const { cards, next } = page;
      read += cards.length;
      // The feed is ordered by `modified`: how far the cursor is between `from` and now tells the share done.
      let fraction: number | undefined;
      const newest = cards.reduce((max, card) => Math.max(max, card.modified), 0);
      if (next && newest > startedFrom && nowSeconds > startedFrom) fraction = Math.min(0.99, (newest - startedFrom) / (nowSeconds - startedFrom));
      if (!next) fraction = 1;
      const remaining = () => (fraction && fraction > 0 ? Math.round((read / fraction) * (1 - fraction)) : 100_000);
      if (mode.kind === 'merge' && next && group.length + cards.length < mergeGroup) {
        group = group.length === 0 ? cards : [...group, ...cards];
        groupNext = next;
      } else {
        await storeGroup(group.length === 0 ? cards : [...group, ...cards], next, remaining);
      }
      const rate = rateOf(read, startedMs);
      const secondsLeft = fraction && fraction > 0 && fraction < 1 ? Math.round(((performance.now() - startedMs) / 1000) * ((1 - fraction) / fraction)) : fraction === 1 ? 0 : undefined;
      control.progress({ phase: 'download', cards: stored, held, rate, secondsLeft, fraction });
      if (!next) return { outcome: 'complete', stored, added, held, copyDate: startedAt };
    }
  } finally {
    ended = true;
    wakeProducer?.();
  }
}

/** Imports a snapshot file; refused before any write when it is truncated, altered or not a snapshot. */
export async function importSnapshotFile(db: NcgDatabase, file: Blob, control: RunControl, options: { compact?: boolean } = {}): Promise<CopyRunResult> {
  let verified;
  try {
    verified = await verifySnapshot(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (isSnapshotError(error)) throw new CopyRunError(error.problem.key, 'params' in error.problem ? error.problem.params : {});
    throw error;
  }
  const { header } = verified;
  if (!(await compactionLeftFinished(db, control))) {
    const now = await readCopyState(db);
    return { outcome: 'stopped', stored: 0, added: 0, held: now.count, copyDate: now.copyDate };
  }
  const heldBefore = (await readCopyState(db)).count;
  // Into an empty copy every card of a snapshot is new (its keys are unique): appended, no read before the write.
  const mode: StoreMode = heldBefore === 0 ? { kind: 'append', index: startAppendIndex() } : { kind: 'merge' };
  // A download interrupted before this import may not assume any more that its pages hold only new cards.
  const notInitial = (state: CopyState): CopyState => ({ ...state, initial: false });
  const startedMs = performance.now();
  let read = 0;
  let stored = 0;
  let added = 0;
  // Merge mode: batches read but not yet stored.
  let group: CopyCard[] = [];
  const storeGroup = async (cards: CopyCard[]) => {
    group = [];
    added += await store(db, mode, cards, () => header.count - stored, notInitial, false);
    stored += cards.length;
  };
  try {
    await readSnapshotCards(verified, async (cards) => {
      if (control.signal.aborted) throw new CopyRunError('aborted');
      read += cards.length;
      if (mode.kind === 'append') await storeGroup(cards);
      else {
        group = group.length === 0 ? cards : [...group, ...cards];
        if (group.length >= MERGE_GROUP_CARDS) await storeGroup(group);
      }
      const fraction = header.count > 0 ? read / header.count : 1;
      const rate = rateOf(read, startedMs);
      control.progress({ phase: 'import', cards: stored, held: heldBefore + added, rate, secondsLeft: rate > 0 ? Math.round((header.count - read) / rate) : undefined, fraction });
    });
    if (group.length > 0) await storeGroup(group);
  } catch (error) {
    // A stop keeps what was read before it.
    if (group.length > 0 && error instanceof CopyRunError && error.code === 'aborted') await storeGroup(group);
    await settleIndex(db);
    if (error instanceof CopyRunError && error.code === 'aborted') {
      const now = await readCopyState(db);
      return { outcome: 'stopped', stored, added, held: now.count, copyDate: now.copyDate };
    }
    if (isSnapshotError(error)) throw new CopyRunError(error.problem.key, 'params' in error.problem ? error.problem.params : {});
    throw error;
  }
  // Cards never move back in time, so the copy now holds everything of the newer of the two dates.
  const finish = (current: CopyState): CopyState => {
    const copyDate = current.copyDate && current.copyDate > header.copyDate ? current.copyDate : header.copyDate;
    return { ...current, copyDate, initial: false, status: current.status === 'partial' ? 'partial' : 'complete', maxNtinSerial: Math.max(current.maxNtinSerial, header.maxNtinSerial), cursor: Math.max(current.cursor, header.cursor) };
  };
  const final = mode.kind === 'append' ? await finishAppendIndex(db, mode.index, finish) : await finishAppendIndex(db, startAppendIndex(), finish);
  if (mode.kind === 'merge' && options.compact !== false) await compactIfWasteful(db, control);
  return { outcome: 'complete', stored, added, held: final.count, copyDate: final.copyDate };
}

/**
 * The held copy as a `.ncgsnap` file, the same format `ncg snapshot pull` writes (the CLI's `check --snapshot`
 * reads either). Only a complete copy: a partial one would claim a date it does not cover.
 */
export async function snapshotOfCopy(db: NcgDatabase, control: RunControl): Promise<Uint8Array> {
  // Mid-compaction, moved cards are in two blocks: finish it before listing the cards.
  if (!(await compactionLeftFinished(db, control))) throw new CopyRunError('aborted');
  const state = await readCopyState(db);
  if (state.status !== 'complete' || !state.copyDate) throw new CopyRunError('notComplete');
  const writer = createSnapshotWriter();
  const startedMs = performance.now();
  await eachCopyBatch(db, 5000, (cards) => {
    if (control.signal.aborted) throw new CopyRunError('aborted');
    writer.add(cards);
    const rate = rateOf(writer.count, startedMs);
    control.progress({ phase: 'export', cards: writer.count, held: state.count, rate, secondsLeft: rate > 0 ? Math.round((state.count - writer.count) / rate) : undefined, fraction: state.count > 0 ? writer.count / state.count : 1 });
  });
  return writer.finish({ copyDate: state.copyDate, cursor: state.cursor, maxNtinSerial: state.maxNtinSerial });
}
