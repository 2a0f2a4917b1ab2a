/**
 * XLSX reading, streamed: the archive's parts are unpacked and parsed piece by piece (xml-parts.ts), and
 * every limit (limits.ts) is checked as the data arrives, so a crafted workbook (a few hundred KB that
 * unpack to gigabytes, a million rows) is refused after reading no more than the limit.
 *
 * Cells are read as text and nothing is ever calculated: the value Excel cached for a formula is ignored,
 * because it is whatever the author's Excel computed (a `=HYPERLINK(…)` would show its friendly text).
 * A formula cell yields the formula's own text, `=` included, plus a problem; error cells (#N/A…) likewise.
 */
import { ImportRefused, importLimits, type ImportLimits } from './limits.ts';
import { cellReference, cellText, type ImportTable, type TableIssue } from './table.ts';
import { prefixedAttribute, StringItemText, XlsxArchive } from './xml-parts.ts';
import { ZipFormatError } from './zip.ts';

export interface XlsxOptions {
  maxRows?: number | undefined;
  /** Other limits (defaults: `defaultImportLimits`). */
  limits?: Partial<ImportLimits> | undefined;
}

/** A number as its text: integers in full (GTINs stored as numbers), `0000…` formats zero-padded, else 15 significant digits. */
function numberText(value: number, numFmt: string | undefined): string {
  if (Number.isInteger(value)) {
    const digits = Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
    return numFmt !== undefined && /^0+$/u.test(numFmt) ? digits.padStart(numFmt.length, '0') : digits;
  }
  return String(Number(value.toPrecision(15)));
}

function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Excel's serial day number as a date (the 1900 system counts from 1899-12-30; the 1904 one is 1,462 days later). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** True when a custom format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./gu, '');
  return /[dmyhs]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

interface CellFormat {
  readonly code: string | undefined;
  readonly isDate: boolean;
}

/** True when the bytes start like a ZIP archive (every .xlsx is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `xl/worksheets/sheet1.xml` from a relationship target, relative to the workbook's folder or absolute. */
function resolvePart(target: string, base = 'xl/'): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

interface WorkbookInfo {
  sheets: { name: string; path: string }[];
  sharedStrings: string | undefined;
  styles: string | undefined;
  date1904: boolean;
}

function readWorkbook(archive: XlsxArchive): WorkbookInfo {
  const declared: { name: string; relation: string }[] = [];
  let date1904 = false;
  if (!archive.parse('xl/workbook.xml', {
    open(name, attributes) {
      if (name === 'sheet') declared.push({ name: attributes.name ?? '', relation: prefixedAttribute(attributes, 'id') ?? attributes.id ?? '' });
      else if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    },
  })) throw new ZipFormatError('no workbook part');
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  archive.parse('xl/_rels/workbook.xml.rels', {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.Target === undefined || attributes.TargetMode === 'External') return;
      const path = resolvePart(attributes.Target);
      const type = attributes.Type ?? '';
      if (type.endsWith('/sharedStrings')) sharedStrings = path;
      else if (type.endsWith('/styles')) styles = path;
      targets.set(attributes.Id ?? '', path);
    },
  });
  const sheets = declared.map((sheet, index) => ({ name: sheet.name, path: targets.get(sheet.relation) ?? `xl/worksheets/sheet${String(index + 1)}.xml` }));
  return {
    sheets,
    sharedStrings: sharedStrings ?? (archive.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined),
    styles: styles ?? (archive.has('xl/styles.xml') ? 'xl/styles.xml' : undefined),
    date1904,
  };
}

/** The number format of each cell style (`s` attribute of a cell = index into `cellXfs`). */
function readStyles(archive: XlsxArchive, path: string | undefined): CellFormat[] {
  if (path === undefined) return [];
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  archive.parse(path, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => {
    const code = custom.get(id);
    return { code, isDate: code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id) };
  });
}

function readSharedStrings(archive: XlsxArchive, path: string | undefined, limits: ImportLimits): string[] {
  const strings: string[] = [];
  if (path === undefined) return strings;
  let total = 0;
  const item = new StringItemText(() => {
    throw new ImportRefused({ row: 1, key: 'application.import.textTooLong', params: { max: limits.maxCellChars }, severity: 'error' });
  }, limits.maxCellChars);
  archive.parse(path, {
    open(name) {
      if (name === 'si' && strings.length >= limits.maxSharedStrings) {
        throw new ImportRefused({ row: 1, key: 'application.import.tooManyTexts', params: { max: limits.maxSharedStrings }, severity: 'error' });
      }
      item.open(name);
    },
    close(name) {
      item.close(name);
      if (name !== 'si') return;
      const text = item.take();
      total += text.length;
      if (total > limits.maxSharedStringChars) {
        throw new ImportRefused({ row: 1, key: 'application.import.textsTooLarge', params: { max: Math.round(limits.maxSharedStringChars / 1_000_000) }, severity: 'error' });
      }
      strings.push(text);
    },
    text: (text) => item.text(text),
  });
  return strings;
}

