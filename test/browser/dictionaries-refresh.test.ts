import { describe, expect, it } from 'vitest';
import type { Bridge, CatalogueCallResult } from '../../src/shared/bridge.ts';
import { errorFromResponse, networkError } from '../../src/shared/catalogue/errors.ts';
import type { AttributeDefinition, DictionaryItem } from '../../src/shared/catalogue/index.ts';
import { loadAttributeSchemas } from '../../src/renderer/db/attribute-schemas.ts';
import { dictionaryCounts, searchDictionary } from '../../src/renderer/db/dictionaries.ts';
import { lastDictionaryRefreshKey, readSetting } from '../../src/renderer/db/settings.ts';
import { refreshDictionaries, type RefreshProgress } from '../../src/renderer/db/dictionary-refresh.ts';
import { scratchDatabases } from './scratch-database.ts';

/**
 * The offline copy's refresh against a scripted catalogue behind the bridge (the sandbox is a Node server; its
 * full run is covered by the e2e spec and the benchmark). Each answer takes a few milliseconds, so calls overlap
 * and the pool's bound is observable.
 */
const newDatabase = scratchDatabases('refresh');

const definition = (code: string, dictionaryCode?: string): AttributeDefinition => ({ code, dataType: dictionaryCode ? 'dictionary' : 'string', nameRu: code, nameKk: code, ...(dictionaryCode ? { dictionaryCode } : {}) });

function item(code: string, options: { isDeleted?: boolean; nameKk?: string } = {}): DictionaryItem {
  return { id: code.length * 1000 + Number(code.replace(/\D/gu, '').slice(-4) || 0), code, hasChild: false, nameRu: `Название ${code}`, nameKk: options.nameKk ?? `Атауы ${code}`, isDeleted: options.isDeleted ?? false } as DictionaryItem;
}

const oktruLeaf = (index: number) => `1020-0011-0003-1${String(index).padStart(8, '0')}`;

interface ScriptedCatalogue {
  bridge: Bridge;
  asked: string[];
  peakInFlight: () => number;
  /** How many calls had been made when the scripted failure answered. */
  askedAtFailure: () => number | undefined;
  /** Resolves once no call is in flight. */
  idle: () => Promise<void>;
}

function scriptedCatalogue(options: { leaves: number; deleted: readonly number[]; countries: number; failOn?: string }): ScriptedCatalogue {
  const dictionaries: Record<string, DictionaryItem[]> = {
    OKTRU: Array.from({ length: options.leaves }, (_, index) => item(oktruLeaf(index), { isDeleted: options.deleted.includes(index) })),
    TNVED: Array.from({ length: 30 }, (_, index) => item(`18063290${String(index).padStart(2, '0')}`)),
    COUNTRY: Array.from({ length: options.countries }, (_, index) => item(`C${index}`, { nameKk: index === 0 ? 'Қазақстан' : `Ел ${index}` })),
    MEASURE_UNIT: [item('796'), item('166')],
    COLOR: [item('RED'), item('GREEN')],
  };
  const asked: string[] = [];
  let inFlight = 0;
  let peak = 0;
  let askedAtFailure: number | undefined;
  const idleWaiters: (() => void)[] = [];
  const answer = async (operation: string, input: Record<string, unknown>): Promise<unknown> => {
    switch (operation) {
      case 'attributes':
        return [definition('name_ru'), definition('country', 'COUNTRY'), definition('measure_unit', 'MEASURE_UNIT')];
      case 'getAllDictionaries':
        return Object.keys(dictionaries).map((code) => ({ code, nameRu: code, nameKk: code }));
      case 'getItems': {
        const all = dictionaries[String(input['dictionaryCode'])] ?? [];
        const size = Number(input['size']);
        const page = Number(input['page']);
        return { content: all.slice((page - 1) * size, page * size), totalPages: Math.max(1, Math.ceil(all.length / size)), totalElements: all.length, number: page, size };
      }
      case 'getGovCategoryAttributes': {
        const index = Number(String(input['oktru']).slice(-8));
        // The catalogue answers 400 for a category it does not (any longer) publish.
        if (options.deleted.includes(index)) throw errorFromResponse({ status: 400, operation, apiError: { code: 'VALIDATION_ERROR', message: "'oktru' — не является действующей конечной категорией" } });
        return { mainAttributes: [definition('net_weight')], additionalAttributes: index % 2 === 0 ? [definition('color', 'COLOR')] : [] };
      }
      default:
        throw new Error(`unexpected operation ${operation}`);
    }
  };
  const call = async ({ operation, input }: { operation: string; input: Record<string, unknown> }): Promise<CatalogueCallResult> => {
    const key = `${operation} ${JSON.stringify(input)}`;
    asked.push(key);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 3));
      if (options.failOn && key.includes(options.failOn)) {
        askedAtFailure = asked.length;
        throw networkError(new Error('connection reset'), operation);
      }
      return { ok: true, value: await answer(operation, input) };
    } catch (error) {
      return { ok: false, error: (error as ReturnType<typeof networkError>).toData() };
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
    }
  };
  return { bridge: { catalogue: { call } } as unknown as Bridge, asked, peakInFlight: () => peak, askedAtFailure: () => askedAtFailure,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}

