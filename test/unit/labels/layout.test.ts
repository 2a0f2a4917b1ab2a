import { describe, expect, it } from 'vitest';
import {
  LabelError,
  defineTemplate,
  gs1Symbol,
  labelsPerPage,
  layoutLabels,
  listTemplates,
  type LabelLayout,
  type LayoutOptions,
  type TextRun,
} from '../../../src/shared/labels/index.ts';
import { distinctItems, item, metrics, ntin, product } from './helpers.ts';

const EPS = 1e-6;

/** Every built-in template, thermal ones at both printer resolutions. */
const jobs: { id: string; dpi?: number }[] = listTemplates().flatMap((t) => (t.kind === 'thermal' ? [{ id: t.id, dpi: 203 }, { id: t.id, dpi: 300 }] : [{ id: t.id }]));

function refused(options: LayoutOptions): LabelError {
  try {
    layoutLabels(distinctItems(1), options, metrics);
  } catch (error) {
    if (error instanceof LabelError) return error;
    throw error;
  }
  throw new Error('expected a LabelError');
}

function onGrid(value: number, dot: number): boolean {
  return Math.abs(value / dot - Math.round(value / dot)) < 1e-6;
}

function textBox(run: TextRun) {
  return { left: run.xMm, right: run.xMm + run.widthMm, top: run.baselineMm - run.ascentMm, bottom: run.baselineMm + run.descentMm };
}

function checkGs1(layout: LabelLayout): void {
  const { symbol, template } = layout;
  const x = symbol.moduleMm;
  const reduced = symbol.reducedThermal;
  // Module width: 80–200 % of 0.33 mm; 75 % only on thermal stock under the exception.
  expect(x).toBeLessThanOrEqual(gs1Symbol.MAX_MODULE_MM + EPS);
  if (reduced) {
    expect(template.kind).toBe('thermal');
    expect(x).toBeGreaterThanOrEqual(gs1Symbol.THERMAL_MIN_MODULE_MM - EPS);
    expect(symbol.barHeightMm).toBeGreaterThanOrEqual(gs1Symbol.MIN_BAR_HEIGHT_MM - EPS);
    expect(symbol.widthMm).toBeGreaterThanOrEqual(gs1Symbol.WIDTH_AT_80_PERCENT_MM - EPS);
  } else {
    expect(x).toBeGreaterThanOrEqual(gs1Symbol.MIN_MODULE_MM - EPS);
    // Never truncated: 22.85 mm × magnification.
    expect(symbol.barHeightMm).toBeGreaterThanOrEqual(gs1Symbol.NOMINAL_BAR_HEIGHT_MM * (x / 0.33) - EPS);
  }
  expect(symbol.quietZoneLeftMm).toBeGreaterThanOrEqual(11 * x - EPS);
  expect(symbol.quietZoneRightMm).toBeGreaterThanOrEqual(7 * x - EPS);
  expect(symbol.guardDescentMm).toBeCloseTo(5 * x, 9);
  if (template.kind === 'thermal') {
    const dot = 25.4 / (template.dpi ?? 0);
    expect(symbol.dotsPerModule).toBe(Math.round(x / dot));
    expect(onGrid(x, dot)).toBe(true);
    expect(onGrid(symbol.xMm, dot)).toBe(true);
    expect(onGrid(symbol.yMm, dot)).toBe(true);
    expect(onGrid(symbol.barHeightMm, dot)).toBe(true);
  }
  const { left, right } = layout.quietZones;
  // Quiet zones inside the label.
  expect(left.xMm).toBeGreaterThanOrEqual(-EPS);
  expect(right.xMm + right.widthMm).toBeLessThanOrEqual(template.labelWidthMm + EPS);
  expect(symbol.yMm + symbol.heightMm).toBeLessThanOrEqual(template.labelHeightMm + EPS);
  for (const page of layout.pages) {
    for (const label of page.labels) {
      const { bars, texts } = label.content;
      expect(bars).toHaveLength(30);
      for (const bar of bars) {
        expect(bar.xMm).toBeGreaterThanOrEqual(symbol.xMm - EPS);
        expect(bar.xMm + bar.widthMm).toBeLessThanOrEqual(symbol.xMm + 95 * x + EPS);
        expect(bar.heightMm).toBeGreaterThanOrEqual(symbol.barHeightMm - EPS);
        if (template.kind === 'thermal') {
          const dot = 25.4 / (template.dpi ?? 0);
          expect(onGrid(bar.xMm, dot) && onGrid(bar.widthMm, dot)).toBe(true);
        }
      }
      const barsBottom = symbol.yMm + symbol.barHeightMm;
      for (const run of texts) {
        const box = textBox(run);
        // Every text inside the label.
        expect(box.left).toBeGreaterThanOrEqual(-EPS);
        expect(box.right).toBeLessThanOrEqual(template.labelWidthMm + EPS);
        expect(box.top).toBeGreaterThanOrEqual(-EPS);
        expect(box.bottom).toBeLessThanOrEqual(template.labelHeightMm + EPS);
        if (run.role === 'hri' || run.role === 'quietZoneMark') {
          // Digits start below the bars (only the guards reach down between them).
          expect(run.baselineMm - (metrics.regular.digitHeight / metrics.regular.unitsPerEm) * run.sizePt * (25.4 / 72)).toBeGreaterThanOrEqual(barsBottom - EPS);
          continue;
        }
        // Other text keeps out of the quiet zones and the bars.
        const clearX = box.right <= left.xMm + EPS || box.left >= right.xMm + right.widthMm - EPS;
        const clearY = box.bottom <= symbol.yMm + EPS || box.top >= barsBottom + symbol.guardDescentMm - EPS;
        expect(clearX || clearY, `${run.role} "${run.text}" intrudes on the symbol`).toBe(true);
      }
      // HRI as GS1 lays it out: first digit left of the start guard, then 6 + 6 between the guards.
      const hri = texts.filter((t) => t.role === 'hri');
      expect(hri.map((t) => t.text).join('')).toBe(label.content.digits);
      const [first, leftGroup, rightGroup] = hri.map(textBox);
      expect(first && first.right <= symbol.xMm + EPS && first.left >= symbol.xMm - symbol.quietZoneLeftMm - EPS).toBe(true);
      expect(leftGroup && leftGroup.left >= symbol.xMm + 3 * x - EPS && leftGroup.right <= symbol.xMm + 45 * x + EPS).toBe(true);
      expect(rightGroup && rightGroup.left >= symbol.xMm + 50 * x - EPS && rightGroup.right <= symbol.xMm + 92 * x + EPS).toBe(true);
    }
  }
}

