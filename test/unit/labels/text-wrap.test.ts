/**
 * Issue 12 item 7: on 58 × 40 stock the producer and country were cut ("ТОО «Алма-…»"). Values now wrap
 * before they shrink, "…" is the last resort, and the PDF and the ZPL break the lines in the same places.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { layoutLabels, planLabelFrame, renderLabelsPdf, renderLabelsZpl, type LabelLayout, type LayoutOptions, type TextRun } from '../../../src/shared/labels/index.ts';
import { PT_PER_MM, decode, fonts, item, metrics, ntin, product, rasterize, readPgm, tempDir, wordBoxes, writePdf, writePgm, type Grey } from './helpers.ts';
import { padWhite, paintFormat, zplFormats } from './zpl-reference.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const EPS = 1e-6;
const producer = 'ТОО «Алма-Ата Сүт Өнімдері»';
const country = 'ҚАЗАҚСТАН / КАЗАХСТАН';
const milk = product(ntin(12), { nameKk: 'Сүт 3,2 %', nameRu: 'Молоко 3,2 %', producer, country });

/** Lines joined back: a space where a space was dropped, nothing after a hyphen or slash that broke a word. */
function joined(lines: readonly TextRun[]): string {
  return lines.reduce((text, line) => (text === '' ? line.text : /\S[-/]$/u.test(text) ? `${text}${line.text}` : `${text} ${line.text}`), '');
}

function texts(layout: LabelLayout): readonly TextRun[] {
  return layout.pages[0]?.labels[0]?.content.texts ?? [];
}

function linesOf(layout: LabelLayout, role: TextRun['role']): TextRun[] {
  return texts(layout).filter((run) => run.role === role);
}

/** Every text run inside the label and clear of the symbol (bars, digits band and quiet zones). */
function expectClear(layout: LabelLayout): void {
  const { symbol, template } = layout;
  const left = symbol.xMm - symbol.quietZoneLeftMm;
  const right = symbol.xMm + 95 * symbol.moduleMm + symbol.quietZoneRightMm;
  for (const run of texts(layout)) {
    const top = run.baselineMm - run.ascentMm;
    const bottom = run.baselineMm + run.descentMm;
    expect(run.xMm).toBeGreaterThanOrEqual(-EPS);
    expect(run.xMm + run.widthMm).toBeLessThanOrEqual(template.labelWidthMm + EPS);
    expect(top).toBeGreaterThanOrEqual(-EPS);
    expect(bottom).toBeLessThanOrEqual(template.labelHeightMm + EPS);
    if (run.role === 'hri' || run.role === 'quietZoneMark') continue;
    const clearX = run.xMm + run.widthMm <= left + EPS || run.xMm >= right - EPS;
    const clearY = bottom <= symbol.yMm + EPS || top >= symbol.yMm + symbol.heightMm - EPS;
    expect(clearX || clearY, `${run.role} "${run.text}" overlaps the symbol`).toBe(true);
  }
  // Lines never overlap each other (their boxes, ascent to descent, may touch by the dot a baseline is snapped by).
  const dot = symbol.dotMm ?? 0.05;
  const boxes = texts(layout).filter((run) => run.role !== 'hri').map((run) => ({ run, top: run.baselineMm - run.ascentMm, bottom: run.baselineMm + run.descentMm }));
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b) continue;
      const apart = a.run.xMm + a.run.widthMm <= b.run.xMm + EPS || b.run.xMm + b.run.widthMm <= a.run.xMm + EPS || a.bottom <= b.top + dot + EPS || b.bottom <= a.top + dot + EPS;
      expect(apart, `"${a.run.text}" and "${b.run.text}" overlap`).toBe(true);
    }
  }
}

