/**
 * EAN-13 labels with Kazakh and Russian text on Avery L7160 sheets, whole process against whole process:
 * `node bin/ncg.mjs labels` (start-up, reading the CSV, layout, PDF written to disk) at 21 (one sheet),
 * 2,100 and 10,000 labels, against, in the same run and on the same data:
 * - gLabels 3 (`glabels-3-batch`, Debian package glabels), merging the same CSV into an equivalent
 *   63.5 × 38.1 mm, 3 × 7 document written here at run time (texts + EAN-13 with digits) into a PDF;
 * - zint (Debian package zint) in batch mode writing one SVG file per code: the symbols only (zint cannot
 *   lay out sheets or set the Kazakh text), so a floor rather than a peer.
 * Either is skipped, with a note, where it is not installed. The 21-label job runs five times, interleaved
 * with its peers (the machine may be busy), and the median is reported; the larger jobs run once.
 * NCG_BENCH_QUICK=1 leaves out the 10,000-label gLabels run (about five minutes on an idle machine).
 * Wall time includes process start-up; CPU time (user + system) and peak RSS come from GNU time
 * (`/usr/bin/time`, Debian package time) when installed. Our CLI runs prebuilt (scripts/build-cli.mjs,
 * as after `npm install`); the figure says so, or that it ran from source.
 *
 * Ablation (not a baseline): the naive pdf-lib way (one `drawRectangle` per bar, one `drawText` per text
 * line) against our renderer, both in-process on the same 2,100-label layout.
 *
 * Run: node --import tsx bench/labels.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

interface ProcessRun {
  wallMs: number;
  cpuMs: number | null;
  rssMb: number | null;
  stderr: string;
}

const gnuTime = existsSync('/usr/bin/time');

/** Runs a whole process, timed from outside; CPU and peak RSS from GNU time when available. */
function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const start = performance.now();
  const done = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'ncg-bench-time %U %S %M', command, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 })
    : spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const wallMs = Math.round(performance.now() - start);
  const stderr = done.stderr ?? '';
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(done.status)}): ${stderr.slice(-2000)}`);
  const timing = /ncg-bench-time ([\d.]+) ([\d.]+) (\d+)/u.exec(stderr);
  return {
    wallMs,
    cpuMs: timing ? Math.round((Number(timing[1]) + Number(timing[2])) * 1000) : null,
    rssMb: timing ? Math.round(Number(timing[3]) / 1024) : null,
    stderr,
  };
}

function installed(command: string, args: readonly string[]): string | null {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error) return null;
  return `${probe.stdout}${probe.stderr}`.trim().split('\n')[0] ?? command;
}

/** The same products as CSV (comma-separated, UTF-8, no commas inside values) for ncg and gLabels. */
function writeCsv(path: string, count: number): void {
  const lines = ['code,name_kk,name_ru,quantity,unit,producer,country'];
  for (let i = 0; i < count; i += 1) {
    lines.push([codeOf(i), `${kazakhNames[i % 10] ?? ''} №${String(i + 1)}`, `${russianNames[i % 10] ?? ''} №${String(i + 1)}`, String(100 + (i % 900)), i % 2 ? 'г' : 'мл', 'ТОО «Қазақ Өнімдері»', 'Қазақстан'].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const identity = 'a0="1" a1="0" a2="0" a3="1" a4="0" a5="0" shadow="False"';

/**
 * A gLabels 3 document equivalent to our avery-l7160 template: A4, 3 × 7 labels of 63.5 × 38.1 mm (the
 * same sheet geometry as Avery's own L7160 in gLabels' catalogue), the two names, quantity, producer and
 * country as text, an EAN-13 with its digits below, fields merged from the CSV's header line.
 */
function glabelsDocument(csvPath: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="NCG" part="avery-l7160" size="A4" description="Avery L7160 equivalent, 63.5 x 38.1 mm, 21 per sheet">
    <Meta category="label"/>
    <Label-rectangle id="0" width="63.5mm" height="38.1mm" round="1.5mm" x_waste="0mm" y_waste="0mm">
      <Markup-margin size="1.5mm"/>
      <Layout nx="3" ny="7" x0="7.2mm" y0="15.15mm" dx="66.0mm" dy="38.1mm"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    <Object-text x="2mm" y="1.5mm" w="59.5mm" h="10mm" justify="Left" valign="Top" auto_shrink="True" ${identity}>
      <Span font_family="DejaVu Sans" font_size="7" font_weight="Regular" font_italic="False" color="0x000000ff" line_spacing="1"><Field name="name_kk"/><NL/><Field name="name_ru"/><NL/><Field name="quantity"/> <Field name="unit"/> · <Field name="producer"/> · <Field name="country"/></Span>
    </Object-text>
    <Object-barcode x="13mm" y="12mm" w="37.29mm" h="24mm" backend="gnu-barcode" style="EAN-13" text="True" checksum="True" field="code" color="0x000000ff" ${identity}/>
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="${csvPath}"/>
</Glabels-document>
`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/ncg.mjs');

