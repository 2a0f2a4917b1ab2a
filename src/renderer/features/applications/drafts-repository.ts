import { emptyDraft, type ApplicationDraft } from '../../../shared/application/draft.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { DraftRecord, LocalState } from '../../db/records.ts';
import { draftSearchWords } from '../../db/search-words.ts';

/** Creates an empty application and returns its id. */
export async function createDraftRecord(db: NcgDatabase, options: { editOfNtin?: string; now?: number } = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const draft = emptyDraft({ id: crypto.randomUUID(), ...(options.editOfNtin ? { editOfNtin: options.editOfNtin } : {}) });
  await db.drafts.add({ id: draft.id, localState: 'draft', draft, createdAt: now, updatedAt: now, searchWords: draftSearchWords(draft) });
  return draft.id;
}

/**
 * Saves the draft as it is now. A ready application that is edited goes back to draft: it has to pass the
 * checks again before it may be sent.
 */
export async function saveDraft(db: NcgDatabase, draft: ApplicationDraft, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const current = await db.drafts.get(draft.id);
    if (!current) throw new Error(`Application ${draft.id} no longer exists`);
    const localState: LocalState = current.localState === 'ready' ? 'draft' : current.localState;
    await db.drafts.put({ ...current, draft, localState, updatedAt: now, searchWords: draftSearchWords(draft) });
  });
}

export async function setLocalState(db: NcgDatabase, id: string, localState: LocalState): Promise<void> {
  await db.drafts.update(id, { localState, updatedAt: Date.now() });
}

export async function putDraftRecords(db: NcgDatabase, records: readonly DraftRecord[]): Promise<void> {
  await db.drafts.bulkPut(records.map((record) => ({ ...record, searchWords: draftSearchWords(record.draft) })));
}
