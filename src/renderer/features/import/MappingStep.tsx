import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
import type { FileAnalysis, TargetOption } from './import-protocol.ts';
import { duplicateTargets, targetFromKey, targetKey } from './mapping-targets.ts';
import { attributeLabel } from '../../../shared/application/attribute-names.ts';
import { fallbackLocale, isLocale, type Locale } from '../../../shared/i18n/locales.ts';

const groupOrder = ['card', 'base', 'mainExtended', 'additionalExtended'] as const;

interface TargetLabel {
  text: string;
  /** Set when the label is written in another language than the interface. */
  lang?: Locale;
}

function useTargetLabel(): (option: TargetOption) => TargetLabel {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : fallbackLocale;
  return (option) => {
    if (option.group === 'card') return { text: `${option.code} — ${t(`importer.mapping.cardTargets.${option.value}`)}` };
    // The catalogue names attributes in Russian and Kazakh only; known attributes have an English name of ours.
    const name = attributeLabel({ code: option.code, nameRu: option.nameRu, nameKk: option.nameKk }, locale);
    return { text: `${option.code} — ${name.text}`, ...(name.lang === locale ? {} : { lang: name.lang }) };
  };
}

/** Each column of the file → what it holds, suggested first, remembered for this header layout once confirmed. */
export function MappingStep({ analysis, initial, onConfirm, onCancel }: { analysis: FileAnalysis; initial: ColumnMapping; onConfirm: (mapping: ColumnMapping) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = useTargetLabel();
  const [mapping, setMapping] = useState<ColumnMapping>(() => analysis.headers.map((_header, column) => initial[column] ?? { kind: 'ignore' }));
  const duplicates = duplicateTargets(mapping);
  const labelOf = (key: string) => {
    const option = analysis.targets.find((candidate) => candidate.value === key);
    return option ? label(option).text : key;
  };
  const nothingMapped = mapping.every((target) => target.kind === 'ignore');

  return (
    <section aria-labelledby="mapping-title" className="import-step">
      <h2 id="mapping-title">{t('importer.mapping.title')}</h2>
      <p>{t('importer.mapping.intro')}</p>
      <table className="mapping" data-testid="mapping">
        <thead>
          <tr>
            <th scope="col">{t('importer.mapping.column')}</th>
            <th scope="col">{t('importer.mapping.sample')}</th>
            <th scope="col">{t('importer.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.headers.map((header, column) => {
            const key = targetKey(mapping[column] ?? { kind: 'ignore' });
            return (
              <tr key={column} className={duplicates.has(key) ? 'duplicate' : undefined}>
                <th scope="row">{header || `#${String(column + 1)}`}</th>
                <td className="sample">{analysis.sample.map((row) => row[column] ?? '').filter(Boolean).join(' · ')}</td>
                <td>
                  <select
                    value={key}
                    aria-label={t('importer.mapping.targetOf', { header })}
                    aria-invalid={duplicates.has(key) || undefined}
                    data-testid={`mapping-${String(column)}`}
                    onChange={(event) => setMapping((current) => current.map((target, index) => (index === column ? targetFromKey(event.target.value) : target)))}
                  >
                    <option value="ignore">{t('importer.mapping.ignore')}</option>
                    {key !== 'ignore' && !analysis.targets.some((option) => option.value === key) && <option value={key}>{key.replace(/^[ap]:/u, '')}</option>}
                    {groupOrder.map((group) => {
                      const options = analysis.targets.filter((option) => option.group === group);
                      if (options.length === 0) return null;
                      return (
                        <optgroup key={group} label={group === 'card' ? t('importer.mapping.card') : t(`importer.mapping.groups.${group}`)}>
                          {options.map((option) => {
                            const { text, lang } = label(option);
                            return (
                              <option key={option.value} value={option.value} lang={lang}>
                                {text}
                              </option>
                            );
                          })}
                        </optgroup>
                      );
                    })}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {[...duplicates].map(([key, columns]) => (
        <p key={key} role="alert" className="import-error-text">
          {t('importer.mapping.duplicate', { target: labelOf(key), columns: columns.map((column) => analysis.headers[column] ?? '').join(', ') })}
        </p>
      ))}
      {nothingMapped && <p className="import-error-text">{t('importer.mapping.nothingMapped')}</p>}
      <div className="import-actions">
        <button type="button" className="import-primary" data-testid="mapping-confirm" disabled={duplicates.size > 0 || nothingMapped} onClick={() => onConfirm(mapping)}>
          {t('importer.mapping.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importer.file.another')}
        </button>
      </div>
    </section>
  );
}
