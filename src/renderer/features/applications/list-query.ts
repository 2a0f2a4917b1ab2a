import { queryWords } from '../../../shared/search-words.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { LocalState } from '../../db/records.ts';

export interface ListFilter {
  query: string;
  localState?: LocalState | '';
  statusCode?: string;
}

/**
 * Ids of the applications that match, newest change first. Everything runs on index keys only: each query
 * word, the local state and the catalogue status narrow a key set, and the records themselves are read later,
 * only for the rows on screen. This keeps 10,000 applications fast.
 */
export async function matchingIds(db: NcgDatabase, filter: ListFilter): Promise<string[]> {
  const sets: Set<string>[] = [];
  for (const word of queryWords(filter.query)) {
    sets.push(new Set((await db.drafts.where('searchWords').startsWith(word).primaryKeys()) as string[]));
  }
  if (filter.localState) sets.push(new Set((await db.drafts.where('localState').equals(filter.localState).primaryKeys()) as string[]));
  if (filter.statusCode) sets.push(new Set((await db.drafts.where('catalogue.statusCode').equals(filter.statusCode).primaryKeys()) as string[]));
  const ordered = (await db.drafts.orderBy('updatedAt').reverse().primaryKeys()) as string[];
  if (sets.length === 0) return ordered;
  sets.sort((a, b) => a.size - b.size);
  return ordered.filter((id) => sets.every((set) => set.has(id)));
}
