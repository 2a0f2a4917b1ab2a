import { LabelError } from './errors.ts';
import type { FieldsConfig } from './fields.ts';

/**
 * Label stock: A4 sheets (printed from a PDF at 100 %) and thermal rolls (one label per page / per ZPL format).
 * All lengths are millimetres, measured from the top-left corner of the page.
 */
export type TemplateKind = 'sheet' | 'thermal';

export interface Insets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface LabelTemplate {
  readonly id: string;
  readonly name: string;
  readonly kind: TemplateKind;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidthMm: number;
  readonly labelHeightMm: number;
  /** Page edge to the left edge of the first column. */
  readonly marginLeftMm: number;
  /** Page edge to the top edge of the first row. */
  readonly marginTopMm: number;
  /** Left edge of one column to the left edge of the next (label width + gap). */
  readonly pitchXMm: number;
  /** Top edge of one row to the top edge of the next (label height + gap). */
  readonly pitchYMm: number;
  /** Space kept clear inside each label edge: covers the printer's registration error and rounded corners. */
  readonly paddingMm: Insets;
  /**
   * The dot grid the symbol is snapped to. Thermal: the printer's resolution (203 or 300 dpi, chosen per
   * job). Sheets: the office printer's likely grid (600 dpi), or null when no whole-dot module fits the stock
   * (then X is continuous and the printer's rasteriser rounds it).
   */
  readonly dpi: number | null;
  /** Resolutions a thermal template can be printed at. */
  readonly dpiChoices?: readonly number[];
  /** Fields shown when the caller does not configure them (small stock shows fewer). */
  readonly defaultFields?: FieldsConfig;
  /** Where the figures come from. */
  readonly source?: string;
}

const sheetPadding: Insets = { top: 1.5, right: 1.5, bottom: 1.5, left: 1.5 };
const thermalPadding: Insets = { top: 1.5, right: 1.5, bottom: 1.5, left: 1.5 };

/**
 * Avery A4 sheets: label sizes and counts as published by Avery; margins by the centred-grid rule
 * `(210 − n·w − (n−1)·gap) / 2`, which matches the makers' published figures (labels.md §5.1).
 */
const builtIn: readonly LabelTemplate[] = [
  {
    id: 'avery-l7160',
    name: 'Avery L7160 / J8160 — A4, 21 labels 63.5 × 38.1 mm (3 × 7)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 3,
    rows: 7,
    labelWidthMm: 63.5,
    labelHeightMm: 38.1,
    marginLeftMm: 7.21,
    marginTopMm: 15.15,
    pitchXMm: 66.04,
    pitchYMm: 38.1,
    paddingMm: sheetPadding,
    dpi: 600,
    source: 'labels.md §5.1 (Avery; centred grid, gap 2.54 mm)',
  },
  {
    id: 'avery-l7163',
    name: 'Avery L7163 — A4, 14 labels 99.1 × 38.1 mm (2 × 7)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 2,
    rows: 7,
    labelWidthMm: 99.1,
    labelHeightMm: 38.1,
    marginLeftMm: 4.65,
    marginTopMm: 15.15,
    pitchXMm: 101.6,
    pitchYMm: 38.1,
    paddingMm: sheetPadding,
    dpi: 600,
    source: 'labels.md §5.1 (Avery; centred grid, gap 2.5 mm)',
  },
  {
    id: 'avery-l7651',
    name: 'Avery L7651 / L7551 / J8651 — A4, 65 labels 38.1 × 21.2 mm (5 × 13)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 5,
    rows: 13,
    labelWidthMm: 38.1,
    labelHeightMm: 21.2,
    marginLeftMm: 4.75,
    marginTopMm: 10.7,
    pitchXMm: 40.6,
    pitchYMm: 21.2,
    // 21.2 mm holds the 80 % symbol (18.28 mm bars + digits) only with thin top/bottom insets.
    paddingMm: { top: 0.4, right: 1, bottom: 0.4, left: 1 },
    // No whole 600-dpi module fits: 6 dots = 0.254 mm is below 80 %, 7 dots = 0.296 mm needs 20.5 mm bars
    // + digits > 21.2 mm. So X is continuous here (0.264 mm, 80 %).
    dpi: null,
    // Only the code and its digits fit; adding names is refused with the figures.
    defaultFields: { nameKk: false, nameRu: false, quantity: false, producer: false, country: false },
    source: 'labels.md §5.1 (Avery; matches Label Planet LP65/38)',
  },
  thermal('thermal-58x40', 'Thermal 58 × 40 mm', 58, 40),
  thermal('thermal-58x30', 'Thermal 58 × 30 mm', 58, 30),
  thermal('thermal-100x150', 'Thermal 100 × 150 mm (4 × 6 in shipping)', 100, 150, {
    nameKk: { sizePt: 16, minSizePt: 8 },
    nameRu: { sizePt: 14, minSizePt: 8 },
    quantity: { sizePt: 14, minSizePt: 7 },
    producer: { sizePt: 12, minSizePt: 7 },
    country: { sizePt: 12, minSizePt: 7 },
  }),
];

