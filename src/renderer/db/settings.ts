/** Small named values of this computer (`settings` table). */
import type { NcgDatabase } from './database.ts';

export async function readSetting(db: NcgDatabase, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: NcgDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** When the offline copy of the catalogue's schemas and dictionaries was last completed (ms since epoch). */
export const lastDictionaryRefreshKey = 'dictionaries.lastRefresh';
