/**
 * Schema v10 in real IndexedDB (Chromium): a v9 database holding sync records (photos and documents uploaded,
 * nothing uploaded yet), their drafts and photos, and a trashed application with its record is opened at v10.
 * Every row is kept as it was, each record gains the names its photos were uploaded under, and the index finds
 * this computer's upload by its catalogue name, also for the trashed application once it is restored.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { findUploadedPhotoThumbnail, photoBlobIds } from '../../src/renderer/db/photos.ts';
import type { DraftRecord, StoredSyncRecord } from '../../src/renderer/db/records.ts';
import { restoreFromTrash, type TrashRecord } from '../../src/renderer/db/trash.ts';
import { emptyDraft } from '../../src/shared/application/draft.ts';
import { newRecord } from '../../src/shared/sync/engine.ts';
import type { SyncJob, SyncRecord } from '../../src/shared/sync/types.ts';

const opened: NcgDatabase[] = [];
afterEach(async () => {
  const databases = opened.splice(0);
  for (const db of databases) db.close();
  for (const name of new Set(databases.map((db) => db.name))) await Dexie.delete(name);
});

function open(name: string, version?: number): NcgDatabase {
  const db = openDatabase(name, version);
  opened.push(db);
  return db;
}

const count = 300;
const portalName = (index: number, slot: string) => `${String(index).padStart(4, '0')}-${slot}-8f6a2c1d0e9b.jpg`;

function draftRecord(index: number): DraftRecord {
  const draft = emptyDraft({ id: `app-${index}`, oktru: '1020-0011-0003-100006374' });
  draft.values.base = { name_ru: `Сыр «Ақ Бидай» ${index}`, name_kk: `Ірімшік «Ақ Бидай» ${index}` };
  return { id: draft.id, localState: 'ready', draft, createdAt: 1_700_000_000_000 + index, updatedAt: 1_700_000_000_000 + index };
}

function job(index: number): SyncJob {
  return {
    applicationId: `app-${index}`,
    body: { oktru: '1020-0011-0003-100006374', attributes: [{ code: 'name_kk', value: `Ірімшік ${index}` }] } as unknown as SyncJob['body'],
    files: [
      { id: `photo:front:photo:f${index}`, kind: 'photo', slot: 'front', name: 'front.jpg', size: 2048 },
      { id: `photo:back:photo:b${index}`, kind: 'photo', slot: 'back', name: 'back.jpg', size: 2048 },
      { id: `doc:d${index}:document-pdf:${index}`, kind: 'document', name: 'cert.pdf', size: 4096 },
    ],
    revision: 2,
  } as SyncJob;
}

/** A v9 record: every third one has uploaded nothing yet, the others their photos and a document. */
function syncRecord(index: number): SyncRecord {
  const uploaded: Record<string, string> =
    index % 3 === 0
      ? {}
      : { [`photo:front:photo:f${index}`]: portalName(index, 'front'), [`photo:back:photo:b${index}`]: portalName(index, 'back'), [`doc:d${index}:document-pdf:${index}`]: `cert-${index}.pdf` };
  return {
    ...newRecord(job(index), 1_700_000_000_000 + index),
    phase: index % 3 === 0 ? 'pending' : 'sent',
    step: index % 3 === 0 ? 'upload' : 'sent',
    uploaded,
    ...(index % 3 === 0 ? {} : { requestId: 5_000 + index, createStarted: true, sentRevision: 2, remote: { code: 'onModeration', checkedAt: 1 }, history: [{ code: 'onModeration', at: 1 }] }),
  };
}

const thumbnailBytes = (index: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, index % 251, 7]);

