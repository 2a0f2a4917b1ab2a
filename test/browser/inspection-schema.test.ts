/** Schema v5 (the inspections' tables) over a filled v4 database, in real IndexedDB: nothing lost, new tables work. */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { copyLookup } from '../../src/renderer/db/catalogue-copy.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { listInspections } from '../../src/renderer/db/inspections.ts';
import type { CopyCard } from '../../src/shared/inspection/index.ts';

const opened: NcgDatabase[] = [];
afterEach(async () => {
  const databases = opened.splice(0);
  for (const db of databases) db.close();
  for (const name of new Set(databases.map((db) => db.name))) await Dexie.delete(name);
});

describe('schema v5', () => {
  it('adds the copy and inspection tables to a filled v4 database without touching its rows', async () => {
    const name = `inspection-schema-${crypto.randomUUID()}`;
    const v4 = openDatabase(name, 4);
    opened.push(v4);
    await v4.settings.bulkAdd([
      { key: 'language', value: 'kk' },
      { key: 'dictionaries.lastRefresh', value: 1_700_000_000_000 },
    ]);
    await v4.blobs.add({ id: 'photo-1', ownerId: 'draft-1', mimeType: 'image/png', data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });
    v4.close();

    const latest = openDatabase(name);
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBeGreaterThanOrEqual(5);
    expect(await latest.settings.get('language')).toEqual({ key: 'language', value: 'kk' });
    expect(await latest.blobs.count()).toBe(1);

    const card = (ntin: string, gtin: string): CopyCard => ({ key: ntin, id: 1, ntin, gtin, nameRu: 'Молоко', nameKk: 'Сүт', unit: 'шт', deactivated: false, social: false, modified: 1 });
    await latest.copyCards.bulkPut([card('0200000000017', '04870000000011'), card('0200000000024', '04870000000011')]);
    expect(await copyLookup(latest).byGtin('04870000000011')).toHaveLength(2);
    await latest.inspections.add({
      id: 'i1', createdAt: '', updatedAt: '2026-11-20T10:00:00Z', status: 'open', organisation: { idNumber: '190340123456', name: 'ЖШС Ақ Бидай', address: '', category: 'small' },
      offence: 'first', place: 'Астана', inspector: '', date: '2026-11-20', copy: { date: undefined, count: 2 }, items: [], searchWords: ['жшс', 'ақ', 'бидай', '190340123456', 'астана'],
    });
    expect(await listInspections(latest, 'бидай аст')).toHaveLength(1);
  });
});