describe.each([203, 300])('58 × 40 at %i dpi: the producer and the country whole', (dpi) => {
  const options: LayoutOptions = { template: 'thermal-58x40', dpi };
  const layout = layoutLabels([item(milk)], options, metrics);

  it('wraps them instead of cutting them, one line under the other, inside the label and clear of the symbol', () => {
    for (const [role, value] of [['producer', producer], ['country', country]] as const) {
      const lines = linesOf(layout, role);
      expect(lines.length, role).toBeGreaterThan(1);
      expect(lines.every((line) => !line.truncated && !line.text.includes('…'))).toBe(true);
      // Broken at spaces, hyphens and slashes only: the lines joined back are the value.
      expect(joined(lines)).toBe(value);
      // One line under the other, a line's height apart (baselines snapped to the printer's dots).
      for (let i = 1; i < lines.length; i += 1) expect((lines[i]?.baselineMm ?? 0) - (lines[i - 1]?.baselineMm ?? 0)).toBeGreaterThanOrEqual((lines[i]?.ascentMm ?? 0) + (lines[i - 1]?.descentMm ?? 0) - 25.4 / dpi);
      // Never below the field's minimum size.
      expect(lines.every((line) => line.sizePt >= 4.5)).toBe(true);
    }
    expectClear(layout);
  });

  it('keeps short values on the frame’s own lines, exactly as before', () => {
    const frame = planLabelFrame(options, metrics);
    const slotOf = (role: string) => frame.slots.find((slot) => slot.field.name === role);
    for (const role of ['nameKk', 'nameRu'] as const) {
      const [line] = linesOf(layout, role);
      expect(linesOf(layout, role)).toHaveLength(1);
      expect(line?.baselineMm).toBe(slotOf(role)?.baselineMm);
      expect(line?.sizePt).toBe(slotOf(role)?.sizePt);
    }
    const short = layoutLabels([item(product(ntin(13), { producer: 'Әсел', country: 'KZ' }))], options, metrics);
    for (const role of ['quantity', 'producer', 'country'] as const) {
      expect(linesOf(short, role).map((line) => [line.baselineMm, line.sizePt])).toEqual([[slotOf(role)?.baselineMm, slotOf(role)?.sizePt]]);
    }
  });

  it('prints the same lines in the PDF (pdftotext) and in the ZPL (field positions and painted dots)', async () => {
    const pdfPath = writePdf(tmp.file(`wrap-${String(dpi)}.pdf`), await renderLabelsPdf(layout, fonts));
    const [words = []] = wordBoxes(pdfPath);
    const formats = zplFormats(renderLabelsZpl(layout, metrics));
    expect(formats).toHaveLength(1);
    const fieldOrigins = (formats[0] ?? []).flatMap((command, index, all) => (command.name === 'FO' && all[index + 1]?.name === 'GF' ? [command.params.split(',').map(Number)] : []));
    const dpmm = dpi / 25.4;
    for (const role of ['producer', 'country'] as const) {
      for (const line of linesOf(layout, role)) {
        // pdftotext finds each line's words on that line (its own baseline), in the same order.
        const onLine = words.filter((word) => Math.abs(word.yMax / PT_PER_MM - line.baselineMm - line.descentMm) < 0.3 && word.xMin / PT_PER_MM >= line.xMm - 0.3 && word.xMax / PT_PER_MM <= line.xMm + line.widthMm + 0.3);
        expect(onLine.map((word) => word.text).join(' '), `PDF line of ${role}`).toBe(line.text);
        // The ZPL carries that line as one graphic field placed at the same point, to the printer dot.
        const origin = [Math.floor(line.xMm * dpmm), Math.floor((line.baselineMm - line.ascentMm) * dpmm)];
        expect(fieldOrigins, `ZPL line "${line.text}"`).toContainEqual(origin);
      }
    }
    // Painted ZPL against the PDF rasterised at the printer's resolution, in the text column beside the symbol.
    const painted = paintFormat(formats[0] ?? []);
    const raster = readPgm(rasterize(pdfPath, dpi, tmp.file(`wrap-${String(dpi)}-r`))[0] ?? '');
    const [column] = linesOf(layout, 'producer');
    const x0 = Math.floor((column?.xMm ?? 0) * dpmm);
    const crop = (image: Grey) => cropColumn(image, x0, image.width);
    // Anti-aliasing moves glyph edges by a dot either way, so ink is matched within one dot.
    const agreement = nearAgreement(crop(painted), crop(raster), 1);
    expect(agreement, JSON.stringify(agreement)).toMatchObject({ aInB: expect.toSatisfy((share: number) => share > 0.95), bInA: expect.toSatisfy((share: number) => share > 0.95) });
    // The row bands that carry ink agree: the same number of lines, at the same heights.
    expect(inkBands(crop(painted)).length).toBe(linesOf(layout, 'quantity').length + linesOf(layout, 'producer').length + linesOf(layout, 'country').length);
    expect(bandsAgree(inkBands(crop(painted)), inkBands(crop(raster)), 2)).toBe(true);
    // Both still scan.
    const zplImage = tmp.file(`wrap-${String(dpi)}-zpl.pgm`);
    writePgm(zplImage, padWhite(painted, 40));
    expect(decode([zplImage])).toEqual([item(milk).digits]);
    expect(decode([rasterize(pdfPath, 300, tmp.file(`wrap-${String(dpi)}-scan`))[0] ?? ''])).toEqual([item(milk).digits]);
  });
});

