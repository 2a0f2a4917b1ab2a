import { useTranslation } from 'react-i18next';
import { formatProgress } from '../../app/format.ts';
import { navigate, routeHref } from '../../app/router.ts';
import { FileDrop } from './FileDrop.tsx';
import type { FileAnalysis } from './import-protocol.ts';
import './import.css';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ProblemText } from './ProblemText.tsx';
import { useImportFlow, type ImportStep, type MappingSource } from './use-import-flow.ts';

/** Bulk import of applications from a CSV or XLSX file (route `#/applications/import`). */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const flow = useImportFlow();
  const { state } = flow;

  return (
    <>
      <p>
        <a href={routeHref('applications')}>← {t('importer.back')}</a>
      </p>
      <h1>{t('importer.title')}</h1>
      {state.step === 'choose' && (
        <>
          <p>{t('importer.intro')}</p>
          <FileDrop onFile={(file) => void flow.openFile(file)} onPicked={(picked) => void flow.openPicked(picked)} />
        </>
      )}
      {state.step === 'working' && <Working state={state} />}
      {state.step === 'failed' && <Failed state={state} onAnother={flow.reset} />}
      {state.step === 'noSchemas' && (
        <div className="notice" role="alert" data-testid="import-no-schemas">
          <p>{t('importer.schemas.missing')}</p>
          <p>
            <a href={routeHref('settings')}>{t('importer.schemas.openSettings')}</a>
          </p>
        </div>
      )}
      {state.step === 'mapping' && (
        <>
          <FileSummary analysis={state.analysis} onAnother={flow.reset} />
          <MappingStep analysis={state.analysis} initial={state.mapping} onConfirm={(mapping) => void flow.confirmMapping(state.analysis, mapping)} onCancel={flow.reset} />
        </>
      )}
      {state.step === 'preview' && (
        <>
          <FileSummary analysis={state.analysis} onAnother={flow.reset} />
          <MappingNote source={state.source} onChange={() => flow.editMapping(state.analysis, state.mapping)} />
          {state.preview.categoriesWithoutSchema.length > 0 && (
            <p className="notice" data-testid="categories-without-schema">
              {t('importer.schemas.govMissing', { codes: state.preview.categoriesWithoutSchema.join(', ') })}
            </p>
          )}
          <PreviewStep preview={state.preview} onImport={(choice) => void flow.startImport(choice)} />
        </>
      )}
      {state.step === 'importing' && (
        <section className="import-step" aria-busy="true">
          <p role="status" data-testid="import-progress" data-done={state.progress.done} data-total={state.progress.total}>
            <progress max={state.progress.total || 1} value={state.progress.done} /> {t('importer.progress.label', { progress: formatProgress(state.progress.done, state.progress.total, i18n.language) })}
          </p>
          <p className="hint">{t('importer.leaveWarning')}</p>
          <button type="button" onClick={flow.stop} data-testid="import-stop">
            {t('importer.progress.stop')}
          </button>
        </section>
      )}
      {state.step === 'done' && (
        <section className="import-step" data-testid="import-done">
          <h2>{t('importer.done.title')}</h2>
          <p role="status">{state.result.stopped ? t('importer.done.stopped', { count: state.result.imported }) : t('importer.done.imported', { count: state.result.imported })}</p>
          {state.result.skipped > 0 && <p>{t('importer.done.skipped', { count: state.result.skipped })}</p>}
          {state.result.alreadyImported > 0 && <p data-testid="import-done-already">{t('importer.done.alreadyImported', { count: state.result.alreadyImported })}</p>}
          <div className="import-actions">
            <button type="button" className="import-primary" data-testid="import-open-list" onClick={() => navigate('applications')}>
              {t('importer.done.open')}
            </button>
            <button type="button" onClick={flow.reset}>
              {t('importer.done.another')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}

function Working({ state }: { state: Extract<ImportStep, { step: 'working' }> }) {
  const { t, i18n } = useTranslation();
  return (
    <p role="status" aria-busy="true" data-testid="import-working">
      {/* Downloads are counted; reading and checking are one step each, shown as busy. */}
      {state.progress?.phase === 'schemas' || state.progress?.phase === 'files' ? <progress max={state.progress.total} value={state.progress.done} /> : <progress />}{' '}
      {t(`importer.working.${state.activity}`, { fileName: state.fileName, progress: formatProgress(state.progress?.done ?? 0, state.progress?.total ?? 0, i18n.language) })}
    </p>
  );
}

function Failed({ state, onAnother }: { state: Extract<ImportStep, { step: 'failed' }>; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="import-step import-failed" role="alert" data-testid="import-failed">
      <h2>{t('importer.failed.title')}</h2>
      {state.fileName && <p className="file-name">{state.fileName}</p>}
      <ul>
        {state.problems.map((problem, index) => (
          <li key={index}>
            <ProblemText problem={problem} />
          </li>
        ))}
        {state.code !== undefined && <li data-code={state.code}>{t(`importer.errors.${state.code}`)}</li>}
      </ul>
      {state.nothingChanged && <p>{t('importer.failed.nothingChanged')}</p>}
      <button type="button" onClick={onAnother}>
        {t('importer.file.another')}
      </button>
    </section>
  );
}

function FileSummary({ analysis, onAnother }: { analysis: FileAnalysis; onAnother: () => void }) {
  const { t } = useTranslation();
  const delimiter = analysis.delimiter === '\t' ? t('importer.file.tab') : `«${analysis.delimiter ?? ''}»`;
  return (
    <div className="file-summary" data-testid="file-summary">
      <strong>{t('importer.file.summary', { fileName: analysis.fileName, rows: analysis.rowCount })}</strong>
      <span>
        {analysis.format === 'csv'
          ? t('importer.file.csv', { encoding: (analysis.encoding ?? '').toUpperCase(), delimiter })
          : t('importer.file.xlsx', { sheet: analysis.sheetName ?? '' })}
      </span>
      <button type="button" onClick={onAnother}>
        {t('importer.file.another')}
      </button>
    </div>
  );
}

function MappingNote({ source, onChange }: { source: MappingSource; onChange: () => void }) {
  const { t } = useTranslation();
  if (source === 'default') return <p data-testid="mapping-note" data-source={source}>{t('importer.mapping.defaultLayout')}</p>;
  return (
    <p data-testid="mapping-note" data-source={source}>
      {source === 'remembered' ? `${t('importer.mapping.remembered')} ` : ''}
      <button type="button" className="import-link" onClick={onChange}>
        {t('importer.mapping.change')}
      </button>
    </p>
  );
}
