/**
 * One file's way through the import, kept in the worker between the page's steps: open (read → analyse →
 * fetch missing schemas → check with the default or remembered mapping) → (mapping → check) → commit. The
 * table and the checked drafts stay here; the page gets summaries. Built from the core's pieces rather than
 * `importSpreadsheet` so the file is parsed once however often the mapping changes, and the categories are
 * taken from whichever column the mapping names as ОКТРУ. The catalogue is reached through the port the page
 * hands over with each call, so the worker never waits on the page halfway.
 */
import {
  attachmentKey,
  checkAttachments,
  defaultMaxFileBytes,
  headBytes,
  tailBytes,
  headerSignature,
  prepareSchemas,
  suggestColumnMapping,
  tableToDrafts,
  type ColumnMapping,
  type ImportTable,
  type FileProbe,
  type ImportedRow,
  type ImportProblem,
  type SuggestedMapping,
} from '../../../shared/application/import/index.ts';
import { indexSchemas } from '../../../shared/application/schema.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { productIdentityKeys, storedProductKeys } from '../../db/import-batches.ts';
import type { CatalogueCall } from '../../workers/catalogue-port.ts';
import type { Job } from '../../workers/rpc.ts';
import { fetchMissingGovSchemas } from './fetch-schemas.ts';
import { attachRowFiles, type AttachedFiles } from './attach-files.ts';
import type { FolderFile } from './folder-files.ts';
import type {
  CommitOptions,
  CommitResult,
  FileAnalysis,
  FileVerdict,
  ImportPreview,
  ImportProgress,
  MappingSource,
  OpenOutcome,
  PendingFile,
  ShownProblem,
} from './import-protocol.ts';
import { isLeafOktru, loadDictionaryLookup, loadSchemaSource, oktruCodesOf } from './local-schemas.ts';
import { targetKey, targetOptions } from './mapping-targets.ts';
import { previewRows, type PreviewInput } from './preview.ts';
import { readImportFile } from './read-file.ts';
import { saveImportedDrafts } from './save-drafts.ts';
import { loadSavedMapping, saveMapping } from './saved-mappings.ts';

export class SessionError extends Error {
  constructor(readonly code: 'noFile' | 'noSchemas') {
    super(code);
  }
}

function isAlreadyImported(row: ImportedRow, stored: ReadonlySet<string>): boolean {
  return productIdentityKeys(row.draft).some((key) => stored.has(key));
}

const sampleRows = 3;

function fileProblem(key: string, params?: Record<string, string | number>): ShownProblem {
  return { row: 1, field: '-', key, params, severity: 'error' };
}

/** Why nothing of the table can be imported: no header, or a header and no rows. Empty when rows can be. */
function fatalProblems(table: ImportTable): ShownProblem[] {
  if (table.headers.length > 0 && table.rows.length > 0) return [];
  const shown = table.issues.filter((issue) => issue.severity === 'error' || table.headers.length > 0);
  if (shown.length === 0) return [fileProblem('application.import.emptyFile')];
  return shown.map((issue) => ({ row: issue.row, field: '-', key: issue.key, params: issue.params, severity: issue.severity }));
}

/** What the core's file checks need of a chosen file: its size, first and last bytes (the rest stays unread). */
async function probeFile(file: File): Promise<FileProbe> {
  const [head, tail] = await Promise.all([file.slice(0, headBytes).arrayBuffer(), file.slice(Math.max(0, file.size - tailBytes)).arrayBuffer()]);
  return { size: file.size, head: new Uint8Array(head), tail: new Uint8Array(tail) };
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  return a.length === b.length && a.every((target, column) => {
    const other = b[column];
    return other !== undefined && targetKey(target) === targetKey(other);
  });
}

export class ImportSession {
  private table: ImportTable | undefined;
  private fileName = '';
  private today = '';
  private suggestion: SuggestedMapping | undefined;
  private rows: ImportedRow[] = [];
  /** The files chosen with the sheet, by path relative to its folder; none when the sheet came alone. */
  private folder = new Map<string, File>();
  /** How the last preview was made, to make it again when the page reports on the files. */
  private previewInput: Omit<PreviewInput, 'problems'> & { fileLevel: ImportProblem[] } | undefined;
  private pendingFiles: PendingFile[] = [];
  // Categories whose extended schema was already asked for: a second file need not wait for them again.
  private readonly askedCategories = new Set<string>();

  constructor(private readonly db: NcgDatabase) {}