describe('templates: exact geometry', () => {
  it('lists the Avery sheets and thermal rolls with their published sizes', () => {
    const byId = Object.fromEntries(listTemplates().map((t) => [t.id, t]));
    expect(byId['avery-l7160']).toMatchObject({ columns: 3, rows: 7, labelWidthMm: 63.5, labelHeightMm: 38.1, marginTopMm: 15.15, marginLeftMm: 7.21, pitchXMm: 66.04, pitchYMm: 38.1 });
    expect(byId['avery-l7163']).toMatchObject({ columns: 2, rows: 7, labelWidthMm: 99.1, labelHeightMm: 38.1, marginTopMm: 15.15, marginLeftMm: 4.65, pitchXMm: 101.6, pitchYMm: 38.1 });
    expect(byId['avery-l7651']).toMatchObject({ columns: 5, rows: 13, labelWidthMm: 38.1, labelHeightMm: 21.2, marginTopMm: 10.7, marginLeftMm: 4.75, pitchXMm: 40.6, pitchYMm: 21.2 });
    for (const id of ['avery-l7160', 'avery-l7163', 'avery-l7651']) {
      const t = byId[id];
      if (!t) throw new Error(id);
      expect(t.pageWidthMm * t.pageHeightMm).toBe(210 * 297);
      // Centred grid: the right and bottom margins equal the left and top ones.
      expect(t.pageWidthMm - (t.marginLeftMm + (t.columns - 1) * t.pitchXMm + t.labelWidthMm)).toBeCloseTo(t.marginLeftMm, 2);
      expect(t.pageHeightMm - (t.marginTopMm + (t.rows - 1) * t.pitchYMm + t.labelHeightMm)).toBeCloseTo(t.marginTopMm, 2);
    }
    expect(labelsPerPage(byId['avery-l7160'] ?? listTemplates()[0]!)).toBe(21);
    expect(byId['thermal-58x40']).toMatchObject({ kind: 'thermal', pageWidthMm: 58, pageHeightMm: 40, columns: 1, rows: 1 });
    expect(byId['thermal-58x30']).toMatchObject({ pageWidthMm: 58, pageHeightMm: 30 });
    expect(byId['thermal-100x150']).toMatchObject({ pageWidthMm: 100, pageHeightMm: 150 });
  });

  it.each(jobs)('places every label of $id ($dpi dpi) on the template grid', ({ id, dpi }) => {
    const template = listTemplates().find((t) => t.id === id);
    if (!template) throw new Error(id);
    const perPage = labelsPerPage(template);
    const layout = layoutLabels(distinctItems(perPage + 1), { template: id, ...(dpi ? { dpi } : {}) }, metrics);
    expect(layout.pages).toHaveLength(2);
    expect(layout.pages[0]?.labels).toHaveLength(perPage);
    expect(layout.labelCount).toBe(perPage + 1);
    const dot = 25.4 / (layout.template.dpi ?? 600);
    for (const label of layout.pages[0]?.labels ?? []) {
      expect(label.column).toBe(label.slot % template.columns);
      expect(label.row).toBe(Math.floor(label.slot / template.columns));
      // Origins are snapped to the dot grid: never more than half a dot away from the published figure.
      expect(Math.abs(label.xMm - (template.marginLeftMm + label.column * template.pitchXMm))).toBeLessThanOrEqual(dot / 2 + EPS);
      expect(Math.abs(label.yMm - (template.marginTopMm + label.row * template.pitchYMm))).toBeLessThanOrEqual(dot / 2 + EPS);
      expect([label.widthMm, label.heightMm]).toEqual([template.labelWidthMm, template.labelHeightMm]);
    }
    checkGs1(layout);
  });
});

