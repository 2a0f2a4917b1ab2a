import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import type { DraftRecord } from '../../src/renderer/db/records.ts';
import type { Table } from 'dexie';
import { emptyDraft } from '../../src/shared/application/draft.ts';
import { latestSchemaVersion } from '../../src/renderer/db/schema.ts';

const opened: NcgDatabase[] = [];
afterEach(async () => {
  const databases = opened.splice(0);
  for (const db of databases) db.close();
  for (const name of new Set(databases.map((db) => db.name))) await Dexie.delete(name);
});

function draft(index: number): DraftRecord {
  const application = emptyDraft({ id: `draft-${index}`, oktru: '1020-0011-0003-100006374' });
  application.values.base = {
    name_ru: `Шоколад молочный ${index}`,
    name_kk: `Сүтті шоколад Қарағанды ${index}`,
    gtin: `487${String(index).padStart(10, '0')}`,
    tnved: '1806329000',
  };
  return {
    id: application.id,
    localState: index % 3 === 0 ? 'ready' : 'draft',
    draft: application,
    ...(index % 5 === 0 ? { catalogue: { requestId: index, statusCode: 'onModeration' } } : {}),
    createdAt: 1_700_000_000_000 + index,
    updatedAt: 1_700_000_000_000 + index,
  };
}

describe('local database migrations (real IndexedDB in Chromium)', () => {
  it('upgrades a filled v1 database to the latest version without losing a row', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v1 = openDatabase(name, 1);
    opened.push(v1);
    const drafts = Array.from({ length: 300 }, (_, index) => draft(index));
    // `outbox` existed up to v3 only: reached by name, as the current type no longer has it.
    const outbox = v1.table('outbox') as Table<{ seq?: number; draftId: string; kind: string; createdAt: number }, number>;
    await v1.transaction('rw', [v1.drafts, outbox, v1.blobs, v1.settings], async () => {
      await v1.drafts.bulkAdd(drafts);
      await outbox.bulkAdd(drafts.slice(0, 50).map((row) => ({ draftId: row.id, kind: 'create' as const, createdAt: row.createdAt })));
      await v1.blobs.add({ id: 'photo-1', ownerId: 'draft-1', mimeType: 'image/png', data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });
      await v1.settings.add({ key: 'language', value: 'kk' });
    });
    expect(v1.verno).toBe(1);
    v1.close();

    const latest = openDatabase(name);
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBe(latestSchemaVersion);
    expect(latestSchemaVersion).toBeGreaterThan(1);

    const after = await latest.drafts.orderBy('id').toArray();
    expect(after).toHaveLength(300);
    for (const row of after) {
      const before = drafts.find((candidate) => candidate.id === row.id);
      expect(row.draft).toEqual(before?.draft);
      expect(row.catalogue).toEqual(before?.catalogue);
      expect(row.localState).toBe(before?.localState);
      expect(row.updatedAt).toBe(before?.updatedAt);
    }
    // v4 dropped the outbox nothing read.
    expect(latest.tables.map((table) => table.name)).not.toContain('outbox');
    const blob = await latest.blobs.get('photo-1');
    expect(new Uint8Array(await blob!.data.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect((await latest.settings.get('language'))?.value).toBe('kk');

    // The v2 word index was filled by the upgrade and answers prefix searches in Kazakh.
    const hits = await latest.drafts.where('searchWords').startsWith('қараға').primaryKeys();
    expect(hits).toHaveLength(300);
    const one = await latest.drafts.where('searchWords').equals('42').primaryKeys();
    expect(one).toEqual(['draft-42']);
    expect(await latest.drafts.where('catalogue.statusCode').equals('onModeration').count()).toBe(60);
  });

  it('opens a fresh database directly at the latest version', async () => {
    const db = openDatabase(`fresh-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(latestSchemaVersion);
    expect(db.tables.map((table) => table.name).sort()).toEqual(expect.arrayContaining(['attributeSchemas', 'blobs', 'dictionaryItems', 'documents', 'drafts', 'settings']));
    expect(db.tables.map((table) => table.name)).not.toContain('outbox');
  });

  it('v3 → v4: drops the outbox and turns local states nothing sets back into drafts, keeping everything else', async () => {
    const name = `migration-v4-${crypto.randomUUID()}`;
    const v3 = openDatabase(name, 3);
    opened.push(v3);
    const outbox = v3.table('outbox') as Table<{ seq?: number; draftId: string; kind: string; createdAt: number }, number>;
    // States written by no code of ours, as a hand-edited or future database might hold them.
    const oldStates = ['draft', 'ready', 'syncing', 'synced', 'failed'];
    const drafts = Array.from({ length: 50 }, (_, index) => ({ ...draft(index), localState: oldStates[index % oldStates.length] as DraftRecord['localState'] }));
    await v3.transaction('rw', [v3.drafts, outbox, v3.dictionaryItems, v3.attributeSchemas, v3.documents], async () => {
      await v3.drafts.bulkAdd(drafts);
      await outbox.bulkAdd(drafts.slice(0, 10).map((row) => ({ draftId: row.id, kind: 'create', createdAt: row.createdAt })));
      await v3.dictionaryItems.add({ dictionary: 'COUNTRY', code: 'KZ', id: 1, parentId: -1, hasChild: false, nameRu: 'Казахстан', nameKk: 'Қазақстан', words: ['COUNTRY|қазақстан'], refreshId: '1' });
      await v3.attributeSchemas.add({ key: 'base', definitions: [{ code: 'name_ru' }], fetchedAt: 1 });
      await v3.documents.add({ id: 'doc-1', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', updatedAt: 1 });
    });
    expect(await outbox.count()).toBe(10);
    v3.close();

    const v4 = openDatabase(name, 4);
    opened.push(v4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(v4.tables.map((table) => table.name)).not.toContain('outbox');
    const after = await v4.drafts.orderBy('id').toArray();
    expect(after).toHaveLength(50);
    for (const row of after) {
      const before = drafts.find((candidate) => candidate.id === row.id)!;
      expect(row.localState).toBe(before.localState === 'ready' ? 'ready' : 'draft');
      expect(row.draft).toEqual(before.draft);
      expect(row.catalogue).toEqual(before.catalogue);
      expect(row.updatedAt).toBe(before.updatedAt);
    }
    expect(await v4.drafts.where('localState').equals('ready').count()).toBe(10);
    expect((await v4.dictionaryItems.get(['COUNTRY', 'KZ']))?.nameKk).toBe('Қазақстан');
    expect((await v4.attributeSchemas.get('base'))?.definitions).toEqual([{ code: 'name_ru' }]);
    expect((await v4.documents.get('doc-1'))?.number).toBe('ЕАЭС KZ 1100317.05.01.05103');
  });
});
