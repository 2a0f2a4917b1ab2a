/** Live views of the sync records (schema v6) for the sync panel and the Send widgets. */
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncRecord } from '../../shared/sync/types.ts';
import { useDatabase } from './context.tsx';
import type { NcgDatabase } from './database.ts';
import './sync-store.ts';

export function useSyncRecords(): SyncRecord[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => db.syncRecords.orderBy('updatedAt').reverse().toArray(), [db]);
}

export function useSyncRecord(applicationId: string): SyncRecord | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await db.syncRecords.get(applicationId)) ?? null, [db, applicationId]);
}

/** Calls `onChange` with the number of pending records now and whenever it changes; returns the unsubscribe. */
export function watchPendingSyncRecords(db: NcgDatabase, onChange: (pending: number) => void): () => void {
  const subscription = liveQuery(() => db.syncRecords.where('phase').equals('pending').count()).subscribe({ next: onChange, error: () => {} });
  return () => subscription.unsubscribe();
}
