import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../app/format.ts';
import { LabelError, defineTemplate, isLabelError, labelsPerPage, type LabelTemplate, type TemplateKind } from '../../../shared/labels/light.ts';
import { customTemplates, defaultTemplateId, type CustomTemplate, type PrintOptions } from '../../../shared/labels/light.ts';
import { useProblemText } from './problem-text.ts';

interface CustomTemplateFormProps {
  options: PrintOptions;
  update: (change: (options: PrintOptions) => PrintOptions) => void;
  /** A new template is chosen at once; its sheet starts at label 1. */
  onChosen: () => void;
}

const numberFields = [
  ['pageWidthMm', 'pageWidth'],
  ['pageHeightMm', 'pageHeight'],
  ['columns', 'columns'],
  ['rows', 'rows'],
  ['labelWidthMm', 'labelWidth'],
  ['labelHeightMm', 'labelHeight'],
  ['marginLeftMm', 'marginLeft'],
  ['marginTopMm', 'marginTop'],
  ['pitchXMm', 'pitchX'],
  ['pitchYMm', 'pitchY'],
] as const;
type NumberFieldName = (typeof numberFields)[number][0];

type Draft = Record<NumberFieldName, string> & { name: string; kind: TemplateKind; dpi: 203 | 300 };

/** A blank form starts from an A4 sheet. */
const initialDraft: Draft = {
  name: '',
  kind: 'sheet',
  dpi: 203,
  pageWidthMm: '210',
  pageHeightMm: '297',
  columns: '',
  rows: '',
  labelWidthMm: '',
  labelHeightMm: '',
  marginLeftMm: '',
  marginTopMm: '',
  pitchXMm: '',
  pitchYMm: '',
};

/** Empty margins are 0 and empty pitches the label's own size (no gaps); anything else must be a number. */
function number(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function toTemplate(draft: Draft, id: string, defaultName: (width: number, height: number) => string): CustomTemplate {
  const labelWidthMm = number(draft.labelWidthMm);
  const labelHeightMm = number(draft.labelHeightMm);
  const optional = (text: string, fallback: number) => (text.trim() === '' ? fallback : Number(text));
  return {
    id,
    name: draft.name.trim() || defaultName(labelWidthMm, labelHeightMm),
    kind: draft.kind,
    pageWidthMm: number(draft.pageWidthMm),
    pageHeightMm: number(draft.pageHeightMm),
    columns: number(draft.columns),
    rows: number(draft.rows),
    labelWidthMm,
    labelHeightMm,
    marginLeftMm: optional(draft.marginLeftMm, 0),
    marginTopMm: optional(draft.marginTopMm, 0),
    pitchXMm: optional(draft.pitchXMm, labelWidthMm),
    pitchYMm: optional(draft.pitchYMm, labelHeightMm),
    ...(draft.kind === 'thermal' ? { dpi: draft.dpi } : {}),
  };
}

/** Defines, stores and deletes the user's own label templates; each is checked by the label core first. */
export function CustomTemplateForm({ options, update, onChosen }: CustomTemplateFormProps) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const format = numberFormat(i18n.language, { maximumFractionDigits: 2 });
  const saved = customTemplates(options);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setMessage(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const custom = toTemplate(draft, `custom-${crypto.randomUUID().slice(0, 8)}`, (width, height) =>
      t('printQueue.options.custom.defaultName', { width: format.format(width), height: format.format(height) }),
    );
    // Non-numbers the core would let through as NaN (pitches, margins) are refused like any bad figure.
    const bad = numberFields.find(([field]) => !Number.isFinite(custom[field]));
    try {
      if (bad) throw new LabelError('labels.template.badNumber', { field: bad[0], value: draft[bad[0]] });
      defineTemplate(custom);
    } catch (error) {
      if (!isLabelError(error)) throw error;
      setMessage({ ok: false, text: problemText(error.problem) });
      return;
    }
    update((current) => ({ ...current, templateId: custom.id, customTemplates: [...current.customTemplates, custom] }));
    onChosen();
    setDraft(initialDraft);
    setMessage({ ok: true, text: t('printQueue.options.custom.saved', { name: custom.name }) });
  };

  const remove = (template: LabelTemplate) => {
    update((current) => {
      const { [template.id]: _removed, ...fieldsByTemplate } = current.fieldsByTemplate;
      return {
        ...current,
        templateId: current.templateId === template.id ? defaultTemplateId : current.templateId,
        fieldsByTemplate,
        customTemplates: current.customTemplates.filter((entry) => entry.id !== template.id),
      };
    });
    setMessage(null);
  };

  return (
    <details className="labels-fieldset" data-testid="custom-templates">
      <summary>{t('printQueue.options.custom.title')}</summary>
      <p className="labels-muted">{t('printQueue.options.custom.hint')}</p>
      <form onSubmit={save} noValidate>
        <div className="fields">
          <label className="field labels-wide">
            <span>{t('printQueue.options.custom.name')}</span>
            <input type="text" value={draft.name} maxLength={80} onChange={(event) => change({ name: event.target.value })} data-testid="custom-template-name" />
          </label>
          <label className="field">
            <span>{t('printQueue.options.custom.kind')}</span>
            <select value={draft.kind} onChange={(event) => change({ kind: event.target.value === 'thermal' ? 'thermal' : 'sheet' })} data-testid="custom-template-kind">
              <option value="sheet">{t('printQueue.options.custom.sheet')}</option>
              <option value="thermal">{t('printQueue.options.custom.thermal')}</option>
            </select>
          </label>
          {draft.kind === 'thermal' && (
            <label className="field">
              <span>{t('printQueue.options.custom.dpi')}</span>
              <select value={draft.dpi} onChange={(event) => change({ dpi: event.target.value === '300' ? 300 : 203 })} data-testid="custom-template-dpi">
                {[203, 300].map((dpi) => (
                  <option key={dpi} value={dpi}>{t('printQueue.options.dpiValue', { dpi })}</option>
                ))}
              </select>
            </label>
          )}
          {numberFields.map(([field, label]) => (
            <label key={field} className="field">
              <span>{t(`printQueue.options.custom.${label}`)}</span>
              <input
                type="number"
                min={0}
                step={field === 'columns' || field === 'rows' ? 1 : 0.01}
                value={draft[field]}
                onChange={(event) => change({ [field]: event.target.value })}
                data-testid={`custom-template-${field}`}
              />
            </label>
          ))}
        </div>
        <p className="labels-muted">{t('printQueue.options.custom.pitchHint')}</p>
        <button type="submit" data-testid="custom-template-save">{t('printQueue.options.custom.save')}</button>
        {message && (
          <p className={message.ok ? 'labels-ok' : 'labels-error'} role={message.ok ? 'status' : 'alert'} data-testid="custom-template-message">
            {message.text}
          </p>
        )}
      </form>
      {saved.length > 0 && (
        <>
          <h3>{t('printQueue.options.custom.list')}</h3>
          <ul>
            {saved.map((template) => (
              <li key={template.id} data-testid="custom-template-entry" data-template-id={template.id}>
                {t('printQueue.options.customOption', {
                  name: template.name,
                  count: labelsPerPage(template),
                  width: format.format(template.labelWidthMm),
                  height: format.format(template.labelHeightMm),
                })}{' '}
                <button type="button" onClick={() => remove(template)} data-testid="custom-template-delete">
                  {t('printQueue.options.custom.delete', { name: template.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