function thermal(id: string, name: string, width: number, height: number, defaultFields?: FieldsConfig): LabelTemplate {
  return {
    id,
    name,
    kind: 'thermal',
    pageWidthMm: width,
    pageHeightMm: height,
    columns: 1,
    rows: 1,
    labelWidthMm: width,
    labelHeightMm: height,
    marginLeftMm: 0,
    marginTopMm: 0,
    pitchXMm: width,
    pitchYMm: height,
    paddingMm: thermalPadding,
    dpi: 203,
    dpiChoices: [203, 300],
    ...(defaultFields ? { defaultFields } : {}),
    source: 'labels.md §5.2 (common roll sizes; one label per page)',
  };
}

export const builtInTemplates: readonly LabelTemplate[] = builtIn;

export function listTemplates(): readonly LabelTemplate[] {
  return builtIn;
}

export function findTemplate(id: string): LabelTemplate | undefined {
  const wanted = id.trim().toLowerCase();
  return builtIn.find((template) => template.id === wanted);
}

/** What a custom template needs: page, grid, label size, margins and pitch; insets and grid are optional. */
export interface CustomTemplateInput {
  readonly id?: string;
  readonly name?: string;
  readonly kind: TemplateKind;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidthMm: number;
  readonly labelHeightMm: number;
  readonly marginLeftMm?: number;
  readonly marginTopMm?: number;
  readonly pitchXMm?: number;
  readonly pitchYMm?: number;
  readonly paddingMm?: number | Insets;
  readonly dpi?: number | null;
  readonly defaultFields?: FieldsConfig;
}

const SLACK_MM = 0.01;

/** Builds and checks a custom template; a grid that does not fit its page is refused with the figures. */
export function defineTemplate(input: CustomTemplateInput): LabelTemplate {
  const positive: (keyof CustomTemplateInput)[] = ['pageWidthMm', 'pageHeightMm', 'labelWidthMm', 'labelHeightMm'];
  for (const field of positive) {
    const value = input[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new LabelError('labels.template.badNumber', { field, value: String(value) });
    }
  }
  for (const field of ['columns', 'rows'] as const) {
    const value = input[field];
    if (!Number.isInteger(value) || value < 1 || value > 1000) throw new LabelError('labels.template.badNumber', { field, value: String(value) });
  }
  const padding = typeof input.paddingMm === 'number' || input.paddingMm === undefined
    ? uniform(input.paddingMm ?? 1.5)
    : input.paddingMm;
  const template: LabelTemplate = {
    id: input.id ?? 'custom',
    name: input.name ?? `Custom ${String(input.labelWidthMm)} × ${String(input.labelHeightMm)} mm`,
    kind: input.kind,
    pageWidthMm: input.pageWidthMm,
    pageHeightMm: input.pageHeightMm,
    columns: input.columns,
    rows: input.rows,
    labelWidthMm: input.labelWidthMm,
    labelHeightMm: input.labelHeightMm,
    marginLeftMm: input.marginLeftMm ?? 0,
    marginTopMm: input.marginTopMm ?? 0,
    pitchXMm: input.pitchXMm ?? input.labelWidthMm,
    pitchYMm: input.pitchYMm ?? input.labelHeightMm,
    paddingMm: padding,
    dpi: input.dpi === undefined ? (input.kind === 'thermal' ? 203 : 600) : input.dpi,
    ...(input.kind === 'thermal' ? { dpiChoices: [203, 300] } : {}),
    ...(input.defaultFields ? { defaultFields: input.defaultFields } : {}),
  };
  checkTemplate(template);
  return template;
}

