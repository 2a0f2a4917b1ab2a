/**
 * An import is one recorded batch (`importBatches` table, schema v7): the drafts it writes are listed chunk by
 * chunk (`importBatchChunks`). A chunk's ids are recorded before anything of it is stored (its photo rows are
 * written before its drafts, owned by the draft ids), so the record always names at least what is stored, and
 * a long import writes each id once, not a growing list again and again. An import cut off by a reload, a
 * crash or a closed window is rolled back on the next start (its drafts and their photo rows removed, the
 * officer told so): the file is not there any more to resume from, and half a file silently imported is worse
 * than none.
 *
 * Who is still importing is known through a Web Lock the importing worker holds: a lock dies with its tab or
 * worker, so a batch marked `running` whose lock is free has lost its importer.
 */
import type { EntityTable, Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { findValue, type ApplicationDraft } from '../../shared/application/draft.ts';
import { normalizeGtin } from '../../shared/codes/gtin.ts';
import { useDatabase } from './context.tsx';
import type { NcgDatabase } from './database.ts';
import { putDraftRecords } from './drafts.ts';
import type { DraftRecord } from './records.ts';

export type ImportBatchState = 'running' | 'done' | 'stopped' | 'rolledBack';

export interface ImportBatchRecord {
  id: string;
  fileName: string;
  state: ImportBatchState;
  /** Rows the officer chose to import. */
  total: number;
  /** Drafts written so far (their ids are in the batch's chunks). */
  saved: number;
  startedAt: number;
  finishedAt?: number | undefined;
  /** Why it was rolled back: the importer vanished (reload, crash), or a write failed. */
  rollback?: { reason: 'interrupted' | 'failed'; removed: number } | undefined;
  /** The officer has not yet been told of the rollback. */
  noticePending?: boolean | undefined;
}

/** The drafts one chunk of a batch wrote. */
export interface ImportBatchChunkRecord {
  batchId: string;
  seq: number;
  draftIds: string[];
}

declare module './database.ts' {
  interface NcgTables {
    importBatches: EntityTable<ImportBatchRecord, 'id'>;
    importBatchChunks: Table<ImportBatchChunkRecord, [string, number]>;
  }
}

/** The Web Lock an importer holds while its batch runs. */
export function importBatchLockName(id: string): string {
  return `ncg-desk.import-batch.${id}`;
}

export async function startImportBatch(db: NcgDatabase, batch: { id: string; fileName: string; total: number; now: number }): Promise<void> {
  await db.importBatches.add({ id: batch.id, fileName: batch.fileName, state: 'running', total: batch.total, saved: 0, startedAt: batch.now });
}

/**
 * Records the ids of the batch's next chunk before its files and drafts are stored: whatever of it a crash
 * leaves behind is then found and removed by the rollback. Returns the chunk's number.
 */
export async function reserveImportChunk(db: NcgDatabase, batchId: string, draftIds: readonly string[]): Promise<number> {
  return db.transaction('rw', [db.importBatches, db.importBatchChunks], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch || batch.state !== 'running') throw new ImportBatchClosedError(batchId);
    const last = await db.importBatchChunks.where('batchId').equals(batchId).last();
    const seq = (last?.seq ?? 0) + 1;
    await db.importBatchChunks.add({ batchId, seq, draftIds: [...draftIds] });
    return seq;
  });
}

/** Writes one reserved chunk of the batch's drafts and counts them in the batch, all or nothing. */
export async function writeImportChunk(db: NcgDatabase, batchId: string, records: readonly DraftRecord[]): Promise<number> {
  return db.transaction('rw', [db.drafts, db.importBatches], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch || batch.state !== 'running') throw new ImportBatchClosedError(batchId);
    await putDraftRecords(db, records);
    const saved = batch.saved + records.length;
    await db.importBatches.update(batchId, { saved });
    return saved;
  });
}

/** A chunk for a batch that is no longer running (rolled back meanwhile by another tab's start). */
export class ImportBatchClosedError extends Error {
  readonly code = 'batchClosed';
  constructor(batchId: string) {
    super(`import batch ${batchId} is not running`);
  }
}

export async function finishImportBatch(db: NcgDatabase, id: string, state: 'done' | 'stopped', now = Date.now()): Promise<void> {
  await db.importBatches.update(id, { state, finishedAt: now });
}

