/**
 * The sync engine's own writes keep the uploaded-names index (schema v10) in step, in real IndexedDB: an
 * application queued with a photo, sent by the real engine through the page's store, is found afterwards by the
 * name the catalogue gave its upload; sent again after the photo was replaced, the new name leads to the new photo
 * and the earlier name still to the earlier one (that upload happened, and its rows are kept until collected). The catalogue is the only stand-in (the engine against the real sandbox is tested in
 * test/unit/sync); it names each upload as the portal does, with a fresh UUID.
 */
import { describe, expect, it } from 'vitest';
import { putAttributeSchema, baseSchemaKey } from '../../src/renderer/db/attribute-schemas.ts';
import { addDraftRecord, getDraftRecords } from '../../src/renderer/db/drafts.ts';
import { findUploadedPhotoThumbnail, photoBlobIds } from '../../src/renderer/db/photos.ts';
import { createDexieSyncStore, queueDraftsForSending } from '../../src/renderer/db/sync-store.ts';
import { emptyDraft } from '../../src/shared/application/draft.ts';
import { uploadedFileSchema } from '../../src/shared/catalogue/dto.ts';
import { SyncEngine } from '../../src/shared/sync/engine.ts';
import type { SyncCatalogue } from '../../src/shared/sync/types.ts';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('sync-uploaded-photo');

const baseSchema = ['name_ru', 'name_kk'].map((code, index) => ({
  code,
  dataType: 'string',
  attributeType: 'standard',
  nameRu: code,
  nameKk: code,
  isRequired: true,
  attributeOrder: index,
}));

/** The catalogue's side of sending: uploads named with a UUID, one request created, updated and submitted. */
function catalogueDouble(): { catalogue: SyncCatalogue; uploadedNames: string[] } {
  const uploadedNames: string[] = [];
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  const upload: SyncCatalogue['uploadPhoto'] = async ({ file, fileName }) => {
    const filename = `${crypto.randomUUID()}.jpg`;
    uploadedNames.push(filename);
    return uploadedFileSchema.parse({ id: uploadedNames.length, filename, originalFilename: fileName, sizeBytes: file.length });
  };
  const catalogue: SyncCatalogue = {
    listRequests: async () => ({ content: [], totalElements: 0, totalPages: 0 }) as unknown as Awaited<ReturnType<SyncCatalogue['listRequests']>>,
    createRequest: async () => 7001,
    updateRequest: async () => {},
    submitForModeration: async () => {},
    publishRequest: unexpected,
    cancelRequest: unexpected,
    deleteRequest: unexpected,
    getStatus: unexpected,
    getDuplicates: unexpected,
    decideDuplicates: unexpected,
    uploadPhoto: upload,
    uploadDocument: unexpected,
  };
  return { catalogue, uploadedNames };
}

/** A photo's upload and thumbnail rows, as the editor stores them; the thumbnail's bytes tell photos apart. */
async function storePhoto(db: NcgDatabase, draftId: string, mark: number): Promise<{ blobId: string; thumbnail: Uint8Array }> {
  const blobId = `photo:${crypto.randomUUID()}`;
  const ids = photoBlobIds(blobId);
  const upload = new Uint8Array(2048);
  upload.set([0xff, 0xd8, 0xff, 0xe0, mark]);
  const thumbnail = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, mark, mark]);
  await db.blobs.bulkPut([
    { id: ids.upload, ownerId: draftId, mimeType: 'image/jpeg', data: new Blob([upload], { type: 'image/jpeg' }) },
    { id: ids.thumbnail, ownerId: draftId, mimeType: 'image/jpeg', data: new Blob([thumbnail], { type: 'image/jpeg' }) },
  ]);
  return { blobId, thumbnail };
}

async function thumbnailBytes(db: NcgDatabase, fileName: string): Promise<Uint8Array | undefined> {
  const found = await findUploadedPhotoThumbnail(db, fileName);
  return found ? new Uint8Array(await found.arrayBuffer()) : undefined;
}

describe("a photo sent by the sync engine is found by the catalogue's name for it", () => {
  it('after the first send, and follows a new photo sent later', async () => {
    const db = scratch();
    await putAttributeSchema(db, baseSchemaKey, baseSchema);
    const draft = emptyDraft({ id: 'kymyz', oktru: '1020-0001-0001-100770539' });
    draft.values.base = { name_ru: 'Кумыс «Әже»', name_kk: 'Қымыз «Әже»' };
    const first = await storePhoto(db, draft.id, 1);
    draft.photos = { front: { blobId: first.blobId } };
    await addDraftRecord(db, draft, undefined);

    const { catalogue, uploadedNames } = catalogueDouble();
    const engine = new SyncEngine({ store: createDexieSyncStore(db), catalogue });
    expect((await queueDraftsForSending(db, [draft.id])).queued).toEqual([draft.id]);
    await engine.run();
    expect((await db.syncRecords.get(draft.id))?.phase).toBe('sent');
    expect(uploadedNames).toHaveLength(1);
    const firstName = uploadedNames[0]!;
    expect(await thumbnailBytes(db, firstName)).toEqual(first.thumbnail);

    // The moderator asks for changes; the officer replaces the photo and sends again.
    const sent = (await db.syncRecords.get(draft.id))!;
    await createDexieSyncStore(db).put({ ...sent, remote: { code: 'underRevision', checkedAt: 2 } });
    const second = await storePhoto(db, draft.id, 2);
    const [stored] = await getDraftRecords(db, [draft.id]);
    await db.drafts.put({ ...stored!, draft: { ...stored!.draft, photos: { front: { blobId: second.blobId } } } });
    expect((await queueDraftsForSending(db, [draft.id])).queued).toEqual([draft.id]);
    // Queued again: the accepted upload is kept, and still found under its name.
    expect(await thumbnailBytes(db, firstName)).toEqual(first.thumbnail);
    await engine.run();
    expect(uploadedNames).toHaveLength(2);
    expect(await thumbnailBytes(db, uploadedNames[1]!)).toEqual(second.thumbnail);
    expect(await thumbnailBytes(db, firstName)).toEqual(first.thumbnail);
  });
});
