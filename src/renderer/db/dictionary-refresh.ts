/**
 * Downloads what the forms need to work offline: the base attribute schema, the extended schemas of the
 * categories (all of them in a small catalogue, else those in use), and the dictionaries (ОКТРУ tree, ТН ВЭД,
 * COUNTRY, and every dictionary an attribute refers to).
 *
 * Every call goes through one bounded pool (6 at a time, like a browser's connections per host), so the
 * catalogue is never flooded; a 429 is retried by the catalogue client, honouring Retry-After. Work starts as
 * soon as what it depends on is known: the pages of a dictionary once its first page told how many there are,
 * the categories' schemas once ОКТРУ is in, the dictionaries a category's schema names once it arrived.
 * Items of a dictionary are replaced only once its download completed.
 */
import type { AttributeDefinition } from '../../shared/catalogue/index.ts';
import type { Bridge } from '../../shared/bridge.ts';
import { isCatalogueError } from '../../shared/catalogue/errors.ts';
import { callCatalogue } from '../../shared/catalogue-call.ts';
import { oktruLevel } from '../../shared/codes/index.ts';
import { baseSchemaKey, govSchemaKey, putAttributeSchema, putAttributeSchemas } from './attribute-schemas.ts';
import type { NcgDatabase } from './database.ts';
import { putDictionaryItems, removeItemsNotFrom } from './dictionaries.ts';
import { lastDictionaryRefreshKey, writeSetting } from './settings.ts';

export const alwaysNeededDictionaries = ['OKTRU', 'TNVED', 'COUNTRY'] as const;
const pageSize = 100;
/** Calls in flight at once. */
export const defaultConcurrency = 6;
/**
 * A catalogue with few categories gets every category's extended schema, so an extended card can be started
 * offline in any of them; a large one only those of the applications on this computer (one call each).
 */
export const allCategoriesUpTo = 300;

export interface RefreshProgress {
  /** Calls answered so far. */
  done: number;
  /** Calls known so far: grows while answers reveal more pages, categories and dictionaries. */
  total: number;
  /** Dictionary items stored so far. */
  items: number;
}

export interface RefreshOutcome {
  dictionaries: number;
  items: number;
  categories: number;
  /** Deprecated (deleted) categories in use on this computer, for which no extended schema is asked. */
  skippedDeprecated: number;
}

function referencedDictionaries(definitions: readonly AttributeDefinition[], into = new Set<string>()): Set<string> {
  for (const definition of definitions) {
    if (definition.dictionaryCode) into.add(definition.dictionaryCode);
    if (definition.attributes) referencedDictionaries(definition.attributes, into);
  }
  return into;
}

/** Runs tasks at most `limit` at a time, in the order they were handed in; after `stop`, queued tasks are refused. */
function boundedPool(limit: number) {
  let running = 0;
  let stopped: unknown;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= limit) return;
    const start = waiting.shift();
    if (start) start();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          if (stopped !== undefined) {
            reject(stopped);
            next();
            return;
          }
          running += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        });
        next();
      });
    },
    stop(reason: unknown) {
      stopped ??= reason;
    },
  };
}

/** A category the catalogue has no extended schema for is skipped; losing the network is not. */
function hasNoExtendedSchema(error: unknown): boolean {
  return isCatalogueError(error) && (error.kind === 'not-found' || error.kind === 'validation' || error.kind === 'wrong-status');
}

type Call = <T>(work: () => Promise<T>, expected?: (error: unknown) => boolean) => Promise<T>;

type RefreshOptions = { categoriesInUse?: readonly string[]; onProgress?: (progress: RefreshProgress) => void; now?: () => number; concurrency?: number };

/**
 * The refresh running on each database. Two at once (Settings and the editor's offer) would each remove the
 * items the other stored under its own refresh id, so a second call joins the first and sees its progress.
 */
const inFlight = new WeakMap<NcgDatabase, { outcome: Promise<RefreshOutcome>; listeners: Set<(progress: RefreshProgress) => void> }>();

export function refreshDictionaries(bridge: Bridge, db: NcgDatabase, options: RefreshOptions = {}): Promise<RefreshOutcome> {
  const running = inFlight.get(db);
  if (running) {
    if (options.onProgress) running.listeners.add(options.onProgress);
    return running.outcome;
  }
  const listeners = new Set<(progress: RefreshProgress) => void>(options.onProgress ? [options.onProgress] : []);
  const outcome = refreshOnce(bridge, db, { ...options, onProgress: (progress) => listeners.forEach((listener) => listener(progress)) }).finally(() => inFlight.delete(db));
  inFlight.set(db, { outcome, listeners });
  return outcome;
}

