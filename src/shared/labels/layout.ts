/**
 * The layout engine: plans a job's frame (symbol size and text lines, once per job) and places every
 * product's label on the pages. The model it produces is in layout-model.ts.
 */
import { encodeEan13 } from './ean13.ts';
import { LabelError, mm } from './errors.ts';
import { fieldColumns, resolveFields, type ResolvedField } from './fields.ts';
import type { FontFace, FontMetrics } from './font.ts';
import { EPSILON_MM, GUARD_DESCENT_MODULES, MIN_MODULE_MM, SYMBOL_MODULES, magnificationOf, minimumBarHeightMm } from './gs1-symbol.ts';
import { gridOf, snapNearest, snapUp } from './grid.ts';
import {
  noCalibration,
  type BarRect,
  type Calibration,
  type LabelContent,
  type LabelFrame,
  type LabelLayout,
  type LayoutOptions,
  type PlacedLabel,
  type SymbolGeometry,
  type TextRole,
  type TextRun,
  type TextSlot,
} from './layout-model.ts';
import type { LabelItem } from './records.ts';
import { HRI_SCALES, moduleCandidates, symbolSize, type SymbolSize } from './symbol-size.ts';
import { blockRuns, fieldValue } from './text-fit.ts';
import { COLUMN_GAP_MM, MIN_COLUMN_MM, TEXT_GAP_MM, bestPlacement, blockHeight, type Content, type Placement } from './text-placement.ts';
import { labelsPerPage, resolveTemplate, slotOrigin, type LabelTemplate } from './templates.ts';
import { ptToMm } from './units.ts';

export {
  arrangements,
  noCalibration,
  type Arrangement,
  type BarRect,
  type Box,
  type Calibration,
  type FaceName,
  type LabelContent,
  type LabelFrame,
  type LabelLayout,
  type LayoutOptions,
  type LayoutPage,
  type PlacedLabel,
  type SymbolGeometry,
  type TextRole,
  type TextRun,
  type TextSlot,
} from './layout-model.ts';

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
  const columns = new Map<number, TextSlot[]>();
  for (const slot of frame.slots) columns.set(slot.column, [...(columns.get(slot.column) ?? []), slot]);
  for (const slots of columns.values()) {
    texts.push(...blockRuns(slots, slots.map((slot) => fieldValue(item, slot.field)), metrics, dot));
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
