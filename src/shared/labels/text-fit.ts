/**
 * Fitting one product's values into the lines the frame reserved. A value too long for its line first
 * wraps over two lines (names, producer, country) where its block has room in the label, then shrinks
 * towards its minimum size; a producer may then take a third line; "…" is the last resort. The PDF and ZPL renderers
 * draw the runs made here, so both break the lines in the same places.
 */
import type { FaceName, FontFace, FontMetrics } from './font.ts';
import type { ResolvedField } from './fields.ts';
import { snapNearest } from './grid.ts';
import type { TextRole, TextRun, TextSlot } from './layout-model.ts';
import type { LabelItem } from './records.ts';
import { ptToMm } from './units.ts';

const ELLIPSIS = '…';
/** Sizes are chosen in tenths of a point. */
const tenthDown = (value: number): number => Math.floor(value * 10) / 10;

function faceOf(metrics: FontMetrics, bold: boolean): FontFace {
  return bold ? metrics.bold : metrics.regular;
}

function lineHeightMm(face: FontFace, sizePt: number): number {
  return face.ascentMm(sizePt) + face.descentMm(sizePt);
}

function run(text: string, sizePt: number, slot: TextSlot, face: FontFace, dot: number | null, baselineMm: number, truncated: boolean): TextRun {
  const width = face.widthMm(text, sizePt);
  const x = slot.align === 'center' ? slot.xMm + (slot.widthMm - width) / 2 : slot.xMm;
  const faceName: FaceName = slot.field.bold ? 'bold' : 'regular';
  const role: TextRole = slot.field.name;
  return {
    role,
    text,
    face: faceName,
    sizePt,
    xMm: snapNearest(x, dot),
    baselineMm,
    letterSpacingMm: 0,
    widthMm: width,
    ascentMm: face.ascentMm(sizePt),
    descentMm: face.descentMm(sizePt),
    truncated,
  };
}

/** The longest start of `text` that fits `widthMm` with "…" after it. */
function ellipsized(text: string, face: FontFace, sizePt: number, widthMm: number): string {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (face.widthMm(`${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`, sizePt) <= widthMm) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** One line: shrink to the field's minimum size, then cut with an ellipsis (the frame's own line). */
function oneLine(text: string, slot: TextSlot, face: FontFace, dot: number | null, baselineMm = slot.baselineMm): TextRun {
  let size = slot.sizePt;
  const width = face.widthMm(text, size);
  if (width <= slot.widthMm) return run(text, size, slot, face, dot, baselineMm, false);
  size = Math.max(slot.field.minSizePt, tenthDown((size * slot.widthMm) / width));
  if (face.widthMm(text, size) <= slot.widthMm) return run(text, size, slot, face, dot, baselineMm, false);
  return run(ellipsized(text, face, size, slot.widthMm), size, slot, face, dot, baselineMm, true);
}

/** A place a value may break: the line before ends at `end` (exclusive), the next one starts at `start`. */
interface Break {
  readonly end: number;
  readonly start: number;
}

/**
 * A value measured once: its characters, the running width of each prefix at 1 pt (text is measured as the
 * sum of glyph advances, so any run's width is a difference of two of these), and where it may break.
 */
interface Measured {
  readonly chars: readonly string[];
  readonly prefixPerPt: readonly number[];
  readonly breaks: readonly Break[];
}

/** A line never starts with closing punctuation, a slash or "%" ("3,2 %" stays whole), nor ends with an opening quote. */
const noLineStart = /^[/\-–—:;,.!?»)%]$/u;
const noLineEnd = /^[«(„“]$/u;

/** Breaks at a space (dropped), or after a hyphen or slash inside a word (kept). */
function measure(text: string, face: FontFace): Measured {
  const chars = Array.from(text);
  const mmPerUnit = ptToMm(1) / face.unitsPerEm;
  const prefixPerPt = [0];
  let total = 0;
  for (const char of chars) {
    total += face.advance(char.codePointAt(0) ?? 0) * mmPerUnit;
    prefixPerPt.push(total);
  }
  const breaks: Break[] = [];
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    if (i === 0 || next === undefined) return;
    let candidate: Break | null = null;
    if (char === ' ') candidate = { end: i, start: i + 1 };
    else if ((char === '-' || char === '/') && next !== ' ' && chars[i - 1] !== ' ') candidate = { end: i + 1, start: i + 1 };
    if (!candidate) return;
    const last = chars[candidate.end - 1] ?? '';
    const first = chars[candidate.start] ?? '';
    if (last !== ' ' && first !== ' ' && !noLineStart.test(first) && !noLineEnd.test(last)) breaks.push(candidate);
  });
  return { chars, prefixPerPt, breaks };
}

