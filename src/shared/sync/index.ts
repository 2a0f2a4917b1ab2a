/** The sync engine (issue 10): one engine over a store port and the catalogue, for the page and the CLI. */
export * from './types.ts';
export { SyncEngine, bodyWithFiles, newRecord, problemOf, type PollResult, type SyncEngineOptions } from './engine.ts';
export { CatalogueLimiter, limitCatalogue, type LimiterOptions } from './limiter.ts';
export { checkBatch, checkJob, draftKey, type EnqueueEntry, type Refusal } from './preflight.ts';
export { appStateOf, appStates, bareStatus, describeRemote, isEditable, needsOfficer, pendsOnCatalogue, remarksByField, type AppState, type FieldRemark } from './status.ts';
export { catalogueUploadRequestSchema, runCatalogueUpload, type CatalogueUploadRequest } from './upload-channel.ts';
export { createMemorySyncStore, type MemorySyncStore } from './memory-store.ts';
export { jobFromDraft, type DraftFiles } from './from-draft.ts';
export { syncMessages } from './messages.ts';
