/**
 * Where a job's text lines go around the symbol: three arrangements (all above; names above and details
 * beside; all beside), tried at shrinking text scales until one fits the label.
 */
import type { ResolvedField } from './fields.ts';
import { nameFields } from './fields.ts';
import type { FontFace, FontMetrics } from './font.ts';
import { EPSILON_MM } from './gs1-symbol.ts';
import { snapNearest } from './grid.ts';
import { arrangements, type Arrangement, type TextSlot } from './layout-model.ts';
import type { SymbolSize } from './symbol-size.ts';

/** Space between a text block and the bars, mm. */
export const TEXT_GAP_MM = 0.6;
/** Space between the right quiet zone and a text column, mm. */
export const COLUMN_GAP_MM = 0.3;
/** A text column beside the symbol narrower than this is useless. */
export const MIN_COLUMN_MM = 10;

export function faceOf(metrics: FontMetrics, bold: boolean): FontFace {
  return bold ? metrics.bold : metrics.regular;
}

export function lineHeightMm(face: FontFace, sizePt: number): number {
  return face.ascentMm(sizePt) + face.descentMm(sizePt);
}

export interface Content {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Placement {
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

export function blockHeight(fields: readonly ResolvedField[], sizes: readonly number[], metrics: FontMetrics): number {
  return fields.reduce((sum, field, i) => sum + lineHeightMm(faceOf(metrics, field.bold), sizes[i] ?? field.sizePt), 0);
}

/** A block of lines: its column number and the band of the label it may spread over when a value wraps. */
interface Column {
  readonly column: number;
  readonly regionTopMm: number;
  readonly regionBottomMm: number;
}

/** Lays text lines top-down from `top`; returns the slots. */
function stackLines(fields: readonly ResolvedField[], sizes: readonly number[], metrics: FontMetrics, top: number, x: number, width: number, align: 'left' | 'center', dot: number | null, column: Column): TextSlot[] {
  const slots: TextSlot[] = [];
  let y = top;
  fields.forEach((field, i) => {
    const size = sizes[i] ?? field.sizePt;
    const face = faceOf(metrics, field.bold);
    slots.push({ field, xMm: x, widthMm: width, baselineMm: snapNearest(y + face.ascentMm(size), dot), sizePt: size, align, ...column });
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
    const slots = stackLines(block.fs, block.sizes, metrics, y0, box.x, box.w, 'center', dot, { column: 0, regionTopMm: box.y, regionBottomMm: y0 + textH });
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
      ...stackLines(head.fs, head.sizes, metrics, y0, box.x, box.w, 'left', dot, { column: 0, regionTopMm: box.y, regionBottomMm: lowerTop - TEXT_GAP_MM }),
      ...stackLines(side.fs, side.sizes, metrics, lowerTop + (lower - sideH) / 2, columnX, columnW, 'left', dot, { column: 1, regionTopMm: lowerTop, regionBottomMm: box.y + box.h }),
    ];
    return { arrangement, scale, symbolLeft: box.x, symbolTop: lowerTop + (lower - symbol.heightMm) / 2, slots };
  }
  // side
  if (fields.length > 0 && columnW < MIN_COLUMN_MM) return null;
  const all = top(fields);
  const textH = blockHeight(all.fs, all.sizes, metrics);
  if (textH > box.h + EPSILON_MM) return null;
  const slots = stackLines(all.fs, all.sizes, metrics, box.y + (box.h - textH) / 2, columnX, columnW, 'left', dot, { column: 0, regionTopMm: box.y, regionBottomMm: box.y + box.h });
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

export function bestPlacement(fields: readonly ResolvedField[], symbol: SymbolSize, box: Content, metrics: FontMetrics, dot: number | null, wanted: Arrangement | 'auto'): Placement | null {
  const order = wanted === 'auto' ? arrangements : [wanted];
  for (const k of scales(fields)) {
    for (const arrangement of order) {
      const placement = place(arrangement, k, fields, symbol, box, metrics, dot);
      if (placement) return placement;
    }
  }
  return null;
}

