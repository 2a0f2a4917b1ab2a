/**
 * A store in memory (tests, benchmarks, the web twin's demo): records are kept as JSON text, so what a
 * reader gets is exactly what was "written", and a second engine over the same store sees only that.
 */
import type { SyncFile, SyncJob, SyncRecord, SyncStore } from './types.ts';

export interface MemorySyncStore extends SyncStore {
  /** Files by `SyncFile.id`. */
  readonly files: Map<string, Uint8Array>;
  /** Every record as last written. */
  dump(): SyncRecord[];
  /** How many writes it took (each one a durable step). */
  writes(): number;
}

export function createMemorySyncStore(files: Map<string, Uint8Array> = new Map()): MemorySyncStore {
  const rows = new Map<string, string>();
  let writeCount = 0;
  const read = (text: string) => JSON.parse(text) as SyncRecord;
  return {
    files,
    list: () => Promise.resolve([...rows.values()].map(read)),
    get: (applicationId) => {
      const text = rows.get(applicationId);
      return Promise.resolve(text === undefined ? undefined : read(text));
    },
    put: (record) => {
      rows.set(record.applicationId, JSON.stringify(record));
      writeCount += 1;
      return Promise.resolve();
    },
    readFile: (_job: SyncJob, file: SyncFile) => {
      const bytes = files.get(file.id);
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`no file ${file.id}`));
    },
    dump: () => [...rows.values()].map(read),
    writes: () => writeCount,
  };
}
