/** The photo worker: decoding, checks and re-encoding of chosen photos (see photo-pipeline.ts). */
import { preparePhoto } from './photo-pipeline.ts';
import { exposeWorker } from './rpc.ts';

const api = { prepare: preparePhoto };
export type PhotoWorkerApi = typeof api;
exposeWorker(api);
