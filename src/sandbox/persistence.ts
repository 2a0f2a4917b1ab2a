/**
 * State on disk: `<dataDir>/state.json`, written atomically (temp file + rename), coalescing bursts of
 * changes into one write. `flush()` writes what is pending (called on close).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, type SandboxState } from './store.ts';

export const stateFileName = 'state.json';

export async function loadState(dataDir: string, reset: boolean): Promise<SandboxState> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, stateFileName);
  if (reset) {
    await rm(file, { force: true });
    return emptyState();
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return emptyState();
  }
  const parsed = JSON.parse(text) as Partial<SandboxState>;
  if (parsed.version !== 1 || !Array.isArray(parsed.requests) || !Array.isArray(parsed.cards) || !Array.isArray(parsed.uploads)) {
    throw new Error(`${file} is not a sandbox state file (version 1); start with --reset to discard it`);
  }
  return { ...emptyState(), ...parsed } as SandboxState;
}

export interface Persister {
  schedule(): void;
  flush(): Promise<void>;
}

export function createPersister(dataDir: string | undefined, snapshot: () => SandboxState): Persister {
  if (!dataDir) return { schedule: () => {}, flush: async () => {} };
  const file = join(dataDir, stateFileName);
  let dirty = false;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const write = async () => {
    while (dirty) {
      dirty = false;
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(snapshot()));
      await rename(temp, file);
    }
  };
  const start = () => {
    timer = undefined;
    if (!writing) {
      writing = write().finally(() => {
        writing = undefined;
      });
    }
  };
  return {
    schedule() {
      dirty = true;
      if (!timer && !writing) timer = setTimeout(start, 20);
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        start();
      }
      while (writing) await writing;
      if (dirty) {
        start();
        await writing;
      }
    },
  };
}
