/**
 * The page's one refresh of the offline copy (real IndexedDB): Settings and the editor's "Download now" started
 * together make one refresh, not two racing over each other's items, and the runner reports its progress and end.
 */
import { expect, it } from 'vitest';
import type { Bridge } from '../../src/shared/bridge.ts';
import { dictionaryCounts } from '../../src/renderer/db/dictionaries.ts';
import { refreshDictionaries, type RefreshProgress } from '../../src/renderer/db/dictionary-refresh.ts';
import { dictionaryRefreshRunner } from '../../src/renderer/db/dictionary-refresh-runner.ts';
import { loadAttributeSchemas } from '../../src/renderer/db/attribute-schemas.ts';
import { scratchDatabases } from './scratch-database.ts';
import { refreshCalls, smallCatalogue } from './small-catalogue.ts';

const newDatabase = scratchDatabases('first-refresh');

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
  expect(catalogue.calls).toHaveLength(refreshCalls);
  expect(new Set(catalogue.calls.map((call) => `${call.operation} ${JSON.stringify(call.input)}`)).size).toBe(refreshCalls);
  expect(seenByEditor.at(-1)).toEqual(seenBySettings.at(-1));
  expect(seenBySettings.at(-1)).toMatchObject({ done: 7, total: 7, items: 270 });
  expect(await dictionaryCounts(db)).toMatchObject({ TNVED: 150, COUNTRY: 120 });

  // Afterwards a refresh is a new one again.
  await refreshDictionaries(catalogue.bridge, db);
  expect(catalogue.calls).toHaveLength(2 * refreshCalls);
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