describe('symbol sizes within GS1 limits', () => {
  const layoutOf = (template: string, dpi?: number) => layoutLabels([item(product(ntin(7)))], { template, ...(dpi ? { dpi } : {}) }, metrics);

  it('uses whole-dot modules on thermal printers: 3 dots at 203 dpi, 4 dots at 300 dpi', () => {
    expect(layoutOf('thermal-58x40', 203).symbol).toMatchObject({ dotsPerModule: 3, reducedThermal: false });
    expect(layoutOf('thermal-58x40', 300).symbol).toMatchObject({ dotsPerModule: 4, reducedThermal: false });
    expect(layoutOf('thermal-100x150', 203).symbol.moduleMm).toBeCloseTo(3 * 25.4 / 203, 9);
    expect(layoutOf('thermal-100x150', 300).symbol.moduleMm).toBeCloseTo(4 * 25.4 / 300, 9);
  });

  it('fits 58 × 30 at 203 dpi only through the thermal 75–80 % exception: 2 dots, 80 % bar height, widened quiet zones', () => {
    const { symbol } = layoutOf('thermal-58x30', 203);
    expect(symbol.dotsPerModule).toBe(2);
    expect(symbol.reducedThermal).toBe(true);
    expect(symbol.magnification).toBeGreaterThanOrEqual(0.75);
    expect(symbol.magnification).toBeLessThan(0.8);
    expect(symbol.minBarHeightMm).toBe(18.28);
    expect(symbol.barHeightMm).toBeGreaterThanOrEqual(18.28);
    expect(symbol.widthMm).toBeGreaterThanOrEqual(29.83);
    expect(symbol.quietZoneLeftMm / symbol.quietZoneRightMm).toBeCloseTo(11 / 7, 1);
    // Without the exception the same stock is refused rather than printed with short bars.
    expect(refused({ template: 'thermal-58x30', dpi: 203, allowReducedThermal: false }).key).toBe('labels.layout.symbolDoesNotFit');
  });

  it('never uses the exception on sheets', () => {
    for (const id of ['avery-l7160', 'avery-l7163', 'avery-l7651']) {
      const { symbol } = layoutOf(id);
      expect(symbol.reducedThermal).toBe(false);
      expect(symbol.magnification).toBeGreaterThanOrEqual(0.8);
    }
    expect(refused({ template: 'avery-l7160', moduleMm: 0.25 }).key).toBe('labels.symbol.moduleOutOfRange');
  });

  it('snaps sheet modules to a 600 dpi grid where one fits (L7160: 8 dots = 0.339 mm)', () => {
    expect(layoutOf('avery-l7160').symbol.moduleMm).toBeCloseTo(8 * 25.4 / 600, 9);
    expect(layoutOf('avery-l7651').symbol.moduleMm).toBeGreaterThanOrEqual(0.264);
  });

  it('keeps a taller bar when asked, refuses a shorter one with the figures', () => {
    expect(layoutLabels([item(product(ntin(1)))], { template: 'thermal-100x150', barHeightMm: 40 }, metrics).symbol.barHeightMm).toBeGreaterThanOrEqual(40);
    const error = refused({ template: 'thermal-100x150', barHeightMm: 15 });
    expect(error.key).toBe('labels.symbol.barHeightTooShort');
    expect(error.params).toMatchObject({ barHeightMm: 15, minBarHeightMm: 18.28 });
    // 20 mm bars allow only modules up to 20 / 22.85 × 0.33 ≈ 0.289 mm: a smaller module is chosen instead.
    const { symbol } = layoutLabels([item(product(ntin(1)))], { template: 'thermal-100x150', dpi: 300, barHeightMm: 20 }, metrics);
    expect(symbol.moduleMm).toBeLessThanOrEqual((20 / 22.85) * 0.33 + EPS);
    expect(symbol.barHeightMm).toBeGreaterThanOrEqual(symbol.minBarHeightMm);
  });

  it('snaps a forced module to the printer dots and checks its range', () => {
    expect(layoutLabels([item(product(ntin(1)))], { template: 'thermal-100x150', dpi: 203, moduleMm: 0.5 }, metrics).symbol.dotsPerModule).toBe(4);
    expect(refused({ template: 'thermal-100x150', moduleMm: 0.8 }).key).toBe('labels.symbol.moduleOutOfRange');
    expect(refused({ template: 'thermal-100x150', maxMagnification: 2.5 }).key).toBe('labels.symbol.magnificationOutOfRange');
  });
});

