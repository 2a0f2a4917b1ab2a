/** Bulk import of drafts from CSV/XLSX, and export back to XLSX. See docs/import-layout.md. */
export { decodeTextBytes, decodeWindows1251, type DecodedText, type TextEncodingName } from './decode.ts';
export { detectDelimiter, parseCsv, type CsvOptions } from './csv.ts';
export { looksLikeZip, readXlsx, type XlsxOptions } from './xlsx.ts';
export { defaultImportLimits, importLimits, type ImportLimits } from './limits.ts';
export { cellReference, cellText, defaultMaxRows, formulaTriggers, type ImportTable, type TableIssue, type TableRow } from './table.ts';
export {
  defaultColumns,
  headerSignature,
  oktruColumn,
  suggestColumnMapping,
  targetHeader,
  type ColumnMapping,
  type ColumnTarget,
  type SuggestedMapping,
} from './columns.ts';
export {
  prepareSchemas,
  tableToDrafts,
  type CategoryRequirements,
  type ImportProblem,
  type ImportedRow,
  type PreparedSchemas,
  type RowsOptions,
  type RowsResult,
  type SchemaSource,
} from './rows.ts';
export {
  defaultMaxFileBytes,
  importSpreadsheet,
  readSpreadsheet,
  spreadsheetFormat,
  type ImportOptions,
  type ImportResult,
  type ReadOptions,
  type SpreadsheetFormat,
} from './import.ts';
export { escapeCellText, exportDraftsToXlsx, type ExportOptions } from './export.ts';
export {
  attachmentColumn,
  attachmentKey,
  cellPaths,
  checkAttachments,
  contentKind,
  documentColumn,
  documentNumberFromPath,
  documentSeparator,
  fileProblem,
  headBytes,
  maxPhotoSourceBytes,
  normaliseAttachmentPath,
  pendingFilePath,
  pendingFileRef,
  photoColumnOf,
  photoColumns,
  probeBytes,
  sheetAmong,
  tailBytes,
  type AttachmentProblemKey,
  type ChosenEntry,
  type ContentKind,
  type FileProbe,
  type FileProber,
  type FileRules,
  type PathCheck,
  type RowAttachment,
  type RowWithAttachments,
} from './attachments.ts';
