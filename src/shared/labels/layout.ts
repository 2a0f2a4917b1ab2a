import { encodeEan13 } from './ean13.ts';
import { LabelError, mm } from './errors.ts';
import { fieldColumns, nameFields, resolveFields, type FieldsConfig, type ResolvedField, type TextFieldName } from './fields.ts';
import { ptToMm, type FaceName, type FontFace, type FontMetrics } from './font.ts';
import {
  EPSILON_MM,
  GUARD_DESCENT_MODULES,
  MAX_MAGNIFICATION,
  MAX_MODULE_MM,
  MIN_MAGNIFICATION,
  MIN_MODULE_MM,
  NOMINAL_HRI_HEIGHT_MM,
  NOMINAL_MODULE_MM,
  SYMBOL_MODULES,
  THERMAL_MIN_MAGNIFICATION,
  THERMAL_MIN_MODULE_MM,
  isReducedThermalModule,
  magnificationOf,
  minimumBarHeightMm,
  minimumQuietZonesMm,
} from './gs1-symbol.ts';
import type { LabelItem } from './records.ts';
import { labelsPerPage, resolveTemplate, slotOrigin, type LabelTemplate } from './templates.ts';

/*
 * The layout model: every position and size of every label, computed once, as plain data. The PDF and ZPL
 * renderers (and a preview) only draw it. Units are millimetres from the top-left corner (y grows down);
 * inside a label, positions are relative to the label's own top-left corner.
 */

/** Printer calibration applied at print time: the page is moved by the offset and scaled about its top-left corner. */
export interface Calibration {
  readonly offsetXMm: number;
  readonly offsetYMm: number;
  readonly scaleX: number;
  readonly scaleY: number;
}

export const noCalibration: Calibration = { offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 };

/** Where the text goes: all above the symbol; names above and details beside it; all beside it. */
export type Arrangement = 'stacked' | 'hybrid' | 'side';
const arrangements: readonly Arrangement[] = ['stacked', 'hybrid', 'side'];

export interface LayoutOptions {
  /** A built-in template id (see `listTemplates`) or a template made with `defineTemplate`. */
  readonly template: string | LabelTemplate;
  /** Thermal printer resolution, 203 or 300 (thermal templates only). */
  readonly dpi?: number;
  readonly fields?: FieldsConfig;
  /** `auto` (default) picks the one that keeps the text largest. */
  readonly arrangement?: Arrangement | 'auto';
  /** Largest magnification tried, default 1.15 (X ≈ 0.38 mm); the largest module that fits up to it wins. */
  readonly maxMagnification?: number;
  /** Force a module width, mm (snapped to the dot grid); refused outside the GS1 range. */
  readonly moduleMm?: number;
  /** Taller bars than the minimum, mm; refused when below what the magnification requires. */
  readonly barHeightMm?: number;
  /** On thermal stock, allow the 75–80 % exception when nothing else fits (default true). */
  readonly allowReducedThermal?: boolean;
  /** Print the ">" quiet-zone mark right of the symbol. */
  readonly quietZoneMark?: boolean;
  /** 1-based position of the first label on the first sheet (skip used labels on a partly used sheet). */
  readonly startPosition?: number;
  readonly calibration?: Partial<Calibration>;
}

