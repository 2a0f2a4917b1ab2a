import { useTranslation } from 'react-i18next';
import { isDefaultFineSource } from '../../../shared/inspection/index.ts';
import { settingsSectionHref, settingsSections } from '../../app/components/settings-sections.ts';
import { numberFormat } from '../../app/format.ts';
import { useFineTables } from '../../db/inspections.ts';

/**
 * The fine rules and MCI values in force, read-only: the estimate in the act is computed from them. They are
 * edited, imported and exported in Settings, where the link leads.
 */
export function FinesTab() {
  const { t, i18n } = useTranslation();
  const tables = useFineTables();
  if (!tables) return null;
  const numbers = numberFormat(i18n.language);
  const column = (name: string) => t(`inspection.fine.column.${name}`);

  return (
    <section className="inspection-session" data-testid="fines">
      <h2>{t('inspectionUi.fines.title')}</h2>
      <p>{t('inspectionUi.fines.intro')}</p>
      <p>
        <a href={settingsSectionHref(settingsSections.fineTables)} data-testid="fines-edit-in-settings">
          {t('inspectionUi.fines.editInSettings')}
        </a>
      </p>
      {isDefaultFineSource(tables.source) ? (
        <p className="notice">{t('inspection.fine.defaultSource')}</p>
      ) : tables.source ? (
        // An imported table's own source line is its data, in whatever language its author wrote it.
        <p className="notice" data-catalogue-data>
          {tables.source}
        </p>
      ) : null}
      <h3>{t('inspection.fine.table.rules')}</h3>
      <table data-testid="fine-rules">
        <thead>
          <tr>
            <th>{column('article')}</th>
            <th>{column('part')}</th>
            <th>{column('entityCategory')}</th>
            <th>{column('offence')}</th>
            <th>{column('mci')}</th>
            <th>{column('per')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.rules.map((rule) => (
            <tr key={`${rule.entityCategory}|${rule.offence}`} data-testid="fine-rule" data-category={rule.entityCategory} data-offence={rule.offence}>
              <td data-catalogue-data>{rule.article}</td>
              <td data-catalogue-data>{rule.part}</td>
              <td>{t(`inspection.fine.category.${rule.entityCategory}`)}</td>
              <td>{t(`inspection.fine.offence.${rule.offence}`)}</td>
              <td data-testid="fine-rule-mci">{numbers.format(rule.mci)}</td>
              <td>{t(`inspection.fine.per.${rule.per}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('inspection.fine.table.mciValues')}</h3>
      <table data-testid="mci-values">
        <thead>
          <tr>
            <th>{column('year')}</th>
            <th>{column('kzt')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.mciValues.map((value) => (
            <tr key={value.year} data-testid="mci-value" data-year={value.year}>
              <td>{value.year}</td>
              <td>
                {numbers.format(value.kzt)} {t('inspectionUi.fines.currency')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
