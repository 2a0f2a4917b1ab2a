/**
 * What the page and the import worker say to each other. Everything here is plain data: it crosses the
 * worker boundary by structured clone. Message keys stay keys (`application.import.formula`, `codes.gtin.*`,
 * `importer.failed.*`): the worker has no i18n, the page translates.
 */
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
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
}

export interface PreviewCounts {
  rows: number;
  rowsWithErrors: number;
  /** Rows with warnings and no error. */
  rowsWithWarnings: number;
  clean: number;
}

export interface ImportPreview {
  rows: PreviewRow[];
  /** Problems of the header or of lines that are no row (a broken quote, too many rows). */
  fileProblems: ShownProblem[];
  counts: PreviewCounts;
  categoriesWithoutSchema: string[];
}

export interface CommitResult {
  imported: number;
  skipped: number;
  stopped: boolean;
}

export interface ExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  count: number;
}

/** Each call: what the page sends, and what the worker answers. */
export interface ImportCalls {
  read: { request: { file: File; today: string }; result: FileAnalysis };
  /** Analyses the file read last again: after the page downloaded missing extended schemas. */
  analyse: { request: Record<string, never>; result: FileAnalysis };
  validate: { request: { mapping: ColumnMapping }; result: ImportPreview };
  commit: { request: { onlyValid: boolean; now: number }; result: CommitResult };
  export: { request: { ids: string[] }; result: ExportResult };
}
export type ImportCallKind = keyof ImportCalls;

export interface WorkerProgress {
  done: number;
  total: number;
}

/** Page → worker. `stop` asks a running commit to end after its current batch; it gets no answer. */
export type ToWorker =
  | { [K in ImportCallKind]: { id: number; kind: K; request: ImportCalls[K]['request'] } }[ImportCallKind]
  | { id: 0; kind: 'stop' };

/** Worker → page: progress of a call, then exactly one answer. */
export type FromWorker =
  | { id: number; type: 'progress'; progress: WorkerProgress }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'failure'; code: string; message: string };

/** Failure codes the page translates. */
export const failureCodes = { noSchemas: 'noSchemas', noFile: 'noFile', crashed: 'crashed' } as const;
