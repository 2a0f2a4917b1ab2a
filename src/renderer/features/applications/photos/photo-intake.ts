/**
 * The first look at a chosen file: refuse what is not a JPEG or PNG by its bytes (a HEIC renamed to .jpg is still a
 * HEIC), then hand the rest to the photo worker. Nothing is stored here, so a refused file changes nothing.
 */
import { portalFileLimitBytes } from '../../../../shared/application/validate.ts';
import { sniffFile, type FileSignature } from '../../../workers/file-signature.ts';
import type { PreparedPhoto } from '../../../workers/photo-protocol.ts';
import { preparePhotoInWorker } from '../../../workers/photo-worker-client.ts';
import { WorkerError } from '../../../workers/rpc.ts';

export type PhotoRefusalCode = 'heic' | 'avif' | 'gif' | 'webp' | 'otherImage' | 'pdf' | 'notImage' | 'empty' | 'undecodable' | 'cannotFit' | 'failed';

export interface PhotoRefusal {
  code: PhotoRefusalCode;
  /** Format name for the message (BMP, TIFF, JPEG…). */
  format?: string;
  /** What failed, only for `failed`: shown translated (`errorText`), never as its raw message. */
  cause?: unknown;
}

export type PhotoIntake = { ok: true; prepared: PreparedPhoto } | { ok: false; refusal: PhotoRefusal };

/** Longer side of the thumbnails in the form, in pixels (drawn at twice the CSS size for sharp screens). */
export const thumbnailSidePx = 320;

const refusalBySignature: Partial<Record<FileSignature, PhotoRefusal>> = {
  heic: { code: 'heic' },
  avif: { code: 'avif' },
  gif: { code: 'gif' },
  webp: { code: 'webp' },
  bmp: { code: 'otherImage', format: 'BMP' },
  tiff: { code: 'otherImage', format: 'TIFF' },
  pdf: { code: 'pdf' },
  empty: { code: 'empty' },
};

export async function intakePhoto(file: File, options: { maxBytes?: number } = {}): Promise<PhotoIntake> {
  const signature = await sniffFile(file);
  if (signature !== 'jpeg' && signature !== 'png') return { ok: false, refusal: refusalBySignature[signature] ?? { code: 'notImage' } };
  try {
    const prepared = await preparePhotoInWorker({ file, maxBytes: options.maxBytes ?? portalFileLimitBytes, thumbnailSide: thumbnailSidePx });
    return { ok: true, prepared };
  } catch (error) {
    if (error instanceof WorkerError && (error.code === 'undecodable' || error.code === 'cannotFit')) {
      return { ok: false, refusal: { code: error.code, format: signature.toUpperCase() } };
    }
    return { ok: false, refusal: { code: 'failed', cause: error } };
  }
}
