/**
 * CSV reading with papaparse: encoding from the bytes (decode.ts), separator from the header line
 * (`;` from a Russian or Kazakh Excel, `,` elsewhere, tab from "Unicode text"), quoted values that span
 * lines, and row numbers that are the file's line numbers. A broken file (an unbalanced quotation mark)
 * yields a problem at the line where the quote opened instead of an exception.
 */
import Papa from 'papaparse';
import { decodeTextBytes } from './decode.ts';
import { importLimits, type ImportLimits } from './limits.ts';
import { cellReference, cellText, type ImportTable, type TableIssue, type TableRow } from './table.ts';

export interface CsvOptions {
  maxRows?: number | undefined;
  /** Other limits (defaults: `defaultImportLimits`); columns and cell length are checked row by row. */
  limits?: Partial<ImportLimits> | undefined;
}

const candidates = [';', ',', '\t'] as const;

/** The separator that occurs most often outside quotes in the first line (ties: `;`, `,`, tab). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** A row wider than the limit, or a cell longer than it: the problem that refuses the file. */
function refuseOversized(cells: readonly string[], row: number, limits: ImportLimits): TableIssue | undefined {
  if (cells.length > limits.maxColumns) return { row, key: 'application.import.tooManyColumns', params: { max: limits.maxColumns }, severity: 'error' };
  const column = cells.findIndex((cell) => cell.length > limits.maxCellChars);
  if (column >= 0) return { row, column, key: 'application.import.cellTooLong', params: { cell: cellReference(row, column), max: limits.maxCellChars }, severity: 'error' };
  return undefined;
}

/** Parses CSV bytes (or already decoded text) into a table. */
export function parseCsv(input: Uint8Array | string, options: CsvOptions = {}): ImportTable {
  const decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/u, ''), encoding: undefined } : decodeTextBytes(input);
  // One line-ending convention: papaparse guesses it from the first line, and files mixing them exist.
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  const delimiter = detectDelimiter(text);
  const limits = importLimits({ ...options.limits, ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}) });
  const maxRows = limits.maxRows;
  const table: ImportTable = { format: 'csv', headers: [], headerRow: 1, rows: [], issues: [], encoding: decoded.encoding, delimiter };
  if (text.trim() === '') {
    table.issues.push({ row: 1, key: 'application.import.emptyFile', severity: 'error' });
    return table;
  }

  const totalLines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  let start = 0; // offset where the current record starts
  let scanned = 0; // offset up to which newlines were counted
  let line = 1; // line number at `scanned`
  let haveHeader = false;
  let stopped = false;
  let refused = false;
  const lineAt = (offset: number): number => {
    for (let i = scanned; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
    scanned = Math.max(scanned, offset);
    return line;
  };

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result, parser) => {
      const rowLine = lineAt(start);
      start = result.meta.cursor;
      const cells = result.data;
      const refusal = refuseOversized(cells, rowLine, limits);
      if (refusal) {
        // Nothing of a file that breaks the limits is kept: it is refused as a whole, with one problem.
        Object.assign(table, { headers: [], rows: [], issues: [refusal] });
        refused = true;
        parser.abort();
        return;
      }
      const issues: TableIssue[] = [];
      let broken = false;
      // A quote after the closing quote of a value (InvalidQuotes), and a quote never closed (MissingQuotes):
      // the latter swallows the rest of the file, so its lines are named.
      if (result.errors.some((error) => error.code === 'InvalidQuotes')) {
        issues.push({ row: rowLine, key: 'application.import.badQuote', severity: 'error' });
      }
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        issues.push({ row: rowLine, key: 'application.import.unbalancedQuote', params: { from: rowLine, to: totalLines }, severity: 'error' });
        broken = true;
      }
      if (!broken && cells.every((cell) => cell.trim() === '')) return;
      if (!haveHeader) {
        haveHeader = true;
        table.headerRow = rowLine;
        table.headers = cells.map((cell) => cell.replace(/^\uFEFF/u, '').trim());
        table.issues.push(...issues);
        return;
      }
      table.issues.push(...issues);
      if (broken) return;
      if (table.rows.length >= maxRows) {
        table.issues.push({ row: rowLine, key: 'application.import.tooManyRows', params: { max: maxRows }, severity: 'error' });
        stopped = true;
        parser.abort();
        return;
      }
      const row: TableRow = { row: rowLine, cells: [] };
      cells.forEach((raw, column) => {
        const trimmed = raw.trim();
        if (trimmed.startsWith('=')) {
          table.issues.push({ row: rowLine, column, key: 'application.import.formula', params: { formula: trimmed.slice(1) }, severity: 'error' });
        }
        row.cells.push(cellText(raw));
      });
      const extra = row.cells.slice(table.headers.length).filter((cell) => cell !== '').length;
      if (extra > 0) {
        table.issues.push({ row: rowLine, key: 'application.import.extraCells', params: { count: cells.length, columns: table.headers.length }, severity: 'error' });
      }
      table.rows.push(row);
    },
  });
  if (refused) return table;
  if (!stopped && haveHeader && table.rows.length === 0 && !table.issues.some((issue) => issue.severity === 'error')) {
    table.issues.push({ row: table.headerRow, key: 'application.import.noRows', severity: 'warning' });
  }
  return table;
}