describe('refusing what cannot hold a compliant symbol', () => {
  it('refuses names on L7651 (21.2 mm) with the figures', () => {
    const error = refused({ template: 'avery-l7651', fields: { nameKk: true } });
    expect(error.key).toBe('labels.layout.fieldsDoNotFit');
    expect(error.params).toMatchObject({ template: 'avery-l7651', fields: 'name_kk', magnification: 80, barHeightMm: 18.28, availableHeightMm: 20.4 });
    expect(Number(error.params.neededHeightMm)).toBeGreaterThan(20.4);
  });

  it('refuses a custom template too small for even the 80 % symbol', () => {
    const tiny = defineTemplate({ kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297, columns: 6, rows: 20, labelWidthMm: 30, labelHeightMm: 14, pitchXMm: 33, pitchYMm: 14.5, marginLeftMm: 6, marginTopMm: 5, paddingMm: 0.5, dpi: null });
    const error = refused({ template: tiny });
    expect(error.key).toBe('labels.layout.symbolDoesNotFit');
    expect(error.params).toMatchObject({ moduleMm: 0.26, magnification: 80, availableWidthMm: 29, availableHeightMm: 13 });
    expect(Number(error.params.neededWidthMm)).toBeGreaterThan(29);
  });

  it('checks custom templates: overlapping labels and grids off the page are refused', () => {
    const base = { kind: 'sheet' as const, pageWidthMm: 210, pageHeightMm: 297, columns: 3, rows: 7, labelWidthMm: 63.5, labelHeightMm: 38.1 };
    expect(() => defineTemplate({ ...base, pitchXMm: 60 })).toThrow(expect.objectContaining({ key: 'labels.template.overlap' }) as Error);
    expect(() => defineTemplate({ ...base, marginLeftMm: 20, pitchXMm: 66.04 })).toThrow(expect.objectContaining({ key: 'labels.template.offPage' }) as Error);
    expect(() => defineTemplate({ ...base, columns: 0 })).toThrow(expect.objectContaining({ key: 'labels.template.badNumber' }) as Error);
    const ok = defineTemplate({ ...base, marginLeftMm: 7.21, marginTopMm: 15.15, pitchXMm: 66.04, pitchYMm: 38.1, id: 'my-sheet' });
    const layout = layoutLabels(distinctItems(4), { template: ok }, metrics);
    expect(layout.pages[0]?.labels[3]).toMatchObject({ row: 1, column: 0 });
    checkGs1(layout);
  });

  it('refuses unknown templates and resolutions a template does not offer', () => {
    expect(refused({ template: 'avery-l9999' }).key).toBe('labels.template.unknown');
    expect(refused({ template: 'thermal-58x40', dpi: 600 }).key).toBe('labels.template.badDpi');
  });
});

