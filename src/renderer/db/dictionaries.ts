/**
 * The catalogue's dictionaries kept for offline work (`dictionaryItems` table). `words` carries
 * `<DICTIONARY>|<word>` entries so one multi-entry index answers prefix searches within a dictionary.
 */
import type { DictionaryItem } from '../../shared/catalogue/index.ts';
import { queryWords, searchWords } from '../../shared/search-words.ts';
import type { NcgDatabase } from './database.ts';
import type { DictionaryItemRecord } from './records.ts';

export function toItemRecord(dictionary: string, item: DictionaryItem, refreshId: string): DictionaryItemRecord {
  const words = searchWords(item.code, item.nameRu, item.nameKk).map((word) => `${dictionary}|${word}`);
  return {
    dictionary,
    code: item.code,
    id: item.id,
    parentId: item.parentId ?? -1,
    level: item.level,
    hasChild: item.hasChild,
    nameRu: item.nameRu,
    nameKk: item.nameKk,
    words,
    refreshId,
    ...(item.isDeleted ? { isDeleted: true as const } : {}),
  };
}

/** Stores one downloaded page of a dictionary, marked with the refresh that brought it. */
export async function putDictionaryItems(db: NcgDatabase, dictionary: string, items: readonly DictionaryItem[], refreshId: string): Promise<void> {
  await db.dictionaryItems.bulkPut(items.filter((item) => item.code).map((item) => toItemRecord(dictionary, item, refreshId)));
}

/** Removes the items a completed download did not bring again (dropped from the catalogue). */
export async function removeItemsNotFrom(db: NcgDatabase, dictionary: string, refreshId: string): Promise<number> {
  return db.dictionaryItems.where('dictionary').equals(dictionary).filter((item) => item.refreshId !== refreshId).delete();
}

export async function dictionaryCodes(db: NcgDatabase, dictionary: string): Promise<string[]> {
  return (await db.dictionaryItems.where('dictionary').equals(dictionary).primaryKeys()).map(([, code]) => code);
}

export async function getDictionaryItem(db: NcgDatabase, dictionary: string, code: string): Promise<DictionaryItemRecord | undefined> {
  return db.dictionaryItems.get([dictionary, code]);
}

export async function getDictionaryItems(db: NcgDatabase, keys: readonly [string, string][]): Promise<(DictionaryItemRecord | undefined)[]> {
  return db.dictionaryItems.bulkGet([...keys]);
}

/**
 * Items of one dictionary (withdrawn ones left out) whose code or Kazakh/Russian name has words starting with every word of the query.
 * The first word goes through the index; the others filter its hits.
 */
export async function searchDictionary(db: NcgDatabase, dictionary: string, query: string, limit = 50): Promise<DictionaryItemRecord[]> {
  const [first, ...rest] = queryWords(query);
  if (!first) return db.dictionaryItems.where('dictionary').equals(dictionary).filter((item) => !item.isDeleted).limit(limit).toArray();
  const hits = await db.dictionaryItems
    .where('words')
    .startsWith(`${dictionary}|${first}`)
    .filter((item) => !item.isDeleted && rest.every((word) => item.words.some((candidate) => candidate.startsWith(`${dictionary}|${word}`))))
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
