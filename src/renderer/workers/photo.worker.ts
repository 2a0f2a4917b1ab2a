/** The photo worker: decoding, checks and re-encoding of chosen photos (see photo-pipeline.ts). */
import { preparePhoto } from './photo-pipeline.ts';
import type { PreparedPhoto, PreparePhotoRequest } from './photo-protocol.ts';
import { serveRequests } from './worker-rpc.ts';

serveRequests<PreparePhotoRequest, PreparedPhoto>(preparePhoto);
