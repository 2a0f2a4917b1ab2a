import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { labelsPerPage, layoutLabels, listTemplates, renderLabelsPdf, type LabelLayout } from '../../../src/shared/labels/index.ts';
import { PT_PER_MM, decode, distinctItems, fonts, item, kazakhLetters, metrics, ntin, pdfText, product, rasterize, tempDir, wordBoxes, writePdf } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Job = { id: string; dpi: number | undefined };
const jobs: Job[] = listTemplates().flatMap((t): Job[] => (t.kind === 'thermal' ? [{ id: t.id, dpi: 203 }, { id: t.id, dpi: 300 }] : [{ id: t.id, dpi: undefined }]));

describe.each(jobs)('PDF for $id (printer $dpi dpi)', ({ id, dpi }) => {
  const template = listTemplates().find((t) => t.id === id);
  if (!template) throw new Error(id);
  // A full first page (thermal: three labels, three pages), every label with its own code.
  const count = template.kind === 'thermal' ? 3 : labelsPerPage(template);
  const items = distinctItems(count, 5000 + id.length * 31 + (dpi ?? 0));
  const layout: LabelLayout = layoutLabels(items, { template: id, ...(dpi ? { dpi } : {}) }, metrics);
  const name = `${id}-${String(dpi ?? 'sheet')}`;
  let pdfPath = '';

  it('renders; page size is exactly the template’s, printed unscaled', async () => {
    const bytes = await renderLabelsPdf(layout, fonts, { creationDate: new Date('2025-01-01T00:00:00Z') });
    pdfPath = writePdf(tmp.file(`${name}.pdf`), bytes);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(layout.pages.length);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(template.pageWidthMm * PT_PER_MM, 2);
      expect(page.getHeight()).toBeCloseTo(template.pageHeightMm * PT_PER_MM, 2);
    }
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('PrintScaling'))?.toString()).toBe('/None');
    // The label font is embedded as a subset (pdffonts: emb yes, sub yes).
    const fontsTable = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const rows = fontsTable.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row).toMatch(/^NCGLB[AB]\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/u);
  });

  it.each([203, 300])('decodes every label rasterised at %i dpi', (resolution) => {
    const images = rasterize(pdfPath, resolution, tmp.file(`${name}-r${String(resolution)}`));
    expect(images).toHaveLength(layout.pages.length);
    const decoded = decode(images).sort();
    expect(decoded).toEqual(items.map((i) => i.digits).sort());
  });

  it('puts the digits where the layout says (pdftotext -bbox)', () => {
    const pages = wordBoxes(pdfPath);
    layout.pages.forEach((page, p) => {
      const words = pages[p] ?? [];
      for (const label of page.labels) {
        for (const run of label.content.texts.filter((t) => t.role === 'hri' && t.text.length === 6)) {
          const x = (label.xMm + run.xMm) * PT_PER_MM;
          const y = (label.yMm + run.baselineMm) * PT_PER_MM;
          const distance = (w: { xMin: number; yMax: number }) => Math.hypot(w.xMin - x, w.yMax - y);
          const word = words.filter((w) => w.text === run.text).sort((a, b) => distance(a) - distance(b))[0];
          expect(word, run.text).toBeDefined();
          if (!word) continue;
          expect(word.xMin).toBeCloseTo(x, 0);
          // The word box spans the font's ascent to descent around the baseline.
          expect(word.yMin).toBeLessThan((label.yMm + run.baselineMm) * PT_PER_MM);
          expect(word.yMax).toBeGreaterThan((label.yMm + run.baselineMm) * PT_PER_MM);
          // Spread one digit per 7 modules: the group spans about 41 modules.
          expect((word.xMax - word.xMin) / PT_PER_MM).toBeCloseTo(run.widthMm, 0);
        }
      }
    });
  });

  it('extracts the Kazakh and Russian text exactly as given', () => {
    const text = pdfText(pdfPath);
    const names = layout.pages.flatMap((page) => page.labels.flatMap((label) => label.content.texts.filter((t) => t.role === 'nameKk' || t.role === 'nameRu')));
    if (template.defaultFields?.nameKk === false) {
      expect(names).toHaveLength(0);
      return;
    }
    expect(names.length).toBeGreaterThan(0);
    for (const run of names) expect(text).toContain(run.text);
    expect(names.some((run) => run.role === 'nameKk' && /[ӘҒҚҢӨҰҮҺІ]/u.test(run.text))).toBe(true);
  });
});

