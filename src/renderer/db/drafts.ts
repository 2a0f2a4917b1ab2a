/**
 * Applications on this computer (`drafts` table). Every write keeps the list's search words in step with the
 * draft.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { applyFieldChanges, type FieldChange, type FieldConflict } from '../../shared/application/draft-fields.ts';
import { emptyDraft, type ApplicationDraft } from '../../shared/application/draft.ts';
import { queryWords } from '../../shared/search-words.ts';
import type { NcgDatabase } from './database.ts';
import type { DraftRecord, LocalState } from './records.ts';
import { draftSearchWords } from './search-words.ts';

/** The row of an application not stored yet. */
export function newDraftRecord(draft: ApplicationDraft, now = Date.now()): DraftRecord {
  return { id: draft.id, localState: 'draft', draft, createdAt: now, updatedAt: now, searchWords: draftSearchWords(draft) };
}

/** Creates an empty application and returns its id. */
export async function createDraftRecord(db: NcgDatabase, options: { editOfNtin?: string; now?: number } = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const draft = emptyDraft({ id: crypto.randomUUID(), ...(options.editOfNtin ? { editOfNtin: options.editOfNtin } : {}) });
  await db.drafts.add(newDraftRecord(draft, now));
  return draft.id;
}

/** Adds a new application made elsewhere (an edit of a published card, …) with what the catalogue said of it. */
export async function addDraftRecord(db: NcgDatabase, draft: ApplicationDraft, catalogue: DraftRecord['catalogue'], now = Date.now()): Promise<string> {
  await db.drafts.add({ id: draft.id, localState: 'draft', draft, ...(catalogue ? { catalogue } : {}), createdAt: now, updatedAt: now, searchWords: draftSearchWords(draft) });
  return draft.id;
}

/** Thrown by `saveDraft` when the application was deleted meanwhile; `code` is a key of the `ui` namespace. */
export class DraftGoneError extends Error {
  readonly code = 'ui.errors.draftGone';
  constructor(readonly id: string) {
    super(`Application ${id} no longer exists`);
    this.name = 'DraftGoneError';
  }
}

export interface SavedChanges {
  /** The row's revision after this save. */
  revision: number;
  /** The draft as stored now (this editor's changes and any other editor's). */
  draft: ApplicationDraft;
  /** Fields another editor changed meanwhile to something else: not written, reported with both values. */
  conflicts: FieldConflict[];
}

/**
 * Saves one editor's changes field by field: a field is written only if its stored value is still the one the
 * editor knew, else it comes back as a conflict with both values. Two editors of one application (two tabs) thus
 * never overwrite each other silently. Each write raises the row's `revision`, by which an open editor notices a
 * save made elsewhere (and merges it, `mergeDrafts`).
 */
export async function saveDraftChanges(db: NcgDatabase, id: string, changes: readonly FieldChange[], now = Date.now(), options: { createIfMissing?: boolean } = {}): Promise<SavedChanges> {
  // A ready application that is edited goes back to draft: it has to pass the checks again before it may be sent.
  return db.transaction('rw', db.drafts, async () => {
    // A new application is stored with its first typed change, not when its empty form opens.
    const current = (await db.drafts.get(id)) ?? (options.createIfMissing ? newDraftRecord(emptyDraft({ id }), now) : undefined);
    if (!current) throw new DraftGoneError(id);
    const revision = current.revision ?? 0;
    const outcome = applyFieldChanges(current.draft, changes);
    if (outcome.applied === 0) return { revision, draft: current.draft, conflicts: outcome.conflicts };
    const localState: LocalState = current.localState === 'ready' ? 'draft' : current.localState;
    const next = revision + 1;
    await db.drafts.put({ ...current, draft: outcome.draft, localState, updatedAt: now, revision: next, searchWords: draftSearchWords(outcome.draft) });
    return { revision: next, draft: outcome.draft, conflicts: outcome.conflicts };
  });
}

export async function setLocalState(db: NcgDatabase, id: string, localState: LocalState): Promise<void> {
  await db.drafts.update(id, { localState, updatedAt: Date.now() });
}

/** Writes whole rows (an import's batch); their search words are computed here. */
export async function putDraftRecords(db: NcgDatabase, records: readonly DraftRecord[]): Promise<void> {
  await db.drafts.bulkPut(records.map((record) => ({ ...record, searchWords: draftSearchWords(record.draft) })));
}

