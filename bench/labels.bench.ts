/**
 * 10,000 EAN-13 labels with Kazakh and Russian text on Avery L7160 (477 A4 pages): layout + PDF, time and
 * peak memory. Each job runs in its own Node process so that its peak RSS is its own.
 *
 * Baselines measured in the same run:
 * - Debian's `zint` CLI (package zint) encoding the same 10,000 EAN-13s in batch mode to SVG files: the
 *   symbols only (zint cannot lay out label sheets or draw the Kazakh text). Skipped when zint is missing.
 * - the naive pdf-lib way (one `drawRectangle` per bar, one `drawText` per text line) on the same labels,
 *   on the first 2,100 (100 pages) only, to keep the run short; compared with our renderer on the same 2,100.
 * Peak memory of zint comes from GNU time (`/usr/bin/time -f %M`, Debian package time) when installed.
 *
 * Run: node --import tsx bench/labels.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { gs1CheckDigit } from '../src/shared/codes/index.ts';
import {
  checkLabelItem,
  createFontMetrics,
  layoutLabels,
  renderLabelsPdf,
  renderLabelsZpl,
  type LabelFonts,
  type LabelItem,
  type LabelLayout,
} from '../src/shared/labels/index.ts';
import { report, timeMs } from './report.ts';

const LABELS = 10_000;
const NAIVE_LABELS = 2_100;
const TEMPLATE = 'avery-l7160';

const fontDir = new URL('../resources/fonts/', import.meta.url);
const fonts: LabelFonts = {
  regular: new Uint8Array(readFileSync(new URL('DejaVuSans.ttf', fontDir))),
  bold: new Uint8Array(readFileSync(new URL('DejaVuSans-Bold.ttf', fontDir))),
};

const kazakhNames = ['Қымыз «Әсел»', 'Ірімшік «Ұлы дала»', 'Шұбат түйе сүті', 'Құрт ащы', 'Бал тау гүлі', 'Ақ нан бидай', 'Көже сұлы', 'Үй тауығының жұмыртқасы', 'Өрік кептірілген', 'Һинди шайы'];
const russianNames = ['Кумыс «Асель»', 'Сыр «Великая степь»', 'Шубат верблюжий', 'Курт солёный', 'Мёд горный', 'Хлеб пшеничный', 'Коже овсяное', 'Яйцо куриное', 'Урюк сушёный', 'Чай индийский'];

/** The 13 digits of item i: NTINs and GTIN-13s, all different. */
function codeOf(i: number): string {
  const body = i % 4 === 3 ? `487${String(100_000_000 + i).slice(-9)}` : `0200${String(10_000_000 + i * 7).slice(-8)}`;
  return `${body}${String(gs1CheckDigit(body))}`;
}

function itemsFor(count: number): LabelItem[] {
  const metrics = createFontMetrics(fonts);
  return Array.from({ length: count }, (_, i) => {
    const check = checkLabelItem(
      {
        code: codeOf(i),
        nameKk: `${kazakhNames[i % 10] ?? ''} №${String(i + 1)}`,
        nameRu: `${russianNames[i % 10] ?? ''} №${String(i + 1)}`,
        quantity: String(100 + (i % 900)),
        unit: i % 2 ? 'г' : 'мл',
        producer: 'ТОО «Қазақ Өнімдері»',
        country: 'Қазақстан',
      },
      { metrics },
    );
    if (!check.ok) throw new Error(`bench data row ${String(i)}: ${JSON.stringify(check.problems)}`);
    return check.item;
  });
}

const PT_PER_MM = 72 / 25.4;

/** The obvious pdf-lib way: drawRectangle per bar and drawText per line, from the same layout. */
async function naivePdf(layout: LabelLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = fonts.bold ? await doc.embedFont(fonts.bold, { subset: true }) : regular;
  const height = layout.pageHeightMm * PT_PER_MM;
  for (const page of layout.pages) {
    const pdfPage = doc.addPage([layout.pageWidthMm * PT_PER_MM, height]);
    for (const label of page.labels) {
      for (const bar of label.content.bars) {
        pdfPage.drawRectangle({
          x: (label.xMm + bar.xMm) * PT_PER_MM,
          y: height - (label.yMm + bar.yMm + bar.heightMm) * PT_PER_MM,
          width: bar.widthMm * PT_PER_MM,
          height: bar.heightMm * PT_PER_MM,
          color: rgb(0, 0, 0),
        });
      }
      for (const run of label.content.texts) {
        pdfPage.drawText(run.text, { x: (label.xMm + run.xMm) * PT_PER_MM, y: height - (label.yMm + run.baselineMm) * PT_PER_MM, size: run.sizePt, font: run.face === 'bold' ? bold : regular });
      }
    }
  }
  return doc.save();
}

