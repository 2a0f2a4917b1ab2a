/**
 * Makes a photo fit the catalogue's upload limit (5 MB, catalogue-api §4.17) by re-encoding it as JPEG, stepping the
 * quality down a little and then the size, always keeping the aspect ratio. Runs in the photo worker (OffscreenCanvas),
 * so a 40 MB picture never blocks the form.
 */
import { fitWithin } from './photo-checks.ts';

export interface EncodeAttempt {
  width: number;
  height: number;
  quality: number;
  bytes: number;
}

export interface FittedJpeg {
  blob: Blob;
  width: number;
  height: number;
  quality: number;
  attempts: EncodeAttempt[];
}

export interface FitOptions {
  maxBytes: number;
  /** First quality tried: visually lossless for photos. */
  startQuality?: number;
  /** Quality is not lowered below this; the size shrinks instead (the AI check cares more about artefacts than pixels). */
  floorQuality?: number;
  /** Gives up rather than produce a picture smaller than this on its shorter side. */
  minShorterSide?: number;
  maxAttempts?: number;
}

export class CannotFitError extends Error {
  constructor(readonly attempts: EncodeAttempt[]) {
    super(`could not fit under the limit after ${attempts.length} attempts`);
    this.name = 'CannotFitError';
  }
}

/** Draws the picture at the given size on white (a PNG's transparency would turn black in a JPEG) and encodes it. */
export async function encodeJpeg(source: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('no 2D canvas in this browser');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** The size at `scale` of the source, same aspect ratio, at least 1 px. */
function scaled(source: { width: number; height: number }, scale: number): { width: number; height: number } {
  return fitWithin(source.width, source.height, Math.max(source.width, source.height) * scale);
}

/**
 * Re-encodes until the JPEG is at most `maxBytes`. Order of steps: the start quality at full size; then the floor
 * quality at full size when the overshoot is small; then smaller sizes, each guessed from the last result (JPEG size
 * grows about linearly with the pixel count) with a 10 % margin, so two or three encodes usually suffice.
 */
export async function fitJpegUnderLimit(source: ImageBitmap, options: FitOptions): Promise<FittedJpeg> {
  const startQuality = options.startQuality ?? 0.92;
  const floorQuality = options.floorQuality ?? 0.8;
  const minShorterSide = options.minShorterSide ?? 64;
  const maxAttempts = options.maxAttempts ?? 10;
  const attempts: EncodeAttempt[] = [];
  let scale = 1;
  let quality = startQuality;
  while (attempts.length < maxAttempts) {
    const size = scaled(source, scale);
    if (Math.min(size.width, size.height) < minShorterSide) break;
    const blob = await encodeJpeg(source, size.width, size.height, quality);
    attempts.push({ ...size, quality, bytes: blob.size });
    if (blob.size <= options.maxBytes) return { blob, ...size, quality, attempts };
    const ratio = options.maxBytes / blob.size;
    if (quality > floorQuality && ratio > 0.6) {
      quality = floorQuality; // a small overshoot: a slightly lower quality keeps every pixel
      continue;
    }
    quality = Math.round(Math.max(floorQuality, Math.min(quality, floorQuality + 0.05)) * 100) / 100;
    // Area scales with scale², bytes roughly with area; always shrink by at least 5 % so the loop ends.
    scale *= Math.min(0.95, Math.sqrt(ratio * 0.9));
  }
  throw new CannotFitError(attempts);
}
