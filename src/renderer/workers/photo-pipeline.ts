/**
 * Everything done to a chosen photo, off the UI thread: check what the bytes are, decode once, run the local
 * pre-checks, draw a thumbnail, and re-encode when the file is over the upload limit.
 */
import { sniffFile } from './file-signature.ts';
import { checkPhotoPixels, fitWithin } from './photo-checks.ts';
import type { PhotoMimeType, PreparedPhoto, PreparePhotoRequest } from './photo-protocol.ts';
import { CannotFitError, encodeJpeg, fitJpegUnderLimit } from './photo-reencode.ts';
import { WorkerError } from './rpc.ts';

async function decode(file: Blob, format: string): Promise<ImageBitmap> {
  try {
    // EXIF orientation applied, so a phone's portrait shot stays upright after re-encoding (which drops EXIF).
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new WorkerError('undecodable', `the ${format} data could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function preparePhoto(request: PreparePhotoRequest): Promise<PreparedPhoto> {
  const { file, maxBytes, thumbnailSide } = request;
  const signature = await sniffFile(file);
  if (signature !== 'jpeg' && signature !== 'png') throw new WorkerError('unsupported', `a ${signature} file is not a JPEG or PNG photo`);
  const mimeType: PhotoMimeType = signature === 'jpeg' ? 'image/jpeg' : 'image/png';
  const bitmap = await decode(file, signature.toUpperCase());
  try {
    const checks = checkPhotoPixels(bitmap);
    const thumbSize = fitWithin(bitmap.width, bitmap.height, thumbnailSide);
    const thumbnail = await encodeJpeg(bitmap, thumbSize.width, thumbSize.height, 0.82);
    const original = { bytes: file.size, width: bitmap.width, height: bitmap.height, mimeType };
    if (file.size <= maxBytes) {
      // Re-typed from the bytes: the browser's guess comes from the file name, which may lie.
      const upload = new Blob([file], { type: mimeType });
      return { upload, uploadMimeType: mimeType, width: bitmap.width, height: bitmap.height, original, reencoded: null, thumbnail, checks };
    }
    const fitted = await fitJpegUnderLimit(bitmap, { maxBytes });
    return {
      upload: fitted.blob,
      uploadMimeType: 'image/jpeg',
      width: fitted.width,
      height: fitted.height,
      original,
      reencoded: { quality: fitted.quality, encodes: fitted.attempts.length },
      thumbnail,
      checks,
    };
  } catch (error) {
    if (error instanceof CannotFitError) throw new WorkerError('cannotFit', error.message);
    throw error;
  } finally {
    bitmap.close();
  }
}
