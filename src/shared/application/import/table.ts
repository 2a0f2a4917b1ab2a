/**
 * What a spreadsheet reader produces: header cells, then data rows with their row numbers as the officer
 * sees them (the line of a CSV file where the record starts, or the worksheet's row number; the header is
 * row 1 in a file that starts with it), plus problems found while reading.
 */
import type { ApplicationMessageKey } from '../messages.ts';
import type { Severity } from '../validate.ts';
import type { TextEncodingName } from './decode.ts';

export interface TableRow {
  /** Row number in the file (1 = the first line or worksheet row). */
  row: number;
  /** Cell texts, trimmed, one per column (may be shorter than the header). */
  cells: string[];
}

/** A problem found while reading, before any attribute is known: at a row, optionally at a column (0-based). */
export interface TableIssue {
  row: number;
  column?: number | undefined;
  key: ApplicationMessageKey;
  params?: Record<string, string | number>;
  severity: Severity;
}

export interface ImportTable {
  format: 'csv' | 'xlsx';
  /** Header cells, trimmed. */
  headers: string[];
  /** Row number of the header. */
  headerRow: number;
  rows: TableRow[];
  issues: TableIssue[];
  /** CSV only: the detected encoding and separator. */
  encoding?: TextEncodingName | undefined;
  delimiter?: string | undefined;
  /** XLSX only: the worksheet read. */
  sheetName?: string | undefined;
}

/** Default cap on data rows read from one file (see `defaultImportLimits` for the others). */
export const defaultMaxRows = 100_000;

/** Leading characters that make a spreadsheet treat text as a formula (or DDE) when it is typed or re-saved as CSV. */
export const formulaTriggers: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Reads a cell's text as the import stores it: trimmed, with the `'` that our export (and common practice)
 * puts before a formula trigger removed, so an exported file reads back to the same values.
 * A text starting with `=` is reported by the readers as a formula (kept as literal text).
 */
export function cellText(raw: string): string {
  const text = raw.trim();
  if (text.length >= 2 && text.startsWith("'") && formulaTriggers.includes(text.charAt(1))) return text.slice(1);
  return text;
}

/** A cell as spreadsheets name it: column letters and row number (`column` 0-based), e.g. `AB12`. */
export function cellReference(row: number, column: number): string {
  let name = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return `${name}${String(row)}`;
}
