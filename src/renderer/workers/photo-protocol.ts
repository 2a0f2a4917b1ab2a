/** What the photo worker (photo.worker.ts) takes and gives, through rpc.ts. */
import type { PhotoChecks } from './photo-checks.ts';

export type PhotoMimeType = 'image/jpeg' | 'image/png';

export interface PreparePhotoRequest {
  file: Blob;
  /** The upload limit the result must fit: 5 × 1024 × 1024 bytes for the catalogue. */
  maxBytes: number;
  /** Longer side of the thumbnail shown in the form. */
  thumbnailSide: number;
}

export interface PreparedPhoto {
  /** What will be uploaded: the file itself when it fits, else the re-encoded JPEG. */
  upload: Blob;
  uploadMimeType: PhotoMimeType;
  width: number;
  height: number;
  /** The file as chosen; kept on this computer when the upload is a re-encoded copy. */
  original: { bytes: number; width: number; height: number; mimeType: PhotoMimeType };
  /** How the upload was made smaller, or null when the file went through untouched. */
  reencoded: { quality: number; encodes: number } | null;
  thumbnail: Blob;
  checks: PhotoChecks;
}

/** Failure codes of the worker, translated by the photo slots. */
export const photoFailureCodes = ['unsupported', 'undecodable', 'cannotFit', 'failed', 'crashed'] as const;
export type PhotoFailureCode = (typeof photoFailureCodes)[number];
