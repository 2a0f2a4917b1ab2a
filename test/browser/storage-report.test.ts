import { describe, expect, it } from 'vitest';
import { readStorageReport, storedFileBytes } from '../../src/renderer/db/storage.ts';
import { scratchDatabases } from './scratch-database.ts';

const database = scratchDatabases('storage-report');

/** A storage manager whose estimate has not caught up with the writes (Chromium showed "0 B" so). */
const laggingStorage = { estimate: () => Promise.resolve({ usage: 0, quota: 10 * 1024 ** 3 }), persisted: () => Promise.resolve(false) } as unknown as StorageManager;

describe('storage report', () => {
  it('sums the stored photos and PDFs and never reports less than them, whatever the estimate says', async () => {
    const db = database();
    const photo = new Blob([new Uint8Array(300_000).fill(7)], { type: 'image/jpeg' });
    const pdf = new File([new Uint8Array(1_250_000).fill(1)], 'сертификат.pdf', { type: 'application/pdf' });
    await db.blobs.bulkPut([
      { id: 'photo-1', ownerId: 'draft-1', mimeType: 'image/jpeg', data: photo },
      { id: 'pdf-1', ownerId: 'document-1', mimeType: 'application/pdf', data: pdf },
    ]);
    expect(await storedFileBytes(db)).toBe(1_550_000);

    const lagging = await readStorageReport(db, laggingStorage);
    expect(lagging).toEqual({ usageBytes: 1_550_000, quotaBytes: 10 * 1024 ** 3, persisted: false, ownFileBytes: 1_550_000 });

    // The browser's own figure, once it is larger (it counts the rest of the database too), is the one shown.
    const real = await readStorageReport(db);
    expect(real.ownFileBytes).toBe(1_550_000);
    expect(real.usageBytes).toBeGreaterThanOrEqual(1_550_000);
  });

  it('says nothing it does not know: an engine without estimates and no database leave every figure unknown', async () => {
    expect(await readStorageReport(undefined, {} as StorageManager)).toEqual({ usageBytes: undefined, quotaBytes: undefined, persisted: undefined, ownFileBytes: undefined });
  });
});
