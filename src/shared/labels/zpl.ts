import { encodeEan13 } from './ean13.ts';
import { LabelError } from './errors.ts';
import type { FontMetrics } from './font.ts';
import type { LabelContent, LabelLayout, TextRun } from './layout.ts';
import { packBitmap, rasterizeText } from './raster.ts';

/*
 * ZPL II output for thermal templates, from the same layout model as the PDF (labels.md §5.3):
 *
 *   ^XA ^CI28 ^PW<width dots> ^LL<length dots> ^LH0,0
 *   ^FO<x>,<y> ^BY<module dots>,2,<h> ^BEN,<h>,N,N ^FD<12 digits> ^FS     the EAN-13, printer-encoded
 *   ^FO<x>,<y> ^GB<w>,<h>,<w> ^FS                                          guard bars' 5-module descent
 *   ^FO<x>,<y> ^GFA,<bytes>,<bytes>,<bytes per row>,<data> ^FS             each text line as a bitmap
 *   ^PQ<copies>                                                            identical consecutive labels
 *   ^XZ
 *
 * Text decision: the printers' built-in fonts lack the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І), and a downloaded
 * TTF (~DU/^A@) depends on what each printer has in memory. So every text line, the human-readable digits
 * included, is rasterised here from the label TTF at the printer's resolution and sent as a `^GFA` graphic
 * field (ZPL's ASCII-hex compression). Output is self-contained, works on any ZPL printer, and matches the
 * PDF. `^CI28` (UTF-8) is still set so `^FX` comments carrying the text stay readable.
 * `^BE` gets the first 12 digits (the printer computes the check digit) with its own interpretation line
 * off; the field origin is taken as the left edge of the start guard [guess: confirm on a real printer].
 * Calibration: the offset moves every field (in dots); scale does not apply to a printer's own dot grid.
 */

export interface ZplRenderOptions {
  /** Merge runs of identical labels into one format with `^PQ` (default true). */
  readonly groupCopies?: boolean;
}

const ZPL_COUNT_LOW = 'GHIJKLMNOPQRSTUVWXY'; // 1–19
const ZPL_COUNT_HIGH = 'ghijklmnopqrstuvwxyz'; // 20, 40, … 400

/** ZPL's ASCII compression of one repeated hex character. */
function repeat(char: string, count: number): string {
  let out = '';
  let left = count;
  while (left > 0) {
    const chunk = Math.min(left, 419);
    const high = Math.floor(chunk / 20);
    const low = chunk % 20;
    if (chunk === 1) out += char;
    else out += `${high > 0 ? (ZPL_COUNT_HIGH[high - 1] ?? '') : ''}${low > 0 ? (ZPL_COUNT_LOW[low - 1] ?? '') : ''}${char}`;
    left -= chunk;
  }
  return out;
}

const HEX_DIGITS = '0123456789ABCDEF';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Hex rows compressed with ZPL's scheme (Zebra ZPL II guide, "Alternative data compression scheme for ~DG and
 * ~DB"; also valid in `^GFA`): G–Y and g–z repeat counts, `,` fills the rest of a row with 0, `!` with 1,
 * `:` repeats the previous row. Built from parts joined once, so the result is one flat string.
 */
export function compressGraphicRows(rows: readonly Uint8Array[]): string {
  const parts: string[] = [];
  let previous: Uint8Array | null = null;
  for (const bytes of rows) {
    if (previous !== null && sameBytes(previous, bytes)) {
      parts.push(':');
      continue;
    }
    previous = bytes;
    const nibble = (i: number): number => {
      const byte = bytes[i >> 1] ?? 0;
      return i % 2 === 0 ? byte >> 4 : byte & 15;
    };
    let end = bytes.length * 2;
    let tail = '';
    let zeros = end;
    while (zeros > 0 && nibble(zeros - 1) === 0) zeros -= 1;
    if (end - zeros > 1) {
      end = zeros;
      tail = ',';
    } else {
      let ones = end;
      while (ones > 0 && nibble(ones - 1) === 15) ones -= 1;
      if (end - ones > 1) {
        end = ones;
        tail = '!';
      }
    }
    let i = 0;
    while (i < end) {
      const value = nibble(i);
      let j = i + 1;
      while (j < end && nibble(j) === value) j += 1;
      parts.push(repeat(HEX_DIGITS.charAt(value), j - i));
      i = j;
    }
    if (tail !== '') parts.push(tail);
  }
  return parts.join('');
}

function dotsOf(mm: number, dpi: number): number {
  return Math.round((mm * dpi) / 25.4);
}

/** Keeps `^` and `~` (ZPL prefixes) and control characters out of a comment. */
function commentSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\^~\u0000-\u001f]/gu, ' ');
}

