/** The page's side of the import worker (the one worker channel, workers/rpc.ts). */
import { connectWorker, type WorkerConnection } from '../../workers/rpc.ts';
import type { ImportWorkerApi } from './import-api.ts';

export type ImportWorker = WorkerConnection<ImportWorkerApi>;

export function connectImportWorker(): ImportWorker {
  return connectWorker<ImportWorkerApi>(() => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }));
}