export interface BarRect {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type TextRole = 'hri' | 'quietZoneMark' | TextFieldName;

export interface TextRun {
  readonly role: TextRole;
  readonly text: string;
  readonly face: FaceName;
  readonly sizePt: number;
  /** Left end of the text and its baseline. */
  readonly xMm: number;
  readonly baselineMm: number;
  /** Extra space after each character but the last (HRI digits are spread to one per 7 modules). */
  readonly letterSpacingMm: number;
  readonly widthMm: number;
  readonly ascentMm: number;
  readonly descentMm: number;
  /** The value was cut with an ellipsis to fit. */
  readonly truncated: boolean;
}

/** The EAN-13 geometry shared by every label of a job. */
export interface SymbolGeometry {
  readonly moduleMm: number;
  readonly magnification: number;
  /** Module width in printer dots when the template has a dot grid, else null. */
  readonly dotsPerModule: number | null;
  /** Size of one dot of the grid, mm, or null. */
  readonly dotMm: number | null;
  readonly barHeightMm: number;
  /** What GS1 requires for this module (22.85 mm × magnification, or 18.28 mm under the thermal exception). */
  readonly minBarHeightMm: number;
  readonly guardDescentMm: number;
  readonly quietZoneLeftMm: number;
  readonly quietZoneRightMm: number;
  /** True when the 75–80 % thermal exception is in use (bars keep 18.28 mm, quiet zones widened). */
  readonly reducedThermal: boolean;
  /** Left edge of the start guard and top of the bars, relative to the label. */
  readonly xMm: number;
  readonly yMm: number;
  /** Quiet zone to quiet zone. */
  readonly widthMm: number;
  /** Bars plus the human-readable digits below them. */
  readonly heightMm: number;
  readonly hriSizePt: number;
  readonly hriBaselineMm: number;
}

export interface Box {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** What one product's label shows, relative to the label's top-left corner. Copies share one object. */
export interface LabelContent {
  /** The 13 digits encoded. */
  readonly digits: string;
  /** Index of the product in the input. */
  readonly itemIndex: number;
  readonly bars: readonly BarRect[];
  readonly texts: readonly TextRun[];
}

export interface PlacedLabel {
  /** 0-based slot on the page, row by row. */
  readonly slot: number;
  readonly row: number;
  readonly column: number;
  /** Top-left corner of the label on the page. */
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly content: LabelContent;
}

export interface LayoutPage {
  readonly index: number;
  readonly labels: readonly PlacedLabel[];
}

export interface LabelLayout {
  readonly template: LabelTemplate;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly calibration: Calibration;
  readonly symbol: SymbolGeometry;
  readonly arrangement: Arrangement;
  /** 1 when every field got its preferred size; smaller when the frame had to shrink the text. */
  readonly textScale: number;
  /** The quiet zones (relative to a label), kept clear of text and inside the label. */
  readonly quietZones: { readonly left: Box; readonly right: Box };
  readonly pages: readonly LayoutPage[];
  readonly labelCount: number;
}

/** A text line reserved by the frame; each product's value is fitted into it. */
interface TextSlot {
  readonly field: ResolvedField;
  readonly xMm: number;
  readonly widthMm: number;
  readonly baselineMm: number;
  readonly sizePt: number;
  readonly align: 'left' | 'center';
}

/** Everything about a job's labels that does not depend on the product: computed once, then reused. */
export interface LabelFrame {
  readonly template: LabelTemplate;
  readonly symbol: SymbolGeometry;
  readonly arrangement: Arrangement;
  readonly textScale: number;
  readonly slots: readonly TextSlot[];
  readonly fields: readonly ResolvedField[];
  readonly quietZoneMark: boolean;
}

const DEFAULT_MAX_MAGNIFICATION = 1.15;
/** Space between a text block and the bars, mm. */
const TEXT_GAP_MM = 0.6;
/** Space between the right quiet zone and a text column, mm. */
const COLUMN_GAP_MM = 0.3;
/** A text column beside the symbol narrower than this is useless. */
const MIN_COLUMN_MM = 10;
/** Gap between the bottom of the bars and the top of the digits, in modules. */
const HRI_GAP_MODULES = 0.5;
/** The digits fill this share of their 7-module cell. */
const HRI_CELL_FILL = 0.9;
const HRI_SCALES = [1, 0.85, 0.7] as const;

function gridOf(template: LabelTemplate): number | null {
  return template.dpi === null ? null : 25.4 / template.dpi;
}

function snapNearest(value: number, dot: number | null): number {
  return dot === null ? value : Math.round(value / dot - EPSILON_MM) * dot;
}

function snapUp(value: number, dot: number | null): number {
  return dot === null ? value : Math.ceil(value / dot - 1e-4) * dot;
}

function faceOf(metrics: FontMetrics, bold: boolean): FontFace {
  return bold ? metrics.bold : metrics.regular;
}

function lineHeightMm(face: FontFace, sizePt: number): number {
  return face.ascentMm(sizePt) + face.descentMm(sizePt);
}

function checkCalibration(input: Partial<Calibration> | undefined, dot: number | null): Calibration {
  const calibration = { ...noCalibration, ...input };
  const { offsetXMm, offsetYMm, scaleX, scaleY } = calibration;
  const offsetsOk = [offsetXMm, offsetYMm].every((v) => Number.isFinite(v) && Math.abs(v) <= 20);
  const scalesOk = [scaleX, scaleY].every((v) => Number.isFinite(v) && v >= 0.9 && v <= 1.1);
  if (!offsetsOk || !scalesOk) {
    throw new LabelError('labels.options.badCalibration', { offsetXMm, offsetYMm, scaleX, scaleY });
  }
  return { offsetXMm: snapNearest(offsetXMm, dot), offsetYMm: snapNearest(offsetYMm, dot), scaleX, scaleY };
}

/** Module widths to try, largest first: whole dots on a grid, else 0.001 mm steps. */
function moduleCandidates(template: LabelTemplate, options: LayoutOptions): number[] {
  const dot = gridOf(template);
  const reducedAllowed = template.kind === 'thermal' && options.allowReducedThermal !== false;
  const minX = reducedAllowed ? THERMAL_MIN_MODULE_MM : MIN_MODULE_MM;
  const minMagnification = reducedAllowed ? THERMAL_MIN_MAGNIFICATION : MIN_MAGNIFICATION;
  if (options.moduleMm !== undefined) {
    const wanted = options.moduleMm;
    const snapped = dot === null ? wanted : Math.max(1, Math.round(wanted / dot)) * dot;
    if (!Number.isFinite(wanted) || snapped < minX - EPSILON_MM || snapped > MAX_MODULE_MM + EPSILON_MM) {
      throw new LabelError('labels.symbol.moduleOutOfRange', {
        moduleMm: mm(Number.isFinite(snapped) ? snapped : wanted),
        minMm: mm(minX),
        maxMm: mm(MAX_MODULE_MM),
        minPercent: Math.round(minMagnification * 100),
        maxPercent: Math.round(MAX_MAGNIFICATION * 100),
      });
    }
    return [snapped];
  }
  const maxMagnification = options.maxMagnification ?? DEFAULT_MAX_MAGNIFICATION;
  if (!Number.isFinite(maxMagnification) || maxMagnification < minMagnification || maxMagnification > MAX_MAGNIFICATION) {
    throw new LabelError('labels.symbol.magnificationOutOfRange', {
      magnification: Math.round(maxMagnification * 100),
      minPercent: Math.round(minMagnification * 100),
      maxPercent: Math.round(MAX_MAGNIFICATION * 100),
    });
  }
  const maxX = Math.min(MAX_MODULE_MM, NOMINAL_MODULE_MM * maxMagnification);
  const out: number[] = [];
  if (dot !== null) {
    for (let n = Math.floor(maxX / dot + EPSILON_MM); n * dot >= minX - EPSILON_MM && n >= 1; n -= 1) out.push(n * dot);
  } else {
    for (let x = maxX; x > minX + EPSILON_MM; x -= 0.001) out.push(Math.round(x * 10000) / 10000);
    out.push(minX);
  }
  return out;
}

interface SymbolSize {
  readonly moduleMm: number;
  readonly barHeightMm: number;
  readonly minBarHeightMm: number;
  readonly quietZoneLeftMm: number;
  readonly quietZoneRightMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly hriSizePt: number;
  readonly hriGapMm: number;
  readonly hriDigitHeightMm: number;
  readonly reducedThermal: boolean;
}

/** The symbol's size for a module width, or null when the requested bar height is below the GS1 minimum. */
function symbolSize(moduleMm: number, hriScale: number, dot: number | null, metrics: FontMetrics, barHeightMm: number | undefined): SymbolSize | null {
  const minBar = minimumBarHeightMm(moduleMm);
  if (barHeightMm !== undefined && barHeightMm < minBar - EPSILON_MM) return null;
  const barHeight = snapUp(Math.max(minBar, barHeightMm ?? 0), dot);
  const quiet = minimumQuietZonesMm(moduleMm);
  const left = snapUp(quiet.left, dot);
  const right = snapUp(quiet.right, dot);
  const face = metrics.regular;
  const digitAdvanceEm = face.digitAdvance / face.unitsPerEm;
  const digitHeightEm = face.digitHeight / face.unitsPerEm;
  // Digits: one per 7-module character, as tall as OCR-B's 2.75 mm × magnification at most.
  const byWidthMm = (7 * moduleMm * HRI_CELL_FILL) / digitAdvanceEm;
  const byHeightMm = (NOMINAL_HRI_HEIGHT_MM * magnificationOf(moduleMm)) / digitHeightEm;
  const hriSizePt = Math.floor((Math.min(byWidthMm, byHeightMm) / ptToMm(1)) * hriScale * 10) / 10;
  const digitHeightMm = ptToMm(hriSizePt) * digitHeightEm;
  const gap = snapUp(HRI_GAP_MODULES * moduleMm, dot);
  const band = Math.max(GUARD_DESCENT_MODULES * moduleMm, gap + digitHeightMm);
  // One extra dot of width: snapping the bars to the grid may move them right by less than a dot.
  const width = left + SYMBOL_MODULES * moduleMm + right + (dot ?? 0);
  return {
    moduleMm,
    barHeightMm: barHeight,
    minBarHeightMm: minBar,
    quietZoneLeftMm: left,
    quietZoneRightMm: right,
    widthMm: width,
    heightMm: barHeight + snapUp(band, dot),
    hriSizePt,
    hriGapMm: gap,
    hriDigitHeightMm: digitHeightMm,
    reducedThermal: isReducedThermalModule(moduleMm),
  };
}

interface Content {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Placement {
  readonly arrangement: Arrangement;
  readonly scale: number;
  /** Outer left edge (start of the left quiet zone) and top of the bars. */
  readonly symbolLeft: number;
  readonly symbolTop: number;
  readonly slots: TextSlot[];
}

function sizesAt(fields: readonly ResolvedField[], scale: number): number[] {
  return fields.map((field) => Math.max(field.minSizePt, Math.floor(field.sizePt * scale * 10) / 10));
}

function blockHeight(fields: readonly ResolvedField[], sizes: readonly number[], metrics: FontMetrics): number {
  return fields.reduce((sum, field, i) => sum + lineHeightMm(faceOf(metrics, field.bold), sizes[i] ?? field.sizePt), 0);
}

/** Lays text lines top-down from `top`; returns the slots. */
function stackLines(fields: readonly ResolvedField[], sizes: readonly number[], metrics: FontMetrics, top: number, x: number, width: number, align: 'left' | 'center', dot: number | null): TextSlot[] {
  const slots: TextSlot[] = [];
  let y = top;
  fields.forEach((field, i) => {
    const size = sizes[i] ?? field.sizePt;
    const face = faceOf(metrics, field.bold);
    slots.push({ field, xMm: x, widthMm: width, baselineMm: snapNearest(y + face.ascentMm(size), dot), sizePt: size, align });
    y += lineHeightMm(face, size);
  });
  return slots;
}

/** Tries one arrangement at one text scale; null when it does not fit. */
function place(arrangement: Arrangement, scale: number, fields: readonly ResolvedField[], symbol: SymbolSize, box: Content, metrics: FontMetrics, dot: number | null): Placement | null {
  const names = fields.filter((f) => nameFields.includes(f.name));
  const details = fields.filter((f) => !nameFields.includes(f.name));
  if (arrangement === 'hybrid' && (names.length === 0 || details.length === 0)) return null;
  if (symbol.widthMm > box.w + EPSILON_MM || symbol.heightMm > box.h + EPSILON_MM) return null;
  const top = (fs: readonly ResolvedField[]) => ({ fs, sizes: sizesAt(fs, scale) });
  if (arrangement === 'stacked') {
    const block = top(fields);
    const textH = blockHeight(block.fs, block.sizes, metrics);
    const gap = block.fs.length > 0 ? TEXT_GAP_MM : 0;
    const total = textH + gap + symbol.heightMm;
    if (total > box.h + EPSILON_MM) return null;
    const y0 = box.y + (box.h - total) / 2;
    const slots = stackLines(block.fs, block.sizes, metrics, y0, box.x, box.w, 'center', dot);
    return { arrangement, scale, symbolLeft: box.x + (box.w - symbol.widthMm) / 2, symbolTop: y0 + textH + gap, slots };
  }
  const columnX = box.x + symbol.widthMm + COLUMN_GAP_MM;
  const columnW = box.x + box.w - columnX;
  if (arrangement === 'hybrid') {
    if (columnW < MIN_COLUMN_MM) return null;
    const head = top(names);
    const side = top(details);
    const headH = blockHeight(head.fs, head.sizes, metrics);
    const sideH = blockHeight(side.fs, side.sizes, metrics);
    const lower = Math.max(symbol.heightMm, sideH);
    const total = headH + TEXT_GAP_MM + lower;
    if (total > box.h + EPSILON_MM) return null;
    const y0 = box.y + (box.h - total) / 2;
    const lowerTop = y0 + headH + TEXT_GAP_MM;
    const slots = [
      ...stackLines(head.fs, head.sizes, metrics, y0, box.x, box.w, 'left', dot),
      ...stackLines(side.fs, side.sizes, metrics, lowerTop + (lower - sideH) / 2, columnX, columnW, 'left', dot),
    ];
    return { arrangement, scale, symbolLeft: box.x, symbolTop: lowerTop + (lower - symbol.heightMm) / 2, slots };
  }
  // side
  if (fields.length > 0 && columnW < MIN_COLUMN_MM) return null;
  const all = top(fields);
  const textH = blockHeight(all.fs, all.sizes, metrics);
  if (textH > box.h + EPSILON_MM) return null;
  const slots = stackLines(all.fs, all.sizes, metrics, box.y + (box.h - textH) / 2, columnX, columnW, 'left', dot);
  return { arrangement, scale, symbolLeft: box.x, symbolTop: box.y + (box.h - symbol.heightMm) / 2, slots };
}

/** Text scales to try, from the preferred sizes down to every field at its minimum. */
function scales(fields: readonly ResolvedField[]): number[] {
  const floor = fields.reduce((worst, f) => Math.max(worst, f.minSizePt / f.sizePt), 0);
  const out: number[] = [];
  for (let k = 1; k > floor + 1e-9; k -= 0.05) out.push(k);
  out.push(Math.min(1, floor));
  return out;
}

function bestPlacement(fields: readonly ResolvedField[], symbol: SymbolSize, box: Content, metrics: FontMetrics, dot: number | null, wanted: Arrangement | 'auto'): Placement | null {
  const order = wanted === 'auto' ? arrangements : [wanted];
  for (const k of scales(fields)) {
    for (const arrangement of order) {
      const placement = place(arrangement, k, fields, symbol, box, metrics, dot);
      if (placement) return placement;
    }
  }
  return null;
}

/**
 * Computes the frame: the largest GS1-compliant symbol (up to `maxMagnification`) that fits the template
 * together with the configured fields, and where every text line goes. A template or configuration that
 * cannot hold a compliant symbol is refused with a LabelError carrying the figures.
 */
export function planLabelFrame(options: LayoutOptions, metrics: FontMetrics): LabelFrame {
  const template = resolveTemplate(options.template, options.dpi);
  const dot = gridOf(template);
  const fields = resolveFields(template.defaultFields, options.fields);
  const pad = template.paddingMm;
  const box: Content = {
    x: pad.left,
    y: pad.top,
    w: template.labelWidthMm - pad.left - pad.right,
    h: template.labelHeightMm - pad.top - pad.bottom,
  };
  const wanted = options.arrangement ?? 'auto';
  const candidates = moduleCandidates(template, options);
  let tooShort = true;
  for (const moduleMm of candidates) {
    for (const hriScale of HRI_SCALES) {
      const symbol = symbolSize(moduleMm, hriScale, dot, metrics, options.barHeightMm);
      if (!symbol) break;
      tooShort = false;
      const placement = bestPlacement(fields, symbol, box, metrics, dot, wanted);
      if (placement) return buildFrame(template, fields, symbol, placement, dot, options.quietZoneMark === true);
    }
  }
  const smallest = candidates[candidates.length - 1] ?? MIN_MODULE_MM;
  if (tooShort) {
    throw new LabelError('labels.symbol.barHeightTooShort', {
      barHeightMm: mm(options.barHeightMm ?? 0),
      minBarHeightMm: mm(minimumBarHeightMm(smallest)),
      moduleMm: mm(smallest),
      magnification: Math.round(magnificationOf(smallest) * 100),
    });
  }
  throw refusal(template, fields, smallest, dot, metrics, box, options.barHeightMm);
}

/** The explanation for a refusal, with the figures of the most lenient attempt (smallest module, smallest text). */
function refusal(template: LabelTemplate, fields: readonly ResolvedField[], moduleMm: number, dot: number | null, metrics: FontMetrics, box: Content, barHeightMm: number | undefined): LabelError {
  const minHri = HRI_SCALES[HRI_SCALES.length - 1] ?? 1;
  const symbol = symbolSize(moduleMm, minHri, dot, metrics, barHeightMm) ?? symbolSize(moduleMm, minHri, dot, metrics, undefined);
  if (!symbol) return new LabelError('labels.layout.symbolDoesNotFit', { template: template.id });
  const common = {
    template: template.id,
    moduleMm: mm(moduleMm),
    magnification: Math.round(magnificationOf(moduleMm) * 100),
    barHeightMm: mm(symbol.barHeightMm),
    availableWidthMm: mm(box.w),
    availableHeightMm: mm(box.h),
  };
  if (symbol.widthMm > box.w + EPSILON_MM || symbol.heightMm > box.h + EPSILON_MM) {
    return new LabelError('labels.layout.symbolDoesNotFit', { ...common, neededWidthMm: mm(symbol.widthMm), neededHeightMm: mm(symbol.heightMm) });
  }
  const minSizes = fields.map((f) => f.minSizePt);
  const textH = blockHeight(fields, minSizes, metrics);
  return new LabelError('labels.layout.fieldsDoNotFit', {
    ...common,
    fields: fields.map((f) => fieldColumns[f.name]).join(', '),
    neededHeightMm: mm(symbol.heightMm + TEXT_GAP_MM + textH),
    neededWidthMm: mm(symbol.widthMm + COLUMN_GAP_MM + MIN_COLUMN_MM),
  });
}

function buildFrame(template: LabelTemplate, fields: readonly ResolvedField[], size: SymbolSize, placement: Placement, dot: number | null, quietZoneMark: boolean): LabelFrame {
  const x = snapUp(placement.symbolLeft + size.quietZoneLeftMm, dot);
  const y = snapNearest(placement.symbolTop, dot);
  const moduleMm = size.moduleMm;
  const hriBaseline = snapNearest(y + size.barHeightMm + size.hriGapMm + size.hriDigitHeightMm, dot);
  const symbol: SymbolGeometry = {
    moduleMm,
    magnification: magnificationOf(moduleMm),
    dotsPerModule: dot === null ? null : Math.round(moduleMm / dot),
    dotMm: dot,
    barHeightMm: size.barHeightMm,
    minBarHeightMm: size.minBarHeightMm,
    guardDescentMm: GUARD_DESCENT_MODULES * moduleMm,
    quietZoneLeftMm: size.quietZoneLeftMm,
    quietZoneRightMm: size.quietZoneRightMm,
    reducedThermal: size.reducedThermal,
    xMm: x,
    yMm: y,
    widthMm: size.quietZoneLeftMm + SYMBOL_MODULES * moduleMm + size.quietZoneRightMm,
    heightMm: size.heightMm,
    hriSizePt: size.hriSizePt,
    hriBaselineMm: hriBaseline,
  };
  return {
    template,
    symbol,
    arrangement: placement.arrangement,
    textScale: Math.round(placement.scale * 100) / 100,
    slots: placement.slots,
    fields,
    quietZoneMark,
  };
}

const ELLIPSIS = '…';

/** Fits one value into its line: shrink to the field's minimum size, then cut with an ellipsis. */
function fitText(text: string, slot: TextSlot, face: FontFace, dot: number | null, role: TextRole, faceName: FaceName): TextRun {
  let size = slot.sizePt;
  let value = text;
  let width = face.widthMm(value, size);
  let truncated = false;
  if (width > slot.widthMm) {
    size = Math.max(slot.field.minSizePt, Math.floor(((size * slot.widthMm) / width) * 10) / 10);
    width = face.widthMm(value, size);
    if (width > slot.widthMm) {
      const chars = Array.from(text);
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
        if (face.widthMm(candidate, size) <= slot.widthMm) lo = mid;
        else hi = mid - 1;
      }
      value = `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
      width = face.widthMm(value, size);
      truncated = true;
    }
  }
  const x = slot.align === 'center' ? slot.xMm + (slot.widthMm - width) / 2 : slot.xMm;
  return {
    role,
    text: value,
    face: faceName,
    sizePt: size,
    xMm: snapNearest(x, dot),
    baselineMm: slot.baselineMm,
    letterSpacingMm: 0,
    widthMm: width,
    ascentMm: face.ascentMm(size),
    descentMm: face.descentMm(size),
    truncated,
  };
}

function fieldValue(item: LabelItem, field: ResolvedField): string {
  const raw = field.name === 'quantity' ? [item.quantity, item.unit].filter((v) => v !== '').join(' ') : item[field.name];
  const value = raw.replace(/\s+/gu, ' ').trim();
  return value === '' ? '' : `${field.prefix}${value}`;
}

/** The HRI digits: the first left of the start guard, then two groups of six, one digit per 7-module character. */
function hriRuns(digits: string, frame: LabelFrame, face: FontFace): TextRun[] {
  const { symbol } = frame;
  const x = symbol.moduleMm;
  const size = symbol.hriSizePt;
  const advance = (face.digitAdvance / face.unitsPerEm) * ptToMm(size);
  const spacing = 7 * x - advance;
  const inset = spacing / 2;
  const run = (text: string, xMm: number, role: TextRole = 'hri', sizePt = size): TextRun => ({
    role,
    text,
    face: 'regular',
    sizePt,
    xMm,
    baselineMm: symbol.hriBaselineMm,
    letterSpacingMm: text.length > 1 ? spacing : 0,
    widthMm: face.widthMm(text, sizePt, text.length > 1 ? spacing : 0),
    ascentMm: face.ascentMm(sizePt),
    // Digits and ">" sit on the baseline: no descender space is reserved (or drawn) below them.
    descentMm: 0,
    truncated: false,
  });
  const runs = [
    run(digits.slice(0, 1), snapNearest(symbol.xMm - 7 * x + inset, symbol.dotMm)),
    run(digits.slice(1, 7), snapNearest(symbol.xMm + 3 * x + inset, symbol.dotMm)),
    run(digits.slice(7, 13), snapNearest(symbol.xMm + 50 * x + inset, symbol.dotMm)),
  ];
  if (frame.quietZoneMark) {
    // The ">" sits in the right quiet zone, one module after the end guard, no wider than 5 modules.
    const markEm = face.advance(0x3e) / face.unitsPerEm;
    const markSize = Math.min(size, Math.floor(((5 * x) / markEm / ptToMm(1)) * 10) / 10);
    runs.push(run('>', symbol.xMm + (SYMBOL_MODULES + 1) * x, 'quietZoneMark', markSize));
  }
  return runs;
}

/** The bars and text of one product's label (relative to the label), from a frame. */
export function labelContent(frame: LabelFrame, item: LabelItem, itemIndex: number, metrics: FontMetrics): LabelContent {
  const { symbol } = frame;
  const dot = symbol.dotMm;
  const bars: BarRect[] = encodeEan13(item.digits).map((run) => ({
    xMm: symbol.xMm + run.start * symbol.moduleMm,
    yMm: symbol.yMm,
    widthMm: run.width * symbol.moduleMm,
    heightMm: symbol.barHeightMm + (run.guard ? symbol.guardDescentMm : 0),
  }));
  const texts: TextRun[] = [];
  for (const slot of frame.slots) {
    const value = fieldValue(item, slot.field);
    if (value === '') continue;
    const faceName: FaceName = slot.field.bold ? 'bold' : 'regular';
    texts.push(fitText(value, slot, faceOf(metrics, slot.field.bold), dot, slot.field.name, faceName));
  }
  texts.push(...hriRuns(item.digits, frame, metrics.regular));
  return { digits: item.digits, itemIndex, bars, texts };
}

/**
 * Lays out a whole job: each item `copies` times, slot after slot from `startPosition` on the first page.
 * Items must be checked first (`checkLabelItem`); configuration problems throw a LabelError.
 */
export function layoutLabels(items: readonly LabelItem[], options: LayoutOptions, metrics: FontMetrics): LabelLayout {
  const frame = planLabelFrame(options, metrics);
  const builder = new LayoutBuilder(frame, options, metrics);
  items.forEach((item, index) => builder.add(item, index));
  return builder.finish();
}

/** Incremental form of `layoutLabels` for streamed input: `add` items as they arrive, then `finish`. */
export class LayoutBuilder {
  private readonly pages: { index: number; labels: PlacedLabel[] }[] = [];
  private readonly perPage: number;
  private readonly calibration: Calibration;
  private readonly origins: { xMm: number; yMm: number; row: number; column: number }[];
  private nextSlot: number;
  private count = 0;

  constructor(
    readonly frame: LabelFrame,
    options: Pick<LayoutOptions, 'startPosition' | 'calibration'>,
    private readonly metrics: FontMetrics,
  ) {
    const template = frame.template;
    const dot = frame.symbol.dotMm;
    this.perPage = labelsPerPage(template);
    const start = options.startPosition ?? 1;
    if (!Number.isInteger(start) || start < 1 || start > this.perPage) {
      throw new LabelError('labels.options.badStart', { start: String(start), max: this.perPage });
    }
    this.nextSlot = start - 1;
    this.calibration = checkCalibration(options.calibration, dot);
    // Label origins on the dot grid, so that bars relative to a label stay on the printer's grid.
    this.origins = Array.from({ length: this.perPage }, (_, slot) => {
      const origin = slotOrigin(template, slot);
      return { ...origin, xMm: snapNearest(origin.xMm, dot), yMm: snapNearest(origin.yMm, dot) };
    });
  }

  add(item: LabelItem, itemIndex: number): LabelContent {
    const content = labelContent(this.frame, item, itemIndex, this.metrics);
    for (let copy = 0; copy < item.copies; copy += 1) this.place(content);
    return content;
  }

  private place(content: LabelContent): void {
    const slot = this.nextSlot % this.perPage;
    const pageIndex = Math.floor(this.nextSlot / this.perPage);
    let page = this.pages[this.pages.length - 1];
    if (!page || page.index !== pageIndex) {
      page = { index: pageIndex, labels: [] };
      this.pages.push(page);
    }
    const origin = this.origins[slot] ?? { xMm: 0, yMm: 0, row: 0, column: 0 };
    page.labels.push({
      slot,
      row: origin.row,
      column: origin.column,
      xMm: origin.xMm,
      yMm: origin.yMm,
      widthMm: this.frame.template.labelWidthMm,
      heightMm: this.frame.template.labelHeightMm,
      content,
    });
    this.nextSlot += 1;
    this.count += 1;
  }

  finish(): LabelLayout {
    const { frame } = this;
    const { symbol, template } = frame;
    const barsBottom = symbol.yMm + symbol.barHeightMm;
    const pages = this.pages.map((page, i) => ({ index: i, labels: page.labels }));
    return {
      template,
      pageWidthMm: template.pageWidthMm,
      pageHeightMm: template.pageHeightMm,
      calibration: this.calibration,
      symbol,
      arrangement: frame.arrangement,
      textScale: frame.textScale,
      quietZones: {
        left: { xMm: symbol.xMm - symbol.quietZoneLeftMm, yMm: symbol.yMm, widthMm: symbol.quietZoneLeftMm, heightMm: barsBottom - symbol.yMm },
        right: { xMm: symbol.xMm + SYMBOL_MODULES * symbol.moduleMm, yMm: symbol.yMm, widthMm: symbol.quietZoneRightMm, heightMm: barsBottom - symbol.yMm },
      },
      pages,
      labelCount: this.count,
    };
  }
}