export async function getDraftRecord(db: NcgDatabase, id: string): Promise<DraftRecord | undefined> {
  return db.drafts.get(id);
}

export async function getDraftRecords(db: NcgDatabase, ids: readonly string[]): Promise<DraftRecord[]> {
  return (await db.drafts.bulkGet([...ids])).filter((record): record is DraftRecord => record !== undefined);
}

export async function countDrafts(db: NcgDatabase): Promise<number> {
  return db.drafts.count();
}

/** The ОКТРУ categories of the applications on this computer, for the offline copy's extended schemas. */
export async function categoriesInUse(db: NcgDatabase): Promise<string[]> {
  const oktru = new Set<string>();
  await db.drafts.each((record) => {
    if (record.draft.oktru) oktru.add(record.draft.oktru);
  });
  return [...oktru];
}

/** How many applications refer to a register document. */
export async function countDraftsUsingDocument(db: NcgDatabase, documentId: string): Promise<number> {
  return db.drafts.filter((record) => record.draft.documents.some((ref) => ref.documentId === documentId)).count();
}

export interface ListFilter {
  query: string;
  localState?: LocalState | '';
  statusCode?: string;
}

/** Ids of every application, newest change first: the list's order, read from the `updatedAt` index's keys. */
export async function draftIdsNewestFirst(db: NcgDatabase): Promise<string[]> {
  return (await db.drafts.orderBy('updatedAt').reverse().primaryKeys()) as string[];
}

/** The newest `limit` applications and how many there are: enough to paint the list's first screen. */
export async function newestDraftRecords(db: NcgDatabase, limit: number): Promise<{ records: DraftRecord[]; count: number }> {
  return db.transaction('r', db.drafts, async () => {
    const [records, count] = await Promise.all([db.drafts.orderBy('updatedAt').reverse().limit(limit).toArray(), db.drafts.count()]);
    return { records, count };
  });
}

/**
 * Ids of the applications that match, newest change first. Everything runs on index keys only: each query
 * word, the local state and the catalogue status narrow a key set, and the records themselves are read later,
 * only for the rows on screen. `newestFirst` is the order from `draftIdsNewestFirst` when the caller holds it
 * already (the list keeps it while nothing changes), so a search reads only the few keys it narrows by.
 */
export async function matchingDraftIds(db: NcgDatabase, filter: ListFilter, newestFirst?: readonly string[]): Promise<string[]> {
  const words = queryWords(filter.query);
  const { order, sets } = await db.transaction('r', db.drafts, async () => {
    // All key sets at once, in one transaction: IndexedDB answers them in one go rather than one after another.
    const reads: Promise<string[]>[] = words.map(async (word) => (await db.drafts.where('searchWords').startsWith(word).primaryKeys()) as string[]);
    if (filter.localState) reads.push(db.drafts.where('localState').equals(filter.localState).primaryKeys() as Promise<string[]>);
    if (filter.statusCode) reads.push(db.drafts.where('catalogue.statusCode').equals(filter.statusCode).primaryKeys() as Promise<string[]>);
    const [order, ...narrowing] = await Promise.all([newestFirst ?? draftIdsNewestFirst(db), ...reads]);
    return { order: order as readonly string[], sets: narrowing.map((keys) => new Set(keys)) };
  });
  if (sets.length === 0) return [...order];
  // The rarest key set first: most ids fail on its lookup and the rest are never asked.
  sets.sort((a, b) => a.size - b.size);
  if (sets[0]!.size === 0) return [];
  return order.filter((id) => sets.every((set) => set.has(id)));
}

/**
 * Calls `listener` after any change to the `drafts` table, in this tab or another one (Dexie's storage-mutated
 * event, which other tabs' changes reach by BroadcastChannel). Returns the unsubscribe function.
 */
export function onDraftsChanged(db: NcgDatabase, listener: () => void): () => void {
  const prefix = `idb://${db.name}/drafts/`;
  const onMutated = (parts: ObservabilitySet) => {
    // `all`: Dexie cannot tell what changed (a page back from the back-forward cache).
    if (Object.keys(parts).some((part) => part === 'all' || part.startsWith(prefix))) listener();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on.storagemutated.unsubscribe(onMutated);
}