describe('the order: wrap, then shrink, then "…"', () => {
  it('wraps at full size when two lines fit (300 dpi: the country at its 6.5 pt)', () => {
    const layout = layoutLabels([item(milk)], { template: 'thermal-58x40', dpi: 300 }, metrics);
    expect(linesOf(layout, 'country').map((line) => [line.text, line.sizePt])).toEqual([['ҚАЗАҚСТАН /', 6.5], ['КАЗАХСТАН', 6.5]]);
  });

  it('does not break "3,2 %" or start a line with a slash', () => {
    const layout = layoutLabels([item(product(ntin(14), { nameKk: 'Сүт «Алма-Ата» 3,2 % пастерленген' }))], { template: 'thermal-100x150', dpi: 203 }, metrics);
    expect(linesOf(layout, 'nameKk').map((line) => line.text)).toEqual(['Сүт «Алма-Ата»', '3,2 % пастерленген']);
    expect(linesOf(layout, 'nameKk').every((line) => line.sizePt === 16)).toBe(true);
  });

  it('never wraps a field configured for one line: it shrinks, then is cut', () => {
    const layout = layoutLabels([item(milk)], { template: 'thermal-58x40', dpi: 203, fields: { producer: { maxLines: 1 } } }, metrics);
    const lines = linesOf(layout, 'producer');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ sizePt: 4.5, truncated: true });
    expect(lines[0]?.text.startsWith('ТОО «Алма-')).toBe(true);
  });

  it('cuts with "…" only what three lines at the minimum size cannot hold, and keeps it inside the label', () => {
    const endless = `${producer} — филиал в городе Алматы, цех №2 по переработке молока и производству кисломолочной продукции`;
    const layout = layoutLabels([item(product(ntin(15), { producer: endless, country }))], { template: 'thermal-58x40', dpi: 203 }, metrics);
    const lines = linesOf(layout, 'producer');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.every((line) => line.sizePt === 4.5)).toBe(true);
    expect(lines.slice(0, -1).every((line) => !line.truncated)).toBe(true);
    expect(lines[lines.length - 1]).toMatchObject({ truncated: true });
    expect(lines[lines.length - 1]?.text.endsWith('…')).toBe(true);
    expect(endless.startsWith(joined(lines).slice(0, -1).trimEnd()), joined(lines)).toBe(true);
    // The country still gets its lines.
    expect(joined(linesOf(layout, 'country'))).toBe(country);
    expectClear(layout);
  });
});

function cropColumn(image: Grey, from: number, to: number): Grey {
  const width = Math.max(0, to - from);
  const data = new Uint8Array(width * image.height);
  for (let row = 0; row < image.height; row += 1) data.set(image.data.subarray(row * image.width + from, row * image.width + from + width), row * width);
  return { width, height: image.height, data };
}

const black = (image: Grey, row: number, col: number) => row >= 0 && col >= 0 && row < image.height && col < image.width && (image.data[row * image.width + col] ?? 255) < 128;

/** Shares of each image's black pixels that have a black pixel of the other within `radius` dots. */
function nearAgreement(a: Grey, b: Grey, radius: number): { aInB: number; bInA: number; a: number; b: number } {
  const share = (from: Grey, to: Grey) => {
    let count = 0;
    let near = 0;
    for (let row = 0; row < from.height; row += 1) {
      for (let col = 0; col < from.width; col += 1) {
        if (!black(from, row, col)) continue;
        count += 1;
        let found = false;
        for (let dy = -radius; dy <= radius && !found; dy += 1) for (let dx = -radius; dx <= radius && !found; dx += 1) found = black(to, row + dy, col + dx);
        if (found) near += 1;
      }
    }
    return { count, share: count === 0 ? 1 : near / count };
  };
  const ab = share(a, b);
  const ba = share(b, a);
  return { aInB: ab.share, bInA: ba.share, a: ab.count, b: ba.count };
}

/** Runs of rows with any black pixel: one per printed line of text. */
function inkBands(image: Grey): [number, number][] {
  const bands: [number, number][] = [];
  let start = -1;
  for (let row = 0; row <= image.height; row += 1) {
    let ink = false;
    if (row < image.height) for (let col = 0; col < image.width && !ink; col += 1) ink = (image.data[row * image.width + col] ?? 255) < 128;
    if (ink && start < 0) start = row;
    if (!ink && start >= 0) {
      bands.push([start, row - 1]);
      start = -1;
    }
  }
  return bands;
}

function bandsAgree(a: readonly [number, number][], b: readonly [number, number][], toleranceDots: number): boolean {
  return a.length === b.length && a.every(([top, bottom], i) => Math.abs(top - (b[i]?.[0] ?? -99)) <= toleranceDots && Math.abs(bottom - (b[i]?.[1] ?? -99)) <= toleranceDots);
}
