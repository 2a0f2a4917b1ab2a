/** What the browser tells about our storage; every field may be unknown (old engines, private modes). */
export interface StorageReport {
  usageBytes?: number;
  quotaBytes?: number;
  persisted?: boolean;
}

export async function readStorageReport(storage: StorageManager | undefined = navigator.storage): Promise<StorageReport> {
  if (!storage) return {};
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => undefined),
    storage.persisted?.().catch(() => undefined),
  ]);
  return { usageBytes: estimate?.usage, quotaBytes: estimate?.quota, persisted };
}

/** Asked once at start: without it the browser may evict drafts under disk pressure. */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<boolean> {
  try {
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