function textField(run: TextRun, metrics: FontMetrics, dpi: number, offX: number, offY: number, cache: Map<string, string>): string {
  const face = run.face === 'bold' ? metrics.bold : metrics.regular;
  const dpmm = dpi / 25.4;
  const leftExact = run.xMm * dpmm;
  const left = Math.floor(leftExact);
  const top = Math.floor((run.baselineMm - run.ascentMm) * dpmm);
  const baseline = run.baselineMm * dpmm - top;
  const width = Math.ceil(run.widthMm * dpmm + (leftExact - left)) + 2;
  const height = Math.ceil((run.ascentMm + run.descentMm) * dpmm) + 1;
  const spacing = run.letterSpacingMm * dpmm;
  const key = `${run.face}|${String(run.sizePt)}|${String(spacing)}|${(leftExact - left).toFixed(3)}|${baseline.toFixed(3)}|${run.text}`;
  let graphic = cache.get(key);
  if (graphic === undefined) {
    const bitmap = rasterizeText(face, run.text, run.sizePt, dpi, spacing, leftExact - left, baseline, width, height);
    const { bytesPerRow, rows } = packBitmap(bitmap);
    const total = bytesPerRow * rows.length;
    graphic = `^GFA,${String(total)},${String(total)},${String(bytesPerRow)},${compressGraphicRows(rows)}`;
    // Repeated values (digits groups, producer, country) hit the cache; bound it for long jobs.
    if (cache.size >= 5000) cache.clear();
    cache.set(key, graphic);
  }
  return `^FO${String(Math.max(0, left + offX))},${String(Math.max(0, top + offY))}${graphic}^FS`;
}

function labelFormat(layout: LabelLayout, content: LabelContent, metrics: FontMetrics, copies: number, cache: Map<string, string>): string {
  const { template, symbol, calibration } = layout;
  const dpi = template.dpi ?? 203;
  const offX = dotsOf(calibration.offsetXMm, dpi);
  const offY = dotsOf(calibration.offsetYMm, dpi);
  const module = symbol.dotsPerModule ?? Math.max(1, dotsOf(symbol.moduleMm, dpi));
  const barHeight = dotsOf(symbol.barHeightMm, dpi);
  const x = dotsOf(symbol.xMm, dpi) + offX;
  const y = dotsOf(symbol.yMm, dpi) + offY;
  const lines: string[] = [
    '^XA',
    '^CI28',
    `^PW${String(dotsOf(template.labelWidthMm, dpi))}`,
    `^LL${String(dotsOf(template.labelHeightMm, dpi))}`,
    '^LH0,0',
    `^FX NCG label ${content.digits}${(['nameKk', 'nameRu'] as const).map((role) => content.texts.filter((t) => t.role === role).map((t) => t.text).join(' ')).filter((name) => name !== '').map((name) => ` | ${commentSafe(name)}`).join('')}`,
    `^FO${String(x)},${String(y)}^BY${String(module)},2,${String(barHeight)}^BEN,${String(barHeight)},N,N^FD${content.digits.slice(0, 12)}^FS`,
  ];
  const descent = dotsOf(symbol.guardDescentMm, dpi);
  for (const run of encodeEan13(content.digits)) {
    if (!run.guard) continue;
    const width = run.width * module;
    lines.push(`^FO${String(x + run.start * module)},${String(y + barHeight)}^GB${String(width)},${String(descent)},${String(width)}^FS`);
  }
  for (const run of content.texts) lines.push(textField(run, metrics, dpi, offX, offY, cache));
  if (copies > 1) lines.push(`^PQ${String(copies)}`);
  lines.push('^XZ');
  return lines.join('\n');
}

/**
 * ZPL for a thermal layout: one `^XA…^XZ` format per label (runs of identical labels share one with `^PQ`).
 * `metrics` must come from the same font bytes the layout was measured with. Sheet templates are refused.
 */
export function renderLabelsZpl(layout: LabelLayout, metrics: FontMetrics, options: ZplRenderOptions = {}): string {
  if (layout.template.kind !== 'thermal') throw new LabelError('labels.zpl.notThermal', { template: layout.template.id });
  const cache = new Map<string, string>();
  const formats: string[] = [];
  const labels = layout.pages.flatMap((page) => page.labels);
  const group = options.groupCopies !== false;
  for (let i = 0; i < labels.length; ) {
    const content = labels[i]?.content;
    if (!content) break;
    let j = i + 1;
    if (group) while (j < labels.length && labels[j]?.content === content) j += 1;
    formats.push(labelFormat(layout, content, metrics, j - i, cache));
    i = j;
  }
  return formats.length > 0 ? `${formats.join('\n')}\n` : '';
}