function widthPerPt(measured: Measured, from: number, to: number): number {
  return (measured.prefixPerPt[to] ?? 0) - (measured.prefixPerPt[from] ?? 0);
}

function slice(measured: Measured, from: number, to: number): string {
  return measured.chars.slice(from, to).join('');
}

/**
 * The value from `from` on broken into exactly `count` lines so that the longest is shortest (balanced lines
 * allow the largest size), with that longest width at 1 pt; null when it has too few places to break.
 */
function balancedLines(measured: Measured, count: number, from = 0): { lines: string[]; widthPerPt: number } | null {
  const end = measured.chars.length;
  if (count === 1) return { lines: [slice(measured, from, end)], widthPerPt: widthPerPt(measured, from, end) };
  let best: { lines: string[]; widthPerPt: number } | null = null;
  for (const cut of measured.breaks) {
    if (cut.end <= from) continue;
    const first = widthPerPt(measured, from, cut.end);
    if (best && first >= best.widthPerPt) break; // later breaks only make the first line longer
    const tail = balancedLines(measured, count - 1, cut.start);
    if (!tail) continue;
    const widest = Math.max(first, tail.widthPerPt);
    if (!best || widest < best.widthPerPt) best = { lines: [slice(measured, from, cut.end), ...tail.lines], widthPerPt: widest };
  }
  return best;
}

/** `count` lines at `sizePt` for a value that cannot fit them whole: each line as full as it can be, the last cut. */
function cutOverLines(measured: Measured, face: FontFace, sizePt: number, widthMm: number, count: number): string[] {
  const lines: string[] = [];
  const end = measured.chars.length;
  const room = widthMm / sizePt;
  let from = 0;
  while (lines.length < count - 1 && from < end) {
    const fitting = measured.breaks.filter((cut) => cut.end > from && widthPerPt(measured, from, cut.end) <= room);
    const chosen = fitting[fitting.length - 1];
    if (chosen) {
      lines.push(slice(measured, from, chosen.end));
      from = chosen.start;
      continue;
    }
    // One long word: break it where the line ends.
    let taken = from + 1;
    while (taken < end && widthPerPt(measured, from, taken + 1) <= room) taken += 1;
    lines.push(slice(measured, from, taken));
    from = taken;
    while (measured.chars[from] === ' ') from += 1;
  }
  if (from < end) {
    const rest = slice(measured, from, end);
    lines.push(widthPerPt(measured, from, end) <= room ? rest : ellipsized(rest, face, sizePt, widthMm));
  }
  return lines;
}

/** How one value is set: one line at the slot's place, or several lines (then the block is stacked again). */
type Setting =
  | { readonly kind: 'line'; readonly slot: TextSlot; readonly text: string }
  | { readonly kind: 'wrapped'; readonly slot: TextSlot; readonly lines: readonly string[]; readonly sizePt: number; readonly truncated: boolean };

/** The height a setting takes in its block: a single line keeps its slot's line, a wrapped value its own lines. */
function heightOf(setting: Setting, face: FontFace): number {
  return setting.kind === 'line' ? lineHeightMm(face, setting.slot.sizePt) : setting.lines.length * lineHeightMm(face, setting.sizePt);
}

/**
 * Decides one value, in this order: one line at the slot's size; two lines at that size; the larger of one
 * shrunk line and two shrunk lines (one line on a tie); more lines, up to the field's `maxLines`, at the
 * largest size that fits; and only then, at the minimum size, the lines that fit with the last one cut
 * ("…"). Lines must fit the width and `spareMm`, the height the block has left for this value.
 */
