/** Moved to the data layer: import from `src/renderer/db/drafts.ts`. Kept until the import feature has switched. */
export { createDraftRecord, putDraftRecords, saveDraft, setLocalState } from '../../db/drafts.ts';
