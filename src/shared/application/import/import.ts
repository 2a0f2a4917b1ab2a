/**
 * One call for a whole file: the bytes of a .csv or .xlsx (from a File in a browser worker, or from disk
 * in the CLI) → a table → a column mapping (given, or suggested from the headers) → drafts and problems.
 */
import type { ApplicationDraft } from '../draft.ts';
import type { DictionaryLookup } from '../validate.ts';
import { headerSignature, suggestColumnMapping, type ColumnMapping } from './columns.ts';
import { parseCsv } from './csv.ts';
import type { ImportLimits } from './limits.ts';
import { prepareSchemas, tableToDrafts, type ImportedRow, type ImportProblem, type PreparedSchemas, type SchemaSource } from './rows.ts';
import type { ImportTable } from './table.ts';
import { looksLikeZip, readXlsx } from './xlsx.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** The format by the file's extension (`.csv`, `.tsv`, `.txt` → csv; `.xlsx` → xlsx), else undefined. */
export function spreadsheetFormat(fileName: string): SpreadsheetFormat | undefined {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  return undefined;
}

/** Default cap on the file size: far above 5,000 rows, far below what would hang a worker. */
export const defaultMaxFileBytes = 50 * 1024 * 1024;

export interface ReadOptions {
  maxRows?: number;
  maxBytes?: number;
  /** Limits checked while reading (defaults: `defaultImportLimits`); breaking one refuses the file with its problem key. */
  limits?: Partial<ImportLimits>;
}

/** Reads a spreadsheet's bytes into a table. A file that is a ZIP archive is read as XLSX whatever its name. */
export async function readSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormat, options: ReadOptions = {}): Promise<ImportTable> {
  const maxBytes = options.maxBytes ?? defaultMaxFileBytes;
  if (bytes.length > maxBytes) {
    return {
      format,
      headers: [],
      headerRow: 1,
      rows: [],
      issues: [{ row: 1, key: 'application.import.tooLarge', params: { size: (bytes.length / 1048576).toFixed(1), max: (maxBytes / 1048576).toFixed(0) }, severity: 'error' }],
    };
  }
  const limits = { maxRows: options.maxRows, limits: options.limits };
  if (format === 'xlsx' || looksLikeZip(bytes)) return readXlsx(bytes, limits);
  return parseCsv(bytes, limits);
}

export interface ImportOptions extends ReadOptions {
  source: SchemaSource;
  /**
   * Dictionaries, or a loader called once the schemas of the file's categories are known (so that only the
   * dictionaries they use are fetched: see `dictionaryCodes`).
   */
  dictionaries?: DictionaryLookup | ((schemas: PreparedSchemas) => Promise<DictionaryLookup | undefined>);
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** A mapping remembered for this header layout; otherwise one is suggested from the headers. */
  mapping?: ColumnMapping;
  defaults?: { oktru?: string; isGov?: boolean; autoPublication?: boolean };
  idFor?: (row: number) => string;
}

export interface ImportResult {
  format: SpreadsheetFormat;
  table: Omit<ImportTable, 'rows'>;
  headers: string[];
  /** Key to remember the mapping under. */
  headerSignature: string;
  mapping: ColumnMapping;
  /** The headers were all recognised by code: no mapping step was needed. */
  isDefaultLayout: boolean;
  /** The ОКТРУ codes of the rows (to prepare schemas again for export or mapping: `prepareSchemas`). */
  oktruCodes: string[];
  rows: ImportedRow[];
  drafts: ApplicationDraft[];
  /** Every problem, file-level and per row, sorted by row. */
  problems: ImportProblem[];
  counts: { rows: number; errors: number; warnings: number; rowsWithErrors: number };
}

/**
 * Imports a whole file. Never throws for bad content: everything wrong is a problem. The result is plain
 * data (structured-cloneable), so a worker can post it to the page as it is.
 */
export async function importSpreadsheet(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const format = spreadsheetFormat(fileName) ?? (looksLikeZip(bytes) ? 'xlsx' : undefined);
  const table: ImportTable = format
    ? await readSpreadsheet(bytes, format, options)
    : { format: 'csv', headers: [], headerRow: 1, rows: [], issues: [{ row: 1, key: 'application.import.unsupportedFormat', severity: 'error' }] };

  const oktruAt = table.headers.findIndex((header) => header.trim().toLowerCase() === 'oktru');
  const codes = new Set<string>(options.defaults?.oktru ? [options.defaults.oktru] : []);
  if (oktruAt >= 0) for (const row of table.rows) codes.add(row.cells[oktruAt] ?? '');
  const schemas = await prepareSchemas(options.source, codes);

  const suggested = suggestColumnMapping(table.headers, schemas.union, table.headerRow);
  const mapping = options.mapping ?? suggested.mapping;
  if (!options.mapping) table.issues.push(...suggested.issues);

  const dictionaries = typeof options.dictionaries === 'function' ? await options.dictionaries(schemas) : options.dictionaries;
  const { rows, problems } = tableToDrafts(table, mapping, {
    schemas,
    dictionaries,
    today: options.today,
    defaults: options.defaults,
    idFor: options.idFor,
  });
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const { rows: _rows, ...tableInfo } = table;
  return {
    format: table.format,
    table: tableInfo,
    headers: table.headers,
    headerSignature: headerSignature(table.headers),
    mapping,
    isDefaultLayout: options.mapping ? false : suggested.isDefaultLayout,
    oktruCodes: [...codes].filter((code) => code !== ''),
    rows,
    drafts: rows.map((row) => row.draft),
    problems,
    counts: {
      rows: rows.length,
      errors,
      warnings: problems.length - errors,
      rowsWithErrors: rows.filter((row) => row.problems.some((problem) => problem.severity === 'error')).length,
    },
  };
}
