/**
 * The import page's steps as one state machine: choose a file → (match columns) → preview → import → done.
 * The heavy work happens in the worker; this hook only moves between steps and keeps what each step shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { appDatabase } from '../../db/database.ts';
import { todayIso } from '../applications/validation-context.ts';
import { fetchMissingGovSchemas } from './fetch-schemas.ts';
import { createImportClient, type ImportClient } from './import-client.ts';
import type { CommitResult, FileAnalysis, ImportPreview, ShownProblem, WorkerProgress } from './import-protocol.ts';
import { loadSavedMapping, saveMapping } from './saved-mappings.ts';

/** Where the mapping of the previewed file came from. */
export type MappingSource = 'default' | 'remembered' | 'chosen';

export type ImportStep =
  | { step: 'choose' }
  | { step: 'working'; activity: 'reading' | 'checking' | 'schemas'; fileName: string }
  | { step: 'failed'; fileName: string; problems: ShownProblem[]; message?: string | undefined; nothingChanged: boolean }
  | { step: 'noSchemas'; fileName: string }
  | { step: 'mapping'; analysis: FileAnalysis; mapping: ColumnMapping }
  | { step: 'preview'; analysis: FileAnalysis; mapping: ColumnMapping; source: MappingSource; preview: ImportPreview }
  | { step: 'importing'; progress: WorkerProgress }
  | { step: 'done'; result: CommitResult };

export interface ImportFlow {
  state: ImportStep;
  openFile(file: File): Promise<void>;
  confirmMapping(analysis: FileAnalysis, mapping: ColumnMapping): Promise<void>;
  editMapping(analysis: FileAnalysis, mapping: ColumnMapping): void;
  startImport(onlyValid: boolean, total: number): Promise<void>;
  stop(): void;
  reset(): void;
}

export function useImportFlow(): ImportFlow {
  const bridge = useBridge();
  const db = appDatabase();
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const clientRef = useRef<ImportClient | null>(null);
  // Categories whose extended schema was already asked for: a second file need not wait for them again.
  const askedCategories = useRef(new Set<string>());

  useEffect(() => {
    const client = createImportClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  const client = useCallback((): ImportClient => {
    if (!clientRef.current) throw new Error('the import page is closed');
    return clientRef.current;
  }, []);

  /** Downloads extended schemas not asked for yet; true when any arrived (then the file is looked at again). */
  const fetchSchemas = useCallback(
    async (fileName: string, codes: readonly string[]): Promise<boolean> => {
      const fresh = codes.filter((code) => !askedCategories.current.has(code));
      if (fresh.length === 0) return false;
      for (const code of fresh) askedCategories.current.add(code);
      setState({ step: 'working', activity: 'schemas', fileName });
      return (await fetchMissingGovSchemas(bridge, db, fresh)) > 0;
    },
    [bridge, db],
  );

  const fail = useCallback((fileName: string, error: unknown, nothingChanged = true) => {
    setState({ step: 'failed', fileName, problems: [], message: error instanceof Error ? error.message : String(error), nothingChanged });
  }, []);

  const preview = useCallback(
    async (analysis: FileAnalysis, mapping: ColumnMapping, source: MappingSource) => {
      setState({ step: 'working', activity: 'checking', fileName: analysis.fileName });
      try {
        let checked = await client().call('validate', { mapping });
        if (await fetchSchemas(analysis.fileName, checked.categoriesWithoutSchema)) {
          setState({ step: 'working', activity: 'checking', fileName: analysis.fileName });
          checked = await client().call('validate', { mapping });
        }
        setState({ step: 'preview', analysis, mapping, source, preview: checked });
      } catch (error) {
        fail(analysis.fileName, error);
      }
    },
    [client, fetchSchemas, fail],
  );

  const openFile = useCallback(
    async (file: File) => {
      const fileName = file.name;
      setState({ step: 'working', activity: 'reading', fileName });
      try {
        // The File itself goes to the worker (a handle, not a copy): the page never holds the bytes.
        let analysis = await client().call('read', { file, today: todayIso() });
        if (analysis.fatal.length > 0) return setState({ step: 'failed', fileName, problems: analysis.fatal, nothingChanged: true });
        if (analysis.schemasMissing) return setState({ step: 'noSchemas', fileName });
        if (await fetchSchemas(fileName, analysis.categoriesWithoutSchema)) analysis = await client().call('analyse', {});
        if (analysis.isDefaultLayout) return await preview(analysis, analysis.suggestedMapping, 'default');
        const remembered = await loadSavedMapping(db, analysis.headerSignature, analysis.headers);
        if (remembered) return await preview(analysis, remembered, 'remembered');
        setState({ step: 'mapping', analysis, mapping: analysis.suggestedMapping });
      } catch (error) {
        fail(fileName, error);
      }
    },
    [client, db, fetchSchemas, preview, fail],
  );

  const confirmMapping = useCallback(
    async (analysis: FileAnalysis, mapping: ColumnMapping) => {
      try {
        await saveMapping(db, analysis.headerSignature, analysis.headers, mapping);
      } catch (error) {
        return fail(analysis.fileName, error);
      }
      await preview(analysis, mapping, 'chosen');
    },
    [db, preview, fail],
  );

  const editMapping = useCallback((analysis: FileAnalysis, mapping: ColumnMapping) => setState({ step: 'mapping', analysis, mapping }), []);

  const startImport = useCallback(
    async (onlyValid: boolean, total: number) => {
      setState({ step: 'importing', progress: { done: 0, total } });
      try {
        const result = await client().call('commit', { onlyValid, now: Date.now() }, { onProgress: (progress) => setState({ step: 'importing', progress }) });
        setState({ step: 'done', result });
      } catch (error) {
        // Whole batches before the failure are saved (each batch is one transaction): the list shows them.
        fail('', error, false);
      }
    },
    [client, fail],
  );

  return {
    state,
    openFile,
    confirmMapping,
    editMapping,
    startImport,
    stop: () => clientRef.current?.stop(),
    reset: () => setState({ step: 'choose' }),
  };
}