describe('sheets, copies, start position and calibration', () => {
  it('starts at a given position of a partly used sheet and repeats copies', () => {
    const items = [item(product(ntin(1), { copies: 3 })), item(product(ntin(2), { copies: 20 }))];
    const layout = layoutLabels(items, { template: 'avery-l7160', startPosition: 5 }, metrics);
    const [first, second] = layout.pages;
    expect(layout.labelCount).toBe(23);
    expect(first?.labels.map((l) => l.slot)).toEqual(Array.from({ length: 17 }, (_, i) => i + 4));
    expect(first?.labels[0]).toMatchObject({ row: 1, column: 1 });
    expect(second?.labels.map((l) => l.slot)).toEqual([0, 1, 2, 3, 4, 5]);
    // Copies share one content object (computed once).
    expect(first?.labels[0]?.content).toBe(first?.labels[2]?.content);
    expect(first?.labels[3]?.content.digits).toBe(ntin(2));
    expect(refused({ template: 'avery-l7160', startPosition: 22 }).key).toBe('labels.options.badStart');
    expect(refused({ template: 'avery-l7160', startPosition: 0 }).key).toBe('labels.options.badStart');
  });

  it('records the printer calibration (offsets on the dot grid) and refuses absurd values', () => {
    const layout = layoutLabels(distinctItems(1), { template: 'thermal-58x40', dpi: 203, calibration: { offsetXMm: 0.3, offsetYMm: -0.5, scaleX: 1.01 } }, metrics);
    const dot = 25.4 / 203;
    expect(layout.calibration.scaleX).toBe(1.01);
    expect(layout.calibration.scaleY).toBe(1);
    expect(onGrid(layout.calibration.offsetXMm, dot) && Math.abs(layout.calibration.offsetXMm - 0.3) <= dot / 2).toBe(true);
    expect(refused({ template: 'avery-l7160', calibration: { scaleX: 1.5 } }).key).toBe('labels.options.badCalibration');
    expect(refused({ template: 'avery-l7160', calibration: { offsetYMm: 50 } }).key).toBe('labels.options.badCalibration');
  });
});

describe('text: which fields, sizes, auto-fit and ellipsis', () => {
  const long = 'Өте ұзын атау: Қазақстанда өндірілген жоғары сапалы ұлттық сусын қымыз, табиғи, консервантсыз';

  it('wraps a long name over two lines, shrinks it to its minimum size, and only then cuts it with an ellipsis', () => {
    const longer = `${long}, ${long}`;
    const layout = layoutLabels([item(product(ntin(3), { nameKk: longer, nameRu: 'Кумыс' }))], { template: 'avery-l7160' }, metrics);
    const texts = layout.pages[0]?.labels[0]?.content.texts ?? [];
    const kk = texts.filter((t) => t.role === 'nameKk');
    const ru = texts.find((t) => t.role === 'nameRu');
    expect(kk.map((t) => [t.sizePt, t.truncated])).toEqual([[5, false], [5, true]]);
    const [first, second] = kk;
    expect(second?.text.endsWith('…')).toBe(true);
    // What is printed is the start of the name, the line broken at a space.
    expect(longer.startsWith(`${first?.text ?? 'x'} ${second?.text.slice(0, -1).trimEnd() ?? 'x'}`)).toBe(true);
    expect((second?.baselineMm ?? 0) - (first?.baselineMm ?? 0)).toBeGreaterThan(first?.ascentMm ?? 99);
    expect(ru).toMatchObject({ text: 'Кумыс', truncated: false, sizePt: 8 });
    const content = 63.5 - 3;
    for (const line of kk) expect(line.xMm + line.widthMm).toBeLessThanOrEqual(1.5 + content + EPS);
    checkGs1(layout);
  });

  it('shows only the configured fields with the configured sizes', () => {
    const options: LayoutOptions = { template: 'avery-l7163', fields: { nameKk: { sizePt: 10, bold: false }, nameRu: false, producer: false, country: false, quantity: { prefix: 'Нетто: ' } } };
    const texts = layoutLabels([item(product(ntin(4)))], options, metrics).pages[0]?.labels[0]?.content.texts ?? [];
    expect(texts.filter((t) => t.role !== 'hri').map((t) => [t.role, t.text, t.sizePt, t.face])).toEqual([
      ['nameKk', 'Қымыз «Әсел» ӘҒҚҢӨҰҮҺІ', 10, 'regular'],
      ['quantity', 'Нетто: 0,5 л', 7.5, 'bold'],
    ]);
  });

  it('leaves out empty values', () => {
    const texts = layoutLabels([item(product(ntin(5), { producer: '', country: ' ' }))], { template: 'avery-l7163' }, metrics).pages[0]?.labels[0]?.content.texts ?? [];
    expect(texts.some((t) => t.role === 'producer' || t.role === 'country')).toBe(false);
  });

  it('can add the ">" quiet-zone mark inside the right quiet zone', () => {
    const layout = layoutLabels([item(product(ntin(6)))], { template: 'thermal-58x40', quietZoneMark: true }, metrics);
    const mark = layout.pages[0]?.labels[0]?.content.texts.find((t) => t.role === 'quietZoneMark');
    const zone = layout.quietZones.right;
    expect(mark?.text).toBe('>');
    expect(mark && mark.xMm >= zone.xMm && mark.xMm + mark.widthMm <= zone.xMm + zone.widthMm + EPS).toBe(true);
    checkGs1(layout);
  });
});
