/**
 * The queue lives in the `settings` table under one key, so it survives reloads and restarts and every
 * window showing the page sees the same queue (Dexie live queries repaint on change).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { NcgDatabase } from '../../db/database.ts';
import { parseQueue, type QueueEntry } from './queue.ts';

export const queueSettingKey = 'labels.queue';

export async function readQueue(db: NcgDatabase): Promise<QueueEntry[]> {
  return parseQueue((await db.settings.get(queueSettingKey))?.value);
}

/** Applies a change to the stored queue in one transaction, so two quick scans never overwrite each other. */
export async function updateQueue(db: NcgDatabase, change: (queue: QueueEntry[]) => QueueEntry[]): Promise<QueueEntry[]> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await readQueue(db));
    await db.settings.put({ key: queueSettingKey, value: next });
    return next;
  });
}

/** The queue as it is stored now; undefined while the first read is under way. */
export function useStoredQueue(db: NcgDatabase): QueueEntry[] | undefined {
  return useLiveQuery(() => readQueue(db), [db]);
}
