/**
 * Which applications may be deleted, by the catalogue's rules (catalogue-api.md §4.6, §4.8): one never sent,
 * or whose request is still `new` (the request is deleted too); one on moderation is withdrawn first, and one
 * already withdrawn (`cancelled`) only leaves this computer. Anything else is with the catalogue (moderation,
 * revision, published…) and stays.
 */
import type { SyncRecord } from '../sync/types.ts';

export type DeletionPlan =
  | { kind: 'local' }
  | { kind: 'deleteRequest'; requestId: number }
  | { kind: 'withdrawFirst'; requestId: number }
  | { kind: 'refused'; reason: DeletionRefusal };

/** Keys of the `applications` namespace's `delete.refused` table. */
export type DeletionRefusal = 'sending' | 'unsettled' | 'inCatalogue';

export function deletionPlan(record: SyncRecord | undefined): DeletionPlan {
  if (!record) return { kind: 'local' };
  if (record.phase === 'pending') return { kind: 'refused', reason: 'sending' };
  if (record.requestId === undefined) {
    // A create was posted and its answer never came: a request may exist that only reconciliation can find.
    return record.createStarted ? { kind: 'refused', reason: 'unsettled' } : { kind: 'local' };
  }
  const code = record.remote?.code ?? 'new';
  if (code === 'new') return { kind: 'deleteRequest', requestId: record.requestId };
  if (code === 'onModeration') return { kind: 'withdrawFirst', requestId: record.requestId };
  if (code === 'cancelled') return { kind: 'local' };
  return { kind: 'refused', reason: 'inCatalogue' };
}

/** How long a deleted application stays in the trash before it is purged for good. */
export const trashKeptMs = 30 * 24 * 60 * 60 * 1000;
