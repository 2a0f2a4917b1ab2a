/**
 * What the page and the import worker (through workers/rpc.ts) exchange. Everything here is plain data: it
 * crosses the worker boundary by structured clone. Message keys stay keys (`application.import.formula`, `codes.gtin.*`,
 * `importer.failed.*`): the worker has no i18n, the page translates.
 */
import type { AttachmentProblemKey, ColumnMapping } from '../../../shared/application/import/index.ts';
import type { PreparedPhoto } from '../../workers/photo-protocol.ts';
import type { Severity } from '../../../shared/application/validate.ts';
import type { ValueGroup } from '../../../shared/application/draft.ts';

/** A problem as the preview shows it: at a file row, about a field, with the file's header of that field. */
export interface ShownProblem {
  row: number;
  /** Attribute code, `code.part`, a card column, or the header of an ignored column. */
  field: string;
  /** The header of the file's column that holds `field`, when there is one. */
  header?: string | undefined;
  /** The attribute's own names, for a field no column holds (a required attribute left out of the file). */
  names?: { ru: string; kk: string } | undefined;
  key: string;
  params?: Record<string, string | number> | undefined;
  severity: Severity;
}

/** One choice of the column-mapping step. `value` is `targetKey(target)` (see mapping-targets.ts). */
export interface TargetOption {
  value: string;
  group: 'card' | ValueGroup;
  code: string;
  nameRu: string;
  nameKk: string;
}

export interface FileAnalysis {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheetName?: string | undefined;
  rowCount: number;
  headers: string[];
  /** Key under which a mapping for these headers is remembered. */
  headerSignature: string;
  /** The first data rows, cell by cell, for the mapping step. */
  sample: string[][];
  suggestedMapping: ColumnMapping;
  /** Every header is a catalogue code: no mapping step. */
  isDefaultLayout: boolean;
  targets: TargetOption[];
  /** Why the file cannot be imported at all (empty, not a spreadsheet, no rows…); empty when it can. */
  fatal: ShownProblem[];
  /** No base schema in the local database: nothing can be checked. */
  schemasMissing: boolean;
  /** ОКТРУ codes of the file (by the suggested mapping) whose extended schema is not stored locally. */
  categoriesWithoutSchema: string[];
}

export interface PreviewRow {
  row: number;
  nameRu: string;
  nameKk: string;
  gtin: string;
  severity: Severity | 'ok';
  problems: ShownProblem[];
  /** An application with the same GTIN, or the same Russian name and ОКТРУ, is already on this computer. */
  alreadyImported: boolean;
}

export interface PreviewCounts {
  rows: number;
  rowsWithErrors: number;
  /** Rows with warnings and no error. */
  rowsWithWarnings: number;
  clean: number;
  /** Rows already on this computer (whatever their problems). */
  alreadyImported: number;
  /** Rows without errors that are not on this computer yet: what "only valid rows" imports by default. */
  validNew: number;
}

/**
 * A photo or PDF the sheet names that passed the core's checks (there, JPEG/PNG/PDF by its bytes, size): the
 * page looks deeper (decodes the photo and re-encodes it when over 5 MB, opens the PDF) before the import.
 */
export interface PendingFile {
  path: string;
  kind: 'photo' | 'document';
}

/** What the page's deeper look found wrong with a file; the worker puts it on every row naming the file. */
export interface FileVerdict extends PendingFile {
  key: AttachmentProblemKey;
  params?: Record<string, string> | undefined;
}

/** A file ready to store with the drafts: the photo as the photo worker prepared it, the PDF with its thumbnail. */
export type PreparedFile = { path: string; kind: 'photo'; file: File; prepared: PreparedPhoto } | { path: string; kind: 'document'; file: File; thumbnail: Blob };

export interface ImportPreview {
  /** Files of the sheet still to be looked at by the page (none once it has). */
  files: PendingFile[];
  rows: PreviewRow[];
  /** Problems of the header or of lines that are no row (a broken quote, too many rows). */
  fileProblems: ShownProblem[];
  counts: PreviewCounts;
  categoriesWithoutSchema: string[];
}

/** Where the mapping of the previewed file came from. */
export type MappingSource = 'default' | 'remembered' | 'chosen';

/** What opening a file leads to: a refusal, the mapping step, or straight to the preview. */
export type OpenOutcome =
  | { kind: 'unreadable'; analysis: FileAnalysis }
  | { kind: 'noSchemas'; analysis: FileAnalysis }
  | { kind: 'mapping'; analysis: FileAnalysis }
  | { kind: 'preview'; analysis: FileAnalysis; mapping: ColumnMapping; source: MappingSource; preview: ImportPreview };

export interface CommitOptions {
  /** The sheet's photos and PDFs, prepared by the page (looked up by path when a row names them). */
  files?: PreparedFile[] | undefined;
  onlyValid: boolean;
  /** Also import rows already on this computer (as new drafts). */
  reimport: boolean;
  now: number;
}

export interface CommitResult {
  imported: number;
  /** Rows left out for their errors. */
  skipped: number;
  /** Rows left out because they are already on this computer. */
  alreadyImported: number;
  stopped: boolean;
}

export interface ExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  count: number;
}

/** How far a call is: reading the file, downloading schemas, checking rows, saving drafts. */
export interface ImportProgress {
  phase: 'reading' | 'schemas' | 'checking' | 'files' | 'saving';
  done: number;
  total: number;
}

/**
 * Failure codes of the import worker (besides the channel's own: `crashed`, `disposed`, `failed`), each
 * translated as `importer.errors.<code>`.
 */
export const importFailureCodes = ['noFile', 'noSchemas', 'batchClosed', 'storageFull', 'crashed', 'disposed', 'failed'] as const;
export type ImportFailureCode = (typeof importFailureCodes)[number];

/** A worker error's code as one the page translates; anything else is `failed`. */
export function importFailureCode(code: string): ImportFailureCode {
  return importFailureCodes.find((known) => known === code) ?? 'failed';
}
