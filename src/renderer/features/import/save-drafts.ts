/**
 * Imported drafts → the local database, in batches: each batch is one transaction, so a crash or a stop
 * leaves whole batches and never a half-written draft, and nothing that was there before is touched (every
 * draft gets a new id; nothing is overwritten or deleted).
 */
import type { ApplicationDraft } from '../../../shared/application/draft.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { DraftRecord } from '../../db/records.ts';
import { putDraftRecords } from '../applications/drafts-repository.ts';
import type { WorkerProgress } from './import-protocol.ts';

export const importBatchSize = 500;

export interface SaveOptions {
  now: number;
  batchSize?: number;
  onProgress?: (progress: WorkerProgress) => void;
  /** Asked between batches: true ends the import there. */
  shouldStop?: () => boolean;
  newId?: () => string;
}

export async function saveImportedDrafts(db: NcgDatabase, drafts: readonly ApplicationDraft[], options: SaveOptions): Promise<{ saved: number; stopped: boolean }> {
  const batchSize = options.batchSize ?? importBatchSize;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let saved = 0;
  for (let start = 0; start < drafts.length; start += batchSize) {
    if (options.shouldStop?.()) return { saved, stopped: true };
    const records: DraftRecord[] = drafts.slice(start, start + batchSize).map((imported, offset) => {
      const id = newId();
      // The list shows the newest change first: the file's first row gets the latest time, so it comes first.
      const updatedAt = options.now - (start + offset);
      return { id, localState: 'draft', draft: { ...imported, id }, createdAt: updatedAt, updatedAt };
    });
    await putDraftRecords(db, records);
    saved += records.length;
    options.onProgress?.({ done: saved, total: drafts.length });
  }
  return { saved, stopped: false };
}
