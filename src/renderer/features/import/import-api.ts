/**
 * What the import worker offers the page (through workers/rpc.ts). One session per database per worker: the
 * page keeps a worker per import page, and names its database in each call (a test's scratch database, or the
 * app's). Calls that may need the catalogue take a port from `openCataloguePort`.
 */
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { catalogueOverPort } from '../../workers/catalogue-port.ts';
import { transfer, type Job } from '../../workers/rpc.ts';
import { exportApplications } from './export-drafts.ts';
import type { FolderFile } from './folder-files.ts';
import type { CommitOptions, CommitResult, ExportResult, FileVerdict, ImportPreview, ImportProgress, OpenOutcome } from './import-protocol.ts';
import { ImportSession } from './import-session.ts';

async function withCatalogue<Result>(port: MessagePort | undefined, work: (call: ReturnType<typeof catalogueOverPort> | undefined) => Promise<Result>): Promise<Result> {
  try {
    return await work(port ? catalogueOverPort(port) : undefined);
  } finally {
    port?.close();
  }
}

/** Which database a call works on (`NcgDatabase.name`). */
interface OnDatabase {
  database: string;
}

export function createImportApi(openDatabase: (name: string) => NcgDatabase) {
  const sessions = new Map<string, ImportSession>();
  const sessionOf = (name: string): ImportSession => {
    let session = sessions.get(name);
    if (!session) {
      session = new ImportSession(openDatabase(name));
      sessions.set(name, session);
    }
    return session;
  };
  return {
    /**
     * Read → analyse → fetch missing schemas → check, as far as the file allows without the officer. `folder`:
     * the files chosen with the sheet (by path relative to its folder), which its photo and document columns name.
     */
    open(input: OnDatabase & { file: File; folder?: FolderFile[] | undefined; today: string; catalogue?: MessagePort | undefined }, job: Job<ImportProgress>): Promise<OpenOutcome> {
      return withCatalogue(input.catalogue, (call) => sessionOf(input.database).open(input.file, input.today, call, job, input.folder));
    },
    /** What the page found looking deeper at the sheet's files (decoding, PDF parsing): row problems, and a new preview. */
    fileVerdicts(input: OnDatabase & { verdicts: FileVerdict[] }): Promise<ImportPreview> {
      return Promise.resolve(sessionOf(input.database).applyFileVerdicts(input.verdicts));
    },
    /** Checks the rows with the officer's mapping (remembered for these headers). */
    check(input: OnDatabase & { mapping: ColumnMapping; catalogue?: MessagePort | undefined }, job: Job<ImportProgress>): Promise<ImportPreview> {
      return withCatalogue(input.catalogue, (call) => sessionOf(input.database).checkChosen(input.mapping, call, job));
    },
    /** Saves the checked rows as one recorded batch; aborting the call stops after the current chunk. */
    commit(input: OnDatabase & CommitOptions, job: Job<ImportProgress>): Promise<CommitResult> {
      return sessionOf(input.database).commit(input, job);
    },
    /** Selected applications → XLSX bytes, moved to the page. */
    async exportDrafts(input: OnDatabase & { ids: string[] }): Promise<ExportResult> {
      const result = await exportApplications(openDatabase(input.database), input.ids);
      return transfer(result, [result.bytes.buffer]);
    },
  };
}

export type ImportWorkerApi = ReturnType<typeof createImportApi>;
