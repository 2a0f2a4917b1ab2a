/**
 * Deleted applications (schema v9 `trash`): the draft row and its sync record move here and back. Photos stay
 * (owned by the application id) until the entry is purged, 30 days later; register documents are never touched
 * (an application only refers to them).
 */
import type { EntityTable } from 'dexie';
import { deletionPlan, trashKeptMs, type DeletionRefusal } from '../../shared/application/deletion.ts';
import type { SyncRecord } from '../../shared/sync/types.ts';
import type { NcgDatabase } from './database.ts';
import type { DraftRecord } from './records.ts';
import { draftSearchWords } from './search-words.ts';
import { putSyncRecord } from './sync-store.ts';

export interface TrashRecord {
  id: string;
  trashedAt: number;
  record: DraftRecord;
  sync?: SyncRecord | undefined;
}

declare module './database.ts' {
  interface NcgTables {
    trash: EntityTable<TrashRecord, 'id'>;
  }
}

/** The catalogue calls a deletion may need (the page passes the bridge's). */
export interface DeletionCatalogue {
  deleteRequest(requestId: number): Promise<unknown>;
  cancelRequest(requestId: number): Promise<unknown>;
}

export interface DeletionOutcome {
  trashed: string[];
  refused: { id: string; reason: DeletionRefusal }[];
  /** A catalogue call failed: the application stays where it was. */
  failed: { id: string; error: unknown }[];
}

/**
 * Moves applications to the trash, by the catalogue's rules (`deletionPlan`): a `new` request is deleted in the
 * catalogue, one on moderation withdrawn, before the application leaves the list. One at a time, so a failure
 * leaves the others done.
 */
export async function moveToTrash(db: NcgDatabase, ids: readonly string[], catalogue: DeletionCatalogue, now = Date.now()): Promise<DeletionOutcome> {
  const outcome: DeletionOutcome = { trashed: [], refused: [], failed: [] };
  for (const id of ids) {
    const sync = await db.syncRecords.get(id);
    const plan = deletionPlan(sync);
    if (plan.kind === 'refused') {
      outcome.refused.push({ id, reason: plan.reason });
      continue;
    }
    let kept = sync;
    try {
      if (plan.kind === 'deleteRequest') {
        await catalogue.deleteRequest(plan.requestId);
        // The request is gone: restored, the application is local again (its accepted uploads kept).
        if (sync) kept = { ...sync, phase: 'cancelled', step: 'upload', requestId: undefined, createStarted: undefined, sentRevision: undefined, remote: undefined, problem: undefined, history: [...sync.history, { code: 'deleted', at: now }] };
      } else if (plan.kind === 'withdrawFirst') {
        await catalogue.cancelRequest(plan.requestId);
        if (sync) kept = { ...sync, remote: { ...(sync.remote ?? {}), code: 'cancelled', status: undefined, checkedAt: now }, history: [...sync.history, { code: 'cancelled', at: now }] };
      }
    } catch (error) {
      outcome.failed.push({ id, error });
      continue;
    }
    const moved = await db.transaction('rw', db.drafts, db.syncRecords, db.trash, async () => {
      const record = await db.drafts.get(id);
      if (!record) return false;
      await db.trash.put({ id, trashedAt: now, record, ...(kept ? { sync: kept } : {}) });
      await db.drafts.delete(id);
      // A request that stays in the catalogue (withdrawn) stays known, so it is never offered as one made elsewhere.
      if (kept?.requestId !== undefined) await putSyncRecord(db, kept);
      else await db.syncRecords.delete(id);
      return true;
    });
    if (moved) outcome.trashed.push(id);
  }
  return outcome;
}

/** Brings applications back from the trash, as they were (a request deleted meanwhile stays deleted). */
export async function restoreFromTrash(db: NcgDatabase, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', db.drafts, db.syncRecords, db.trash, async () => {
    let restored = 0;
    for (const entry of await db.trash.bulkGet([...ids])) {
      if (!entry) continue;
      await db.drafts.put({ ...entry.record, searchWords: draftSearchWords(entry.record.draft) });
      if (entry.sync) await putSyncRecord(db, entry.sync);
      await db.trash.delete(entry.id);
      restored += 1;
    }
    return restored;
  });
}

/** Deletes trash entries for good, with the photos and other blobs the application owned, and its sync record. */
export async function purgeFromTrash(db: NcgDatabase, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', db.trash, db.blobs, db.syncRecords, async () => {
    const present = (await db.trash.bulkGet([...ids])).filter((entry): entry is TrashRecord => entry !== undefined).map((entry) => entry.id);
    if (present.length === 0) return 0;
    await db.blobs.where('ownerId').anyOf(present).delete();
    await db.syncRecords.bulkDelete(present);
    await db.trash.bulkDelete(present);
    return present.length;
  });
}

/** Purges what was deleted more than 30 days ago (run at start). */
export async function purgeExpiredTrash(db: NcgDatabase, now = Date.now()): Promise<number> {
  const expired = (await db.trash.where('trashedAt').below(now - trashKeptMs).primaryKeys()) as string[];
  return purgeFromTrash(db, expired);
}

export async function listTrash(db: NcgDatabase): Promise<TrashRecord[]> {
  return db.trash.orderBy('trashedAt').reverse().toArray();
}