  /** Reads the file and goes as far as it can without the officer: to a refusal, the mapping step or the preview. */
  async open(file: Blob & { readonly name: string }, today: string, catalogue: CatalogueCall | undefined, job: Job<ImportProgress>, folder: readonly FolderFile[] = []): Promise<OpenOutcome> {
    job.progress({ phase: 'reading', done: 0, total: 1 });
    let analysis = await this.read(file, today);
    this.folder = new Map(folder.map((entry) => [entry.path, entry.file]));
    if (analysis.fatal.length > 0) return { kind: 'unreadable', analysis };
    if (analysis.schemasMissing) return { kind: 'noSchemas', analysis };
    if (await this.fetchSchemas(analysis.categoriesWithoutSchema, catalogue, job)) analysis = await this.analyse();
    let mapping: ColumnMapping | undefined;
    let source: MappingSource = 'default';
    if (analysis.isDefaultLayout) mapping = analysis.suggestedMapping;
    else {
      mapping = await loadSavedMapping(this.db, analysis.headerSignature, analysis.headers);
      source = 'remembered';
    }
    if (!mapping) return { kind: 'mapping', analysis };
    return { kind: 'preview', analysis, mapping, source, preview: await this.check(mapping, catalogue, job) };
  }

  /** Checks every row with this mapping (fetching the schemas of categories it newly brings), and the officer's mapping is remembered. */
  async checkChosen(mapping: ColumnMapping, catalogue: CatalogueCall | undefined, job: Job<ImportProgress>): Promise<ImportPreview> {
    const table = this.requireTable();
    await saveMapping(this.db, headerSignature(table.headers), table.headers, mapping);
    return this.check(mapping, catalogue, job);
  }

  private async check(mapping: ColumnMapping, catalogue: CatalogueCall | undefined, job: Job<ImportProgress>): Promise<ImportPreview> {
    const total = this.requireTable().rows.length;
    job.progress({ phase: 'checking', done: 0, total });
    let preview = await this.validate(mapping);
    if (await this.fetchSchemas(preview.categoriesWithoutSchema, catalogue, job)) {
      job.progress({ phase: 'checking', done: 0, total });
      preview = await this.validate(mapping);
    }
    return preview;
  }

  /** Downloads extended schemas not asked for yet; true when any arrived (then the file is looked at again). */
  private async fetchSchemas(codes: readonly string[], catalogue: CatalogueCall | undefined, job: Job<ImportProgress>): Promise<boolean> {
    if (!catalogue) return false;
    const fresh = codes.filter((code) => !this.askedCategories.has(code));
    if (fresh.length === 0) return false;
    for (const code of fresh) this.askedCategories.add(code);
    const stored = await fetchMissingGovSchemas(catalogue, this.db, fresh, (done, total) => job.progress({ phase: 'schemas', done, total }));
    return stored > 0;
  }

