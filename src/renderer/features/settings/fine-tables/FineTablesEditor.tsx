import { useTranslation } from 'react-i18next';
import {
  isBlankRule,
  type FineRuleDraft,
  type FineTableColumn,
  type FineTableName,
  type FineTableProblem,
  type FineTablesDraft,
  type MciValueDraft,
} from '../../../../shared/inspection/index.ts';

interface EditorProps {
  draft: FineTablesDraft;
  problems: FineTableProblem[];
  onChange: (draft: FineTablesDraft) => void;
  onAddYear: () => void;
}

const perKinds = ['inspection', 'item'] as const;

/**
 * The two tables as editable grids: a row for every business category and offence (blank: no rule), and the
 * MCI values by year. Every cell is labelled with its column and row for assistive tools, and a
 * cell (or row) named by a problem is marked invalid; the problems themselves are listed under the tables.
 */
export function FineTablesEditor({ draft, problems, onChange, onAddYear }: EditorProps) {
  const { t } = useTranslation();
  const invalid = (table: FineTableName, row: number, column?: FineTableColumn) =>
    problems.some((problem) => problem.table === table && problem.row === row && (problem.column === column || problem.column === undefined));
  const column = (name: FineTableColumn) => t(`inspection.fine.column.${name}`);
  const cellLabel = (table: FineTableName, row: number, name: FineTableColumn) => `${t(`inspection.fine.table.${table}`)}, ${t('settingsUi.fines.rowNumber')} ${row}: ${column(name)}`;
  const setRule = (index: number, change: Partial<FineRuleDraft>) => onChange({ ...draft, rules: draft.rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)) });
  const setMci = (index: number, change: Partial<MciValueDraft>) => onChange({ ...draft, mciValues: draft.mciValues.map((value, at) => (at === index ? { ...value, ...change } : value)) });

  return (
    <>
      <h3>{t('inspection.fine.table.rules')}</h3>
      <p className="fine-tables-hint">{t('settingsUi.fines.blankRow')}</p>
      <div className="fine-tables-grid">
        <table data-testid="fine-rules-editor">
          <thead>
            <tr>
              <th>{t('settingsUi.fines.rowNumber')}</th>
              <th>{column('entityCategory')}</th>
              <th>{column('offence')}</th>
              <th>{column('article')}</th>
              <th>{column('part')}</th>
              <th>{column('mci')}</th>
              <th>{column('per')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.rules.map((rule, index) => {
              const row = index + 1;
              return (
                <tr key={`${rule.entityCategory}|${rule.offence}`} data-testid="fine-rule-row" data-row={row} data-category={rule.entityCategory} data-offence={rule.offence} data-blank={isBlankRule(rule)}>
                  <td>{row}</td>
                  <td>{t(`inspection.fine.category.${rule.entityCategory}`)}</td>
                  <td>{t(`inspection.fine.offence.${rule.offence}`)}</td>
                  <td>
                    <input className="fine-text" value={rule.article} maxLength={40} aria-label={cellLabel('rules', row, 'article')} aria-invalid={invalid('rules', row, 'article')} onChange={(event) => setRule(index, { article: event.target.value })} data-column="article" />
                  </td>
                  <td>
                    <input className="fine-text" value={rule.part} maxLength={20} aria-label={cellLabel('rules', row, 'part')} aria-invalid={invalid('rules', row, 'part')} onChange={(event) => setRule(index, { part: event.target.value })} data-column="part" />
                  </td>
                  <td>
                    <input className="fine-number" inputMode="decimal" value={rule.mci} aria-label={cellLabel('rules', row, 'mci')} aria-invalid={invalid('rules', row, 'mci')} onChange={(event) => setRule(index, { mci: event.target.value })} data-column="mci" />
                  </td>
                  <td>
                    <select value={rule.per} aria-label={cellLabel('rules', row, 'per')} onChange={(event) => setRule(index, { per: event.target.value as FineRuleDraft['per'] })} data-column="per">
                      {perKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`inspection.fine.per.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" aria-label={t('settingsUi.fines.clearRow', { row })} title={t('settingsUi.fines.clearRow', { row })} disabled={isBlankRule(rule)} onClick={() => setRule(index, { article: '', part: '', mci: '', per: 'inspection' })} data-testid="fine-rule-clear">
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t('inspection.fine.table.mciValues')}</h3>
      <table data-testid="mci-values-editor">
        <thead>
          <tr>
            <th>{t('settingsUi.fines.rowNumber')}</th>
            <th>{column('year')}</th>
            <th>{column('kzt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.mciValues.map((value, index) => {
            const row = index + 1;
            return (
              <tr key={value.key} data-testid="mci-value-row" data-row={row} data-year={value.year}>
                <td>{row}</td>
                <td>
                  <input className="fine-number" inputMode="numeric" value={value.year} aria-label={cellLabel('mciValues', row, 'year')} aria-invalid={invalid('mciValues', row, 'year')} onChange={(event) => setMci(index, { year: event.target.value })} data-column="year" />
                </td>
                <td>
                  <input className="fine-number" inputMode="decimal" value={value.kzt} aria-label={cellLabel('mciValues', row, 'kzt')} aria-invalid={invalid('mciValues', row, 'kzt')} onChange={(event) => setMci(index, { kzt: event.target.value })} data-column="kzt" />
                </td>
                <td>
                  <button type="button" aria-label={t('settingsUi.fines.removeRow', { row })} title={t('settingsUi.fines.removeRow', { row })} onClick={() => onChange({ ...draft, mciValues: draft.mciValues.filter((_, at) => at !== index) })} data-testid="mci-value-remove">
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={onAddYear} data-testid="mci-value-add">
        {t('settingsUi.fines.addYear')}
      </button>
    </>
  );
}
