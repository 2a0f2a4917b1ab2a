/**
 * The sync engine's store in real IndexedDB (schema v6): records survive closing the database, files are read
 * from the drafts' blobs, and `queueDraftsForSending` refuses bad input before anything is queued.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/renderer/db/database.ts';
import { putAttributeSchema, baseSchemaKey } from '../../src/renderer/db/attribute-schemas.ts';
import { addDraftRecord } from '../../src/renderer/db/drafts.ts';
import { adoptCatalogueRequest, createDexieSyncStore, offerToLabelQueue, queueDraftsForSending } from '../../src/renderer/db/sync-store.ts';
import { readLabelQueue } from '../../src/renderer/db/label-queue.ts';
import { requestDetailsSchema } from '../../src/shared/catalogue/dto.ts';
import { emptyDraft, type ApplicationDraft } from '../../src/shared/application/draft.ts';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('sync-store');

/** A small base schema: the two required names (what the catalogue's create needs at least). */
const baseSchema = ['name_ru', 'name_kk'].map((code, index) => ({
  code,
  dataType: 'string',
  attributeType: 'standard',
  nameRu: code === 'name_ru' ? 'Наименование (рус)' : 'Наименование (каз)',
  nameKk: code === 'name_ru' ? 'Атауы (орыс)' : 'Атауы (қаз)',
  isRequired: true,
  attributeOrder: index,
}));

function goodBaseDraft(id: string): ApplicationDraft {
  const draft = emptyDraft({ id, oktru: '1020-0001-0001-100770539' });
  draft.values.base = { name_ru: 'Молоко питьевое пастеризованное 2,5%', name_kk: 'Пастерленген ауыз сүт — Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі' };
  return draft;
}

function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

async function withPhoto(db: ReturnType<typeof scratch>, draftId: string, size: number): Promise<string> {
  const blobId = `photo:${crypto.randomUUID()}`;
  await db.blobs.put({ id: blobId, ownerId: draftId, mimeType: 'image/jpeg', data: new Blob([jpeg(size) as BlobPart], { type: 'image/jpeg' }) });
  return blobId;
}

