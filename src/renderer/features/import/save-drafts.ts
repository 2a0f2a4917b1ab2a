/**
 * Imported drafts → the local database as one recorded batch (db/import-batches.ts), chunk by chunk: each
 * chunk is one transaction with its record in the batch, so a stop leaves whole chunks, and a reload or crash
 * is rolled back whole on the next start. Nothing that was there before is touched: every draft gets a new id.
 */
import type { ApplicationDraft } from '../../../shared/application/draft.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { finishImportBatch, holdingImportBatch, ImportBatchClosedError, reserveImportChunk, rollBackImportBatch, startImportBatch, writeImportChunk } from '../../db/import-batches.ts';
import type { DraftRecord } from '../../db/records.ts';

export const importBatchSize = 500;

export interface SaveOptions {
  fileName: string;
  now: number;
  batchSize?: number;
  onProgress?: (saved: number, total: number) => void;
  /** Asked between chunks: true ends the import there (what was saved stays). */
  shouldStop?: () => boolean;
  newId?: () => string;
  /**
   * Stores what a draft's pending files stand for (photos, PDFs) and returns the draft referencing them; runs
   * before the draft's chunk is written. Its photo rows are owned by the draft id, which the batch records first,
   * so a failed or interrupted import removes them with the drafts.
   */
  attach?: ((draft: ApplicationDraft, draftId: string) => Promise<ApplicationDraft>) | undefined;
}

/** A write failed (the disk is full, say): the chunks saved before are removed again, and this is thrown. */
export class ImportWriteError extends Error {
  constructor(
    readonly code: 'storageFull' | 'batchClosed' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ImportWriteError';
  }
}

export async function saveImportedDrafts(db: NcgDatabase, drafts: readonly ApplicationDraft[], options: SaveOptions): Promise<{ saved: number; stopped: boolean }> {
  const batchSize = options.batchSize ?? importBatchSize;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const batchId = newId();
  return holdingImportBatch(batchId, async () => {
    await startImportBatch(db, { id: batchId, fileName: options.fileName, total: drafts.length, now: options.now });
    let saved = 0;
    try {
      for (let start = 0; start < drafts.length; start += batchSize) {
        if (options.shouldStop?.()) {
          await finishImportBatch(db, batchId, 'stopped');
          return { saved, stopped: true };
        }
        const chunk = drafts.slice(start, start + batchSize);
        const ids = chunk.map(() => newId());
        await reserveImportChunk(db, batchId, ids);
        const records: DraftRecord[] = [];
        for (const [offset, imported] of chunk.entries()) {
          const id = ids[offset]!;
          // The list shows the newest change first: the file's first row gets the latest time, so it comes first.
          const updatedAt = options.now - (start + offset);
          let draft: ApplicationDraft = { ...imported, id };
          if (options.attach) draft = await options.attach(draft, id);
          records.push({ id, localState: 'draft', draft, createdAt: updatedAt, updatedAt });
        }
        saved = await writeImportChunk(db, batchId, records);
        options.onProgress?.(saved, drafts.length);
      }
      await finishImportBatch(db, batchId, 'done');
      return { saved, stopped: false };
    } catch (error) {
      // Removes the drafts and photo rows stored so far (register documents stay: other drafts may use them).
      await rollBackImportBatch(db, batchId, 'failed').catch(() => undefined);
      const quota = error instanceof Error && (error.name === 'QuotaExceededError' || error.message.includes('QuotaExceeded'));
      const code = quota ? 'storageFull' : error instanceof ImportBatchClosedError ? 'batchClosed' : 'failed';
      throw new ImportWriteError(code, error instanceof Error ? error.message : String(error));
    }
  });
}