function settle(slot: TextSlot, text: string, face: FontFace, spareMm: number): Setting {
  const field: ResolvedField = slot.field;
  const full = face.widthMm(text, slot.sizePt);
  if (full <= slot.widthMm || field.maxLines < 2) return { kind: 'line', slot, text };
  const heightPerPt = lineHeightMm(face, 1);
  const measured = measure(text, face);
  /** The largest size for `count` balanced lines (0 when they cannot be made). */
  const sizeFor = (count: number) => {
    const balanced = balancedLines(measured, count);
    if (!balanced) return { size: 0, lines: [] as string[] };
    return { size: Math.min(slot.sizePt, tenthDown(spareMm / (count * heightPerPt)), tenthDown(slot.widthMm / balanced.widthPerPt)), lines: balanced.lines };
  };
  const wrapped = (lines: readonly string[], sizePt: number, truncated = false): Setting => ({ kind: 'wrapped', slot, lines, sizePt, truncated });
  const oneLineSize = Math.min(slot.sizePt, tenthDown((slot.sizePt * slot.widthMm) / full));
  const two = sizeFor(2);
  if (two.size >= slot.sizePt) return wrapped(two.lines, two.size);
  if (two.size >= field.minSizePt && two.size > oneLineSize) return wrapped(two.lines, two.size);
  if (oneLineSize >= field.minSizePt) return { kind: 'line', slot, text };
  for (let count = 3; count <= field.maxLines; count += 1) {
    const more = sizeFor(count);
    if (more.size >= field.minSizePt) return wrapped(more.lines, more.size);
  }
  // The last resort, at the minimum size: as many lines as the block has room for, the last one cut.
  const room = Math.min(field.maxLines, Math.floor(spareMm / (field.minSizePt * heightPerPt) + 1e-9));
  if (room < 2) return { kind: 'line', slot, text };
  const lines = cutOverLines(measured, face, field.minSizePt, slot.widthMm, room);
  return wrapped(lines, field.minSizePt, lines[lines.length - 1]?.endsWith(ELLIPSIS) === true);
}

/**
 * The text runs of one block (slots sharing a column) for one product. When every value keeps to one line,
 * each stays on its slot's line exactly as the frame placed it; when one wraps, the block is stacked again
 * around its old centre, kept inside the band the frame allows it.
 */
export function blockRuns(slots: readonly TextSlot[], values: readonly string[], metrics: FontMetrics, dot: number | null): TextRun[] {
  const filled = slots.flatMap((slot, i) => (values[i] ? [{ slot, text: values[i] }] : []));
  const first = slots[0];
  if (!first || filled.length === 0) return [];
  const face = (slot: TextSlot) => faceOf(metrics, slot.field.bold);
  const budget = first.regionBottomMm - first.regionTopMm;
  const settings: Setting[] = [];
  let used = 0;
  filled.forEach(({ slot, text }, i) => {
    const after = filled.slice(i + 1).reduce((sum, next) => sum + lineHeightMm(face(next.slot), next.slot.sizePt), 0);
    const setting = settle(slot, text, face(slot), budget - used - after);
    settings.push(setting);
    used += heightOf(setting, face(slot));
  });
  if (settings.every((setting) => setting.kind === 'line')) {
    return settings.map((setting) => oneLine(setting.kind === 'line' ? setting.text : '', setting.slot, face(setting.slot), dot));
  }
  // The old block's centre, from its first line's top to its last line's bottom.
  const last = slots[slots.length - 1] ?? first;
  const oldTop = first.baselineMm - face(first).ascentMm(first.sizePt);
  const oldBottom = last.baselineMm + face(last).descentMm(last.sizePt);
  let y = Math.min(Math.max((oldTop + oldBottom) / 2 - used / 2, first.regionTopMm), first.regionBottomMm - used);
  const runs: TextRun[] = [];
  for (const setting of settings) {
    const slotFace = face(setting.slot);
    if (setting.kind === 'line') {
      runs.push(oneLine(setting.text, setting.slot, slotFace, dot, snapNearest(y + slotFace.ascentMm(setting.slot.sizePt), dot)));
      y += lineHeightMm(slotFace, setting.slot.sizePt);
      continue;
    }
    setting.lines.forEach((line, index) => {
      const truncated = setting.truncated && index === setting.lines.length - 1;
      runs.push(run(line, setting.sizePt, setting.slot, slotFace, dot, snapNearest(y + slotFace.ascentMm(setting.sizePt), dot), truncated));
      y += lineHeightMm(slotFace, setting.sizePt);
    });
  }
  return runs;
}

export function fieldValue(item: LabelItem, field: ResolvedField): string {
  const raw = field.name === 'quantity' ? [item.quantity, item.unit].filter((v) => v !== '').join(' ') : item[field.name];
  const value = raw.replace(/\s+/gu, ' ').trim();
  return value === '' ? '' : `${field.prefix}${value}`;
}
