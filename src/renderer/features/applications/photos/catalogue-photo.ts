/**
 * A photo the draft knows only by its catalogue `fileName` (a published card being edited, a request adopted
 * from elsewhere, or a photo whose local file is gone). Shown from, in order:
 *
 *  1. a thumbnail fetched earlier and kept in the database (one read by key; so it shows offline);
 *  2. the photo this computer uploaded under that name (the sync records remember each upload), without network;
 *  3. the catalogue's site, through the host (`catalogue:media`), then kept as a thumbnail for next time.
 *
 * A photo is kept only when this computer had no upload of it, so 1 and 2 never disagree; 1 goes first because
 * it is one read, where 2 is an index read and then the photo's rows.
 *
 * Failures are coded (`photos.catalogue.*`) for the slot to say in the user's language, with a retry.
 */
import type { Bridge } from '../../../../shared/bridge.ts';
import { BridgeError } from '../../../../shared/bridge-client.ts';
import { mediaFileNameSchema, maxMediaBytes } from '../../../../shared/catalogue-media.ts';
import { CatalogueError } from '../../../../shared/catalogue/errors.ts';
import type { NcgDatabase } from '../../../db/database.ts';
import { cacheCataloguePhoto, findUploadedPhotoThumbnail, getCachedCataloguePhoto } from '../../../db/photos.ts';
import { preparePhotoInWorker } from '../../../workers/photo-worker-client.ts';
import { thumbnailSidePx } from './photo-intake.ts';

export type CataloguePhotoSource = 'local' | 'cache' | 'catalogue';

export interface CataloguePhotoShown {
  thumbnail: Blob;
  source: CataloguePhotoSource;
}

export type CataloguePhotoFailureCode = 'notFound' | 'offline' | 'unreadable' | 'failed';

/** `code` is the message key (`photos.catalogue.<reason>`), so `errorText` translates it like any coded error. */
export class CataloguePhotoFailure extends Error {
  readonly code: `photos.catalogue.${CataloguePhotoFailureCode}`;
  readonly reason: CataloguePhotoFailureCode;
  constructor(reason: CataloguePhotoFailureCode, cause?: unknown) {
    super(`catalogue photo: ${reason}`, { cause });
    this.name = 'CataloguePhotoFailure';
    this.reason = reason;
    this.code = `photos.catalogue.${reason}`;
  }
}

async function fetchFromCatalogue(bridge: Bridge, fileName: string): Promise<File> {
  // A name the channel would refuse is no photo the site can serve.
  if (!mediaFileNameSchema.safeParse(fileName).success) throw new CataloguePhotoFailure('notFound');
  let result;
  try {
    result = await bridge.catalogue.media({ fileName });
  } catch (error) {
    throw new CataloguePhotoFailure(error instanceof BridgeError && error.code === 'invalid-request' ? 'notFound' : 'failed', error);
  }
  if (!result.ok) {
    const error = CatalogueError.fromData(result.error);
    if (error.kind === 'not-found') throw new CataloguePhotoFailure('notFound', error);
    if (error.kind === 'network' || error.kind === 'timeout') throw new CataloguePhotoFailure('offline', error);
    if (error.messageKey === 'catalogue.errors.unexpectedResponse') throw new CataloguePhotoFailure('unreadable', error);
    throw new CataloguePhotoFailure('failed', error);
  }
  return new File([result.bytes as Uint8Array<ArrayBuffer>], fileName, { type: result.mimeType });
}

export async function loadCataloguePhoto(db: NcgDatabase, bridge: Bridge, fileName: string): Promise<CataloguePhotoShown> {
  const cached = await getCachedCataloguePhoto(db, fileName);
  if (cached) return { thumbnail: cached, source: 'cache' };
  const local = await findUploadedPhotoThumbnail(db, fileName);
  if (local) return { thumbnail: local, source: 'local' };
  const file = await fetchFromCatalogue(bridge, fileName);
  let thumbnail: Blob;
  try {
    thumbnail = (await preparePhotoInWorker({ file, maxBytes: maxMediaBytes, thumbnailSide: thumbnailSidePx })).thumbnail;
  } catch (error) {
    throw new CataloguePhotoFailure('unreadable', error);
  }
  await cacheCataloguePhoto(db, fileName, thumbnail);
  return { thumbnail, source: 'catalogue' };
}
