/**
 * The page's one refresh of the offline copy (real IndexedDB): Settings and the editor's "Download now" started
 * together make one refresh, not two racing over each other's items, and the runner reports its progress and end.
 */
import { expect, it } from 'vitest';
import type { Bridge, CatalogueCallResult } from '../../src/shared/bridge.ts';
import { dictionaryCounts } from '../../src/renderer/db/dictionaries.ts';
import { refreshDictionaries, type RefreshProgress } from '../../src/renderer/db/dictionary-refresh.ts';
import { dictionaryRefreshRunner } from '../../src/renderer/db/dictionary-refresh-runner.ts';
import { loadAttributeSchemas } from '../../src/renderer/db/attribute-schemas.ts';
import { scratchDatabases } from './scratch-database.ts';

const newDatabase = scratchDatabases('first-refresh');

/** A catalogue behind the bridge with three small dictionaries, answering each call after a few milliseconds. */
function smallCatalogue(): { bridge: Bridge; asked: string[] } {
  const items = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: index + 1, code: `${prefix}${index}`, hasChild: false, nameRu: `Название ${index}`, nameKk: `Атауы ${index} Әә`, isDeleted: false }));
  const dictionaries: Record<string, ReturnType<typeof items>> = { OKTRU: [], TNVED: items('0401', 150), COUNTRY: items('C', 120) };
  const asked: string[] = [];
  const call = async ({ operation, input }: { operation: string; input: Record<string, unknown> }): Promise<CatalogueCallResult> => {
    asked.push(`${operation} ${JSON.stringify(input)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    switch (operation) {
      case 'attributes':
        return { ok: true, value: [{ code: 'name_ru', dataType: 'string', nameRu: 'Наименование', nameKk: 'Атауы' }] };
      case 'getAllDictionaries':
        return { ok: true, value: Object.keys(dictionaries).map((code) => ({ code, nameRu: code, nameKk: code })) };
      case 'getItems': {
        const all = dictionaries[String(input['dictionaryCode'])] ?? [];
        const size = Number(input['size']);
        const page = Number(input['page']);
        return { ok: true, value: { content: all.slice((page - 1) * size, page * size), totalPages: Math.max(1, Math.ceil(all.length / size)), totalElements: all.length, number: page, size } };
      }
      default:
        throw new Error(`unexpected ${operation}`);
    }
  };
  return { bridge: { catalogue: { call } } as unknown as Bridge, asked };
}

it('a second refresh started while one runs joins it: one set of calls, both see its progress, every item stays', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue();
  const seenBySettings: RefreshProgress[] = [];
  const seenByEditor: RefreshProgress[] = [];
  const first = refreshDictionaries(catalogue.bridge, db, { onProgress: (step) => seenBySettings.push(step) });
  const second = refreshDictionaries(catalogue.bridge, db, { onProgress: (step) => seenByEditor.push(step) });
  const [a, b] = await Promise.all([first, second]);
  expect(b).toEqual(a);
  // attributes + dictionary list + OKTRU 1 page + TNVED 2 pages + COUNTRY 2 pages, each asked once.
  expect(catalogue.asked).toHaveLength(7);
  expect(new Set(catalogue.asked).size).toBe(7);
  expect(seenByEditor.at(-1)).toEqual(seenBySettings.at(-1));
  expect(seenBySettings.at(-1)).toMatchObject({ done: 7, total: 7, items: 270 });
  expect(await dictionaryCounts(db)).toMatchObject({ TNVED: 150, COUNTRY: 120 });

  // Afterwards a refresh is a new one again.
  await refreshDictionaries(catalogue.bridge, db);
  expect(catalogue.asked).toHaveLength(14);
  expect(await dictionaryCounts(db)).toMatchObject({ TNVED: 150, COUNTRY: 120 });
});

it('the runner tells every screen where the refresh stands and ends with the forms stored', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue();
  const runner = dictionaryRefreshRunner(catalogue.bridge, db);
  expect(dictionaryRefreshRunner(catalogue.bridge, db)).toBe(runner);
  expect(runner.snapshot().state).toBe('idle');
  expect(await loadAttributeSchemas(db, '')).toBeNull();
  const states: string[] = [];
  const unsubscribe = runner.subscribe(() => states.push(runner.snapshot().state));
  const started = runner.start();
  expect(runner.start()).toBe(started); // a second start while running is the same refresh
  const end = await started;
  unsubscribe();
  expect(end.state).toBe('done');
  expect(states[0]).toBe('running');
  expect(states.at(-1)).toBe('done');
  expect(end.state === 'done' && end.progress).toMatchObject({ done: 7, total: 7 });
  expect(await loadAttributeSchemas(db, '')).not.toBeNull();
});

it('a failed refresh is a state with its error, and can be started again', async () => {
  const db = newDatabase();
  const bridge = { catalogue: { call: async () => ({ ok: false, error: { kind: 'network', message: 'offline', operation: 'attributes' } }) } } as unknown as Bridge;
  const runner = dictionaryRefreshRunner(bridge, db);
  const end = await runner.start();
  expect(end.state).toBe('failed');
  expect(runner.snapshot().state).toBe('failed');
  const again = runner.start();
  expect(runner.snapshot().state).toBe('running');
  expect((await again).state).toBe('failed');
});
