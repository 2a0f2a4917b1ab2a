import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultFineTables, fineTablesSchema, parseFineTables, type FineTables } from '../../../shared/inspection/index.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { useDatabase } from '../../db/context.tsx';
import { saveFineTables, useFineTables } from '../../db/inspections.ts';

/**
 * The fine rules and MCI values the estimate is computed from: edited here, imported from or exported to a JSON
 * file, or reset to the defaults. A change is saved only when the whole table is valid.
 */
export function FinesTab() {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = useBridge();
  const tables = useFineTables();
  const [problem, setProblem] = useState<{ key: string; params: Record<string, string | number> } | undefined>();
  const [newYear, setNewYear] = useState('');
  const [newKzt, setNewKzt] = useState('');
  if (!tables) return null;

  const save = (next: FineTables) => {
    const parsed = fineTablesSchema.safeParse(next);
    if (!parsed.success) {
      setProblem({ key: 'inspection.fine.badTables', params: { detail: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).slice(0, 2).join('; ') } });
      return;
    }
    setProblem(undefined);
    void saveFineTables(db, parsed.data);
  };
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseFineTables(await file.text());
    if (parsed.ok) save(parsed.tables);
    else setProblem(parsed.problem);
  };
  const exportFile = () => void bridge.files.save({ suggestedName: 'fine-tables.json', mimeType: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(tables, null, 2)) });

  return (
    <section className="inspection-session" data-testid="fines">
      <h2>{t('inspectionUi.fines.title')}</h2>
      <p>{t('inspectionUi.fines.intro')}</p>
      {tables.source === defaultFineTables.source ? (
        <p className="notice">{t('inspectionUi.fines.defaultSource')}</p>
      ) : tables.source ? (
        // An imported table's own source line is its data, in whatever language its author wrote it.
        <p className="notice" data-catalogue-data>
          {tables.source}
        </p>
      ) : null}
      <table data-testid="fine-rules">
        <thead>
          <tr>
            <th>{t('inspectionUi.fines.article')}</th>
            <th>{t('inspectionUi.fines.part')}</th>
            <th>{t('inspectionUi.session.category')}</th>
            <th>{t('inspectionUi.session.offence')}</th>
            <th>{t('inspectionUi.fines.mci')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.rules.map((rule, index) => {
            const update = (change: Partial<typeof rule>) => save({ ...tables, rules: tables.rules.map((candidate, at) => (at === index ? { ...candidate, ...change } : candidate)) });
            return (
              <tr key={`${rule.entityCategory}|${rule.offence}`} data-testid="fine-rule" data-category={rule.entityCategory} data-offence={rule.offence}>
                <td>
                  <input defaultValue={rule.article} onBlur={(event) => update({ article: event.target.value })} />
                </td>
                <td>
                  <input defaultValue={rule.part} onBlur={(event) => update({ part: event.target.value })} />
                </td>
                <td>{t(`inspection.fine.category.${rule.entityCategory}`)}</td>
                <td>{t(`inspection.fine.offence.${rule.offence}`)}</td>
                <td>
                  <input type="number" min={0} step="any" defaultValue={rule.mci} onBlur={(event) => update({ mci: Number(event.target.value) })} data-testid="fine-rule-mci" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('inspectionUi.fines.mciValues')}</h3>
      <table data-testid="mci-values">
        <tbody>
          {tables.mciValues.map((value, index) => (
            <tr key={value.year}>
              <td>{value.year}</td>
              <td>
                <input type="number" min={1} defaultValue={value.kzt} onBlur={(event) => save({ ...tables, mciValues: tables.mciValues.map((candidate, at) => (at === index ? { ...candidate, kzt: Number(event.target.value) } : candidate)) })} data-testid={`mci-${value.year}`} />{' '}
                {t('inspectionUi.fines.currency')}
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <input type="number" placeholder={t('inspectionUi.fines.year')} value={newYear} onChange={(event) => setNewYear(event.target.value)} data-testid="mci-new-year" />
            </td>
            <td>
              <input type="number" placeholder={t('inspectionUi.fines.currency')} value={newKzt} onChange={(event) => setNewKzt(event.target.value)} data-testid="mci-new-kzt" />{' '}
              <button
                type="button"
                data-testid="mci-add"
                onClick={() => {
                  save({ ...tables, mciValues: [...tables.mciValues, { year: Number(newYear), kzt: Number(newKzt) }] });
                  setNewYear('');
                  setNewKzt('');
                }}
              >
                {t('inspectionUi.fines.add')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {problem ? (
        <p role="alert" className="error-message" data-testid="fines-problem">
          {t(problem.key, problem.params)}
        </p>
      ) : null}
      <div className="toolbar">
        <label className="button-like">
          {t('inspectionUi.fines.import')}
          <input type="file" accept=".json,application/json" hidden onChange={(event) => void onImport(event)} data-testid="fines-import" />
        </label>
        <button type="button" onClick={exportFile}>
          {t('inspectionUi.fines.export')}
        </button>
        <button type="button" onClick={() => void saveFineTables(db, defaultFineTables).then(() => setProblem(undefined))} data-testid="fines-reset">
          {t('inspectionUi.fines.reset')}
        </button>
      </div>
    </section>
  );
}