interface ChildResult {
  ms: number;
  rssMb: number;
  bytes: number;
  pages: number;
}

/** Child mode: one job, then one JSON line with its time, peak RSS and output size. */
async function child(mode: string, count: number): Promise<void> {
  const items = itemsFor(count);
  const { ms, result } = await timeMs(async () => {
    const metrics = createFontMetrics(fonts);
    if (mode === 'zpl') {
      const layout = layoutLabels(items, { template: 'thermal-58x40', dpi: 203 }, metrics);
      return { bytes: renderLabelsZpl(layout, metrics).length, pages: layout.pages.length };
    }
    const layout = layoutLabels(items, { template: TEMPLATE }, metrics);
    const pdf = mode === 'naive' ? await naivePdf(layout) : await renderLabelsPdf(layout, fonts);
    return { bytes: pdf.length, pages: layout.pages.length };
  });
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, rssMb, ...result } satisfies ChildResult)}\n`);
}

function runChild(mode: string, count: number): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const done = spawnSync(process.execPath, [...process.execArgv, self, '--child', mode, String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (done.status !== 0) throw new Error(`bench child ${mode} failed: ${done.stderr}`);
  return JSON.parse(done.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** zint in batch mode over the same codes; null when zint is not installed. */
function runZint(count: number): { ms: number; rssMb: number | null; version: string } | null {
  const version = spawnSync('zint', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ncg-zint-'));
  try {
    const input = join(dir, 'codes.txt');
    writeFileSync(input, `${Array.from({ length: count }, (_, i) => codeOf(i)).join('\n')}\n`);
    // -b 14 = EANX_CHK: EAN-13 with the check digit given; X = 0.339 mm is irrelevant to SVG speed.
    const args = ['--batch', '-b', '14', '--filetype=SVG', '-i', input, '-o', join(dir, '~~~~~.svg')];
    const gnuTime = existsSync('/usr/bin/time');
    const start = performance.now();
    const done = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', 'zint', ...args], { encoding: 'utf8' })
      : spawnSync('zint', args, { encoding: 'utf8' });
    const ms = Math.round((performance.now() - start) * 10) / 10;
    if (done.status !== 0) throw new Error(`zint failed: ${done.stderr}`);
    const rss = /maxrss=(\d+)/u.exec(done.stderr ?? '');
    return { ms, rssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, version: version.stdout.trim().split('\n')[0] ?? 'zint' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? 'ours', Number(process.argv[4] ?? LABELS));
} else {
  const ours = runChild('ours', LABELS);
  const zint = runZint(LABELS);
  const zintName = zint ? `${zint.version}: --batch EAN-13 to SVG files (symbols only, no sheet, no text)` : '';
  const note = `${TEMPLATE}, ${String(ours.pages)} pages, layout + PDF (raw re/f bars, DejaVu Sans subset, Kazakh + Russian text)`;
  report({
    name: 'labels.l7160.10k.pdf.time',
    value: ours.ms,
    unit: 'ms',
    n: LABELS,
    ...(zint ? { baseline: { name: zintName, value: zint.ms, unit: 'ms' } } : {}),
    notes: zint ? note : `${note}; zint not installed, no baseline`,
  });
  report({
    name: 'labels.l7160.10k.pdf.peakRss',
    value: ours.rssMb,
    unit: 'MB',
    n: LABELS,
    ...(zint && zint.rssMb !== null ? { baseline: { name: zintName, value: zint.rssMb, unit: 'MB' } } : {}),
    notes: 'peak RSS of a process that only builds this PDF (includes Node itself)',
  });
  report({ name: 'labels.l7160.10k.pdf.size', value: Math.round((ours.bytes / 1048576) * 100) / 100, unit: 'MB', n: LABELS });
  const naive = runChild('naive', NAIVE_LABELS);
  const same = runChild('ours', NAIVE_LABELS);
  report({
    name: 'labels.l7160.2100.pdf.time',
    value: same.ms,
    unit: 'ms',
    n: NAIVE_LABELS,
    baseline: { name: 'naive pdf-lib: drawRectangle per bar + drawText per line, same layout', value: naive.ms, unit: 'ms' },
    notes: `peak RSS ${String(same.rssMb)} MB vs naive ${String(naive.rssMb)} MB; size ${String(Math.round(same.bytes / 1024))} KB vs ${String(Math.round(naive.bytes / 1024))} KB`,
  });
  const zpl = runChild('zpl', LABELS);
  report({ name: 'labels.thermal-58x40.10k.zpl.time', value: zpl.ms, unit: 'ms', n: LABELS, notes: `203 dpi, text as ^GFA bitmaps; ${String(Math.round(zpl.bytes / 1048576))} MB of ZPL; peak RSS ${String(zpl.rssMb)} MB` });
}