describe('sync store (IndexedDB)', () => {
  it('queues ready drafts with their photo and refuses the rest with a reason', async () => {
    const db = scratch();
    await putAttributeSchema(db, baseSchemaKey, baseSchema);

    const good = goodBaseDraft('good');
    good.photos = { front: { blobId: await withPhoto(db, 'good', 4096) } };
    const unready = goodBaseDraft('unready');
    delete unready.values.base['name_ru'];
    const heavy = goodBaseDraft('heavy');
    heavy.values.base['name_ru'] = 'Молоко тяжёлое фото';
    heavy.photos = { front: { blobId: await withPhoto(db, 'heavy', 5 * 1024 * 1024 + 10) } };
    for (const draft of [good, unready, heavy]) await addDraftRecord(db, draft, undefined);

    const outcome = await queueDraftsForSending(db, ['good', 'unready', 'heavy']);
    expect(outcome.queued).toEqual(['good']);
    const reasons = Object.fromEntries(outcome.refused.map((refusal) => [refusal.applicationId, refusal.problems.map((problem) => problem.code)]));
    expect(reasons['unready']).toContain('sync.errors.notReady');
    expect(reasons['heavy']).toContain('sync.errors.photoTooLarge');
    expect(await db.syncRecords.count()).toBe(1);

    // The queued record: the body from the draft mapping, the photo to upload from the draft's blob.
    const store = createDexieSyncStore(db);
    const record = await store.get('good');
    expect(record).toMatchObject({ phase: 'pending', step: 'upload', uploaded: {} });
    const [photo] = record?.job.files ?? [];
    expect(photo).toMatchObject({ kind: 'photo', slot: 'front', size: 4096 });
    const bytes = await store.readFile(record!.job, photo!);
    expect(bytes.length).toBe(4096);
    expect(record?.job.body.attributes.find((attribute) => attribute.code === 'name_ru')?.value).toBe('Молоко питьевое пастеризованное 2,5%');

    // Queued twice: still one record, nothing duplicated.
    expect((await queueDraftsForSending(db, ['good'])).queued).toEqual([]);
    expect(await db.syncRecords.count()).toBe(1);
  });

  it('a written step survives closing and reopening the database (a reload)', async () => {
    const db = scratch();
    await putAttributeSchema(db, baseSchemaKey, baseSchema);
    await addDraftRecord(db, goodBaseDraft('reload'), undefined);
    await queueDraftsForSending(db, ['reload']);
    const store = createDexieSyncStore(db);
    const record = await store.get('reload');
    await store.put({ ...record!, step: 'update', createStarted: true, requestId: 4242 });
    db.close();

    const again = openDatabase(db.name);
    try {
      const reread = await createDexieSyncStore(again).get('reload');
      expect(reread).toMatchObject({ step: 'update', createStarted: true, requestId: 4242, phase: 'pending' });
      expect(await createDexieSyncStore(again).list()).toHaveLength(1);
    } finally {
      again.close();
    }
  });

  it('writes the catalogue summary on the application with each step, NTIN included', async () => {
    const db = scratch();
    await putAttributeSchema(db, baseSchemaKey, baseSchema);
    await addDraftRecord(db, goodBaseDraft('published'), undefined);
    await queueDraftsForSending(db, ['published']);
    const store = createDexieSyncStore(db);
    const record = await store.get('published');
    await store.put({ ...record!, phase: 'sent', step: 'sent', requestId: 77, remote: { code: 'completed', ntin: '0200000000017', checkedAt: 1 } });
    expect((await db.drafts.get('published'))?.catalogue).toEqual({ requestId: 77, statusCode: 'completed', ntin: '0200000000017' });

    // Published: offered to the label print queue under its NTIN (twice = one entry, two copies).
    expect(await offerToLabelQueue(db, 'published')).toBe(true);
    expect(await offerToLabelQueue(db, 'published')).toBe(true);
    expect(await readLabelQueue(db)).toEqual([expect.objectContaining({ code: '0200000000017', nameRu: 'Молоко питьевое пастеризованное 2,5%', copies: 2 })]);
    expect(await offerToLabelQueue(db, 'nothing-like-it')).toBe(false);
  });

  it('adopts a request made elsewhere once, with its attributes and status', async () => {
    const db = scratch();
    await putAttributeSchema(db, baseSchemaKey, baseSchema);
    const details = requestDetailsSchema.parse({
      id: 901,
      categoryAncestors: [{ level: 4, code: '1020-0001-0001-100770539', nameRu: 'Молоко' }],
      status: { code: 'onModeration', value: 'На модерации' },
      attributes: [
        { code: 'name_ru', dataType: 'string', nameRu: 'Наименование', nameKk: 'Атауы', value: 'Айран «Порталдан»' },
        { code: 'name_kk', dataType: 'string', nameRu: 'Наименование', nameKk: 'Атауы', value: 'Айран Әже' },
      ],
      imageData: { imageFiles: [{ fileName: 'a.jpg', imageType: 'FRONT' }] },
      documents: { documents: [] },
    });
    const id = await adoptCatalogueRequest(db, details);
    expect(id).toBe('adopted-901');
    expect(await adoptCatalogueRequest(db, details)).toBeNull();
    const draft = await db.drafts.get('adopted-901');
    expect(draft?.draft.values.base['name_ru']).toBe('Айран «Порталдан»');
    expect(draft?.catalogue).toEqual({ requestId: 901, statusCode: 'onModeration' });
    const record = await createDexieSyncStore(db).get('adopted-901');
    expect(record).toMatchObject({ phase: 'sent', requestId: 901, remote: { code: 'onModeration' } });
    expect(record?.job.files).toEqual([expect.objectContaining({ kind: 'photo', slot: 'front', uploadedAs: 'a.jpg' })]);
  });

  it('schema v6 adds the sync table to a v5 database without touching its drafts', async () => {
    const name = `sync-store-migration-${crypto.randomUUID()}`;
    const old = openDatabase(name, 5);
    await addDraftRecord(old, goodBaseDraft('kept'), undefined);
    old.close();
    const upgraded = openDatabase(name);
    try {
      expect((await upgraded.drafts.get('kept'))?.draft.values.base['name_ru']).toBe('Молоко питьевое пастеризованное 2,5%');
      expect(await upgraded.syncRecords.count()).toBe(0);
      expect(upgraded.syncRecords.schema.indexes.map((index) => index.name).sort()).toEqual(['phase', 'requestId', 'updatedAt', 'uploadedPhotoNames']);
    } finally {
      upgraded.close();
      await Dexie.delete(name);
    }
  });
});
