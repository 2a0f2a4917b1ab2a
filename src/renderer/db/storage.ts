import type { NcgDatabase } from './database.ts';

/** What the browser tells about our storage; every field may be unknown (old engines, private modes). */
export interface StorageReport {
  /**
   * Bytes used: the browser's estimate, but never less than our own photos and PDFs. Chromium updates its
   * estimate lazily after blobs are written (it read "0 B" with megabytes of photos stored), so the sum of
   * what we stored is the floor.
   */
  usageBytes?: number;
  quotaBytes?: number;
  persisted?: boolean;
  /** The photos, PDFs and thumbnails stored in the database, summed by us. */
  ownFileBytes?: number;
}

/** The bytes of every blob we stored (photos, PDFs, thumbnails); reads sizes only, never the contents. */
export async function storedFileBytes(db: NcgDatabase): Promise<number> {
  let total = 0;
  await db.blobs.each((record) => {
    total += record.data.size;
  });
  return total;
}

export async function readStorageReport(db?: NcgDatabase, storage: StorageManager | undefined = navigator.storage): Promise<StorageReport> {
  const [estimate, persisted, ownFileBytes] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => undefined),
    db ? storedFileBytes(db).catch(() => undefined) : undefined,
  ]);
  const estimated = estimate?.usage;
  const usageBytes = estimated === undefined ? ownFileBytes : Math.max(estimated, ownFileBytes ?? 0);
  return { usageBytes, quotaBytes: estimate?.quota, persisted, ownFileBytes };
}

/** Asked once at start: without it the browser may evict drafts under disk pressure. */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<boolean> {
  try {
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
