/**
 * Photos in the local database. Each photo is a group of rows in `blobs`, all owned by the draft (`ownerId` =
 * draft id, which is how the editor's validation finds their sizes):
 *
 *   photo:<uuid>            what will be uploaded (≤ 5 MB), referenced by `draft.photos[angle].blobId`
 *   photo:<uuid>:original   the file as chosen, only when the upload is a re-encoded copy
 *   photo:<uuid>:thumbnail  a small JPEG for the form
 *   photo:<uuid>:facts      JSON: sizes, what re-encoding did, the pre-check results (so they show after a reload)
 *
 * Rows of a removed or replaced photo are not deleted at once: the editor's one-step undo may bring the photo back.
 * They are collected when the editor next opens the draft (`removeUnreferencedPhotoBlobs`).
 */
import { z } from 'zod';
import type { ApplicationDraft } from '../../shared/application/draft.ts';
import type { PreparedPhoto } from '../workers/photo-protocol.ts';
import type { NcgDatabase } from './database.ts';
import { photoBlobIdOfSyncFile, type BlobRecord } from './records.ts';

export const photoBlobPrefix = 'photo:';
const companionSuffixes = [':original', ':thumbnail', ':facts'] as const;

export function photoBlobIds(blobId: string): { upload: string; original: string; thumbnail: string; facts: string } {
  return { upload: blobId, original: `${blobId}:original`, thumbnail: `${blobId}:thumbnail`, facts: `${blobId}:facts` };
}

/** The photo a row belongs to: its own id without a companion suffix. */
export function photoOfBlob(id: string): string {
  const suffix = companionSuffixes.find((candidate) => id.endsWith(candidate));
  return suffix ? id.slice(0, -suffix.length) : id;
}

