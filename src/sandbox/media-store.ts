/**
 * The bytes of uploaded photos, which the sandbox serves back at its media route (routes/media.ts) the way the
 * catalogue's site serves product images. The state (store.ts) keeps only each upload's record; the bytes live
 * here: in memory (bounded, oldest dropped first, so a benchmark uploading thousands of photos cannot exhaust
 * memory), or as files in `<dataDir>/media/` beside the persisted state.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  put(fileName: string, bytes: Uint8Array): Promise<void>;
  get(fileName: string): Promise<Uint8Array | undefined>;
  /** Admin reset: every upload is forgotten. */
  clear(): Promise<void>;
}

/** Only names the sandbox itself generates (`<uuid>.jpg|png`) ever become a path. */
const storedName = /^[0-9a-f-]{36}\.(?:jpg|png)$/u;

export const defaultMemoryMediaBytes = 256 * 1024 * 1024;

export function memoryMediaStore(maxBytes = defaultMemoryMediaBytes): MediaStore {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  return {
    async put(fileName, bytes) {
      files.set(fileName, bytes);
      total += bytes.byteLength;
      for (const [name, held] of files) {
        if (total <= maxBytes || name === fileName) break;
        files.delete(name);
        total -= held.byteLength;
      }
    },
    get: async (fileName) => files.get(fileName),
    async clear() {
      files.clear();
      total = 0;
    },
  };
}

export function directoryMediaStore(dataDir: string): MediaStore {
  const dir = join(dataDir, 'media');
  return {
    async put(fileName, bytes) {
      if (!storedName.test(fileName)) throw new Error(`not a sandbox media name: ${fileName}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, fileName), bytes);
    },
    async get(fileName) {
      if (!storedName.test(fileName)) return undefined;
      try {
        return new Uint8Array(await readFile(join(dir, fileName)));
      } catch {
        return undefined;
      }
    },
    clear: () => rm(dir, { recursive: true, force: true }),
  };
}
