import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFields, mergeDrafts, withFieldValue } from '../../src/shared/application/draft-fields.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { createDraftRecord, getDraftRecord, saveDraftChanges, setLocalState } from '../../src/renderer/db/drafts.ts';
import type { DraftRecord } from '../../src/renderer/db/records.ts';

/**
 * Two editors of one application, as two tabs have them: two connections to the same real IndexedDB database,
 * each with the draft it loaded, each saving only what it changed.
 */
const opened: NcgDatabase[] = [];
afterEach(async () => {
  const databases = opened.splice(0);
  for (const db of databases) db.close();
  for (const name of new Set(databases.map((db) => db.name))) await Dexie.delete(name);
});

async function twoTabs(): Promise<{ tabA: NcgDatabase; tabB: NcgDatabase; id: string }> {
  const name = `two-editors-${crypto.randomUUID()}`;
  const tabA = openDatabase(name);
  const tabB = openDatabase(name);
  opened.push(tabA, tabB);
  const id = await createDraftRecord(tabA);
  return { tabA, tabB, id };
}

describe('two editors of one application (real IndexedDB, two connections)', () => {
  it('keeps both tabs’ changes to different fields, whichever saves last', async () => {
    const { tabA, tabB, id } = await twoTabs();
    const loadedA = (await getDraftRecord(tabA, id))!.draft;
    const loadedB = (await getDraftRecord(tabB, id))!.draft;

    const editedA = withFieldValue(loadedA, 'values.base.name_ru', 'Кумыс «Асель»');
    const editedB = withFieldValue(withFieldValue(loadedB, 'values.base.name_kk', 'Қымыз «Әсел»'), 'isGov', true);
    const [savedA, savedB] = await Promise.all([saveDraftChanges(tabA, id, changedFields(loadedA, editedA)), saveDraftChanges(tabB, id, changedFields(loadedB, editedB))]);
    expect(savedA.conflicts).toEqual([]);
    expect(savedB.conflicts).toEqual([]);

    const stored = (await getDraftRecord(tabA, id))!;
    expect(stored.draft.values.base).toEqual({ name_ru: 'Кумыс «Асель»', name_kk: 'Қымыз «Әсел»' });
    expect(stored.draft.isGov).toBe(true);
    expect(stored.revision).toBe(2);
    // Today's search index covers what both tabs wrote.
    expect(stored.searchWords).toEqual(expect.arrayContaining(['кумыс', 'қымыз']));
  });

  it('never drops a clash on one field: the second save gets a conflict with both values, and the first value stays', async () => {
    const { tabA, tabB, id } = await twoTabs();
    const loaded = (await getDraftRecord(tabA, id))!.draft;
    await saveDraftChanges(tabA, id, changedFields(loaded, withFieldValue(loaded, 'values.base.name_kk', 'Қымыз «Әсел»')));
    const second = await saveDraftChanges(tabB, id, changedFields(loaded, withFieldValue(loaded, 'values.base.name_kk', 'Сүт өнімі')));
    expect(second.conflicts).toEqual([{ field: 'values.base.name_kk', mine: 'Сүт өнімі', theirs: 'Қымыз «Әсел»' }]);
    expect((await getDraftRecord(tabB, id))!.draft.values.base['name_kk']).toBe('Қымыз «Әсел»');

    // The officer of tab B keeps their value: it is written against the value they were shown.
    const kept = await saveDraftChanges(tabB, id, [{ field: 'values.base.name_kk', before: 'Қымыз «Әсел»', after: 'Сүт өнімі' }]);
    expect(kept.conflicts).toEqual([]);
    expect((await getDraftRecord(tabA, id))!.draft.values.base['name_kk']).toBe('Сүт өнімі');
  });

  it('shows a save made in one tab to the other tab’s live view, which merges it without losing its own pending edit', async () => {
    const { tabA, tabB, id } = await twoTabs();
    const base = (await getDraftRecord(tabB, id))!;
    // Tab B has typed a Russian name it has not saved yet.
    const pendingB = withFieldValue(base.draft, 'values.base.name_ru', 'Кумыс');

    const seen: DraftRecord[] = [];
    let wake: () => void = () => undefined;
    const subscription = liveQuery(() => tabB.drafts.get(id)).subscribe((record) => {
      if (record) seen.push(record);
      wake();
    });
    try {
      const loadedA = (await getDraftRecord(tabA, id))!.draft;
      await saveDraftChanges(tabA, id, changedFields(loadedA, withFieldValue(loadedA, 'oktru', '1020-0011-0003-100006374')));
      await setLocalState(tabA, id, 'ready');
      // Waits for the state, not for a time: the live view has seen tab A's revision.
      while (!seen.some((record) => (record.revision ?? 0) >= 1 && record.localState === 'ready')) await new Promise<void>((resolve) => (wake = resolve));
    } finally {
      subscription.unsubscribe();
    }
    const remote = seen.at(-1)!;
    const merged = mergeDrafts(base.draft, pendingB, remote.draft);
    expect(merged.conflicts).toEqual([]);
    expect(merged.draft.oktru).toBe('1020-0011-0003-100006374');
    expect(merged.draft.values.base['name_ru']).toBe('Кумыс');

    // Tab B's save then lands beside tab A's, and sends the ready application back to draft.
    await saveDraftChanges(tabB, id, changedFields(remote.draft, merged.draft));
    const stored = (await getDraftRecord(tabA, id))!;
    expect(stored.draft.oktru).toBe('1020-0011-0003-100006374');
    expect(stored.draft.values.base['name_ru']).toBe('Кумыс');
    expect(stored.localState).toBe('draft');
  });
});