const mimeTypeSchema = z.enum(['image/jpeg', 'image/png']);
export const photoFactsSchema = z.object({
  version: z.literal(1),
  fileName: z.string(),
  addedAt: z.number(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  mimeType: mimeTypeSchema,
  original: z.object({ bytes: z.number(), width: z.number(), height: z.number(), mimeType: mimeTypeSchema }),
  reencoded: z.object({ quality: z.number(), encodes: z.number() }).nullable(),
  checks: z.object({
    width: z.number(),
    height: z.number(),
    lowResolution: z.boolean(),
    background: z.object({ edgeDensity: z.number(), luminanceSpread: z.number(), meanLuminance: z.number(), busy: z.boolean() }),
  }),
});
export type PhotoFacts = z.infer<typeof photoFactsSchema>;

/** "IMG_0042.png" re-encoded is uploaded as "IMG_0042.jpg". */
function uploadName(fileName: string, mimeType: string): string {
  const stem = fileName.replace(/\.[^./\\]*$/u, '') || 'photo';
  return `${stem}.${mimeType === 'image/png' ? 'png' : 'jpg'}`;
}

/** Stores a prepared photo for a draft and returns the blob id to put in `draft.photos[angle]`. */
export async function storePreparedPhoto(db: NcgDatabase, draftId: string, file: File, prepared: PreparedPhoto, now = Date.now()): Promise<string> {
  const ids = photoBlobIds(`${photoBlobPrefix}${crypto.randomUUID()}`);
  const facts: PhotoFacts = {
    version: 1,
    fileName: file.name,
    addedAt: now,
    width: prepared.width,
    height: prepared.height,
    bytes: prepared.upload.size,
    mimeType: prepared.uploadMimeType,
    original: prepared.original,
    reencoded: prepared.reencoded,
    checks: prepared.checks,
  };
  const rows: BlobRecord[] = [
    // A File keeps its name in IndexedDB, so the upload can later be sent under a meaningful name.
    { id: ids.upload, ownerId: draftId, mimeType: prepared.uploadMimeType, data: new File([prepared.upload], uploadName(file.name, prepared.uploadMimeType), { type: prepared.uploadMimeType }) },
    { id: ids.thumbnail, ownerId: draftId, mimeType: 'image/jpeg', data: prepared.thumbnail },
    { id: ids.facts, ownerId: draftId, mimeType: 'application/json', data: new Blob([JSON.stringify(facts)], { type: 'application/json' }) },
  ];
  if (prepared.reencoded) rows.push({ id: ids.original, ownerId: draftId, mimeType: prepared.original.mimeType, data: file });
  await db.blobs.bulkPut(rows);
  return ids.upload;
}

export async function readPhotoFacts(record: BlobRecord | undefined): Promise<PhotoFacts | null> {
  if (!record) return null;
  const parsed = photoFactsSchema.safeParse(JSON.parse(await record.data.text()));
  return parsed.success ? parsed.data : null;
}

/** Deletes photo rows of the draft that its photos no longer reference (left by replace/remove). */
export async function removeUnreferencedPhotoBlobs(db: NcgDatabase, draftId: string, photos: ApplicationDraft['photos']): Promise<number> {
  const referenced = new Set(Object.values(photos).flatMap((photo) => (photo?.blobId ? [photo.blobId] : [])));
  return db.transaction('rw', db.blobs, async () => {
    const ids = await db.blobs.where('ownerId').equals(draftId).primaryKeys();
    const stale = ids.filter((id) => id.startsWith(photoBlobPrefix) && !referenced.has(photoOfBlob(id)));
    await db.blobs.bulkDelete(stale);
    return stale.length;
  });
}

/** A stored photo's rows; `originalKept` when the file as chosen is kept beside a re-encoded upload. */
export async function getPhotoRows(db: NcgDatabase, blobId: string): Promise<{ upload: BlobRecord | undefined; originalKept: boolean; thumbnail: Blob | undefined; factsRecord: BlobRecord | undefined }> {
  const ids = photoBlobIds(blobId);
  const [upload, original, thumbnail, facts] = await db.blobs.bulkGet([ids.upload, ids.original, ids.thumbnail, ids.facts]);
  return { upload, originalKept: original !== undefined, thumbnail: thumbnail?.data, factsRecord: facts };
}

// ---- photos the catalogue holds (a card's `imageFiles[].fileName`, no local blob in the draft)

/** Thumbnails of catalogue photos fetched by `fileName`, shared by every draft that shows them (kept offline). */
export const cataloguePhotoOwner = 'catalogue-photos';

export function cataloguePhotoThumbnailId(fileName: string): string {
  return `catalogue-photo:${fileName}:thumbnail`;
}

export async function getCachedCataloguePhoto(db: NcgDatabase, fileName: string): Promise<Blob | undefined> {
  return (await db.blobs.get(cataloguePhotoThumbnailId(fileName)))?.data;
}

export async function cacheCataloguePhoto(db: NcgDatabase, fileName: string, thumbnail: Blob): Promise<void> {
  await db.blobs.put({ id: cataloguePhotoThumbnailId(fileName), ownerId: cataloguePhotoOwner, mimeType: thumbnail.type || 'image/jpeg', data: thumbnail });
}

/**
 * The local photos uploaded under a catalogue name, from the sync records (`uploaded`: file id
 * `photo:<slot>:<blobId>` → the portal's `filename`), found through the records' `uploadedPhotoNames` index
 * (schema v10): one keyed read, whatever the number of applications.
 */
async function uploadedPhotoBlobIds(db: NcgDatabase, fileName: string): Promise<string[]> {
  const records = await db.syncRecords.where('uploadedPhotoNames').equals(fileName).toArray();
  const blobIds = records.flatMap((record) =>
    Object.entries(record.uploaded).flatMap(([fileId, uploadedAs]) => {
      const blobId = uploadedAs === fileName ? photoBlobIdOfSyncFile(fileId) : undefined;
      return blobId === undefined ? [] : [blobId];
    }),
  );
  return [...new Set(blobIds)];
}

/** The thumbnail of the photo this computer uploaded under `fileName`, if its rows are still stored; no network. */
export async function findUploadedPhotoThumbnail(db: NcgDatabase, fileName: string): Promise<Blob | undefined> {
  const blobIds = await uploadedPhotoBlobIds(db, fileName);
  if (blobIds.length === 0) return undefined;
  const rows = await db.blobs.bulkGet(blobIds.map((blobId) => photoBlobIds(blobId).thumbnail));
  return rows.find((row) => row !== undefined)?.data;
}
