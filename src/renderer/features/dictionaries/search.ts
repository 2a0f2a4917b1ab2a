import { queryWords } from '../../../shared/search-words.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { DictionaryItemRecord } from '../../db/records.ts';

/**
 * Items of one dictionary whose code or Kazakh/Russian name has words starting with every word of the query.
 * The first word goes through the index; the others filter its hits.
 */
export async function searchDictionary(db: NcgDatabase, dictionary: string, query: string, limit = 50): Promise<DictionaryItemRecord[]> {
  const [first, ...rest] = queryWords(query);
  if (!first) return db.dictionaryItems.where('dictionary').equals(dictionary).limit(limit).toArray();
  const hits = await db.dictionaryItems
    .where('words')
    .startsWith(`${dictionary}|${first}`)
    .filter((item) => rest.every((word) => item.words.some((candidate) => candidate.startsWith(`${dictionary}|${word}`))))
    .limit(limit * 4) // one item can match through several words
    .toArray();
  const unique = new Map(hits.map((item) => [item.code, item]));
  return [...unique.values()].sort((a, b) => a.code.localeCompare(b.code)).slice(0, limit);
}

export async function dictionaryCounts(db: NcgDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.dictionaryItems.orderBy('dictionary').eachKey((key) => {
    const name = String(key);
    counts[name] = (counts[name] ?? 0) + 1;
  });
  return counts;
}