interface CellRead {
  text: string;
  formula?: string | undefined;
  error?: string | undefined;
}

/** Column number (1 = A) of a reference like `AB12`; 0 when there is none. */
function columnOf(reference: string | undefined): number {
  if (reference === undefined) return 0;
  let column = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
    if (column > 1e9) break;
  }
  return column;
}

/** Thrown to stop reading once enough has been read. */
class StopReading extends Error {}

interface SheetRow {
  row: number;
  /** Cells by column index (0-based); holes are empty cells. */
  cells: CellRead[];
}

/**
 * Streams one worksheet, calling `onRow` for each `<row>`. Cell values are resolved against the shared
 * strings and styles; limits on columns and cell length are checked per cell.
 */
function readSheet(
  archive: XlsxArchive,
  path: string,
  context: { strings: readonly string[]; formats: readonly CellFormat[]; date1904: boolean; limits: ImportLimits },
  onRow: (row: SheetRow) => void,
): void {
  const { strings, formats, date1904, limits } = context;
  const sharedFormulas = new Map<string, string>();
  let rowNumber = 0;
  let cells: CellRead[] = [];
  let inRow = false;
  // The cell being read.
  let column = 0;
  let reference = '';
  let type = 'n';
  let style = 0;
  let value = '';
  let formula: string | undefined;
  let sharedIndex: string | undefined;
  let capturing: 'v' | 'f' | null = null;
  let formulaText = '';
  const inline = new StringItemText(() => refuseCell(), limits.maxCellChars);
  let inInline = false;

  function refuseCell(): never {
    throw new ImportRefused({ row: rowNumber, column: column - 1, key: 'application.import.cellTooLong', params: { cell: reference, max: limits.maxCellChars }, severity: 'error' });
  }

  function finishCell(): CellRead {
    if (formula !== undefined) return { text: `=${formula}`, formula };
    switch (type) {
      case 's': {
        const index = Number(value);
        return { text: Number.isInteger(index) ? (strings[index] ?? '') : '' };
      }
      case 'inlineStr':
        return { text: inline.take() };
      case 'str':
        return { text: value };
      case 'b':
        return { text: value.trim() === '1' || value.trim() === 'true' ? 'true' : 'false' };
      case 'e':
        return { text: value, error: value };
      case 'd':
        return { text: dateText(new Date(value)) };
      default: {
        if (value.trim() === '') return { text: '' };
        const number = Number(value);
        if (!Number.isFinite(number)) return { text: value };
        const format = formats[style];
        if (format?.isDate) return { text: dateText(serialDate(number, date1904)) };
        return { text: numberText(number, format?.code) };
      }
    }
  }

  archive.parse(path, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const declared = Number(attributes.r);
          rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
          cells = [];
          inRow = true;
          column = 0;
          return;
        }
        case 'c': {
          const declared = columnOf(attributes.r);
          column = declared > 0 ? declared : column + 1;
          if (column > limits.maxColumns) {
            throw new ImportRefused({ row: rowNumber, key: 'application.import.tooManyColumns', params: { max: limits.maxColumns }, severity: 'error' });
          }
          reference = attributes.r ?? cellReference(rowNumber, column - 1);
          type = attributes.t ?? 'n';
          style = Number(attributes.s ?? 0);
          value = '';
          formula = undefined;
          inInline = false;
          sharedIndex = attributes.si;
          return;
        }
        case 'v':
          capturing = 'v';
          return;
        case 'f':
          capturing = 'f';
          formulaText = '';
          sharedIndex = attributes.t === 'shared' ? attributes.si : undefined;
          return;
        case 'is':
          inInline = true;
          inline.take();
          return;
        default:
          if (inInline) inline.open(name);
      }
    },
    text(text) {
      if (capturing === 'v') {
        value += text;
        if (value.length > limits.maxCellChars) refuseCell();
      } else if (capturing === 'f') {
        formulaText += text;
        if (formulaText.length > limits.maxCellChars) refuseCell();
      } else if (inInline) inline.text(text);
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
          if (name === 'f') {
            if (sharedIndex !== undefined && formulaText !== '') sharedFormulas.set(sharedIndex, formulaText);
            formula = formulaText !== '' ? formulaText : sharedIndex !== undefined ? (sharedFormulas.get(sharedIndex) ?? '') : '';
          }
          capturing = null;
          return;
        case 'is':
          inInline = false;
          return;
        case 'c':
          if (inRow) cells[column - 1] = finishCell();
          return;
        case 'row':
          inRow = false;
          onRow({ row: rowNumber, cells });
          return;
        default:
          if (inInline) inline.close(name);
      }
    },
  });
}

