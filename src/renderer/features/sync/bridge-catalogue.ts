/**
 * The engine's catalogue port in the page: every call goes through the bridge's `catalogue:call`, so the host
 * adds the key (the page never holds it) and checks the input; uploads travel as bytes on `catalogue:upload`.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import type { UploadedFile } from '../../../shared/catalogue/dto.ts';
import { CatalogueError } from '../../../shared/catalogue/errors.ts';
import type { SyncCatalogue } from '../../../shared/sync/types.ts';

/** Files go through `catalogue:upload`, where the host checks size and type before its key is used. */
async function upload(bridge: Bridge, kind: 'photo' | 'document', file: { file: Uint8Array; fileName: string }): Promise<UploadedFile> {
  const result = await bridge.catalogue.upload({ kind, fileName: file.fileName, bytes: file.file });
  if (!result.ok) throw CatalogueError.fromData(result.error);
  return result.value as UploadedFile;
}

export function bridgeCatalogue(bridge: Bridge): SyncCatalogue {
  return {
    listRequests: (query) => callCatalogue(bridge, 'fetch', query),
    createRequest: async (body) => (await callCatalogue(bridge, 'createProductRequest', { body })).id,
    updateRequest: (id, body) => callCatalogue(bridge, 'updateProductRequest', { id, body }),
    submitForModeration: (id) => callCatalogue(bridge, 'onModerationRequest', { id }),
    publishRequest: (id) => callCatalogue(bridge, 'publish', { id }),
    cancelRequest: (id) => callCatalogue(bridge, 'cancelRequest', { id }),
    deleteRequest: (id) => callCatalogue(bridge, 'deleteProductRequest', { id }),
    getStatus: (id) => callCatalogue(bridge, 'getStatus', { id }),
    getDuplicates: (id) => callCatalogue(bridge, 'getDuplicates', { id }),
    decideDuplicates: (id, decision) => callCatalogue(bridge, 'makeDuplicateDecision', { id, decision }),
    uploadPhoto: (file) => upload(bridge, 'photo', file),
    uploadDocument: (file) => upload(bridge, 'document', file),
  };
}
