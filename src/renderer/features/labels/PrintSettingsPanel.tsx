import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../app/format.ts';
import { labelsPerPage, listTemplates, noCalibration, textFieldNames, type Calibration, type LabelTemplate } from '../../../shared/labels/light.ts';
import { CustomTemplateForm } from './CustomTemplateForm.tsx';
import { NumberField } from './NumberField.tsx';
import { calibrationFor, chosenDpi, customTemplates, fieldToggles, type PrintOptions } from '../../../shared/labels/light.ts';

export interface PrinterChoice {
  readonly name: string;
  readonly displayName: string;
}

interface PrintSettingsPanelProps {
  options: PrintOptions;
  update: (change: (options: PrintOptions) => PrintOptions) => void;
  template: LabelTemplate;
  printers: readonly PrinterChoice[];
  /** The printer the job goes to: the remembered one while it exists, else '' (the system dialog). */
  printerName: string;
  startPosition: number;
  onStartPosition: (position: number) => void;
}

/**
 * A template's name in the reader's language, built from its figures (the core names them in English);
 * the user's own templates keep the name they were given.
 */
function useTemplateLabel(): (template: LabelTemplate, custom?: boolean) => string {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (template, custom = false) =>
    custom
      ? t('printQueue.options.customOption', {
          name: template.name,
          count: labelsPerPage(template),
          width: number.format(template.labelWidthMm),
          height: number.format(template.labelHeightMm),
        })
      : template.kind === 'thermal'
      ? t('printQueue.options.thermal', { width: number.format(template.labelWidthMm), height: number.format(template.labelHeightMm) })
      : t('printQueue.options.sheet', {
          // The first of the stock's names: the option must fit a narrow column (the details line has them all).
          name: stockNames(template).split(' / ')[0] ?? template.id,
          count: labelsPerPage(template),
          width: number.format(template.labelWidthMm),
          height: number.format(template.labelHeightMm),
        });
}

/** "Avery L7160 / J8160": a built-in sheet's names, the part of its (English) name before the dash. */
function stockNames(template: LabelTemplate): string {
  return template.name.split(' — ')[0] ?? template.id;
}

/** What the short option leaves out, under the picker: every name of the stock and its grid. */
function useTemplateDetails(): (template: LabelTemplate) => string | null {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (template) =>
    template.kind === 'sheet' && !template.id.startsWith('custom-')
      ? t('printQueue.options.sheetDetails', {
          names: stockNames(template),
          columns: template.columns,
          rows: template.rows,
          count: labelsPerPage(template),
          width: number.format(template.labelWidthMm),
          height: number.format(template.labelHeightMm),
        })
      : null;
}

