/**
 * The import page's steps as one state machine: choose a file → (match columns) → preview → import → done.
 * The heavy work happens in the worker, which also fetches missing schemas itself through a catalogue port;
 * this hook only moves between steps and keeps what each step shows. Failures arrive as codes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
import { localToday } from '../../../shared/i18n/format.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { useDatabase } from '../../db/context.tsx';
import { recoverInterruptedImports } from '../../db/import-batches.ts';
import { openCataloguePort } from '../../workers/catalogue-port.ts';
import { transfer, WorkerError } from '../../workers/rpc.ts';
import { lookAtFiles } from './check-files.ts';
import { sheetWithFiles, type FolderFile, type PickedFile } from './folder-files.ts';
import { connectImportWorker, type ImportWorker } from './import-client.ts';
import {
  importFailureCode,
  type CommitResult,
  type FileAnalysis,
  type ImportFailureCode,
  type ImportPreview,
  type ImportProgress,
  type MappingSource,
  type PreparedFile,
  type ShownProblem,
} from './import-protocol.ts';

export type { MappingSource } from './import-protocol.ts';

export type ImportStep =
  | { step: 'choose' }
  | { step: 'working'; activity: 'reading' | 'checking' | 'schemas' | 'files'; fileName: string; progress?: ImportProgress | undefined }
  | { step: 'failed'; fileName: string; problems: ShownProblem[]; code?: ImportFailureCode | undefined; nothingChanged: boolean }
  | { step: 'noSchemas'; fileName: string }
  | { step: 'mapping'; analysis: FileAnalysis; mapping: ColumnMapping }
  | { step: 'preview'; analysis: FileAnalysis; mapping: ColumnMapping; source: MappingSource; preview: ImportPreview }
  | { step: 'importing'; progress: { done: number; total: number } }
  | { step: 'done'; result: CommitResult };

export interface ImportFlow {
  state: ImportStep;
  openFile(file: File, folder?: FolderFile[]): Promise<void>;
  /** A folder picked, or files dropped: the spreadsheet among them is read, the others are its photos and PDFs. */
  openPicked(picked: PickedFile[]): Promise<void>;
  confirmMapping(analysis: FileAnalysis, mapping: ColumnMapping): Promise<void>;
  editMapping(analysis: FileAnalysis, mapping: ColumnMapping): void;
  startImport(options: { onlyValid: boolean; reimport: boolean; total: number }): Promise<void>;
  stop(): void;
  reset(): void;
}

function failureCodeOf(error: unknown): ImportFailureCode {
  return error instanceof WorkerError ? importFailureCode(error.code) : 'failed';
}

