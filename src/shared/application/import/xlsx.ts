/**
 * XLSX reading with exceljs. Cells are read as text and nothing is ever calculated: exceljs does not
 * evaluate formulas, and the value Excel cached for a formula (`result`) is ignored too, because it is
 * whatever the author's Excel computed (a `=HYPERLINK(…)` would show its friendly text). A formula cell
 * yields the formula's own text, `=` included, plus a problem; error cells (#N/A…) likewise.
 */
import ExcelJS from 'exceljs';
import { cellText, defaultMaxRows, type ImportTable, type TableIssue } from './table.ts';

export interface XlsxOptions {
  maxRows?: number;
}

/** A number as its text: integers in full (GTINs stored as numbers), `0000…` formats zero-padded, else 15 significant digits. */
function numberText(value: number, numFmt: string | undefined): string {
  if (Number.isInteger(value)) {
    const digits = Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
    const padded = numFmt !== undefined && /^0+$/u.test(numFmt) ? digits.padStart(numFmt.length, '0') : digits;
    return padded;
  }
  return String(Number(value.toPrecision(15)));
}

function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

interface CellRead {
  text: string;
  formula?: string;
  error?: string;
}

/** Text of a rich-text or hyperlink cell's text part. */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (run && typeof run === 'object' && 'text' in run ? String(run.text) : '')).join('');
  }
  return '';
}

function readCell(cell: ExcelJS.Cell): CellRead {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value, cell.numFmt) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = cell.formula ?? '';
      return { text: `=${formula}`, formula };
    }
    if ('error' in value) {
      const error = String(value.error);
      return { text: error, error };
    }
    if ('richText' in value) return { text: plainText(value) };
    if ('text' in value) return { text: plainText(value.text) };
  }
  return { text: '' };
}

/** True when the bytes start like a ZIP archive (every .xlsx is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the first worksheet that has content into a table. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<ImportTable> {
  const table: ImportTable = { format: 'xlsx', headers: [], headerRow: 1, rows: [], issues: [] };
  if (bytes.length === 0) {
    table.issues.push({ row: 1, key: 'application.import.emptyFile', severity: 'error' });
    return table;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    if (!looksLikeZip(bytes)) throw new Error('not a zip archive');
    const copy = bytes.slice().buffer;
    await workbook.xlsx.load(copy);
  } catch {
    table.issues.push({ row: 1, key: 'application.import.unreadable', severity: 'error' });
    return table;
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) {
    table.issues.push({ row: 1, key: 'application.import.noWorksheet', severity: 'error' });
    return table;
  }
  table.sheetName = sheet.name;
  const maxRows = options.maxRows ?? defaultMaxRows;
  let haveHeader = false;
  let stopped = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped) return;
    const width = Math.max(row.cellCount, haveHeader ? table.headers.length : 0);
    const cells: string[] = [];
    const issues: TableIssue[] = [];
    for (let column = 1; column <= width; column += 1) {
      const read = readCell(row.getCell(column));
      if (read.formula !== undefined) {
        issues.push({ row: rowNumber, column: column - 1, key: 'application.import.formula', params: { formula: read.formula }, severity: 'error' });
        cells.push(read.text.trim());
        continue;
      }
      if (read.error !== undefined) issues.push({ row: rowNumber, column: column - 1, key: 'application.import.errorCell', params: { error: read.error }, severity: 'error' });
      else if (read.text.trim().startsWith('=')) {
        issues.push({ row: rowNumber, column: column - 1, key: 'application.import.formula', params: { formula: read.text.trim().slice(1) }, severity: 'error' });
      }
      cells.push(cellText(read.text));
    }
    if (cells.every((cell) => cell === '') && issues.length === 0) return;
    if (!haveHeader) {
      haveHeader = true;
      table.headerRow = rowNumber;
      table.headers = cells;
      table.issues.push(...issues);
      return;
    }
    if (table.rows.length >= maxRows) {
      table.issues.push({ row: rowNumber, key: 'application.import.tooManyRows', params: { max: maxRows }, severity: 'error' });
      stopped = true;
      return;
    }
    table.issues.push(...issues);
    const extra = cells.slice(table.headers.length).filter((cell) => cell !== '').length;
    if (extra > 0) {
      table.issues.push({ row: rowNumber, key: 'application.import.extraCells', params: { count: cells.length, columns: table.headers.length }, severity: 'error' });
    }
    table.rows.push({ row: rowNumber, cells });
  });
  if (!stopped && haveHeader && table.rows.length === 0) table.issues.push({ row: table.headerRow, key: 'application.import.noRows', severity: 'warning' });
  if (!haveHeader) table.issues.push({ row: 1, key: 'application.import.emptyFile', severity: 'error' });
  return table;
}
