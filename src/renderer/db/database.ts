import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AttributeSchemaRecord, BlobRecord, DictionaryItemRecord, DocumentRecord, DraftRecord, SettingRecord } from './records.ts';
import { latestSchemaVersion, schemaVersions } from './schema.ts';

/**
 * The tables of the page's database. A repository that brings its own table adds it here with one line, or
 * from its own module by interface merging:
 *
 *   declare module './database.ts' { interface NcgTables { myTable: EntityTable<MyRecord, 'id'> } }
 *
 * and appends the table to `schemaVersions` in schema.ts.
 */
export interface NcgTables {
  drafts: EntityTable<DraftRecord, 'id'>;
  blobs: EntityTable<BlobRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  dictionaryItems: Table<DictionaryItemRecord, [string, string]>;
  attributeSchemas: EntityTable<AttributeSchemaRecord, 'key'>;
  documents: EntityTable<DocumentRecord, 'id'>;
}

export type NcgDatabase = Dexie & NcgTables;

let shared: NcgDatabase | undefined;
/** The page's one connection to its database. Only modules of `db/` call it; features use their hooks and functions. */
export function appDatabase(): NcgDatabase {
  shared ??= openDatabase();
  return shared;
}

export const defaultDatabaseName = 'ncg-desk';

/**
 * Opens the database with the schema history up to `upToVersion` (the latest by default). Tests open an older
 * version to fill it, then the latest to check the migration.
 */
export function openDatabase(name = defaultDatabaseName, upToVersion = latestSchemaVersion): NcgDatabase {
  const db = new Dexie(name) as NcgDatabase;
  for (const step of schemaVersions) {
    if (step.version > upToVersion) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}