async function refreshOnce(bridge: Bridge, db: NcgDatabase, options: RefreshOptions): Promise<RefreshOutcome> {
  const pool = boundedPool(options.concurrency ?? defaultConcurrency);
  const progress: RefreshProgress = { done: 0, total: 0, items: 0 };
  const report = () => options.onProgress?.({ ...progress });
  // Each catalogue call goes through the pool and counts towards the progress. An error that is not `expected`
  // ends the refresh at once: calls not yet started are not made.
  const call: Call = (work, expected = () => false) => {
    progress.total += 1;
    report();
    return pool.run(work).then(
      (value) => {
        progress.done += 1;
        report();
        return value;
      },
      (error: unknown) => {
        if (expected(error)) {
          progress.done += 1;
          report();
        } else {
          pool.stop(error);
        }
        throw error;
      },
    );
  };
  const onItems = (count: number) => {
    progress.items += count;
    report();
  };
  return refreshThrough(call, onItems, bridge, db, options);
}

async function refreshThrough(
  call: Call,
  onItems: (count: number) => void,
  bridge: Bridge,
  db: NcgDatabase,
  options: { categoriesInUse?: readonly string[]; now?: () => number },
): Promise<RefreshOutcome> {
  const now = options.now ?? Date.now;
  const refreshId = `${now()}`;
  const [base, dictionaryList] = await Promise.all([call(() => callCatalogue(bridge, 'attributes', {})), call(() => callCatalogue(bridge, 'getAllDictionaries', {}))]);
  await putAttributeSchema(db, baseSchemaKey, base, now());
  const available = new Set(dictionaryList.map((info) => info.code));

  /** Current (not deleted) 4th-level ОКТРУ codes, and deleted ones: only the first are categories a card can have. */
  const currentLeaves = new Set<string>();
  const deletedLeaves = new Set<string>();
  /**
   * One dictionary, page by page: each page is stored as it arrives; `fetched` settles once every page has arrived
   * (what the categories wait for), `done` once all are stored and the items the catalogue dropped are removed.
   */
  const downloadDictionary = (dictionary: string): { fetched: Promise<number>; done: Promise<number> } => {
    const stored: Promise<void>[] = [];
    const fetchAndStore = async (number: number) => {
      const answer = await call(() => callCatalogue(bridge, 'getItems', { dictionaryCode: dictionary, page: number, size: pageSize }));
      if (dictionary === 'OKTRU') {
        for (const item of answer.content) if (item.code && oktruLevel(item.code) === 4) (item.isDeleted ? deletedLeaves : currentLeaves).add(item.code);
      }
      stored.push(putDictionaryItems(db, dictionary, answer.content, refreshId).then(() => onItems(answer.content.length)));
      return answer;
    };
    const fetched = (async () => {
      const first = await fetchAndStore(1);
      const rest = await Promise.all(Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, index) => fetchAndStore(index + 2)));
      return rest.reduce((sum, answer) => sum + answer.content.length, first.content.length);
    })();
    const done = fetched.then(async (count) => {
      await Promise.all(stored);
      await removeItemsNotFrom(db, dictionary, refreshId);
      return count;
    });
    // Awaited below; a refresh that fails earlier must not leave them unhandled.
    fetched.catch(() => undefined);
    done.catch(() => undefined);
    return { fetched, done };
  };
  const downloads = new Map<string, { fetched: Promise<number>; done: Promise<number> }>();
  const download = (codes: Iterable<string>) => {
    for (const code of [...codes].sort()) {
      if (available.has(code) && !downloads.has(code)) downloads.set(code, downloadDictionary(code));
    }
  };

  const needed = referencedDictionaries(base);
  for (const code of alwaysNeededDictionaries) needed.add(code);
  download(needed);

  // The categories' schemas can be asked for as soon as ОКТРУ has arrived, while the dictionaries are being stored.
  await downloads.get('OKTRU')?.fetched;
  const inUse = new Set(options.categoriesInUse ?? []);
  const categories = new Set([...inUse].filter((code) => !deletedLeaves.has(code)));
  if (currentLeaves.size <= allCategoriesUpTo) for (const code of currentLeaves) categories.add(code);
  const govSchemas: { key: string; definitions: unknown }[] = [];
  await Promise.all(
    [...categories].sort().map(async (oktru) => {
      let gov;
      try {
        gov = await call(() => callCatalogue(bridge, 'getGovCategoryAttributes', { oktru }), hasNoExtendedSchema);
      } catch (error) {
        if (hasNoExtendedSchema(error)) return;
        throw error;
      }
      govSchemas.push({ key: govSchemaKey(oktru), definitions: gov });
      download(referencedDictionaries([...gov.mainAttributes, ...gov.additionalAttributes]));
    }),
  );
  await putAttributeSchemas(db, govSchemas, now());

  // Dictionaries named by the categories' schemas were added to `downloads` while those arrived.
  const counts = await Promise.all([...downloads.values()].map((download) => download.done));
  await writeSetting(db, lastDictionaryRefreshKey, now());
  return {
    dictionaries: downloads.size,
    items: counts.reduce((sum, count) => sum + count, 0),
    categories: categories.size,
    skippedDeprecated: [...inUse].filter((code) => deletedLeaves.has(code)).length,
  };
}
