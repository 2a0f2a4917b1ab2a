import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, PreviewRow } from './import-protocol.ts';
import { ProblemText } from './ProblemText.tsx';

type RowFilter = 'all' | 'errors' | 'warnings' | 'alreadyImported';

const filters: Record<RowFilter, (row: PreviewRow) => boolean> = {
  all: () => true,
  errors: (row) => row.severity === 'error',
  warnings: (row) => row.problems.some((problem) => problem.severity === 'warning'),
  alreadyImported: (row) => row.alreadyImported,
};

/** What the officer chose to import. */
export interface ImportChoiceMade {
  onlyValid: boolean;
  reimport: boolean;
  total: number;
}

/** The counts above the rows: what the officer decides on. */
function Counts({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { counts } = preview;
  return (
    <dl className="import-counts" data-testid="import-counts">
      <dt>{t('importer.preview.counts.rows')}</dt>
      <dd data-testid="count-rows">{counts.rows}</dd>
      <dt>{t('importer.preview.counts.errors')}</dt>
      <dd data-testid="count-errors">{counts.rowsWithErrors}</dd>
      <dt>{t('importer.preview.counts.warnings')}</dt>
      <dd data-testid="count-warnings">{counts.rowsWithWarnings}</dd>
      <dt>{t('importer.preview.counts.clean')}</dt>
      <dd data-testid="count-clean">{counts.clean}</dd>
      {counts.alreadyImported > 0 && (
        <>
          <dt>{t('importer.preview.counts.alreadyImported')}</dt>
          <dd data-testid="count-already-imported">{counts.alreadyImported}</dd>
        </>
      )}
    </dl>
  );
}

/** Every row with its problems, virtualised: a file of thousands of rows renders only what is on screen. */
function PreviewRows({ rows }: { rows: readonly PreviewRow[] }) {
  const { t, i18n } = useTranslation();
  // As in the applications list: the Kazakh name in the Kazakh interface, else the Russian one.
  const nameOf = (row: PreviewRow) => (i18n.language === 'kk' ? row.nameKk || row.nameRu : row.nameRu || row.nameKk);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 48, overscan: 8 });
  if (rows.length === 0) return <p>{t('importer.preview.nothingShown')}</p>;
  return (
    <div className="preview-table" role="table" aria-label={t('importer.preview.title')} aria-rowcount={rows.length}>
      <div className="preview-row preview-head" role="row">
        <span role="columnheader">{t('importer.preview.row')}</span>
        <span role="columnheader">{t('importer.preview.name')}</span>
        <span role="columnheader">{t('importer.preview.gtin')}</span>
        <span role="columnheader">{t('importer.preview.problems')}</span>
      </div>
      <div ref={scrollRef} className="preview-body" data-testid="preview-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                className={`preview-row ${row.severity}${row.alreadyImported ? ' already-imported' : ''}`}
                data-row={row.row}
                data-already-imported={row.alreadyImported || undefined}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${String(item.start)}px)` }}
              >
                <span role="cell" className="row-number">{row.row}</span>
                <span role="cell" className="name" title={nameOf(row)}>
                  {nameOf(row) || t('importer.preview.noName')}
                </span>
                <span role="cell">{row.gtin}</span>
                <span role="cell">
                  {row.alreadyImported && (
                    <span className="problem already" data-testid="already-imported">
                      {t('importer.preview.alreadyImported')}
                    </span>
                  )}
                  {row.problems.length === 0 ? (
                    <span className="problem ok">{t('importer.preview.noProblems')}</span>
                  ) : (
                    <ul className="row-problems">
                      {row.problems.map((problem, index) => (
                        <li key={index}>
                          <ProblemText problem={problem} />
                        </li>
                      ))}
                    </ul>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Which rows to import, and the button. Only rows without errors is the default: nothing broken goes in unasked. */
function ImportChoice({ preview, onImport }: { preview: ImportPreview; onImport: (choice: ImportChoiceMade) => void }) {
  const { t } = useTranslation();
  const [onlyValid, setOnlyValid] = useState(true);
  // Rows already on this computer are left out unless the officer asks for them again.
  const [reimport, setReimport] = useState(false);
  const { counts } = preview;
  const valid = reimport ? counts.rows - counts.rowsWithErrors : counts.validNew;
  const all = reimport ? counts.rows : counts.rows - counts.alreadyImported;
  const total = onlyValid ? valid : all;
  return (
    <fieldset className="import-choice">
      <legend>{t('importer.preview.choice')}</legend>
      <label>
        <input type="radio" name="import-rows" checked={onlyValid} onChange={() => setOnlyValid(true)} data-testid="import-only-valid" />
        {t('importer.preview.onlyValid', { count: valid })}
      </label>
      <label>
        <input type="radio" name="import-rows" checked={!onlyValid} onChange={() => setOnlyValid(false)} data-testid="import-all" />
        {t('importer.preview.all', { count: all })}
      </label>
      {counts.alreadyImported > 0 && (
        <label>
          <input type="checkbox" checked={reimport} onChange={(event) => setReimport(event.target.checked)} data-testid="import-reimport" />
          {t('importer.preview.reimport', { count: counts.alreadyImported })}
        </label>
      )}
      {total === 0 && <p className="import-error-text">{t(counts.alreadyImported > 0 && !reimport ? 'importer.preview.nothingNew' : 'importer.preview.nothingToImport')}</p>}
      <div className="import-actions">
        <button type="button" className="import-primary" data-testid="import-start" disabled={total === 0} onClick={() => onImport({ onlyValid, reimport, total })}>
          {t('importer.preview.start')} ({total})
        </button>
      </div>
    </fieldset>
  );
}

export function PreviewStep({ preview, onImport }: { preview: ImportPreview; onImport: (choice: ImportChoiceMade) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowFilter>('all');
  const shown = useMemo(() => preview.rows.filter(filters[filter]), [preview.rows, filter]);
  return (
    <section aria-labelledby="preview-title" className="import-step">
      <h2 id="preview-title">{t('importer.preview.title')}</h2>
      <Counts preview={preview} />
      {preview.fileProblems.length > 0 && (
        <div className="file-problems" data-testid="file-problems">
          <h3>{t('importer.preview.fileProblems')}</h3>
          <ul>
            {preview.fileProblems.map((problem, index) => (
              <li key={index}>
                {t('importer.preview.row')} {problem.row}: <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <ImportChoice preview={preview} onImport={onImport} />
      <label className="preview-filter">
        {t('importer.preview.show')}{' '}
        <select value={filter} onChange={(event) => setFilter(event.target.value as RowFilter)} data-testid="preview-filter">
          {(Object.keys(filters) as RowFilter[]).map((key) => (
            <option key={key} value={key}>
              {t(`importer.preview.filter.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <PreviewRows key={filter} rows={shown} />
    </section>
  );
}
