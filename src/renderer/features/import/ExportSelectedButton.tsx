import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/i18n/format.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { useDatabase } from '../../db/context.tsx';
import { WorkerError } from '../../workers/rpc.ts';
import { connectImportWorker } from './import-client.ts';
import { importFailureCode, type ImportFailureCode } from './import-protocol.ts';

const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; location: string } | { kind: 'notSaved' } | { kind: 'failed'; code: ImportFailureCode };

/**
 * Exports the selected applications to XLSX in the import layout: the worker writes the workbook (every value
 * as text, formula-looking values escaped), the bridge saves it (a save dialog on the desktop, a download in
 * the web twin).
 */
export function ExportSelectedButton({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const exportSelected = async () => {
    setState({ kind: 'working' });
    // A worker for this one export: the page's import session, if any, is left alone.
    const exporter = connectImportWorker();
    try {
      const { bytes } = await exporter.api.exportDrafts({ database: db.name, ids: [...ids] });
      const saved = await bridge.files.save({ suggestedName: `applications-${localToday()}.xlsx`, mimeType: xlsxMimeType, bytes });
      setState(saved.saved ? { kind: 'saved', location: saved.location ?? '' } : { kind: 'notSaved' });
    } catch (error) {
      // A worker failure has a code; the bridge's own (a refused save) is no worker's, and reads as "failed".
      setState({ kind: 'failed', code: error instanceof WorkerError ? importFailureCode(error.code) : 'failed' });
    } finally {
      exporter.dispose();
    }
  };

  return (
    <>
      <button type="button" data-testid="export-selected" disabled={state.kind === 'working' || ids.length === 0} onClick={() => void exportSelected()}>
        {state.kind === 'working' ? t('importer.export.working') : t('importer.export.button', { count: ids.length })}
      </button>
      {state.kind === 'saved' && <span role="status" data-testid="export-status">{t('importer.export.saved', { location: state.location })}</span>}
      {state.kind === 'notSaved' && <span role="status" data-testid="export-status">{t('importer.export.notSaved')}</span>}
      {state.kind === 'failed' && <span role="alert" data-testid="export-status">{state.code === 'noSchemas' ? t('importer.export.noSchemas') : t('importer.export.failed', { reason: t(`importer.errors.${state.code}`) })}</span>}
    </>
  );
}
