/**
 * The import worker: reading, checking and saving thousands of rows, and writing the export, away from the UI
 * thread (features/import/import-api.ts). A worker is a realm of its own, so it opens its own connections to the
 * database the page names; Dexie tells the page's live queries about what it writes.
 */
import { appDatabase, defaultDatabaseName, openDatabase, type NcgDatabase } from '../db/database.ts';
import { createImportApi } from '../features/import/import-api.ts';
import { exposeWorker } from './rpc.ts';

const opened = new Map<string, NcgDatabase>();
function databaseNamed(name: string): NcgDatabase {
  if (name === defaultDatabaseName) return appDatabase();
  let db = opened.get(name);
  if (!db) {
    db = openDatabase(name);
    opened.set(name, db);
  }
  return db;
}

exposeWorker(createImportApi(databaseNamed));
