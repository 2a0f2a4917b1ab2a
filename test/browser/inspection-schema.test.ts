/**
 * Schema v5 (the inspections' tables) over a filled v4 database, and v8 (the copy in blocks and buckets) over a
 * v7 database holding a v5 copy, in real IndexedDB: nothing lost, the copy answers as before.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { eachCopyBatch, readCopyState, startAppendIndex, appendCopyBatch } from '../../src/renderer/db/catalogue-copy.ts';
import { copyLookup } from '../../src/renderer/db/copy-lookup.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { listInspections } from '../../src/renderer/db/inspections.ts';
import { blockSize } from '../../src/shared/inspection/copy-index.ts';
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
    await appendCopyBatch(latest, [card('0200000000017', '04870000000011'), card('0200000000024', '04870000000011')], (state) => state, startAppendIndex(), true);
    expect(await copyLookup(latest).byGtin('04870000000011')).toHaveLength(2);
    await latest.inspections.add({
      id: 'i1', createdAt: '', updatedAt: '2026-11-20T10:00:00Z', status: 'open', organisation: { idNumber: '190340123456', name: 'ЖШС Ақ Бидай', address: '', category: 'small' },
      offence: 'first', place: 'Астана', inspector: '', date: '2026-11-20', copy: { date: undefined, count: 2 }, items: [], searchWords: ['жшс', 'ақ', 'бидай', '190340123456', 'астана'],
    });
    expect(await listInspections(latest, 'бидай аст')).toHaveLength(1);
  });
});

describe('schema v8', () => {
  it('moves a v5 copy (a row per card) into blocks and buckets: every NTIN and every card of a GTIN still found', async () => {
    const name = `inspection-schema-${crypto.randomUUID()}`;
    const v7 = openDatabase(name, 7);
    opened.push(v7);
    const rows = Array.from({ length: 1300 }, (_, index) => ({
      key: `02000${String(index).padStart(8, '0')}`,
      id: index + 1,
      ntin: `02000${String(index).padStart(8, '0')}`,
      gtin: index % 100 === 0 ? '04870000000011' : index % 3 === 0 ? '' : `0487${String(index).padStart(10, '0')}`,
      nameRu: `Товар ${index}`,
      nameKk: `Тауар ${index} Ұ`,
      unit: 'шт',
      deactivated: index % 7 === 0,
      social: false,
      modified: 1_760_000_000 + index,
    }));
    const v5Copy = v7.table('copyCards');
    await v5Copy.bulkPut(rows);
    const state = { copyDate: '2026-11-01T08:00:00.000Z', count: rows.length, maxNtinSerial: 1299, cursor: 1_760_001_299, status: 'complete', resumeUrl: undefined, startedAt: undefined, startedFrom: 0 };
    await v7.table('copyMeta').put({ key: 'state', state });
    await v7.settings.put({ key: 'language', value: 'ru' });
    v7.close();

    const latest = openDatabase(name);
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBeGreaterThanOrEqual(8);
    expect(latest.tables.map((table) => table.name)).not.toContain('copyCards');
    expect(await latest.settings.get('language')).toEqual({ key: 'language', value: 'ru' });
    expect(await readCopyState(latest)).toMatchObject({ ...state, nextBlock: Math.ceil(rows.length / blockSize), indexedBlocks: Math.ceil(rows.length / blockSize) });
    const held: CopyCard[] = [];
    await eachCopyBatch(latest, 500, (batch) => {
      held.push(...batch);
    });
    expect(held.sort((a, b) => a.id - b.id)).toEqual(rows);
    const lookup = copyLookup(latest);
    for (const row of rows) expect(await lookup.byNtin(row.ntin)).toEqual(row);
    expect((await lookup.byGtin('04870000000011')).map((card) => card.ntin).sort()).toEqual(rows.filter((row) => row.gtin === '04870000000011').map((row) => row.ntin));
    expect(await lookup.byGtin('04600000000017')).toEqual([]);
  });
});
