import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { todayIso } from '../applications/validation-context.ts';
import { createImportClient, ImportWorkerError } from './import-client.ts';
import { failureCodes } from './import-protocol.ts';

const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; location: string } | { kind: 'notSaved' } | { kind: 'failed'; message: string };

/**
 * Exports the selected applications to XLSX in the import layout: the worker writes the workbook (every value
 * as text, formula-looking values escaped), the bridge saves it (a save dialog on the desktop, a download in
 * the web twin).
 */
export function ExportSelectedButton({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const exportSelected = async () => {
    setState({ kind: 'working' });
    // A worker for this one export: the page's import session, if any, is left alone.
    const client = createImportClient();
    try {
      const { bytes } = await client.call('export', { ids: [...ids] });
      const saved = await bridge.files.save({ suggestedName: `applications-${todayIso()}.xlsx`, mimeType: xlsxMimeType, bytes });
      setState(saved.saved ? { kind: 'saved', location: saved.location ?? '' } : { kind: 'notSaved' });
    } catch (error) {
      const message = error instanceof ImportWorkerError && error.code === failureCodes.noSchemas ? t('importer.export.noSchemas') : error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', message });
    } finally {
      client.dispose();
    }
  };

  return (
    <>
      <button type="button" data-testid="export-selected" disabled={state.kind === 'working' || ids.length === 0} onClick={() => void exportSelected()}>
        {state.kind === 'working' ? t('importer.export.working') : t('importer.export.button', { count: ids.length })}
      </button>
      {state.kind === 'saved' && <span role="status" data-testid="export-status">{t('importer.export.saved', { location: state.location })}</span>}
      {state.kind === 'notSaved' && <span role="status" data-testid="export-status">{t('importer.export.notSaved')}</span>}
      {state.kind === 'failed' && <span role="alert" data-testid="export-status">{t('importer.export.failed', { message: state.message })}</span>}
    </>
  );
}
