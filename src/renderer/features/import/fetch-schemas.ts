/**
 * A file may bring categories whose extended schema was never downloaded. While online, the worker fetches
 * them itself, through the catalogue port the page handed it (workers/catalogue-port.ts), before the rows are
 * checked; offline, or when the catalogue is slow, it gives up after a few seconds and the preview says which
 * categories are unchecked.
 */
import { govSchemaKey, hasAttributeSchema, putAttributeSchema } from '../../db/attribute-schemas.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { CatalogueCall } from '../../workers/catalogue-port.ts';

/** A file with more categories than this is a bulk job for Settings → refresh, not for a page wait. */
export const maxCategoriesFetched = 20;
export const schemaFetchTimeoutMs = 5_000;
/** Downloads at once: the catalogue limits the rate, and a few in parallel already hide the latency. */
const parallelDownloads = 4;

async function fetchOne(call: CatalogueCall, db: NcgDatabase, oktru: string): Promise<void> {
  if (await hasAttributeSchema(db, govSchemaKey(oktru))) return;
  try {
    await putAttributeSchema(db, govSchemaKey(oktru), await call('getGovCategoryAttributes', { oktru }));
  } catch {
    // Not published, offline, refused: the preview names the category as unchecked.
  }
}

/** Fetches what it can of the given (missing) categories' extended schemas; how many are stored now. */
export async function fetchMissingGovSchemas(
  call: CatalogueCall,
  db: NcgDatabase,
  codes: readonly string[],
  onProgress: (done: number, total: number) => void,
  timeoutMs = schemaFetchTimeoutMs,
): Promise<number> {
  const wanted = codes.slice(0, maxCategoriesFetched);
  if (wanted.length === 0) return 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < wanted.length) {
      const code = wanted[next++] ?? '';
      await fetchOne(call, db, code);
      onProgress(++done, wanted.length);
    }
  };
  try {
    onProgress(0, wanted.length);
    await Promise.race([Promise.all(Array.from({ length: Math.min(parallelDownloads, wanted.length) }, lane)), deadline]);
  } finally {
    clearTimeout(timer);
  }
  // Counted in the database: after the deadline, some downloads may still have landed.
  let stored = 0;
  for (const code of wanted) if (await hasAttributeSchema(db, govSchemaKey(code))) stored++;
  return stored;
}
