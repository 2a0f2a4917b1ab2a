/**
 * Photos known only by their catalogue `fileName`, in real Chromium (IndexedDB, the photo worker): shown from the
 * photo this computer uploaded under that name, else from the kept thumbnail, else fetched through the bridge's
 * `catalogue:media` and kept for offline use; failures are coded for the slot. The bridge is the only stand-in
 * (its host side is tested against real servers in test/unit/main/catalogue-media.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Bridge, BridgeResponse } from '../../src/shared/bridge.ts';
import { networkError, errorFromResponse, unexpectedResponse } from '../../src/shared/catalogue/errors.ts';
import { newRecord } from '../../src/shared/sync/engine.ts';
import type { SyncJob } from '../../src/shared/sync/types.ts';
import { cataloguePhotoOwner, cataloguePhotoThumbnailId, findUploadedPhotoThumbnail, photoBlobIds } from '../../src/renderer/db/photos.ts';
import { putSyncRecord } from '../../src/renderer/db/sync-store.ts';
import { CataloguePhotoFailure, loadCataloguePhoto } from '../../src/renderer/features/applications/photos/catalogue-photo.ts';
import { scratchDatabases } from './scratch-database.ts';

const database = scratchDatabases('catalogue-photos');
const fileName = '3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b8a7f.jpg';

async function jpeg(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f4f4f4';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#2a6';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
}

function bridgeAnswering(answer: () => Promise<BridgeResponse<'catalogue:media'>>): { bridge: Bridge; calls: string[] } {
  const calls: string[] = [];
  const bridge = {
    catalogue: {
      media: async ({ fileName: name }: { fileName: string }) => {
        calls.push(name);
        return answer();
      },
    },
  } as unknown as Bridge;
  return { bridge, calls };
}

/** A blob's bytes (Blobs themselves compare equal whatever they hold). */
async function bytesOf(blob: Blob | undefined): Promise<Uint8Array | undefined> {
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

const job = (applicationId: string): SyncJob => ({ applicationId, body: { oktru: '', attributes: [] } as unknown as SyncJob['body'], files: [], revision: 1 });

describe('a catalogue photo in the editor', () => {
  it('is shown from the photo this computer uploaded under that name, with no call to the catalogue', async () => {
    const db = database();
    const blobId = 'photo:0a1b2c3d';
    const thumbnail = new Blob([await jpeg(40, 30)], { type: 'image/jpeg' });
    await db.blobs.put({ id: photoBlobIds(blobId).thumbnail, ownerId: 'draft-sent', mimeType: 'image/jpeg', data: thumbnail });
    await putSyncRecord(db, { ...newRecord(job('draft-sent'), 1), uploaded: { [`photo:front:${blobId}`]: fileName, 'doc:d1:blob-pdf': 'other.pdf' } });
    await putSyncRecord(db, { ...newRecord(job('draft-other'), 1), uploaded: { 'photo:back:photo:zzz': 'not-this-one.jpg' } });

    const { bridge, calls } = bridgeAnswering(async () => {
      throw new Error('no network call expected');
    });
    const shown = await loadCataloguePhoto(db, bridge, fileName);
    expect(shown.source).toBe('local');
    expect(new Uint8Array(await shown.thumbnail.arrayBuffer())).toEqual(new Uint8Array(await thumbnail.arrayBuffer()));
    expect(calls).toEqual([]);
    expect(await findUploadedPhotoThumbnail(db, 'not-uploaded.jpg')).toBeUndefined();
    // A document uploaded under a name is not a photo.
    expect(await findUploadedPhotoThumbnail(db, 'other.pdf')).toBeUndefined();
  });

  it('finds an upload as soon as its record is written, and follows the record when its uploads change or it goes', async () => {
    const db = database();
    const blobId = 'photo:later';
    const thumbnail = new Blob([await jpeg(20, 20)], { type: 'image/jpeg' });
    await db.blobs.put({ id: photoBlobIds(blobId).thumbnail, ownerId: 'draft-later', mimeType: 'image/jpeg', data: thumbnail });
    expect(await findUploadedPhotoThumbnail(db, fileName)).toBeUndefined();
    const record = { ...newRecord(job('draft-later'), 1), uploaded: { [`photo:front:${blobId}`]: fileName } };
    await putSyncRecord(db, record);
    expect(await bytesOf(await findUploadedPhotoThumbnail(db, fileName))).toEqual(await bytesOf(thumbnail));
    // Uploaded again under a new name (the portal names each upload): the old name no longer leads here.
    await putSyncRecord(db, { ...record, uploaded: { [`photo:front:${blobId}`]: 'renamed.jpg' } });
    expect(await findUploadedPhotoThumbnail(db, fileName)).toBeUndefined();
    expect(await bytesOf(await findUploadedPhotoThumbnail(db, 'renamed.jpg'))).toEqual(await bytesOf(thumbnail));
    await db.syncRecords.delete('draft-later');
    expect(await findUploadedPhotoThumbnail(db, 'renamed.jpg')).toBeUndefined();
  });

  it('finds the photo whose rows are still stored when several applications uploaded under one name', async () => {
    const db = database();
    const kept = new Blob([await jpeg(24, 24)], { type: 'image/jpeg' });
    await db.blobs.put({ id: photoBlobIds('photo:kept').thumbnail, ownerId: 'draft-b', mimeType: 'image/jpeg', data: kept });
    await putSyncRecord(db, { ...newRecord(job('draft-a'), 1), uploaded: { 'photo:front:photo:purged': fileName } });
    await putSyncRecord(db, { ...newRecord(job('draft-b'), 1), uploaded: { 'photo:back:photo:kept': fileName, 'photo:left:photo:kept': fileName } });
    expect(await db.syncRecords.where('uploadedPhotoNames').equals(fileName).count()).toBe(2);
    expect(await bytesOf(await findUploadedPhotoThumbnail(db, fileName))).toEqual(await bytesOf(kept));
  });

  it('is fetched when no local copy exists, made a thumbnail by the photo worker, kept, and then shown offline', async () => {
    const db = database();
    const image = await jpeg(1600, 1200);
    const online = bridgeAnswering(async () => ({ ok: true, mimeType: 'image/jpeg', bytes: image }));
    const fetched = await loadCataloguePhoto(db, online.bridge, fileName);
    expect(fetched.source).toBe('catalogue');
    expect(online.calls).toEqual([fileName]);
    const bitmap = await createImageBitmap(fetched.thumbnail);
    expect(Math.max(bitmap.width, bitmap.height)).toBeLessThanOrEqual(320);
    expect(fetched.thumbnail.size).toBeLessThan(image.byteLength);
    const row = await db.blobs.get(cataloguePhotoThumbnailId(fileName));
    expect(row?.ownerId).toBe(cataloguePhotoOwner);

    const offline = bridgeAnswering(async () => ({ ok: false, error: networkError(new TypeError('Failed to fetch'), 'media.product').toData() }));
    const again = await loadCataloguePhoto(db, offline.bridge, fileName);
    expect(again.source).toBe('cache');
    expect(offline.calls).toEqual([]);
  });

  it.each([
    ['not on the site', 'notFound', () => errorFromResponse({ status: 404, operation: 'media.product' }).toData()],
    ['no connection', 'offline', () => networkError(new TypeError('Failed to fetch'), 'media.product').toData()],
    ['not an image', 'unreadable', () => unexpectedResponse('media.product: the answer is not a JPEG or PNG image', 'media.product').toData()],
    ['refused by the catalogue', 'failed', () => errorFromResponse({ status: 401, operation: 'media.product' }).toData()],
  ] as const)('says why when the photo is %s, and keeps nothing', async (_label, reason, error) => {
    const db = database();
    const { bridge } = bridgeAnswering(async () => ({ ok: false, error: error() }));
    const failure = await loadCataloguePhoto(db, bridge, fileName).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(CataloguePhotoFailure);
    expect((failure as CataloguePhotoFailure).code).toBe(`photos.catalogue.${reason}`);
    expect(await db.blobs.get(cataloguePhotoThumbnailId(fileName))).toBeUndefined();
  });

  it('calls a damaged image unreadable, and a name the site cannot serve not found without asking', async () => {
    const db = database();
    const damaged = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]);
    const { bridge, calls } = bridgeAnswering(async () => ({ ok: true, mimeType: 'image/jpeg', bytes: damaged }));
    await expect(loadCataloguePhoto(db, bridge, fileName)).rejects.toMatchObject({ code: 'photos.catalogue.unreadable' });
    await expect(loadCataloguePhoto(db, bridge, '../secrets.json')).rejects.toMatchObject({ code: 'photos.catalogue.notFound' });
    expect(calls).toEqual([fileName]);
  });
});
