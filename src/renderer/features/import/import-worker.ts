/**
 * The import worker: reading, validating and saving thousands of rows, and writing the export, away from the
 * UI thread. It opens the same IndexedDB database as the page (Dexie tells the page's live queries about
 * what it writes). One session per worker: the page starts a worker per import page.
 */
import { appDatabase } from '../../db/database.ts';
import { exportApplications, ExportRefusal } from './export-drafts.ts';
import type { FromWorker, ImportCalls, ToWorker, WorkerProgress } from './import-protocol.ts';
import { ImportSession, SessionError } from './import-session.ts';

/** The worker's global scope, typed here because the page's TypeScript lib is DOM, not WebWorker. */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

const db = appDatabase();
const session = new ImportSession(db);
let stopRequested = false;

type Answer<K extends keyof ImportCalls> = Promise<ImportCalls[K]['result']>;

async function handle(message: Exclude<ToWorker, { kind: 'stop' }>, progress: (value: WorkerProgress) => void): Answer<typeof message.kind> {
  switch (message.kind) {
    case 'read':
      return session.read(message.request.file, message.request.today);
    case 'analyse':
      return session.analyse();
    case 'validate':
      return session.validate(message.request.mapping);
    case 'commit':
      stopRequested = false;
      return session.commit(message.request.onlyValid, message.request.now, progress, () => stopRequested);
    case 'export':
      return exportApplications(db, message.request.ids);
  }
}

/** The export's bytes move to the page instead of being copied (a workbook of 10,000 rows is megabytes). */
function transferables(result: unknown): Transferable[] {
  return result !== null && typeof result === 'object' && 'bytes' in result && result.bytes instanceof Uint8Array ? [result.bytes.buffer] : [];
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'stop') {
    stopRequested = true;
    return;
  }
  const { id } = message;
  handle(message, (progress) => scope.postMessage({ id, type: 'progress', progress })).then(
    (result) => scope.postMessage({ id, type: 'result', result }, transferables(result)),
    (error: unknown) => {
      const code = error instanceof SessionError || error instanceof ExportRefusal ? error.code : 'failed';
      scope.postMessage({ id, type: 'failure', code, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
