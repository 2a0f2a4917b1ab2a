/**
 * The officer's application: the draft the form edits, its mapping to and from the portal's request body,
 * and its validation against the catalogue's schemas and dictionaries.
 *
 * Bulk import/export is `./import/index.ts`, kept out of this entry point because it brings exceljs and
 * papaparse: load it where files are read (a worker, the CLI), not in the form.
 */
export * from './attribute-codes.ts';
export * from './draft.ts';
export * from './schema.ts';
export * from './mapping.ts';
export * from './validate.ts';
export { applicationMessages, type ApplicationMessageKey } from './messages.ts';