/** `node bin/ncg.mjs labels …`, checking that it ran prebuilt (rebuilding once if a source changed meanwhile). */
function runOurs(csv: string, pdf: string): ProcessRun & { prebuilt: boolean } {
  const env = { ...process.env, NCG_CLI_DEBUG: '1', LANG: 'C.UTF-8' };
  const args = [bin, 'labels', '--input', csv, '--template', TEMPLATE, '--out', pdf];
  let run = runProcess(process.execPath, args, env);
  if (!run.stderr.includes('ncg: prebuilt')) {
    spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'ignore' });
    run = runProcess(process.execPath, args, env);
  }
  return { ...run, prebuilt: run.stderr.includes('ncg: prebuilt') };
}

function runZint(dir: string, count: number): ProcessRun {
  const input = join(dir, `codes-${String(count)}.txt`);
  writeFileSync(input, `${Array.from({ length: count }, (_, i) => codeOf(i)).join('\n')}\n`);
  const out = join(dir, `zint-${String(count)}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  // -b 14 = EANX_CHK: EAN-13 with the check digit given.
  return runProcess('zint', ['--batch', '-b', '14', '--filetype=SVG', '-i', input, '-o', join(out, '~~~~~.svg')]);
}

function runGlabels(dir: string, csv: string, count: number): ProcessRun & { pages: number | null } {
  const document = join(dir, `labels-${String(count)}.glabels`);
  writeFileSync(document, glabelsDocument(csv));
  const pdf = join(dir, `glabels-${String(count)}.pdf`);
  const run = runProcess('glabels-3-batch', ['-o', pdf, document]);
  return { ...run, pages: pdfPages(pdf) };
}

function pdfPages(pdf: string): number | null {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/mu.exec(info.stdout ?? '');
  return pages ? Number(pages[1]) : null;
}

function cpuNote(label: string, run: ProcessRun): string {
  return `${label}: ${run.cpuMs === null ? '' : `CPU ${String(run.cpuMs)} ms, `}${run.rssMb === null ? '' : `peak RSS ${String(run.rssMb)} MB`}`;
}

function compareProcesses(dir: string, count: number, repeats: number, withGlabels: boolean, zintVersion: string | null, glabelsVersion: string | null): void {
  const csv = join(dir, `products-${String(count)}.csv`);
  writeCsv(csv, count);
  const ours: (ProcessRun & { prebuilt: boolean })[] = [];
  const zint: ProcessRun[] = [];
  const glabels: (ProcessRun & { pages: number | null })[] = [];
  for (let i = 0; i < repeats; i += 1) {
    ours.push(runOurs(csv, join(dir, `ours-${String(count)}.pdf`)));
    if (zintVersion) zint.push(runZint(dir, count));
    if (glabelsVersion && withGlabels) glabels.push(runGlabels(dir, csv, count));
  }
  const pages = pdfPages(join(dir, `ours-${String(count)}.pdf`));
  const last = ours[ours.length - 1];
  if (!last) return;
  const how = `${ours.every((run) => run.prebuilt) ? 'prebuilt' : 'from source (tsx): a source changed during the run'}; ${String(pages ?? '?')} pages`;
  const med = (runs: readonly ProcessRun[]) => median(runs.map((run) => run.wallMs));
  const oursNote = cpuNote('ours', last);
  const glabelsLast = glabels[glabels.length - 1];
  report({
    name: `labels.cli.l7160.${String(count)}.wall`,
    value: med(ours),
    unit: 'ms',
    n: count,
    ...(glabelsLast ? { baseline: { name: `${glabelsVersion ?? 'glabels-3-batch'}: same CSV merged into an equivalent L7160 document, PDF`, value: med(glabels), unit: 'ms' } } : {}),
    notes: `whole process: node bin/ncg.mjs labels (${how}), median of ${String(repeats)}; ${oursNote}${
      glabelsLast ? `; ${cpuNote('gLabels', glabelsLast)}, ${String(glabelsLast.pages ?? '?')} pages` : glabelsVersion ? '; gLabels left out (NCG_BENCH_QUICK=1)' : '; glabels-3-batch not installed, no gLabels baseline'
    }`,
  });
  const zintLast = zint[zint.length - 1];
  report({
    name: `labels.cli.l7160.${String(count)}.wall-vs-zint`,
    value: med(ours),
    unit: 'ms',
    n: count,
    ...(zintLast ? { baseline: { name: `${zintVersion ?? 'zint'}: --batch EAN-13 to SVG files (symbols only, no sheet, no text)`, value: med(zint), unit: 'ms' } } : {}),
    notes: zintLast ? `${oursNote}; ${cpuNote('zint', zintLast)}` : 'zint not installed, no baseline',
  });
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? 'ours', Number(process.argv[4] ?? LABELS));
} else {
  const quick = process.env.NCG_BENCH_QUICK === '1';
  spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  const zintVersion = installed('zint', ['--version']);
  const glabelsVersion = existsSync('/usr/bin/glabels-3-batch') || installed('glabels-3-batch', ['--help']) !== null ? 'gLabels 3 (glabels-3-batch)' : null;
  const dir = mkdtempSync(join(tmpdir(), 'ncg-labels-bench-'));
  try {
    compareProcesses(dir, 21, 5, true, zintVersion, glabelsVersion);
    compareProcesses(dir, 2_100, 1, true, zintVersion, glabelsVersion);
    compareProcesses(dir, LABELS, 1, !quick, zintVersion, glabelsVersion);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const naive = runChild('naive', NAIVE_LABELS);
  const same = runChild('ours', NAIVE_LABELS);
  report({
    name: 'labels.ablation.l7160.2100.pdf.inProcess',
    value: same.ms,
    unit: 'ms',
    n: NAIVE_LABELS,
    notes: `ablation, not a baseline: our renderer vs the naive pdf-lib way (drawRectangle per bar + drawText per line) on the same layout, in-process: naive ${String(naive.ms)} ms; peak RSS ${String(same.rssMb)} MB vs naive ${String(naive.rssMb)} MB; size ${String(Math.round(same.bytes / 1024))} KB vs ${String(Math.round(naive.bytes / 1024))} KB`,
  });
  const zpl = runChild('zpl', LABELS);
  report({ name: 'labels.thermal-58x40.10k.zpl.time', value: zpl.ms, unit: 'ms', n: LABELS, notes: `in-process, 203 dpi, text as ^GFA bitmaps; ${String(Math.round(zpl.bytes / 1048576))} MB of ZPL; peak RSS ${String(zpl.rssMb)} MB` });
}
