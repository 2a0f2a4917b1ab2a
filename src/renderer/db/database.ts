import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AttributeSchemaRecord, BlobRecord, DictionaryItemRecord, DocumentRecord, DraftRecord, OutboxRecord, SettingRecord } from './records.ts';
import { latestSchemaVersion, schemaVersions } from './schema.ts';

export type NcgDatabase = Dexie & {
  drafts: EntityTable<DraftRecord, 'id'>;
  outbox: EntityTable<OutboxRecord, 'seq'>;
  blobs: EntityTable<BlobRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  dictionaryItems: Table<DictionaryItemRecord, [string, string]>;
  attributeSchemas: EntityTable<AttributeSchemaRecord, 'key'>;
  documents: EntityTable<DocumentRecord, 'id'>;
};

let shared: NcgDatabase | undefined;
/** The page's one connection to its database. */
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
