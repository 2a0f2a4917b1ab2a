import { afterAll, describe, expect, it } from 'vitest';
import { LabelError, compressGraphicRows, layoutLabels, renderLabelsPdf, renderLabelsZpl, type LabelLayout } from '../../../src/shared/labels/index.ts';
import { decode, distinctItems, fonts, item, metrics, ntin, product, rasterize, readPgm, tempDir, writePdf, writePgm, type Grey } from './helpers.ts';
import { decodeGraphic, padWhite, paintFormat, zplFormats, type ZplCommand } from './zpl-reference.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const param = (format: readonly ZplCommand[], name: string) => format.filter((c) => c.name === name).map((c) => c.params);

describe.each([
  { id: 'thermal-58x40', dpi: 203 },
  { id: 'thermal-58x40', dpi: 300 },
  { id: 'thermal-58x30', dpi: 203 },
  { id: 'thermal-100x150', dpi: 300 },
])('ZPL for $id at $dpi dpi', ({ id, dpi }) => {
  const items = distinctItems(3, 900 + dpi);
  const layout: LabelLayout = layoutLabels(items, { template: id, dpi }, metrics);
  const job = renderLabelsZpl(layout, metrics);
  const formats = zplFormats(job);
  const dots = (mm: number) => Math.round((mm * dpi) / 25.4);

  it('writes one ^XA…^XZ format per label with the label size in dots and UTF-8', () => {
    expect(job.startsWith('^XA\n')).toBe(true);
    expect(job.trimEnd().endsWith('^XZ')).toBe(true);
    expect(formats).toHaveLength(3);
    for (const format of formats) {
      expect(param(format, 'CI')).toEqual(['28']);
      expect(param(format, 'PW')).toEqual([String(dots(layout.template.labelWidthMm))]);
      expect(param(format, 'LL')).toEqual([String(dots(layout.template.labelHeightMm))]);
      expect(param(format, 'LH')).toEqual(['0,0']);
      expect(param(format, 'PQ')).toEqual([]);
    }
  });

  it('encodes the EAN-13 with ^BY (module in dots) and ^BE (12 digits, bar height in dots, no printer HRI)', () => {
    const { symbol } = layout;
    formats.forEach((format, i) => {
      const by = param(format, 'BY');
      expect(by).toEqual([`${String(symbol.dotsPerModule)},2,${String(dots(symbol.barHeightMm))}`]);
      // GS1: never below the bar height the magnification requires, on the printer's dot grid too.
      expect(dots(symbol.barHeightMm)).toBeGreaterThanOrEqual(Math.ceil((symbol.minBarHeightMm * dpi) / 25.4 - 1e-6));
      expect(param(format, 'BE')).toEqual([`N,${String(dots(symbol.barHeightMm))},N,N`]);
      const fd = param(format, 'FD');
      expect(fd).toEqual([items[i]?.digits.slice(0, 12)]);
      const be = format.findIndex((c) => c.name === 'BE');
      expect(format[be - 2]).toEqual({ name: 'FO', params: `${String(dots(symbol.xMm))},${String(dots(symbol.yMm))}` });
      // Six guard-bar descents (5 modules) drawn as filled boxes.
      const boxes = param(format, 'GB');
      expect(boxes).toHaveLength(6);
      for (const b of boxes) expect(b).toBe(`${String(symbol.dotsPerModule)},${String(dots(symbol.guardDescentMm))},${String(symbol.dotsPerModule)}`);
    });
  });

  it('sends every text line as a ^GFA bitmap whose byte counts agree with its data', () => {
    for (const [i, format] of formats.entries()) {
      const graphics = param(format, 'GF');
      const texts = layout.pages[i]?.labels[0]?.content.texts ?? [];
      expect(graphics).toHaveLength(texts.length);
      for (const g of graphics) {
        const [kind, total, count, perRow, ...rest] = g.split(',');
        expect(kind).toBe('A');
        expect(total).toBe(count);
        expect(Number(total) % Number(perRow)).toBe(0);
        expect(decodeGraphic(rest.join(','), Number(perRow), Number(total))).toHaveLength(Number(total));
      }
      // Field origins inside the label.
      for (const fo of param(format, 'FO')) {
        const [x, y] = fo.split(',').map(Number);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(dots(layout.template.labelWidthMm));
        expect(y).toBeLessThan(dots(layout.template.labelHeightMm));
      }
      expect(format.find((c) => c.name === 'FX')?.params).toContain(items[i]?.digits);
    }
  });

  it('paints to a bitmap that decodes and matches the PDF rasterised at the printer resolution', async () => {
    const pdf = writePdf(tmp.file(`${id}-${String(dpi)}.pdf`), await renderLabelsPdf(layout, fonts));
    const pages = rasterize(pdf, dpi, tmp.file(`${id}-${String(dpi)}-r`));
    for (const [i, format] of formats.entries()) {
      const painted = paintFormat(format);
      const zplImage = tmp.file(`${id}-${String(dpi)}-zpl-${String(i)}.pgm`);
      writePgm(zplImage, padWhite(painted, 40));
      expect(decode([zplImage])).toEqual([items[i]?.digits]);
      const raster = readPgm(pages[i] ?? '');
      const agreement = blackAgreement(painted, raster);
      // Bars match dot for dot; text differs only by anti-aliasing at glyph edges.
      expect(agreement.iou, JSON.stringify(agreement)).toBeGreaterThan(0.9);
    }
  });
});

