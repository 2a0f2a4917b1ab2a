import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseProvider } from '../../src/renderer/db/context.tsx';
import { openDatabase } from '../../src/renderer/db/database.ts';
import { draftIdsNewestFirst, matchingDraftIds, newestDraftRecords, onDraftsChanged, putDraftRecords, saveDraftChanges, type ListFilter } from '../../src/renderer/db/drafts.ts';
import { useMatchingDraftIds } from '../../src/renderer/db/hooks.ts';
import { bruteForce, record } from './application-rows.ts';
import { scratchDatabases } from './scratch-database.ts';

/**
 * The applications list's search and order against a brute-force filter over 10,000 applications in real
 * IndexedDB: the key-only search (word index, kept order, rarest key set first) must find exactly what reading
 * every application's names and codes finds. And the list's hook follows changes made in another tab.
 */
const scratch = scratchDatabases('applications-list');

const queries: ListFilter[] = [
  { query: '' },
  { query: 'ӘСЕЛ' }, // upper-case Kazakh letters find lower-case ones
  { query: 'әсел қымыз' },
  { query: 'Қымыз Әсел 1 Л' },
  { query: 'сүт' },
  { query: 'СҮТ' },
  { query: 'с' }, // one letter: most applications
  { query: 'і' },
  { query: 'ІРІМШІК' },
  { query: 'ірімшік өрнек' },
  { query: 'Ёлка' },
  { query: 'һас' },
  { query: '«Сүт Әлемі»' }, // punctuation is not part of a word
  { query: 'молоко, 0,5' },
  { query: '4870000012' }, // a GTIN's beginning
  { query: '0287' }, // the NTIN of a card being edited
  { query: '0431' },
  { query: '№4999' },
  { query: 'кумыс шұбат' }, // two products: none is both
  { query: 'ничего такого' },
  { query: 'сүт', localState: 'ready' },
  { query: '', localState: 'draft' },
  { query: 'дала', statusCode: 'onModeration' },
  { query: 'нан', localState: 'ready', statusCode: 'rejected' },
];

describe('the applications list over 10,000 applications (real IndexedDB in Chromium)', () => {
  it('finds exactly what a brute-force filter finds, newest change first, with and without the kept order', { timeout: 180_000 }, async () => {
    const db = scratch();
    const base = 1_750_000_000_000;
    const records = Array.from({ length: 10_000 }, (_, index) => record(index, base));
    await putDraftRecords(db, records);

    const newestFirst = await draftIdsNewestFirst(db);
    expect(newestFirst).toEqual(bruteForce(records, { query: '' }));
    for (const filter of queries) {
      const expected = bruteForce(records, filter);
      expect(await matchingDraftIds(db, filter), JSON.stringify(filter)).toEqual(expected);
      expect(await matchingDraftIds(db, filter, newestFirst), `${JSON.stringify(filter)} on the kept order`).toEqual(expected);
    }
    // The queries are not all trivially empty or full.
    const sizes = queries.map((filter) => bruteForce(records, filter).length);
    expect(sizes.filter((size) => size > 0 && size < 10_000).length).toBeGreaterThan(15);
    expect(sizes).toContain(0);

    // The first screen is the head of the same order, with the whole count.
    const first = await newestDraftRecords(db, 60);
    expect(first.count).toBe(10_000);
    expect(first.records.map((row) => row.id)).toEqual(newestFirst.slice(0, 60));
  });
});

let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
});

/** The hook's answer as text in the page: "<count>|<ids>". */
function mountList(db: ReturnType<typeof scratch>, filter: ListFilter): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  function List() {
    const rows = useMatchingDraftIds(filter);
    return createElement('p', null, rows ? `${String(rows.count)}|${rows.ids.join(',')}` : 'reading');
  }
  root = createRoot(container);
  root.render(createElement(DatabaseProvider, { database: db, children: createElement(List) }));
  return container;
}

describe('the list’s ids as applications change', () => {
  it('shows the whole order after the first screen, and follows saves, imports and deletions made in another tab', async () => {
    const db = scratch();
    const base = 1_750_000_000_000;
    const records = Array.from({ length: 250 }, (_, index) => record(index, base));
    await putDraftRecords(db, records);
    const all = bruteForce(records, { query: '' });
    const list = mountList(db, { query: '' });
    await vi.waitFor(() => expect(list.textContent).toBe(`250|${all.join(',')}`));

    const searched = mountList(db, { query: 'кумыс' });
    const expected = bruteForce(records, { query: 'кумыс' });
    await vi.waitFor(() => expect(searched.textContent).toBe(`${String(expected.length)}|${expected.join(',')}`));

    // Another tab: a second connection to the same database.
    const otherTab = openDatabase(db.name);
    try {
      const renamed = records.find((row) => !expected.includes(row.id))!;
      await saveDraftChanges(otherTab, renamed.id, [{ field: 'values.base.name_ru', before: renamed.draft.values.base['name_ru'], after: 'Кумыс «Жаңа»' }], base + 20_000);
      await vi.waitFor(() => expect(searched.textContent).toBe(`${String(expected.length + 1)}|${[renamed.id, ...expected].join(',')}`));

      const imported = record(9_001, base + 30_000 - ((9_001 * 7919) % 10_007));
      imported.draft.values.base['name_kk'] = 'Бие сүті (кумыс)';
      await putDraftRecords(otherTab, [imported]);
      await vi.waitFor(() => expect(searched.textContent).toBe(`${String(expected.length + 2)}|${[imported.id, renamed.id, ...expected].join(',')}`));

      await otherTab.drafts.delete(renamed.id);
      await vi.waitFor(() => expect(searched.textContent).toBe(`${String(expected.length + 1)}|${[imported.id, ...expected].join(',')}`));
    } finally {
      otherTab.close();
    }
  });

  it('calls back on changes to applications only, until stopped', async () => {
    const db = scratch();
    let calls = 0;
    const stop = onDraftsChanged(db, () => {
      calls += 1;
    });
    await db.settings.put({ key: 'language', value: 'kk' });
    await putDraftRecords(db, [record(1, 1_750_000_000_000)]);
    await vi.waitFor(() => expect(calls).toBeGreaterThan(0));
    const afterDrafts = calls;
    await db.settings.put({ key: 'language', value: 'ru' });
    await db.blobs.put({ id: 'b', ownerId: 'x', mimeType: 'image/png', data: new Blob([]) });
    // Dexie reports changes on a timer: wait for the next report, a draft's, and count what came before it.
    await putDraftRecords(db, [record(2, 1_750_000_000_000)]);
    await vi.waitFor(() => expect(calls).toBe(afterDrafts + 1));

    stop();
    let witnessed = false;
    const witness = onDraftsChanged(db, () => {
      witnessed = true;
    });
    try {
      await putDraftRecords(db, [record(3, 1_750_000_000_000)]);
      await vi.waitFor(() => expect(witnessed).toBe(true));
      expect(calls).toBe(afterDrafts + 1);
    } finally {
      witness();
    }
  });
});
