/**
 * The officer's application: the draft the form edits, its mapping to and from the portal's request body,
 * its validation against the catalogue's schemas and dictionaries, and bulk import/export.
 */
export * from './draft.ts';
export * from './schema.ts';
export * from './mapping.ts';
export * from './validate.ts';
export { applicationMessages, type ApplicationMessageKey } from './messages.ts';
export * from './import/index.ts';
