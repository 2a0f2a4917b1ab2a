/** The page's side of the photo worker: one worker, started on the first photo and kept for the next ones. */
import type { PhotoWorkerApi } from './photo.worker.ts';
import type { PreparedPhoto, PreparePhotoRequest } from './photo-protocol.ts';
import { connectWorker, WorkerError, type WorkerConnection } from './rpc.ts';

/**
 * Vite (web build and electron-vite alike) sees `new Worker(new URL(…, import.meta.url))` and bundles the worker as
 * its own same-origin file, which the CSP's `worker-src 'self'` allows.
 */
function startPhotoWorker(): Worker {
  return new Worker(new URL('./photo.worker.ts', import.meta.url), { type: 'module', name: 'photos' });
}

let photos: WorkerConnection<PhotoWorkerApi> | undefined;

/**
 * Fails with `WorkerError` (rpc.ts): `unsupported`, `undecodable`, `cannotFit`, `failed` or `crashed`. A crash
 * (the worker ran out of memory, or its script could not load) is tried once more on the fresh worker the RPC
 * starts after it, since preparing a photo has no side effects; a second crash is reported.
 */
export async function preparePhotoInWorker(request: PreparePhotoRequest): Promise<PreparedPhoto> {
  photos ??= connectWorker<PhotoWorkerApi>(startPhotoWorker);
  try {
    return await photos.api.prepare(request);
  } catch (error) {
    if (!(error instanceof WorkerError && error.code === 'crashed')) throw error;
    return photos.api.prepare(request);
  }
}
