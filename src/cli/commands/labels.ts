import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { decodeTextBytes } from '../../shared/application/import/decode.ts';
import { detectDelimiter } from '../../shared/application/import/csv.ts';
import { defaultMaxFileBytes } from '../../shared/application/import/import.ts';
import { defaultImportLimits } from '../../shared/application/import/limits.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import {
  LayoutBuilder,
  checkLabelItem,
  createFontMetrics,
  fieldColumns,
  isLabelError,
  labelsPerPage,
  listTemplates,
  planLabelFrame,
  productColumns,
  renderLabelsPdf,
  renderLabelsZpl,
  textFieldNames,
  type Calibration,
  type FieldsConfig,
  type LabelFonts,
  type LabelProductInput,
  type LayoutOptions,
  type ProductField,
} from '../../shared/labels/index.ts';
import { choiceOption, defineCommand, integerOption, UsageError, type CommandArgs, type CommandSpec, type OptionSpecs } from '../args.ts';
import { ExitCode, type CliCommand, type CliIO } from '../io.ts';
import { shown, shownParams } from '../terminal.ts';

export const summary = 'print EAN-13 barcode labels (PDF for sheets and thermal, ZPL for thermal) from a CSV of products';

const usage = `Usage: ncg labels --input products.csv --template <id> --out labels.pdf [options]
       ncg labels --template list

Options:
  --input FILE          CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1251 (detected), ","
                        ";" or tab separated, header row first
  --template ID         avery-l7160, avery-l7163, avery-l7651, thermal-58x40, thermal-58x30, thermal-100x150
                        ("list" prints them with their sizes)
  --out FILE            the PDF (page size = the template's; print at 100 %, "actual size")
  --zpl FILE            also (or only) ZPL for a thermal printer (thermal templates only)
  --dpi 203|300         thermal printer resolution (default 203)
  --start N             first label position on the first sheet, 1 = top-left (partly used sheets)
  --code-column NAME    the column with the NTIN or GTIN (default "code")
  --fields LIST         text fields to show, e.g. "name_kk,name_ru,quantity" (default: the template's)
  --calibrate DX,DY[,SX,SY]  printer calibration: offset in mm and scale (e.g. "0.5,-0.3,1,1.002")
  --delimiter ,|;       CSV separator (default: detected)
  --outlines            draw label outlines (test prints on plain paper)
  --lang kk|ru|en       language of messages (default: from LANG, else English)

CSV columns (header names, any order, case-insensitive): code, name_kk, name_ru, quantity, unit,
producer, country, copies. Only the code column is required; an empty copies means 1.
A bad row is reported as "row N: column: message" (N = line in the file, the header is line 1) and the
other rows are still printed. Exit 0 when every row printed, 1 when some row failed (or nothing to
print), 2 on a usage error (including a template that cannot hold a GS1-compliant symbol).`;

const fontDir = new URL('../../../resources/fonts/', import.meta.url);

async function loadFonts(regularPath: string | undefined, boldPath: string | undefined): Promise<LabelFonts> {
  const regular = await readFile(regularPath ?? fileURLToPath(new URL('DejaVuSans.ttf', fontDir)));
  const bold = regularPath && !boldPath ? undefined : await readFile(boldPath ?? fileURLToPath(new URL('DejaVuSans-Bold.ttf', fontDir)));
  return { regular: new Uint8Array(regular), ...(bold ? { bold: new Uint8Array(bold) } : {}) };
}

function parseCalibration(text: string): Partial<Calibration> | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if ((parts.length !== 2 && parts.length !== 4) || parts.some((n) => !Number.isFinite(n))) return null;
  const [offsetXMm = 0, offsetYMm = 0, scaleX = 1, scaleY = 1] = parts;
  return { offsetXMm, offsetYMm, scaleX, scaleY };
}

function parseFields(text: string): FieldsConfig | null {
  const wanted = new Set(text.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== ''));
  const config: Record<string, boolean> = {};
  for (const name of textFieldNames) config[name] = wanted.delete(fieldColumns[name]);
  return wanted.size === 0 ? (config as FieldsConfig) : null;
}