  async read(file: Blob & { readonly name: string }, today: string): Promise<FileAnalysis> {
    this.table = undefined;
    this.suggestion = undefined;
    this.rows = [];
    this.fileName = file.name;
    this.today = today;
    if (file.size > defaultMaxFileBytes) {
      // Refused before reading: gigabytes would fill the worker's memory for nothing.
      const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
      return this.unreadable('application.import.tooLarge', { size: megabytes(file.size), max: megabytes(defaultMaxFileBytes) });
    }
    const outcome = await readImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!outcome.ok) return this.unreadable(outcome.key);
    this.table = outcome.table;
    return this.analyse();
  }

  /** Suggests a mapping with every schema stored now (the page may have downloaded some since `read`). */
  async analyse(): Promise<FileAnalysis> {
    const table = this.requireTable();
    const local = await loadSchemaSource(this.db);
    const base = indexSchemas({ base: local?.source.base ?? [] });
    // The card columns (oktru…) are recognised without any schema: find the categories, then load their schemas.
    const firstGuess = suggestColumnMapping(table.headers, base, table.headerRow);
    const codes = oktruCodesOf(table, firstGuess.mapping);
    const schemas = local ? await prepareSchemas(local.source, codes) : undefined;
    const suggestion = schemas ? suggestColumnMapping(table.headers, schemas.union, table.headerRow) : firstGuess;
    this.suggestion = suggestion;
    return {
      fileName: this.fileName,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheetName: table.sheetName,
      rowCount: table.rows.length,
      headers: table.headers,
      headerSignature: headerSignature(table.headers),
      sample: table.rows.slice(0, sampleRows).map((row) => table.headers.map((_header, column) => row.cells[column] ?? '')),
      suggestedMapping: suggestion.mapping,
      isDefaultLayout: suggestion.isDefaultLayout,
      targets: schemas ? targetOptions(schemas.union) : [],
      fatal: fatalProblems(table),
      schemasMissing: local === null,
      categoriesWithoutSchema: local ? [...local.missingGov].filter(isLeafOktru) : [],
    };
  }

  async validate(mapping: ColumnMapping): Promise<ImportPreview> {
    const table = this.requireTable();
    const local = await loadSchemaSource(this.db);
    if (!local) throw new SessionError('noSchemas');
    const schemas = await prepareSchemas(local.source, oktruCodesOf(table, mapping));
    const dictionaries = await loadDictionaryLookup(this.db, table, mapping, schemas.union);
    // Unknown or ambiguous headers are worth a word only when the officer did not choose the mapping himself.
    const headerIssues = this.suggestion && sameMapping(mapping, this.suggestion.mapping) ? this.suggestion.issues : [];
    const { rows, problems } = tableToDrafts({ ...table, issues: [...table.issues, ...headerIssues] }, mapping, { schemas, dictionaries, today: this.today });
    this.rows = rows;
    // The photos and PDFs the rows name, among the files chosen with the sheet: missing or wrong ones are row problems.
    const passed = await checkAttachments(
      rows,
      (path) => {
        const chosen = this.folder.get(path);
        return chosen ? probeFile(chosen) : Promise.resolve(undefined);
      },
      { reencodesPhotos: true },
    );
    const pending = new Map<string, PendingFile>();
    for (const row of rows) {
      for (const attachment of row.attachments) {
        if (passed.has(attachmentKey(attachment))) pending.set(attachmentKey(attachment), { path: attachment.path, kind: attachment.kind });
      }
    }
    this.pendingFiles = [...pending.values()];
    const stored = await storedProductKeys(this.db);
    const rowNumbers = new Set(rows.map((row) => row.row));
    this.previewInput = {
      rows,
      fileLevel: problems.filter((problem) => !rowNumbers.has(problem.row)),
      headers: table.headers,
      mapping,
      schema: schemas.union,
      categoriesWithoutSchema: [...local.missingGov].filter(isLeafOktru),
      alreadyImported: (row) => isAlreadyImported(row, stored),
    };
    return this.preview();
  }

  /** The preview of the rows as they stand, with the files the page has yet to look at. */
  private preview(): ImportPreview {
    if (!this.previewInput) throw new SessionError('noFile');
    const { fileLevel, ...input } = this.previewInput;
    const problems = [...fileLevel, ...this.rows.flatMap((row) => row.problems)].sort((a, b) => a.row - b.row);
    return { ...previewRows({ ...input, problems }), files: this.pendingFiles };
  }

  /** The page's deeper look at the files: each problem goes to every row naming the file, under its column. */
  applyFileVerdicts(verdicts: readonly FileVerdict[]): ImportPreview {
    const byFile = new Map(verdicts.map((verdict) => [attachmentKey(verdict), verdict]));
    for (const row of this.rows) {
      for (const attachment of row.attachments) {
        const verdict = byFile.get(attachmentKey(attachment));
        if (verdict) row.problems.push({ row: row.row, field: attachment.field, group: attachment.kind === 'photo' ? 'photos' : 'documents', key: verdict.key, params: verdict.params, severity: 'error' });
      }
    }
    this.pendingFiles = [];
    return this.preview();
  }

  async commit({ onlyValid, reimport, now, files = [] }: CommitOptions, job: Job<ImportProgress>): Promise<CommitResult> {
    const rows = this.rows;
    // Done with this file: a second click must not import it twice.
    this.rows = [];
    this.table = undefined;
    this.folder = new Map();
    this.previewInput = undefined;
    const valid = onlyValid ? rows.filter((row) => !row.problems.some((problem) => problem.severity === 'error')) : rows;
    // Looked up again now: another tab may have imported the same products since the preview.
    const stored = reimport ? new Set<string>() : await storedProductKeys(this.db);
    const chosen = valid.filter((row) => !isAlreadyImported(row, stored));
    const attached: AttachedFiles = { files: new Map(files.map((file) => [`${file.kind}:${file.path}`, file])), documents: new Map() };
    job.progress({ phase: 'saving', done: 0, total: chosen.length });
    const { saved, stopped } = await saveImportedDrafts(
      this.db,
      chosen.map((row) => row.draft),
      {
        fileName: this.fileName,
        now,
        onProgress: (done, total) => job.progress({ phase: 'saving', done, total }),
        shouldStop: () => job.signal.aborted,
        attach: files.length > 0 ? (draft, draftId) => attachRowFiles(this.db, draft, draftId, attached) : undefined,
      },
    );
    return { imported: saved, skipped: rows.length - valid.length, alreadyImported: valid.length - chosen.length, stopped };
  }

  private requireTable(): ImportTable {
    if (!this.table) throw new SessionError('noFile');
    return this.table;
  }

  private unreadable(key: string, params?: Record<string, string | number>): FileAnalysis {
    return {
      fileName: this.fileName,
      format: 'csv',
      rowCount: 0,
      headers: [],
      headerSignature: headerSignature([]),
      sample: [],
      suggestedMapping: [],
      isDefaultLayout: false,
      targets: [],
      fatal: [fileProblem(key, params)],
      schemasMissing: false,
      categoriesWithoutSchema: [],
    };
  }
}