/** A table holding only one file-level problem. */
function refusedTable(issue: TableIssue): ImportTable {
  return { format: 'xlsx', headers: [], headerRow: 1, rows: [], issues: [issue] };
}

/** Reads the first worksheet that has content into a table. */
export function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<ImportTable> {
  return Promise.resolve(readXlsxSync(bytes, options));
}

/** `readXlsx` without the promise (the work is synchronous; the promise keeps the interface of a reader). */
export function readXlsxSync(bytes: Uint8Array, options: XlsxOptions = {}): ImportTable {
  const limits = importLimits({ ...options.limits, ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}) });
  if (bytes.length === 0) return refusedTable({ row: 1, key: 'application.import.emptyFile', severity: 'error' });
  if (!looksLikeZip(bytes)) return refusedTable({ row: 1, key: 'application.import.unreadable', severity: 'error' });
  try {
    return readWorkbookTable(bytes, limits);
  } catch (error) {
    if (error instanceof ImportRefused) return refusedTable(error.issue);
    // Anything else that went wrong inside the archive or its XML: not a workbook we can read.
    return refusedTable({ row: 1, key: 'application.import.unreadable', severity: 'error' });
  }
}

function readWorkbookTable(bytes: Uint8Array, limits: ImportLimits): ImportTable {
  const archive = new XlsxArchive(bytes, limits);
  const workbook = readWorkbook(archive);
  if (workbook.sheets.length === 0) return refusedTable({ row: 1, key: 'application.import.noWorksheet', severity: 'error' });
  const formats = readStyles(archive, workbook.styles);
  const strings = readSharedStrings(archive, workbook.sharedStrings, limits);
  const context = { strings, formats, date1904: workbook.date1904, limits };

  let table: ImportTable | undefined;
  for (const sheet of workbook.sheets) {
    const candidate: ImportTable = { format: 'xlsx', headers: [], headerRow: 1, rows: [], issues: [], sheetName: sheet.name };
    let haveHeader = false;
    let stopped = false;
    try {
      readSheet(archive, sheet.path, context, ({ row: rowNumber, cells: read }) => {
        const width = Math.max(read.length, haveHeader ? candidate.headers.length : 0);
        const cells: string[] = [];
        const issues: TableIssue[] = [];
        for (let column = 0; column < width; column += 1) {
          const cell = read[column] ?? { text: '' };
          if (cell.formula !== undefined) {
            issues.push({ row: rowNumber, column, key: 'application.import.formula', params: { formula: cell.formula }, severity: 'error' });
            cells.push(cell.text.trim());
            continue;
          }
          if (cell.error !== undefined) issues.push({ row: rowNumber, column, key: 'application.import.errorCell', params: { error: cell.error }, severity: 'error' });
          else if (cell.text.trim().startsWith('=')) {
            issues.push({ row: rowNumber, column, key: 'application.import.formula', params: { formula: cell.text.trim().slice(1) }, severity: 'error' });
          }
          cells.push(cellText(cell.text));
        }
        if (cells.every((cell) => cell === '') && issues.length === 0) return;
        if (!haveHeader) {
          haveHeader = true;
          candidate.headerRow = rowNumber;
          candidate.headers = cells;
          candidate.issues.push(...issues);
          return;
        }
        if (candidate.rows.length >= limits.maxRows) {
          candidate.issues.push({ row: rowNumber, key: 'application.import.tooManyRows', params: { max: limits.maxRows }, severity: 'error' });
          stopped = true;
          throw new StopReading();
        }
        candidate.issues.push(...issues);
        const extra = cells.slice(candidate.headers.length).filter((cell) => cell !== '').length;
        if (extra > 0) {
          candidate.issues.push({ row: rowNumber, key: 'application.import.extraCells', params: { count: cells.length, columns: candidate.headers.length }, severity: 'error' });
        }
        candidate.rows.push({ row: rowNumber, cells });
      });
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
    table ??= candidate;
    if (haveHeader) {
      table = candidate;
      if (!stopped && candidate.rows.length === 0) candidate.issues.push({ row: candidate.headerRow, key: 'application.import.noRows', severity: 'warning' });
      return table;
    }
  }
  const empty = table ?? refusedTable({ row: 1, key: 'application.import.noWorksheet', severity: 'error' });
  empty.issues.push({ row: 1, key: 'application.import.emptyFile', severity: 'error' });
  return empty;
}
