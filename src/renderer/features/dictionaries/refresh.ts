/**
 * Downloads what the forms need to work offline: the base attribute schema, the gov-attributes of the
 * categories in use, and the dictionaries (ОКТРУ tree, ТН ВЭД, COUNTRY, units, and every dictionary an
 * attribute refers to). Items of a dictionary are replaced only once its download completed.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import type { AttributeDefinition, DictionaryItem } from '../../../shared/catalogue/index.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { searchWords } from '../../../shared/search-words.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { DictionaryItemRecord } from '../../db/records.ts';

export const alwaysNeededDictionaries = ['OKTRU', 'TNVED', 'COUNTRY'] as const;
const pageSize = 100;
export const lastRefreshKey = 'dictionaries.lastRefresh';

export interface RefreshProgress {
  dictionary: string;
  done: number;
  total: number;
  dictionariesDone: number;
  dictionariesTotal: number;
}

function referencedDictionaries(definitions: readonly AttributeDefinition[], into = new Set<string>()): Set<string> {
  for (const definition of definitions) {
    if (definition.dictionaryCode) into.add(definition.dictionaryCode);
    if (definition.attributes) referencedDictionaries(definition.attributes, into);
  }
  return into;
}

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
  };
}

export async function refreshDictionaries(
  bridge: Bridge,
  db: NcgDatabase,
  options: { categoriesInUse?: readonly string[]; onProgress?: (progress: RefreshProgress) => void; now?: () => number } = {},
): Promise<{ dictionaries: number; items: number }> {
  const now = options.now ?? Date.now;
  const refreshId = `${now()}`;
  const base = await callCatalogue(bridge, 'attributes', {});
  await db.attributeSchemas.put({ key: 'base', definitions: base, fetchedAt: now() });
  const needed = referencedDictionaries(base);
  for (const oktru of options.categoriesInUse ?? []) {
    const gov = await callCatalogue(bridge, 'getGovCategoryAttributes', { oktru });
    await db.attributeSchemas.put({ key: `gov:${oktru}`, definitions: gov, fetchedAt: now() });
    referencedDictionaries([...gov.mainAttributes, ...gov.additionalAttributes], needed);
  }
  for (const code of alwaysNeededDictionaries) needed.add(code);
  const available = new Set((await callCatalogue(bridge, 'getAllDictionaries', {})).map((info) => info.code));
  const dictionaries = [...needed].filter((code) => available.has(code)).sort();

  let items = 0;
  for (const [index, dictionary] of dictionaries.entries()) {
    let page = 1;
    let totalPages = 1;
    let done = 0;
    do {
      const answer = await callCatalogue(bridge, 'getItems', { dictionaryCode: dictionary, page, size: pageSize });
      totalPages = answer.totalPages;
      await db.dictionaryItems.bulkPut(answer.content.filter((item) => item.code).map((item) => toItemRecord(dictionary, item, refreshId)));
      done += answer.content.length;
      options.onProgress?.({ dictionary, done, total: answer.totalElements, dictionariesDone: index, dictionariesTotal: dictionaries.length });
      page += 1;
    } while (page <= totalPages);
    // Items the catalogue no longer lists go only after the new copy is complete.
    await db.dictionaryItems.where('dictionary').equals(dictionary).filter((item) => item.refreshId !== refreshId).delete();
    items += done;
  }
  await db.settings.put({ key: lastRefreshKey, value: now() });
  return { dictionaries: dictionaries.length, items };
}
