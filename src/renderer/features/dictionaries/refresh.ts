/**
 * Downloads what the forms need to work offline: the base attribute schema, the gov-attributes of the
 * categories in use, and the dictionaries (ОКТРУ tree, ТН ВЭД, COUNTRY, units, and every dictionary an
 * attribute refers to). Items of a dictionary are replaced only once its download completed.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import type { AttributeDefinition, DictionaryItem } from '../../../shared/catalogue/index.ts';
import { isCatalogueError } from '../../../shared/catalogue/errors.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { oktruLevel } from '../../../shared/codes/index.ts';
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

/**
 * A catalogue with few categories gets every category's extended schema, so an extended card can be started
 * offline in any of them; a large one only those of the applications on this computer (one call each).
 */
export const allCategoriesUpTo = 300;

export async function refreshDictionaries(
  bridge: Bridge,
  db: NcgDatabase,
  options: { categoriesInUse?: readonly string[]; onProgress?: (progress: RefreshProgress) => void; now?: () => number } = {},
): Promise<{ dictionaries: number; items: number; categories: number }> {
  const now = options.now ?? Date.now;
  const refreshId = `${now()}`;
  const base = await callCatalogue(bridge, 'attributes', {});
  await db.attributeSchemas.put({ key: 'base', definitions: base, fetchedAt: now() });
  const available = new Set((await callCatalogue(bridge, 'getAllDictionaries', {})).map((info) => info.code));
  const downloaded = new Set<string>();
  let items = 0;

  const download = async (wanted: Iterable<string>) => {
    const dictionaries = [...wanted].filter((code) => available.has(code) && !downloaded.has(code)).sort();
    for (const [index, dictionary] of dictionaries.entries()) {
      items += await downloadDictionary(bridge, db, dictionary, refreshId, (done, total) =>
        options.onProgress?.({ dictionary, done, total, dictionariesDone: index, dictionariesTotal: dictionaries.length }),
      );
      downloaded.add(dictionary);
    }
  };

  const needed = referencedDictionaries(base);
  for (const code of alwaysNeededDictionaries) needed.add(code);
  await download(needed);

  // Only 4th-level codes are categories a card can have; flat item lists do not always say `hasChild`.
  const leaves = (await db.dictionaryItems.where('dictionary').equals('OKTRU').primaryKeys()).map(([, code]) => code).filter((code) => oktruLevel(code) === 4);
  const categories = new Set(options.categoriesInUse ?? []);
  if (leaves.length <= allCategoriesUpTo) for (const code of leaves) categories.add(code);
  const govNeeded = new Set<string>();
  for (const [index, oktru] of [...categories].sort().entries()) {
    let gov;
    try {
      gov = await callCatalogue(bridge, 'getGovCategoryAttributes', { oktru });
    } catch (error) {
      // A category the catalogue has no extended schema for is skipped; losing the network is not.
      if (isCatalogueError(error) && (error.kind === 'not-found' || error.kind === 'validation' || error.kind === 'wrong-status')) continue;
      throw error;
    }
    await db.attributeSchemas.put({ key: `gov:${oktru}`, definitions: gov, fetchedAt: now() });
    referencedDictionaries([...gov.mainAttributes, ...gov.additionalAttributes], govNeeded);
    options.onProgress?.({ dictionary: 'gov-attributes', done: index + 1, total: categories.size, dictionariesDone: 0, dictionariesTotal: 1 });
  }
  await download(govNeeded);

  await db.settings.put({ key: lastRefreshKey, value: now() });
  return { dictionaries: downloaded.size, items, categories: categories.size };
}

/** Downloads one dictionary page by page; its old items go only after the new copy is complete. */
async function downloadDictionary(
  bridge: Bridge,
  db: NcgDatabase,
  dictionary: string,
  refreshId: string,
  onPage: (done: number, total: number) => void,
): Promise<number> {
  let page = 1;
  let totalPages = 1;
  let done = 0;
  do {
    const answer = await callCatalogue(bridge, 'getItems', { dictionaryCode: dictionary, page, size: pageSize });
    totalPages = answer.totalPages;
    await db.dictionaryItems.bulkPut(answer.content.filter((item) => item.code).map((item) => toItemRecord(dictionary, item, refreshId)));
    done += answer.content.length;
    onPage(done, answer.totalElements);
    page += 1;
  } while (page <= totalPages);
  await db.dictionaryItems.where('dictionary').equals(dictionary).filter((item) => item.refreshId !== refreshId).delete();
  return done;
}