/** Asks the browser to confirm leaving while `active` (the text is the browser's own; ours is shown on the page). */
function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and so some Electron versions) asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export function useImportFlow(): ImportFlow {
  const bridge = useBridge();
  const db = useDatabase();
  const database = db.name;
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const workerRef = useRef<ImportWorker | null>(null);
  const stopRef = useRef<AbortController | null>(null);
  // The sheet's photos and PDFs: as chosen (by path), and prepared for storing once looked at.
  const folderRef = useRef(new Map<string, File>());
  const preparedRef = useRef<PreparedFile[]>([]);
  useLeaveWarning(state.step === 'importing');

  useEffect(() => {
    const worker = connectImportWorker();
    workerRef.current = worker;
    return () => {
      const importing = stopRef.current !== null;
      worker.dispose();
      workerRef.current = null;
      // Leaving the page mid-import ends its worker: undo what it saved (the shell says so) rather than keep half.
      if (importing) void recoverInterruptedImports(db).catch(() => undefined);
    };
  }, [db]);

  const worker = useCallback((): ImportWorker => {
    if (!workerRef.current) throw new WorkerError('disposed', 'the import page is closed');
    return workerRef.current;
  }, []);

  /** Runs a worker call that may need the catalogue, with a port of its own closed when the call ends. */
  const withCatalogue = useCallback(
    async <Result>(run: (port: MessagePort) => Promise<Result>): Promise<Result> => {
      const catalogue = openCataloguePort(bridge.catalogue);
      try {
        return await run(catalogue.port);
      } finally {
        catalogue.close();
      }
    },
    [bridge],
  );

  const showProgress = useCallback((fileName: string) => {
    return (progress: ImportProgress) => {
      if (progress.phase === 'saving') return;
      setState({ step: 'working', activity: progress.phase, fileName, progress });
    };
  }, []);

  const fail = useCallback((fileName: string, error: unknown, nothingChanged = true) => {
    setState({ step: 'failed', fileName, problems: [], code: failureCodeOf(error), nothingChanged });
  }, []);

  /** The page's look at the photos and PDFs the preview still names (decode, re-encode, open), reported to the worker. */
  const withFilesLookedAt = useCallback(
    async (fileName: string, preview: ImportPreview): Promise<ImportPreview> => {
      preparedRef.current = [];
      if (preview.files.length === 0) return preview;
      const look = await lookAtFiles(preview.files, folderRef.current, (done, total) =>
        setState({ step: 'working', activity: 'files', fileName, progress: { phase: 'files', done, total } }),
      );
      preparedRef.current = look.prepared;
      return worker().api.fileVerdicts({ database, verdicts: look.verdicts });
    },
    [worker, database],
  );

  const openFile = useCallback(
    async (file: File, folder: FolderFile[] = []) => {
      const fileName = file.name;
      setState({ step: 'working', activity: 'reading', fileName });
      folderRef.current = new Map(folder.map((entry) => [entry.path, entry.file]));
      try {
        // The File itself goes to the worker (a handle, not a copy): the page never holds the bytes.
        const outcome = await withCatalogue((port) =>
          worker().api.open(transfer({ database, file, folder, today: localToday(), catalogue: port }, [port]), { onProgress: showProgress(fileName) }),
        );
        switch (outcome.kind) {
          case 'unreadable':
            return setState({ step: 'failed', fileName, problems: outcome.analysis.fatal, nothingChanged: true });
          case 'noSchemas':
            return setState({ step: 'noSchemas', fileName });
          case 'mapping':
            return setState({ step: 'mapping', analysis: outcome.analysis, mapping: outcome.analysis.suggestedMapping });
          case 'preview': {
            const preview = await withFilesLookedAt(fileName, outcome.preview);
            return setState({ step: 'preview', analysis: outcome.analysis, mapping: outcome.mapping, source: outcome.source, preview });
          }
        }
      } catch (error) {
        fail(fileName, error);
      }
    },
    [worker, database, withCatalogue, showProgress, fail, withFilesLookedAt],
  );

  const openPicked = useCallback(
    async (picked: PickedFile[]) => {
      const found = sheetWithFiles(picked);
      if (!found) {
        setState({ step: 'failed', fileName: '', problems: [{ row: 1, field: '-', key: 'importer.choose.noSheet', severity: 'error' }], nothingChanged: true });
        return;
      }
      await openFile(found.sheet, found.files);
    },
    [openFile],
  );

  const confirmMapping = useCallback(
    async (analysis: FileAnalysis, mapping: ColumnMapping) => {
      setState({ step: 'working', activity: 'checking', fileName: analysis.fileName });
      try {
        const checked = await withCatalogue((port) => worker().api.check(transfer({ database, mapping, catalogue: port }, [port]), { onProgress: showProgress(analysis.fileName) }));
        const preview = await withFilesLookedAt(analysis.fileName, checked);
        setState({ step: 'preview', analysis, mapping, source: 'chosen', preview });
      } catch (error) {
        fail(analysis.fileName, error);
      }
    },
    [worker, database, withCatalogue, showProgress, fail, withFilesLookedAt],
  );

  const editMapping = useCallback((analysis: FileAnalysis, mapping: ColumnMapping) => setState({ step: 'mapping', analysis, mapping }), []);

  const startImport = useCallback(
    async ({ onlyValid, reimport, total }: { onlyValid: boolean; reimport: boolean; total: number }) => {
      const stopper = new AbortController();
      stopRef.current = stopper;
      setState({ step: 'importing', progress: { done: 0, total } });
      try {
        const result = await worker().api.commit(
          { database, onlyValid, reimport, now: Date.now(), files: preparedRef.current },
          { signal: stopper.signal, onProgress: (progress) => setState({ step: 'importing', progress: { done: progress.done, total: progress.total } }) },
        );
        preparedRef.current = [];
        folderRef.current = new Map();
        setState({ step: 'done', result });
      } catch (error) {
        // A failed write is rolled back by the worker; a crashed worker left its batch running: undo it now (its
        // lock went with it; the look-up also waits for other tabs' imports, so it runs in the background).
        void recoverInterruptedImports(db).catch(() => undefined);
        fail('', error, true);
      } finally {
        stopRef.current = null;
      }
    },
    [worker, db, database, fail],
  );

  return {
    state,
    openFile,
    openPicked,
    confirmMapping,
    editMapping,
    startImport,
    stop: () => stopRef.current?.abort(),
    reset: () => setState({ step: 'choose' }),
  };
}
