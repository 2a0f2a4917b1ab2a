/**
 * What the print queue remembers between sessions: the last template and printer, the thermal resolution,
 * which text fields each template shows, each printer's calibration, and the ZPL printer's address.
 * The start position is deliberately not remembered: it describes one partly used sheet, and a stale value
 * would silently skip labels on the next, full sheet.
 */
import { z } from 'zod';
import { defaultRawPrinterPort, printerHostMaxLength, rawPrinterPortSchema } from '../printers.ts';
import { textFieldNames, type TextFieldName } from './fields.ts';
import { noCalibration, type Calibration } from './layout-model.ts';
import { defineTemplate, findTemplate, type CustomTemplateInput, type LabelTemplate } from './templates.ts';

export const defaultTemplateId = 'avery-l7160';

export type FieldToggles = Readonly<Record<TextFieldName, boolean>>;

const calibrationSchema = z.object({
  offsetXMm: z.number(),
  offsetYMm: z.number(),
  scaleX: z.number(),
  scaleY: z.number(),
});

const togglesSchema = z.partialRecord(z.enum(textFieldNames), z.boolean());

/** A template the user defined: what `defineTemplate` takes, with the id and name it is stored under. */
const customTemplateSchema = z.object({
  id: z.string().startsWith('custom-'),
  name: z.string(),
  kind: z.enum(['sheet', 'thermal']),
  pageWidthMm: z.number(),
  pageHeightMm: z.number(),
  columns: z.number().int(),
  rows: z.number().int(),
  labelWidthMm: z.number(),
  labelHeightMm: z.number(),
  marginLeftMm: z.number(),
  marginTopMm: z.number(),
  pitchXMm: z.number(),
  pitchYMm: z.number(),
  /** Thermal only: the printer's resolution. */
  dpi: z.union([z.literal(203), z.literal(300)]).optional(),
});
export type CustomTemplate = z.infer<typeof customTemplateSchema> & CustomTemplateInput;

/** One unreadable or no longer valid custom template is dropped alone; the others stay. */
const customTemplatesSchema = z
  .array(customTemplateSchema.nullable().catch(null))
  .catch([])
  .transform((list) => list.filter((entry): entry is CustomTemplate => entry !== null && customToTemplate(entry) !== null));

/** Every field falls back to its default on its own (`catch`), so one odd value never resets the rest. */
const printOptionsSchema = z.object({
  templateId: z.string().catch(defaultTemplateId),
  dpi: z.number().int().catch(203),
  /** System printer name; '' = the system print dialog. */
  printerName: z.string().catch(''),
  fieldsByTemplate: z.record(z.string(), togglesSchema).catch({}),
  /** Keyed by printer name ('' = whatever the system dialog prints to). */
  calibrationByPrinter: z.record(z.string(), calibrationSchema).catch({}),
  zplHost: z.string().max(printerHostMaxLength).catch(''),
  zplPort: rawPrinterPortSchema.catch(defaultRawPrinterPort),
  customTemplates: customTemplatesSchema,
});
export type PrintOptions = z.infer<typeof printOptionsSchema>;

export function parsePrintOptions(value: unknown): PrintOptions {
  return printOptionsSchema.parse(typeof value === 'object' && value !== null ? value : {});
}

/**
 * A custom template as the page uses it (null when it does not fit its page). A thermal one prints at the
 * resolution it was defined with, so that is its only choice.
 */
export function customToTemplate(input: CustomTemplate): LabelTemplate | null {
  try {
    const template = defineTemplate(input);
    return template.kind === 'thermal' && template.dpi !== null ? { ...template, dpiChoices: [template.dpi] } : template;
  } catch {
    return null;
  }
}

/** The user's templates, in the order they were defined. */
export function customTemplates(options: PrintOptions): LabelTemplate[] {
  return options.customTemplates.map(customToTemplate).filter((template): template is LabelTemplate => template !== null);
}

/**
 * The job's template: a built-in one by its id, or a custom one as the figures the user gave (plain data, so
 * it survives structured clone; the renderer checks it again with `defineTemplate`).
 */
export type JobTemplate = { readonly templateId: string } | { readonly templateId: string; readonly customTemplate: CustomTemplateInput };

/** What the job carries: a built-in template's id, or the custom template's own figures. */
export function jobTemplate(template: LabelTemplate, options: PrintOptions): JobTemplate {
  const customTemplate = options.customTemplates.find((custom) => custom.id === template.id);
  return customTemplate ? { templateId: template.id, customTemplate } : { templateId: template.id };
}

/** The remembered template, or the default one when it no longer exists. */
export function chosenTemplate(options: PrintOptions): LabelTemplate {
  const custom = options.customTemplates.find((entry) => entry.id === options.templateId);
  const template = (custom && customToTemplate(custom)) ?? findTemplate(options.templateId) ?? findTemplate(defaultTemplateId);
  if (!template) throw new Error(`built-in template ${defaultTemplateId} is missing`);
  return template;
}

/** The thermal resolution to lay out at: the remembered one when the template offers it, else its own. */
export function chosenDpi(template: LabelTemplate, options: PrintOptions): number | undefined {
  if (template.kind !== 'thermal') return undefined;
  const choices = template.dpiChoices ?? [203, 300];
  return choices.includes(options.dpi) ? options.dpi : (template.dpi ?? choices[0]);
}

/** The user's toggles for this template over the template's own defaults (small stock hides the names). */
export function fieldToggles(template: LabelTemplate, options: PrintOptions): FieldToggles {
  const chosen = options.fieldsByTemplate[template.id] ?? {};
  const entries = textFieldNames.map((name) => [name, chosen[name] ?? template.defaultFields?.[name] !== false] as const);
  return Object.fromEntries(entries) as Record<TextFieldName, boolean>;
}

export function calibrationFor(options: PrintOptions, printerName: string): Calibration {
  return options.calibrationByPrinter[printerName] ?? noCalibration;
}
