/**
 * The catalogue-copy worker: downloads the export feed (pages fetched by the page through the bridge, handed
 * over a MessagePort), imports a `.ncgsnap` file into IndexedDB, compacts the copy after updates and writes the
 * held copy as a `.ncgsnap`, off the page's thread. The page runs one call at a time (a Web Lock across windows).
 */
import * as Comlink from 'comlink';
import type { ExportPageRequest, ExportPageResult } from '../../shared/catalogue-export-call.ts';
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
    return coded(() => downloadCopy(database(input.databaseName), (request) => remote.page(request), job, { limit: input.limit })).finally(() => {
      remote[Comlink.releaseProxy]();
      input.port.close();
    });
  },
  importSnapshot(input: { file: Blob; databaseName?: string }, job: Job<CopyProgress>) {
    return coded(() => importSnapshotFile(database(input.databaseName), input.file, job));
  },
  /** The held copy as a `.ncgsnap` file's bytes (moved to the page, not copied). */
  writeSnapshot(input: { databaseName?: string }, job: Job<CopyProgress>) {
    return coded(async () => {
      const bytes = await snapshotOfCopy(database(input.databaseName), job);
      return transfer({ bytes }, [bytes.buffer]);
    });
  },
};

export type CatalogueCopyApi = typeof api;
exposeWorker(api);
