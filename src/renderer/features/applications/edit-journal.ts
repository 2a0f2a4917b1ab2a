import { applicationDraftSchema, type ApplicationDraft } from '../../../shared/application/draft.ts';

/**
 * A synchronous copy of the draft being edited, written on every change. IndexedDB writes are asynchronous,
 * and a reload or crash in the few milliseconds before one commits would lose the last keystrokes; the
 * journal survives that and is replayed when the editor opens again. It is removed once the database has it.
 */
const prefix = 'ncg.journal.';

export function writeJournal(draft: ApplicationDraft, storage: Storage = localStorage): void {
  try {
    storage.setItem(prefix + draft.id, JSON.stringify({ savedAt: Date.now(), draft }));
  } catch {
    // A full or disabled storage only removes the extra safety net; the database write still happens.
  }
}

export function clearJournal(id: string, savedDraft: ApplicationDraft, storage: Storage = localStorage): void {
  const entry = readJournal(id, storage);
  // Only when the journal holds exactly what was saved: a newer keystroke keeps its entry.
  if (entry && JSON.stringify(entry.draft) === JSON.stringify(savedDraft)) storage.removeItem(prefix + id);
}

export function readJournal(id: string, storage: Storage = localStorage): { savedAt: number; draft: ApplicationDraft } | undefined {
  const text = storage.getItem(prefix + id);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { savedAt?: unknown; draft?: unknown };
    const draft = applicationDraftSchema.safeParse(parsed.draft);
    if (!draft.success || typeof parsed.savedAt !== 'number' || draft.data.id !== id) return undefined;
    return { savedAt: parsed.savedAt, draft: draft.data };
  } catch {
    return undefined;
  }
}
