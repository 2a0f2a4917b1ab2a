/**
 * What one imported file may hold. The limits are enforced while the file is read (a part is unpacked and
 * parsed piece by piece), so a small file that unpacks to gigabytes, or holds a million rows, is refused
 * after reading no more than the limit, in about a second and a bounded amount of memory.
 */
import { defaultMaxRows, type TableIssue } from './table.ts';

export interface ImportLimits {
  /** Data rows read from one file; beyond it reading stops with `tooManyRows` (the rows before it are kept). */
  readonly maxRows: number;
  /** Columns of the table (Excel's own limit is 16,384, column XFD). */
  readonly maxColumns: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  readonly maxCellChars: number;
  /** Unpacked size of one part of an XLSX archive (worksheet, shared strings, styles…). */
  readonly maxPartBytes: number;
  /** Unpacked size of all the parts read from one XLSX archive. */
  readonly maxUnpackedBytes: number;
  /** Entries of the shared-strings table (each distinct text of the workbook is one). */
  readonly maxSharedStrings: number;
  /** Characters of all shared strings together. */
  readonly maxSharedStringChars: number;
}

export const defaultImportLimits: ImportLimits = {
  maxRows: defaultMaxRows,
  maxColumns: 16_384,
  maxCellChars: 32_767,
  // A 100,000-row sheet of 20 filled columns unpacks to about 80 MB.
  maxPartBytes: 192 * 1024 * 1024,
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxSharedStrings: 2_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
};

/** The limits with any overrides applied. */
export function importLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  if (!overrides) return defaultImportLimits;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Partial<ImportLimits>;
  return { ...defaultImportLimits, ...defined };
}

/** Thrown inside a reader to stop at once; the reader turns it into its file-level issue. */
export class ImportRefused extends Error {
  constructor(readonly issue: TableIssue) {
    super(issue.key);
    this.name = 'ImportRefused';
  }
}

/** Bytes as whole megabytes, the unit the messages use. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