describe('schema v10: sync records indexed by the names their photos were uploaded under', () => {
  it('keeps every row of a filled v9 database and finds each uploaded photo by its catalogue name', async () => {
    const name = `uploaded-names-${crypto.randomUUID()}`;
    const v9 = open(name, 9);
    const drafts = Array.from({ length: count }, (_, index) => draftRecord(index));
    const records = Array.from({ length: count }, (_, index) => syncRecord(index));
    // Application 1's record is in the trash (it was never sent, so only there), with its draft and photo.
    const trashed: TrashRecord = { id: 'app-1', trashedAt: 1_700_000_100_000, record: drafts[1]!, sync: records[1]! };
    await v9.transaction('rw', [v9.drafts, v9.blobs, v9.syncRecords, v9.trash, v9.settings], async () => {
      await v9.drafts.bulkAdd(drafts.filter((draft) => draft.id !== 'app-1'));
      await v9.syncRecords.bulkAdd(records.filter((record) => record.applicationId !== 'app-1'));
      await v9.trash.add(trashed);
      await v9.blobs.bulkAdd(
        records.map((_, index) => ({ id: photoBlobIds(`photo:f${index}`).thumbnail, ownerId: `app-${index}`, mimeType: 'image/jpeg', data: new Blob([thumbnailBytes(index)], { type: 'image/jpeg' }) })),
      );
      await v9.settings.put({ key: 'language', value: 'kk' });
    });
    expect(v9.verno).toBe(9);
    v9.close();

    const v10 = open(name, 10);
    await v10.open();
    expect(v10.verno).toBe(10);

    // Nothing lost or changed: every record as it was, plus the derived names.
    const after = await v10.syncRecords.orderBy('applicationId').toArray();
    expect(after).toHaveLength(count - 1);
    const before = new Map(records.map((record) => [record.applicationId, record]));
    for (const { uploadedPhotoNames, ...kept } of after as StoredSyncRecord[]) {
      const original = before.get(kept.applicationId)!;
      expect(kept).toEqual(original);
      const index = Number(kept.applicationId.slice('app-'.length));
      expect(uploadedPhotoNames?.sort()).toEqual(index % 3 === 0 ? undefined : [portalName(index, 'back'), portalName(index, 'front')]);
    }
    expect(await v10.drafts.count()).toBe(count - 1);
    expect((await v10.drafts.get('app-42'))?.draft).toEqual(drafts[42]!.draft);
    expect(await v10.blobs.count()).toBe(count);
    expect((await v10.settings.get('language'))?.value).toBe('kk');
    const trashAfter = await v10.trash.get('app-1');
    expect(trashAfter?.record).toEqual(trashed.record);
    const { uploadedPhotoNames: trashedNames, ...trashedSync } = (trashAfter?.sync ?? {}) as StoredSyncRecord;
    expect(trashedSync).toEqual(trashed.sync);
    expect(trashedNames?.sort()).toEqual([portalName(1, 'back'), portalName(1, 'front')]);

    // The index answers by name: photos only, one record per name.
    expect(await v10.syncRecords.where('uploadedPhotoNames').equals(portalName(200, 'front')).primaryKeys()).toEqual(['app-200']);
    expect(await v10.syncRecords.where('uploadedPhotoNames').equals('cert-200.pdf').count()).toBe(0);
    expect(await v10.syncRecords.where('uploadedPhotoNames').equals(portalName(201, 'front')).count()).toBe(0); // never uploaded

    const found = await findUploadedPhotoThumbnail(v10, portalName(200, 'front'));
    expect(found && new Uint8Array(await found.arrayBuffer())).toEqual(thumbnailBytes(200));
    // The back photo's thumbnail row was never stored: nothing to show, and no other application's photo instead.
    expect(await findUploadedPhotoThumbnail(v10, portalName(200, 'back'))).toBeUndefined();

    // Trashed at v9, restored at v10: its upload is found again.
    expect(await findUploadedPhotoThumbnail(v10, portalName(1, 'front'))).toBeUndefined();
    expect(await restoreFromTrash(v10, ['app-1'])).toBe(1);
    const restored = await findUploadedPhotoThumbnail(v10, portalName(1, 'front'));
    expect(restored && new Uint8Array(await restored.arrayBuffer())).toEqual(thumbnailBytes(1));
  });

  it('opens a fresh database with the index', async () => {
    const db = open(`uploaded-names-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(10);
    expect(db.syncRecords.schema.indexes.find((index) => index.name === 'uploadedPhotoNames')?.multi).toBe(true);
  });
});
