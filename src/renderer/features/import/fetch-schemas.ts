/**
 * A file may bring categories whose extended schema was never downloaded. While online, the page fetches them
 * (through the bridge, which the worker cannot reach) before the rows are checked; offline, or when the
 * catalogue is slow, it gives up after a few seconds and the preview says which categories are unchecked.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { fetchGovSchemaIfMissing } from '../applications/edit-card.ts';

/** A file with more categories than this is a bulk job for Settings → refresh, not for a page wait. */
export const maxCategoriesFetched = 20;
export const schemaFetchTimeoutMs = 5_000;

/** Fetches what it can of the given (missing) categories' extended schemas; how many are stored now. */
export async function fetchMissingGovSchemas(bridge: Bridge, db: NcgDatabase, codes: readonly string[], timeoutMs = schemaFetchTimeoutMs): Promise<number> {
  const wanted = codes.slice(0, maxCategoriesFetched);
  if (wanted.length === 0) return 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([Promise.all(wanted.map((code) => fetchGovSchemaIfMissing(bridge, db, code))), deadline]);
  } finally {
    clearTimeout(timer);
  }
  // Counted in the database: after the deadline, some downloads may still have landed.
  const stored = await db.attributeSchemas.bulkGet(wanted.map((code) => `gov:${code}`));
  return stored.filter(Boolean).length;
}