function uniform(value: number): Insets {
  return { top: value, right: value, bottom: value, left: value };
}

/** Throws a LabelError when the grid overlaps itself or leaves the page. */
export function checkTemplate(template: LabelTemplate): void {
  for (const field of ['marginLeftMm', 'marginTopMm'] as const) {
    if (!Number.isFinite(template[field]) || template[field] < 0) {
      throw new LabelError('labels.template.badNumber', { field, value: String(template[field]) });
    }
  }
  for (const [side, value] of Object.entries(template.paddingMm)) {
    if (!Number.isFinite(value) || value < 0) throw new LabelError('labels.template.badNumber', { field: `paddingMm.${side}`, value: String(value) });
  }
  if (template.dpi !== null && (!Number.isFinite(template.dpi) || template.dpi < 100 || template.dpi > 2400)) {
    throw new LabelError('labels.template.badNumber', { field: 'dpi', value: String(template.dpi) });
  }
  if (template.pitchXMm + SLACK_MM < template.labelWidthMm) {
    throw new LabelError('labels.template.overlap', { axis: 'x', pitch: template.pitchXMm, size: template.labelWidthMm });
  }
  if (template.pitchYMm + SLACK_MM < template.labelHeightMm) {
    throw new LabelError('labels.template.overlap', { axis: 'y', pitch: template.pitchYMm, size: template.labelHeightMm });
  }
  const right = template.marginLeftMm + (template.columns - 1) * template.pitchXMm + template.labelWidthMm;
  if (right > template.pageWidthMm + SLACK_MM) {
    throw new LabelError('labels.template.offPage', { axis: 'x', needed: round(right), page: template.pageWidthMm });
  }
  const bottom = template.marginTopMm + (template.rows - 1) * template.pitchYMm + template.labelHeightMm;
  if (bottom > template.pageHeightMm + SLACK_MM) {
    throw new LabelError('labels.template.offPage', { axis: 'y', needed: round(bottom), page: template.pageHeightMm });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The template as a job uses it: a thermal template at the chosen printer resolution. Unknown ids and
 * resolutions the template does not offer are refused.
 */
export function resolveTemplate(templateOrId: string | LabelTemplate, dpi?: number): LabelTemplate {
  const template = typeof templateOrId === 'string' ? findTemplate(templateOrId) : templateOrId;
  if (!template) throw new LabelError('labels.template.unknown', { id: String(templateOrId), known: builtIn.map((t) => t.id).join(', ') });
  if (typeof templateOrId !== 'string') checkTemplate(template);
  if (dpi === undefined) return template;
  if (template.kind !== 'thermal') return template;
  const choices = template.dpiChoices ?? [203, 300];
  if (!choices.includes(dpi)) throw new LabelError('labels.template.badDpi', { dpi, choices: choices.join(', ') });
  return { ...template, dpi };
}

export function labelsPerPage(template: LabelTemplate): number {
  return template.columns * template.rows;
}

/** Top-left corner of a slot (0-based, row by row from the top-left) on its page. */
export function slotOrigin(template: LabelTemplate, slot: number): { xMm: number; yMm: number; row: number; column: number } {
  const column = slot % template.columns;
  const row = Math.floor(slot / template.columns);
  return {
    xMm: template.marginLeftMm + column * template.pitchXMm,
    yMm: template.marginTopMm + row * template.pitchYMm,
    row,
    column,
  };
}