describe('offline copy refresh (real IndexedDB in Chromium)', () => {
  it('downloads everything with at most 6 calls at once, shows progress that only grows, and asks nothing about deprecated categories', async () => {
    const db = newDatabase();
    const catalogue = scriptedCatalogue({ leaves: 40, deleted: [3, 17], countries: 250 });
    const progress: RefreshProgress[] = [];
    const outcome = await refreshDictionaries(catalogue.bridge, db, { categoriesInUse: [oktruLeaf(17), oktruLeaf(5)], onProgress: (step) => progress.push(step), now: () => 1_700_000_000_000 });

    expect(catalogue.peakInFlight()).toBeLessThanOrEqual(6);
    expect(catalogue.peakInFlight()).toBeGreaterThan(1);
    // No extended schema is asked for a deprecated category, whether in use here or not.
    const govAsked = catalogue.asked.filter((key) => key.startsWith('getGovCategoryAttributes'));
    expect(govAsked).toHaveLength(38);
    expect(govAsked.some((key) => key.includes(oktruLeaf(3)) || key.includes(oktruLeaf(17)))).toBe(false);
    expect(outcome).toMatchObject({ categories: 38, skippedDeprecated: 1, dictionaries: 5 });

    // Every call counted once, in order, ending complete.
    expect(progress.at(-1)).toMatchObject({ done: catalogue.asked.length, total: catalogue.asked.length });
    for (const [index, step] of progress.entries()) {
      expect(step.done).toBeLessThanOrEqual(step.total);
      if (index > 0) {
        expect(step.done).toBeGreaterThanOrEqual(progress[index - 1]!.done);
        expect(step.items).toBeGreaterThanOrEqual(progress[index - 1]!.items);
      }
    }

    expect(await dictionaryCounts(db)).toEqual({ COLOR: 2, COUNTRY: 250, MEASURE_UNIT: 2, OKTRU: 40, TNVED: 30 });
    expect((await searchDictionary(db, 'COUNTRY', 'қазақ')).map((found) => found.code)).toEqual(['C0']);
    // A deprecated category stays readable by code but is never offered.
    expect((await db.dictionaryItems.get(['OKTRU', oktruLeaf(3)]))?.isDeleted).toBe(true);
    expect((await searchDictionary(db, 'OKTRU', oktruLeaf(3))).length).toBe(0);
    expect((await loadAttributeSchemas(db, oktruLeaf(4)))?.gov?.additionalAttributes.map((attribute) => attribute.code)).toEqual(['color']);
    expect((await loadAttributeSchemas(db, oktruLeaf(3)))?.gov).toBeUndefined();
    expect(await readSetting(db, lastDictionaryRefreshKey)).toBe(1_700_000_000_000);
  });

  it('replaces a dictionary only once its new copy is complete, and drops what the catalogue no longer has', async () => {
    const db = newDatabase();
    await refreshDictionaries(scriptedCatalogue({ leaves: 4, deleted: [], countries: 120 }).bridge, db, { now: () => 1 });
    expect((await dictionaryCounts(db))['COUNTRY']).toBe(120);
    await refreshDictionaries(scriptedCatalogue({ leaves: 4, deleted: [], countries: 90 }).bridge, db, { now: () => 2 });
    expect((await dictionaryCounts(db))['COUNTRY']).toBe(90);
  });

  it('stops at the first lost connection: calls not yet started are not made, the stored copy stays, no success is recorded', async () => {
    const db = newDatabase();
    await refreshDictionaries(scriptedCatalogue({ leaves: 4, deleted: [], countries: 120 }).bridge, db, { now: () => 1 });
    const broken = scriptedCatalogue({ leaves: 40, deleted: [], countries: 120, failOn: oktruLeaf(2) });
    const failure = await refreshDictionaries(broken.bridge, db, { now: () => 2 }).catch((error: unknown) => error);
    expect((failure as { kind?: string }).kind).toBe('network');
    // Calls in flight when the connection broke finish; no new one starts after it.
    expect(broken.askedAtFailure()).toBeDefined();
    await broken.idle();
    expect(broken.asked.length).toBe(broken.askedAtFailure());
    expect(broken.asked.filter((key) => key.startsWith('getGovCategoryAttributes')).length).toBeLessThan(40);
    expect((await dictionaryCounts(db))['COUNTRY']).toBe(120);
    expect(await readSetting(db, lastDictionaryRefreshKey)).toBe(1);
  });
});
