import { describe, expect, it } from 'vitest';
import { portalFileLimitBytes } from '../../src/shared/application/validate.ts';
import { preparePhotoInWorker } from '../../src/renderer/workers/photo-worker-client.ts';
import { CannotFitError, fitJpegUnderLimit } from '../../src/renderer/workers/photo-reencode.ts';
import { WorkerError } from '../../src/renderer/workers/rpc.ts';

/** Per-pixel noise: the worst case for JPEG, so a few megapixels make tens of megabytes at top quality. */
async function noiseImage(width: number, height: number, type: 'image/jpeg' | 'image/png', options: { transparentCorner?: boolean } = {}): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  const pixels = context.createImageData(width, height);
  const words = new Uint32Array(pixels.data.buffer);
  let state = 2024;
  for (let index = 0; index < words.length; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    words[index] = state | 0xff000000; // opaque (little-endian: alpha is the high byte)
  }
  context.putImageData(pixels, 0, 0);
  if (options.transparentCorner) context.clearRect(0, 0, Math.round(width / 4), Math.round(height / 4));
  return canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 1 } : { type });
}

async function dimensions(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

describe('photo re-encoding in the photo worker (real Chromium)', () => {
  it('brings a ~35 MB JPEG under 5 MB, keeps the aspect ratio, and reports the original', async () => {
    const source = await noiseImage(4000, 3000, 'image/jpeg');
    expect(source.size).toBeGreaterThan(30 * 1024 * 1024);
    const prepared = await preparePhotoInWorker({ file: source, maxBytes: portalFileLimitBytes, thumbnailSide: 320 });

    expect(prepared.upload.size).toBeLessThanOrEqual(portalFileLimitBytes);
    expect(prepared.uploadMimeType).toBe('image/jpeg');
    expect(new Uint8Array(await prepared.upload.slice(0, 3).arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(prepared.reencoded).not.toBeNull();
    expect(prepared.original).toEqual({ bytes: source.size, width: 4000, height: 3000, mimeType: 'image/jpeg' });
    // The upload really has the size it claims, and the same shape as the original.
    expect(await dimensions(prepared.upload)).toEqual({ width: prepared.width, height: prepared.height });
    expect(Math.abs(prepared.width / prepared.height - 4 / 3)).toBeLessThan(1 / prepared.height);
    expect(await dimensions(prepared.thumbnail)).toEqual({ width: 320, height: 240 });
  });

  it('turns a PNG over 5 MB into a JPEG with its transparency on white', async () => {
    const source = await noiseImage(1800, 1800, 'image/png', { transparentCorner: true });
    expect(source.size).toBeGreaterThan(portalFileLimitBytes);
    const prepared = await preparePhotoInWorker({ file: source, maxBytes: portalFileLimitBytes, thumbnailSide: 320 });
    expect(prepared.uploadMimeType).toBe('image/jpeg');
    expect(prepared.upload.size).toBeLessThanOrEqual(portalFileLimitBytes);
    expect(prepared.original.mimeType).toBe('image/png');
    const bitmap = await createImageBitmap(prepared.upload);
    const probe = new OffscreenCanvas(1, 1).getContext('2d');
    probe?.drawImage(bitmap, 2, 2, 1, 1, 0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = probe?.getImageData(0, 0, 1, 1).data ?? [];
    expect(Math.min(red, green, blue)).toBeGreaterThan(240);
  });

  it('passes a photo under the limit through untouched', async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext('2d');
    context?.fillRect(100, 100, 300, 300);
    const source = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const prepared = await preparePhotoInWorker({ file: new File([source], 'IMG_0001.jpg'), maxBytes: portalFileLimitBytes, thumbnailSide: 320 });
    expect(prepared.reencoded).toBeNull();
    expect(new Uint8Array(await prepared.upload.arrayBuffer())).toEqual(new Uint8Array(await source.arrayBuffer()));
    expect(prepared.checks).toMatchObject({ width: 1200, height: 900, lowResolution: false });
  });

  it('steps quality, then size, down to a small limit and keeps the aspect ratio at every step', async () => {
    const bitmap = await createImageBitmap(await noiseImage(1600, 900, 'image/jpeg'));
    const fitted = await fitJpegUnderLimit(bitmap, { maxBytes: 300 * 1024 });
    expect(fitted.blob.size).toBeLessThanOrEqual(300 * 1024);
    expect(fitted.attempts.length).toBeGreaterThan(1);
    for (const attempt of fitted.attempts) expect(Math.abs(attempt.width / attempt.height - 16 / 9)).toBeLessThan(1 / attempt.height);
    expect(fitted.attempts.map((attempt) => attempt.width)).toEqual([...fitted.attempts.map((attempt) => attempt.width)].sort((a, b) => b - a));
    await expect(fitJpegUnderLimit(bitmap, { maxBytes: 200 })).rejects.toBeInstanceOf(CannotFitError);
    bitmap.close();
  });

  it('refuses, with a code, what is not a JPEG or PNG and what cannot be decoded', async () => {
    const heic = new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63]);
    const failure = await preparePhotoInWorker({ file: new Blob([heic]), maxBytes: portalFileLimitBytes, thumbnailSide: 320 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerError);
    expect((failure as WorkerError).code).toBe('unsupported');

    const brokenJpeg = new Uint8Array(4096).fill(0x55);
    brokenJpeg.set([0xff, 0xd8, 0xff, 0xe0]);
    const broken = await preparePhotoInWorker({ file: new Blob([brokenJpeg]), maxBytes: portalFileLimitBytes, thumbnailSide: 320 }).catch((error: unknown) => error);
    expect((broken as WorkerError).code).toBe('undecodable');
  });
});