export function PrintSettingsPanel({ options, update, template, printers, printerName, startPosition, onStartPosition }: PrintSettingsPanelProps) {
  const { t } = useTranslation();
  const templateLabel = useTemplateLabel();
  const templateDetails = useTemplateDetails();
  const perPage = labelsPerPage(template);
  const calibration = calibrationFor(options, printerName);
  const toggles = fieldToggles(template, options);
  const dpi = chosenDpi(template, options);
  const ownTemplates = customTemplates(options);

  const setCalibration = (change: Partial<Calibration>) =>
    update((current) => ({
      ...current,
      calibrationByPrinter: { ...current.calibrationByPrinter, [printerName]: { ...calibrationFor(current, printerName), ...change } },
    }));

  return (
    <section className="labels-panel" aria-labelledby="labels-options-title">
      <h2 id="labels-options-title">{t('printQueue.options.title')}</h2>
      <div className="fields">
        <label className="field labels-wide">
          <span>{t('printQueue.options.template')}</span>
          <select
            value={template.id}
            title={templateDetails(template) ?? templateLabel(template, template.id.startsWith('custom-'))}
            onChange={(event) => {
              const templateId = event.target.value;
              onStartPosition(1);
              update((current) => ({ ...current, templateId }));
            }}
            data-testid="label-template"
          >
            <optgroup label={t('printQueue.options.builtInGroup')}>
              {listTemplates().map((choice) => (
                <option key={choice.id} value={choice.id}>{templateLabel(choice)}</option>
              ))}
            </optgroup>
            {ownTemplates.length > 0 && (
              <optgroup label={t('printQueue.options.customGroup')}>
                {ownTemplates.map((choice) => (
                  <option key={choice.id} value={choice.id}>{templateLabel(choice, true)}</option>
                ))}
              </optgroup>
            )}
          </select>
          {templateDetails(template) && <small className="labels-muted" data-testid="label-template-details">{templateDetails(template)}</small>}
        </label>
        {template.kind === 'thermal' && dpi !== undefined && (
          <label className="field">
            <span>{t('printQueue.options.dpi')}</span>
            <select value={dpi} onChange={(event) => update((current) => ({ ...current, dpi: Number(event.target.value) }))} data-testid="label-dpi">
              {(template.dpiChoices ?? [dpi]).map((choice) => (
                <option key={choice} value={choice}>{t('printQueue.options.dpiValue', { dpi: choice })}</option>
              ))}
            </select>
          </label>
        )}
        {perPage > 1 && (
          <div>
            <NumberField
              label={t('printQueue.options.start')}
              value={startPosition}
              min={1}
              max={perPage}
              step={1}
              integer
              onCommit={onStartPosition}
              testId="label-start"
            />
            <small className="labels-muted">{t('printQueue.options.startHint', { max: perPage })}</small>
          </div>
        )}
        <label className="field labels-wide">
          <span>{t('printQueue.options.printer')}</span>
          <select value={printerName} onChange={(event) => update((current) => ({ ...current, printerName: event.target.value }))} data-testid="label-printer">
            <option value="">{t('printQueue.options.systemDialog')}</option>
            {printers.map((printer) => (
              <option key={printer.name} value={printer.name}>{printer.displayName}</option>
            ))}
          </select>
        </label>
      </div>

      <CustomTemplateForm options={options} update={update} onChosen={() => onStartPosition(1)} />

      <fieldset className="labels-fieldset labels-field-toggles">
        <legend>{t('printQueue.options.fields')}</legend>
        {textFieldNames.map((name) => (
          <label key={name} className="checkbox">
            <input
              type="checkbox"
              checked={toggles[name]}
              onChange={(event) => {
                const shown = event.target.checked;
                update((current) => ({
                  ...current,
                  fieldsByTemplate: { ...current.fieldsByTemplate, [template.id]: { ...fieldToggles(template, current), [name]: shown } },
                }));
              }}
              data-testid={`label-field-${name}`}
            />
            <span>{t(`printQueue.options.field.${name}`)}</span>
          </label>
        ))}
      </fieldset>

      {/* Closed unless this printer has a calibration: most printers never need one. */}
      <details className="labels-fieldset" open={!isNeutral(calibration)} key={printerName}>
        <summary>{t('printQueue.options.calibration')}</summary>
        <p className="labels-muted">{t('printQueue.options.calibrationHint')}</p>
        <div className="labels-calibration">
          <NumberField label={t('printQueue.options.offsetX')} value={calibration.offsetXMm} step={0.1} min={-20} max={20} onCommit={(offsetXMm) => setCalibration({ offsetXMm })} testId="calibration-offset-x" />
          <NumberField label={t('printQueue.options.offsetY')} value={calibration.offsetYMm} step={0.1} min={-20} max={20} onCommit={(offsetYMm) => setCalibration({ offsetYMm })} testId="calibration-offset-y" />
          <NumberField label={t('printQueue.options.scaleX')} value={percent(calibration.scaleX)} step={0.1} min={90} max={110} onCommit={(value) => setCalibration({ scaleX: value / 100 })} testId="calibration-scale-x" />
          <NumberField label={t('printQueue.options.scaleY')} value={percent(calibration.scaleY)} step={0.1} min={90} max={110} onCommit={(value) => setCalibration({ scaleY: value / 100 })} testId="calibration-scale-y" />
        </div>
        <button type="button" onClick={() => setCalibration(noCalibration)} data-testid="calibration-reset">{t('printQueue.options.resetCalibration')}</button>
      </details>
    </section>
  );
}

function isNeutral(calibration: Calibration): boolean {
  return calibration.offsetXMm === 0 && calibration.offsetYMm === 0 && calibration.scaleX === 1 && calibration.scaleY === 1;
}

/** Scale as a percentage without float noise (1.002 → 100.2, not 100.19999999999999). */
function percent(scale: number): number {
  return Math.round(scale * 100_000) / 1000;
}
