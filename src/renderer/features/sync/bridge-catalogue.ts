/**
 * The engine's catalogue port in the page: every call goes through the bridge's `catalogue:call`, so the host
 * adds the key (the page never holds it) and checks the input; uploads travel as bytes.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import type { SyncCatalogue } from '../../../shared/sync/types.ts';

export function bridgeCatalogue(bridge: Bridge): SyncCatalogue {
  return {
    listRequests: (query) => callCatalogue(bridge, 'fetch', query),
    createRequest: async (body) => (await callCatalogue(bridge, 'createProductRequest', { body })).id,
    updateRequest: (id, body) => callCatalogue(bridge, 'updateProductRequest', { id, body }),
    submitForModeration: (id) => callCatalogue(bridge, 'onModerationRequest', { id }),
    publishRequest: (id) => callCatalogue(bridge, 'publish', { id }),
    cancelRequest: (id) => callCatalogue(bridge, 'cancelRequest', { id }),
    getStatus: (id) => callCatalogue(bridge, 'getStatus', { id }),
    getDuplicates: (id) => callCatalogue(bridge, 'getDuplicates', { id }),
    decideDuplicates: (id, decision) => callCatalogue(bridge, 'makeDuplicateDecision', { id, decision }),
    uploadPhoto: (file) => callCatalogue(bridge, 'uploadFile', file),
    uploadDocument: (file) => callCatalogue(bridge, 'uploadDocument', file),
  };
}