/**
 * Removes the batch's drafts and their photo rows and marks it rolled back, in one transaction. PDFs it put in
 * the document register stay: the register is shared, and the same file may serve other applications.
 * Returns how many drafts were removed.
 */
export async function rollBackImportBatch(db: NcgDatabase, id: string, reason: 'interrupted' | 'failed', now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.drafts, db.blobs, db.importBatches, db.importBatchChunks], async () => {
    const batch = await db.importBatches.get(id);
    if (!batch || batch.state !== 'running') return 0;
    const chunks = db.importBatchChunks.where('batchId').equals(id);
    const draftIds = (await chunks.toArray()).flatMap((chunk) => chunk.draftIds);
    const stored = (await db.drafts.bulkGet(draftIds)).filter((record) => record !== undefined).length;
    await db.drafts.bulkDelete(draftIds);
    await db.blobs.where('ownerId').anyOf(draftIds).delete();
    await chunks.delete();
    await db.importBatches.update(id, { state: 'rolledBack', finishedAt: now, rollback: { reason, removed: stored }, noticePending: reason === 'interrupted' });
    return stored;
  });
}

/**
 * Runs `work` while holding the batch's lock, so that other tabs know its importer is alive. Start the batch
 * inside `work`: a batch is never `running` without its lock held.
 */
export async function holdingImportBatch<Result>(id: string, work: () => Promise<Result>): Promise<Result> {
  // Web Locks exist in every secure context we run in (http://127.0.0.1, app://); without them, import unguarded.
  if (typeof navigator.locks === 'undefined') return work();
  return navigator.locks.request(importBatchLockName(id), work);
}

/**
 * Rolls back every batch whose importer is gone. Each batch's lock is requested: granted at once when its
 * importer died (reload, crash, page left), or when a live importer (another tab) ends, by which time that
 * batch is `done` or `stopped` and is left alone. So call it in the background; it settles when all are known.
 */
export async function recoverInterruptedImports(db: NcgDatabase, now?: number): Promise<void> {
  // Without Web Locks a live import cannot be told from a dead one: leave them all.
  if (typeof navigator.locks === 'undefined') return;
  const running = await db.importBatches.where('state').equals('running').primaryKeys();
  await Promise.all(running.map((id) => navigator.locks.request(importBatchLockName(id), () => rollBackImportBatch(db, id, 'interrupted', now ?? Date.now()))));
}

/** Rolled-back imports the officer has not been told of yet, oldest first. */
export async function importsToReport(db: NcgDatabase): Promise<ImportBatchRecord[]> {
  const batches = await db.importBatches.where('state').equals('rolledBack').toArray();
  return batches.filter((batch) => batch.noticePending === true).sort((a, b) => a.startedAt - b.startedAt);
}

/** Live: rolled-back imports not yet reported (re-renders when one is rolled back or reported). */
export function useImportsToReport(): ImportBatchRecord[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => importsToReport(db), [db]);
}

export async function markImportReported(db: NcgDatabase, id: string): Promise<void> {
  await db.importBatches.update(id, { noticePending: false });
}

// ---- rows already imported

/** Case, spaces and «ё» do not make another product name. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replaceAll('ё', 'е').replace(/\s+/gu, ' ').trim();
}

function textValue(draft: ApplicationDraft, code: string): string {
  const value = findValue(draft, code)?.value;
  return typeof value === 'string' ? value : '';
}

/**
 * What makes two applications the same product for a re-import: the same GTIN, or the same Russian name in the
 * same ОКТРУ category. A draft has up to two such keys.
 */
export function productIdentityKeys(draft: ApplicationDraft): string[] {
  const keys: string[] = [];
  const gtinText = textValue(draft, 'gtin').trim();
  if (gtinText !== '') keys.push(`gtin:${normalizeGtin(gtinText) ?? gtinText}`);
  const name = nameKey(textValue(draft, 'name_ru'));
  if (name !== '' && draft.oktru !== '') keys.push(`name:${draft.oktru.trim()}|${name}`);
  return keys;
}

/** The identity keys of every application on this computer. */
export async function storedProductKeys(db: NcgDatabase): Promise<Set<string>> {
  const keys = new Set<string>();
  await db.drafts.each((record) => {
    for (const key of productIdentityKeys(record.draft)) keys.add(key);
  });
  return keys;
}
