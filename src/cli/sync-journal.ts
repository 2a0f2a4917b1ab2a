/**
 * The command line's sync store: an append-only journal file (one JSON line per durable step, fsync'd
 * before `put` resolves; the last line of an application wins) and a lock file beside it, so only one
 * engine runs per journal. A `kill -9` can leave a torn last line: it is cut off on the next open. The
 * journal holds the applications' content, file paths and the catalogue's address — never the API key.
 */
import { open, readFile, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import type { SyncFile, SyncJob, SyncRecord, SyncStore } from '../shared/sync/types.ts';

export interface JournalHeader {
  t: 'journal';
  v: 1;
  /** The portal base URL the requests were created in (a journal never mixes catalogues). */
  catalogue: string;
  createdAt: string;
}

export class JournalLockedError extends Error {
  constructor(readonly lockPath: string, readonly pid: number) {
    super(`another ncg (pid ${String(pid)}) is using this journal (${lockPath})`);
  }
}

export class JournalMismatchError extends Error {
  constructor(readonly expected: string, readonly found: string) {
    super(`this journal belongs to the catalogue ${found}, not ${expected}`);
  }
}

export interface SyncJournal extends SyncStore {
  readonly path: string;
  readonly header: JournalHeader;
  close(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<journal>.lock` (`O_EXCL`); a lock left by a dead process is taken over. */
async function acquireLock(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new JournalLockedError(lockPath, pid);
    await unlink(lockPath).catch(() => {});
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

export async function openJournal(path: string, options: { catalogue: string; now?: () => Date }): Promise<SyncJournal> {
  const lockPath = `${path}.lock`;
  await acquireLock(lockPath);
  let handle: FileHandle | undefined;
  try {
    const records = new Map<string, string>();
    let header: JournalHeader | undefined;
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // A torn tail (killed mid-write) is not a record: cut it so the next append starts on a clean line.
    const complete = text.lastIndexOf('\n') + 1;
    for (const line of text.slice(0, complete).split('\n')) {
      if (line.trim() === '') continue;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      const value = entry as { t?: string; record?: SyncRecord } & Partial<JournalHeader>;
      if (value.t === 'journal') header = value as JournalHeader;
      else if (value.t === 'record' && value.record) records.set(value.record.applicationId, JSON.stringify(value.record));
    }
    if (header && header.catalogue !== options.catalogue) throw new JournalMismatchError(options.catalogue, header.catalogue);
    handle = await open(path, complete < text.length ? 'r+' : 'a');
    if (complete < text.length) {
      await handle.truncate(Buffer.byteLength(text.slice(0, complete)));
      await handle.close();
      handle = await open(path, 'a');
    }
    const file = handle;
    if (!header) {
      header = { t: 'journal', v: 1, catalogue: options.catalogue, createdAt: (options.now?.() ?? new Date()).toISOString() };
      await file.appendFile(`${JSON.stringify(header)}\n`);
      await file.sync();
    }

    // Group commit: lines queued while a write+fsync is in flight go out together in the next one.
    let queue: { line: string; done: () => void; failed: (error: unknown) => void }[] = [];
    let flushing = false;
    const flush = async () => {
      flushing = true;
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        try {
          await file.appendFile(batch.map((item) => item.line).join(''));
          await file.sync();
          for (const item of batch) item.done();
        } catch (error) {
          for (const item of batch) item.failed(error);
        }
      }
      flushing = false;
    };
    const read = (text: string) => JSON.parse(text) as SyncRecord;
    const journalHeader = header;
    let closed = false;
    return {
      path,
      header: journalHeader,
      list: () => Promise.resolve([...records.values()].map(read)),
      get: (applicationId) => {
        const stored = records.get(applicationId);
        return Promise.resolve(stored === undefined ? undefined : read(stored));
      },
      put: (record) =>
        new Promise<void>((resolve, reject) => {
          if (closed) return reject(new Error('the journal is closed'));
          const serialised = JSON.stringify(record);
          queue.push({
            line: `${JSON.stringify({ t: 'record', record })}\n`,
            done: () => {
              records.set(record.applicationId, serialised);
              resolve();
            },
            failed: reject,
          });
          if (!flushing) void flush();
        }),
      readFile: async (_job: SyncJob, syncFile: SyncFile) => new Uint8Array(await readFile(syncFile.id)),
      close: async () => {
        if (closed) return;
        closed = true;
        while (flushing) await new Promise((resolve) => setTimeout(resolve, 5));
        await file.close();
        await unlink(lockPath).catch(() => {});
      },
    };
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(lockPath).catch(() => {});
    throw error;
  }
}
