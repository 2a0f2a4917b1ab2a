/**
 * The catalogue-copy worker: downloads the export feed (pages fetched by the page through the bridge, handed
 * over a MessagePort), imports a `.ncgsnap` file into IndexedDB, compacts the copy after updates, writes the held
 * copy as a `.ncgsnap` and reads the copy's key map for the page's lookups, off the page's thread. The page runs
 * one writing call at a time (a Web Lock across windows).
 */
import * as Comlink from 'comlink';
import type { ExportPageRequest, ExportPageResult } from '../../shared/catalogue-export-call.ts';
import { readCopyKeyMap } from '../db/copy-lookup.ts';
import { openDatabase, type NcgDatabase } from '../db/database.ts';
import { CopyRunError, downloadCopy, importSnapshotFile, snapshotOfCopy, type CopyProgress } from '../features/inspection/copy-sync.ts';
import { exposeWorker, transfer, WorkerError, type Job } from './rpc.ts';

/** What the page serves on the port it hands over: one export page per call. */
export interface ExportPageEndpoint {
  page(request: ExportPageRequest): Promise<ExportPageResult>;
}

const databases = new Map<string, NcgDatabase>();
function database(name: string | undefined): NcgDatabase {
  const key = name ?? '';
  let db = databases.get(key);
  if (!db) {
    db = name ? openDatabase(name) : openDatabase();
    databases.set(key, db);
  }
  return db;
}

/**
 * Every run holds this worker's own Web Lock on the database while it writes. The page's lock ends with the
 * page; a worker of a page just closed or reloaded may still be committing a page of the feed for a moment,
 * and the next page's worker must not start from a resume point that is about to move (its pages would be
 * stored twice). Locks of a worker are released when it is gone.
 */
async function exclusive<T>(db: NcgDatabase, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  let result!: T;
  await locks.request(`ncg-catalogue-copy-writer:${db.name}`, async () => {
    result = await run();
  });
  return result;
}

/** A CopyRunError crosses as WorkerError(code, JSON of its parameters). */
async function coded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CopyRunError) throw new WorkerError(error.code, error.message);
    throw error;
  }
}

const api = {
  download(input: { port: MessagePort; limit?: number; databaseName?: string }, job: Job<CopyProgress>) {
    const remote = Comlink.wrap<ExportPageEndpoint>(input.port);
    const db = database(input.databaseName);
    return coded(() => exclusive(db, () => downloadCopy(db, (request) => remote.page(request), job, { limit: input.limit }))).finally(() => {
      remote[Comlink.releaseProxy]();
      input.port.close();
    });
  },
  importSnapshot(input: { file: Blob; databaseName?: string }, job: Job<CopyProgress>) {
    const db = database(input.databaseName);
    return coded(() => exclusive(db, () => importSnapshotFile(db, input.file, job)));
  },
  /** The held copy as a `.ncgsnap` file's bytes (moved to the page, not copied). */
  writeSnapshot(input: { databaseName?: string }, job: Job<CopyProgress>) {
    return coded(async () => {
      const db = database(input.databaseName);
      const bytes = await exclusive(db, () => snapshotOfCopy(db, job));
      return transfer({ bytes }, [bytes.buffer]);
    });
  },
  /**
   * The copy's key map (see db/copy-lookup.ts), moved to the page. A read: it runs beside a download or an import
   * (the map then comes with an old stamp and is asked for again later).
   */
  keyMap(input: { databaseName?: string }) {
    return coded(async () => {
      const map = await readCopyKeyMap(database(input.databaseName));
      return transfer(map, [map.starts.buffer, map.keys.buffer, map.refs.buffer]);
    });
  },
};

export type CatalogueCopyApi = typeof api;
exposeWorker(api);