/** Intersection over union of the black pixels of two images of the same label. */
function blackAgreement(a: Grey, b: Grey): { iou: number; a: number; b: number } {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let both = 0;
  let either = 0;
  let inA = 0;
  let inB = 0;
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) {
      const blackA = (a.data[row * a.width + col] ?? 255) < 128;
      const blackB = (b.data[row * b.width + col] ?? 255) < 128;
      if (blackA) inA += 1;
      if (blackB) inB += 1;
      if (blackA && blackB) both += 1;
      if (blackA || blackB) either += 1;
    }
  }
  return { iou: either === 0 ? 1 : both / either, a: inA, b: inB };
}

describe('ZPL details', () => {
  it('groups consecutive copies of a label into one format with ^PQ', () => {
    const items = [item(product(ntin(1), { copies: 5 })), item(product(ntin(2), { copies: 1 }))];
    const layout = layoutLabels(items, { template: 'thermal-58x40' }, metrics);
    const formats = zplFormats(renderLabelsZpl(layout, metrics));
    expect(formats).toHaveLength(2);
    expect(param(formats[0] ?? [], 'PQ')).toEqual(['5']);
    expect(param(formats[1] ?? [], 'PQ')).toEqual([]);
    expect(zplFormats(renderLabelsZpl(layout, metrics, { groupCopies: false }))).toHaveLength(6);
  });

  it('moves every field by the calibration offset in dots', () => {
    const items = [item(product(ntin(3)))];
    const plain = zplFormats(renderLabelsZpl(layoutLabels(items, { template: 'thermal-58x40', dpi: 203 }, metrics), metrics))[0] ?? [];
    const moved = zplFormats(renderLabelsZpl(layoutLabels(items, { template: 'thermal-58x40', dpi: 203, calibration: { offsetXMm: 1, offsetYMm: 0.5 } }, metrics), metrics))[0] ?? [];
    const origins = (f: readonly ZplCommand[]) => param(f, 'FO').map((p) => p.split(',').map(Number));
    const a = origins(plain);
    const b = origins(moved);
    expect(b).toHaveLength(a.length);
    a.forEach(([x = 0, y = 0], i) => expect(b[i]).toEqual([x + 8, y + 4]));
  });

  it('refuses sheet templates', () => {
    const layout = layoutLabels([item(product(ntin(4)))], { template: 'avery-l7160' }, metrics);
    expect(() => renderLabelsZpl(layout, metrics)).toThrow(LabelError);
  });

  it('compresses graphic rows with ZPL’s scheme and decodes back exactly', () => {
    const rows = [
      new Uint8Array(10),
      new Uint8Array(10),
      Uint8Array.from([0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0]),
      Uint8Array.from([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xff]),
      Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]),
      new Uint8Array(300).fill(0xaa),
      new Uint8Array(300).fill(0xaa),
    ];
    const sized = rows.map((r) => Uint8Array.from({ length: 300 }, (_, i) => r[i] ?? 0));
    sized[5] = new Uint8Array(300).fill(0xaa);
    sized[6] = new Uint8Array(300).fill(0xaa);
    const data = compressGraphicRows(sized);
    expect(data.startsWith(',:')).toBe(true);
    expect(data).toContain('zYA');
    const back = decodeGraphic(data, 300, 300 * sized.length);
    expect(Array.from(back)).toEqual(sized.flatMap((r) => Array.from(r)));
    // Random rows too.
    let seed = 7;
    const random = Array.from({ length: 40 }, () => Uint8Array.from({ length: 37 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % 5 === 0 ? 0xff : seed % 3 === 0 ? 0 : seed & 0xff;
    }));
    expect(Array.from(decodeGraphic(compressGraphicRows(random), 37, 37 * 40))).toEqual(random.flatMap((r) => Array.from(r)));
  });
});