function listing(io: CliIO): void {
  io.stdout('id                 stock                         labels  label (mm)    dpi');
  for (const t of listTemplates()) {
    const stock = t.kind === 'sheet' ? `A4 sheet ${String(t.columns)}×${String(t.rows)}` : `thermal roll, 1 per page`;
    const dpi = t.kind === 'thermal' ? (t.dpiChoices ?? [203, 300]).join('|') : t.dpi === null ? '—' : `grid ${String(t.dpi)}`;
    io.stdout(`${t.id.padEnd(18)} ${stock.padEnd(29)} ${String(labelsPerPage(t)).padStart(6)}  ${`${String(t.labelWidthMm)}×${String(t.labelHeightMm)}`.padEnd(12)}  ${dpi}`);
  }
}

/** A progress bar on stderr, redrawn in place at most ten times a second; only on an interactive terminal. */
function progressBar(total: number): { update: (done: number, rows: number) => void; end: () => void } {
  let last = 0;
  const draw = (done: number, rows: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * 30);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${String(rows)} rows`);
  };
  return {
    update(done, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done, rows);
    },
    end() {
      process.stderr.write('\r\u001b[K');
    },
  };
}

const spec = {
  name: 'labels',
  usage,
  options: {
    input: { type: 'string', short: 'i' },
    template: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    zpl: { type: 'string' },
    dpi: { type: 'string' },
    start: { type: 'string' },
    'code-column': { type: 'string', default: 'code' },
    fields: { type: 'string' },
    calibrate: { type: 'string' },
    delimiter: { type: 'string' },
    outlines: { type: 'boolean' },
    font: { type: 'string' },
    'bold-font': { type: 'string' },
  },
  lang: true,
} as const satisfies CommandSpec<OptionSpecs>;

export const run: CliCommand = defineCommand(spec, printLabels);

async function printLabels({ values, locale }: CommandArgs<typeof spec.options>, io: CliIO): Promise<number> {
  const t = createTranslator(locale);
  if (values.template === 'list') {
    listing(io);
    return ExitCode.ok;
  }
  if (values.template === undefined) throw new UsageError('say which template to use (--template, or --template list)');
  if (values.input === undefined) throw new UsageError('the CSV to read is missing (--input)');
  if (values.out === undefined && values.zpl === undefined) throw new UsageError('say where to write the labels (--out and/or --zpl)');
  const dpi = choiceOption(values.dpi, '--dpi', ['203', '300']);
  const start = integerOption(values.start, '--start');
  const calibration = values.calibrate === undefined ? undefined : parseCalibration(values.calibrate);
  if (calibration === null) throw new UsageError('--calibrate takes "DX,DY" or "DX,DY,SX,SY" (mm and scale factors)');
  const fields = values.fields === undefined ? undefined : parseFields(values.fields);
  if (fields === null) throw new UsageError(`--fields takes a list of ${textFieldNames.map((n) => fieldColumns[n]).join(', ')}`);
  const delimiter = choiceOption(values.delimiter === '\t' ? 'tab' : values.delimiter, '--delimiter', [',', ';', 'tab']);

  let fonts: LabelFonts;
  try {
    fonts = await loadFonts(values.font, values['bold-font']);
  } catch (error) {
    io.stderr(`ncg labels: cannot read the label font: ${error instanceof Error ? error.message : String(error)}`);
    return ExitCode.failed;
  }
  const metrics = createFontMetrics(fonts);
  const options: LayoutOptions = {
    template: values.template,
    ...(dpi !== undefined ? { dpi: Number(dpi) } : {}),
    ...(start !== undefined ? { startPosition: start } : {}),
    ...(calibration ? { calibration } : {}),
    ...(fields ? { fields } : {}),
  };
  let builder: LayoutBuilder;
  try {
    const frame = planLabelFrame(options, metrics);
    if (values.zpl !== undefined && frame.template.kind !== 'thermal') throw new UsageError(t('labels.zpl.notThermal', { template: frame.template.id }));
    builder = new LayoutBuilder(frame, options, metrics);
  } catch (error) {
    if (!isLabelError(error)) throw error;
    throw new UsageError(t(error.key, shownParams(error.params)));
  }

  const inputPath = values.input;
  let bytes: Uint8Array;
  try {
    const { size } = await stat(inputPath);
    if (size > defaultMaxFileBytes) {
      io.stderr(`ncg labels: ${t('application.import.tooLarge', { size: (size / 1048576).toFixed(1), max: (defaultMaxFileBytes / 1048576).toFixed(0) })}`);
      return ExitCode.failed;
    }
    bytes = new Uint8Array(await readFile(inputPath));
  } catch (error) {
    io.stderr(`ncg labels: cannot read ${shown(inputPath)}: ${shown(error instanceof Error ? error.message : String(error), 200)}`);
    return ExitCode.failed;
  }
  // The same decoder as `ncg import` and the app: UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1251.
  const { text, encoding } = decodeTextBytes(bytes);
  const separator = delimiter === undefined ? detectDelimiter(text) : delimiter === 'tab' ? '\t' : delimiter;
  const codeColumn = values['code-column'].trim().toLowerCase();
  const columnOf: Record<ProductField, string> = { ...productColumns, code: codeColumn };
  const progress = io.isTTY && process.stderr.isTTY ? progressBar(text.length) : null;

  let line = 1;
  let rows = 0;
  let failedRows = 0;
  let header: string[] | null = null;
  let fatal: string | null = null;
  /** Columns where Windows-1251 lost Kazakh letters (saved as «?»). */
  const lostLetters = new Set<string>();

  const report = (rowLine: number, column: string, message: string) => io.stderr(`row ${String(rowLine)}: ${shown(column, 60)}: ${message}`);

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: separator,
    step: (result, parser) => {
      const cells = result.data;
      const rowLine = line;
      line += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\n/gu)?.length ?? 0), 0);
      if (header === null) {
        if (cells.length > defaultImportLimits.maxColumns) {
          fatal = t('application.import.tooManyColumns', { max: defaultImportLimits.maxColumns });
          parser.abort();
          return;
        }
        header = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/u, '') : cell).trim().toLowerCase());
        if (!header.includes(codeColumn)) {
          fatal = t('labels.csv.missingColumn', { column: shown(codeColumn, 60), found: shown(header.join(', ')) });
          parser.abort();
        }
        return;
      }
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
      rows += 1;
      progress?.update(result.meta.cursor, rows);
      const problemsInCsv = result.errors.filter((e) => e.type === 'Quotes');
      if (problemsInCsv.length > 0) {
        failedRows += 1;
        report(rowLine, 'csv', problemsInCsv.map((e) => e.message).join('; '));
        return;
      }
      const cols = header;
      const value = (field: ProductField): string => {
        const index = cols.indexOf(columnOf[field]);
        const cell = index < 0 ? '' : (cells[index] ?? '');
        if (encoding === 'windows-1251' && cell.includes('?')) lostLetters.add(columnOf[field]);
        return cell;
      };
      const input: LabelProductInput = {
        code: value('code'),
        nameKk: value('nameKk'),
        nameRu: value('nameRu'),
        quantity: value('quantity'),
        unit: value('unit'),
        producer: value('producer'),
        country: value('country'),
        copies: value('copies'),
      };
      const check = checkLabelItem(input, { metrics });
      if (!check.ok) {
        failedRows += 1;
        for (const { field, problem } of check.problems) report(rowLine, columnOf[field], t(problem.key, shownParams(problem.params)));
        return;
      }
      builder.add(check.item, rows - 1);
    },
  });
  for (const column of lostLetters) io.stderr(`ncg labels: ${t('application.import.lostLetters', { header: shown(column, 60) })}`);
  progress?.end();
  if (fatal !== null) {
    io.stderr(`ncg labels: ${String(fatal)}`);
    return ExitCode.failed;
  }
  if (header === null) {
    io.stderr(`ncg labels: ${t('labels.csv.empty')}`);
    return ExitCode.failed;
  }
  const layout = builder.finish();
  if (layout.labelCount > 0) {
    if (values.out !== undefined) await writeFile(values.out, await renderLabelsPdf(layout, fonts, { outlines: values.outlines }));
    if (values.zpl !== undefined) await writeFile(values.zpl, renderLabelsZpl(layout, metrics));
  }
  io.stdout(t('labels.cli.summary', { labels: layout.labelCount, pages: layout.pages.length, rows, failed: failedRows }));
  if (layout.labelCount === 0 && failedRows === 0) {
    io.stderr(`ncg labels: ${t('labels.csv.noRows')}`);
    return ExitCode.failed;
  }
  return failedRows > 0 ? ExitCode.failed : ExitCode.ok;
}
