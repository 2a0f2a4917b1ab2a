/** Live views of the trash (schema v9) for the applications list and the trash page. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './context.tsx';
import { listTrash, type TrashRecord } from './trash.ts';

export function useTrash(): TrashRecord[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listTrash(db), [db]);
}

export function useTrashCount(): number | undefined {
  const db = useDatabase();
  return useLiveQuery(() => db.trash.count(), [db]);
}
