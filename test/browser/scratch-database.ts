import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';

/**
 * A fresh, uniquely named app database per call, deleted after each test: tests share one browser, and
 * IndexedDB outlives a test otherwise.
 */
export function scratchDatabases(prefix: string): () => NcgDatabase {
  const opened: NcgDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = openDatabase(`${prefix}-${crypto.randomUUID()}`);
    opened.push(db);
    return db;
  };
}