describe('PDF details', () => {
  it('round-trips every Kazakh letter, upper and lower case', async () => {
    const name = `Сынақ ${kazakhLetters}`;
    const layout = layoutLabels([item(product(ntin(77), { nameKk: name, nameRu: 'Проверка ёЁ №' }))], { template: 'avery-l7163' }, metrics);
    const path = writePdf(tmp.file('kazakh.pdf'), await renderLabelsPdf(layout, fonts));
    const text = pdfText(path);
    expect(text).toContain(name);
    expect(text).toContain('Проверка ёЁ №');
  });

  it('draws the bars with raw re operators and one fill per page', async () => {
    const layout = layoutLabels(distinctItems(30), { template: 'avery-l7160' }, metrics);
    const bytes = await renderLabelsPdf(layout, fonts, { compress: false });
    const raw = Buffer.from(bytes).toString('latin1');
    const rects = raw.match(/ re\n/gu)?.length ?? 0;
    expect(rects).toBe(30 * 30);
    expect(raw.match(/\nf\n/gu)?.length).toBe(2);
  });

  it('applies the printer calibration as one transform: offsets move every word', async () => {
    const items = [item(product(ntin(88)))];
    const plain = layoutLabels(items, { template: 'avery-l7160' }, metrics);
    const moved = layoutLabels(items, { template: 'avery-l7160', calibration: { offsetXMm: 2, offsetYMm: 3 } }, metrics);
    const a = wordBoxes(writePdf(tmp.file('plain.pdf'), await renderLabelsPdf(plain, fonts)))[0] ?? [];
    const b = wordBoxes(writePdf(tmp.file('moved.pdf'), await renderLabelsPdf(moved, fonts)))[0] ?? [];
    const dx = moved.calibration.offsetXMm * PT_PER_MM;
    const dy = moved.calibration.offsetYMm * PT_PER_MM;
    expect(b).toHaveLength(a.length);
    a.forEach((word, i) => {
      expect(b[i]?.xMin).toBeCloseTo(word.xMin + dx, 1);
      expect(b[i]?.yMin).toBeCloseTo(word.yMin + dy, 1);
    });
    const scaled = layoutLabels(items, { template: 'avery-l7160', calibration: { scaleX: 1.05, scaleY: 0.95 } }, metrics);
    const c = wordBoxes(writePdf(tmp.file('scaled.pdf'), await renderLabelsPdf(scaled, fonts)))[0] ?? [];
    a.forEach((word, i) => {
      expect(c[i]?.xMin).toBeCloseTo(word.xMin * 1.05, 0);
      expect(c[i]?.yMax).toBeCloseTo(word.yMax * 0.95, 0);
    });
  });

  it('skips used labels on a partly used sheet (start position)', async () => {
    const items = distinctItems(3, 4242);
    const layout = layoutLabels(items, { template: 'avery-l7160', startPosition: 20 }, metrics);
    const path = writePdf(tmp.file('start.pdf'), await renderLabelsPdf(layout, fonts));
    const [first, second] = rasterize(path, 300, tmp.file('start-r'));
    expect(decode([first ?? '']).sort()).toEqual(items.slice(0, 2).map((i) => i.digits).sort());
    expect(decode([second ?? ''])).toEqual([items[2]?.digits]);
    // Slot 20 is the bottom row, middle column: its digits are there.
    const words = wordBoxes(path)[0] ?? [];
    const group = words.find((w) => w.text === items[0]?.digits.slice(1, 7));
    expect(group && group.xMin / PT_PER_MM > 7.21 + 66.04 && group.xMin / PT_PER_MM < 7.21 + 2 * 66.04).toBe(true);
    expect(group && group.yMin / PT_PER_MM > 15.15 + 6 * 38.1).toBe(true);
  });

  it('is reproducible byte for byte with a fixed date', async () => {
    const layout = layoutLabels(distinctItems(5), { template: 'thermal-58x40' }, metrics);
    const date = new Date('2025-01-01T00:00:00Z');
    const a = await renderLabelsPdf(layout, fonts, { creationDate: date });
    const b = await renderLabelsPdf(layout, fonts, { creationDate: date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readFileSync(tmp.file('kazakh.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
