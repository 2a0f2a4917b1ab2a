/**
 * The core's imported rows → what the preview shows: per row its name, GTIN and problems, each problem with
 * the file's header of its column, and the counts of rows with errors and warnings. Long texts are cut here,
 * in the worker, so a 10,000-character name costs the page nothing.
 */
import type { ColumnMapping, ImportedRow, ImportProblem } from '../../../shared/application/import/index.ts';
import { findValue, type ApplicationDraft } from '../../../shared/application/draft.ts';
import type { SchemaIndex } from '../../../shared/application/schema.ts';
import type { ImportPreview, PreviewRow, ShownProblem } from './import-protocol.ts';
import { targetField } from './mapping-targets.ts';

/** Longest text of a name or a message parameter sent to the page. */
export const shownTextLimit = 200;

export function shortText(text: string, limit = shownTextLimit): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function draftText(draft: ApplicationDraft, code: string): string {
  const value = findValue(draft, code)?.value;
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
}

/** field → header of the column that fills it. */
export function headersByField(headers: readonly string[], mapping: ColumnMapping): Map<string, string> {
  const byField = new Map<string, string>();
  mapping.forEach((target, column) => {
    const field = targetField(target);
    const header = headers[column];
    if (field !== undefined && header !== undefined && !byField.has(field)) byField.set(field, header);
  });
  return byField;
}

/** field (`code`, `code.part`) → the attribute's Russian and Kazakh names. */
export function namesByField(index: SchemaIndex): Map<string, { ru: string; kk: string }> {
  const names = new Map<string, { ru: string; kk: string }>();
  for (const entry of index.byCode.values()) {
    names.set(entry.code, { ru: entry.definition.nameRu, kk: entry.definition.nameKk });
    for (const [part, definition] of entry.parts) {
      names.set(`${entry.code}.${part}`, { ru: `${entry.definition.nameRu}: ${definition.nameRu}`, kk: `${entry.definition.nameKk}: ${definition.nameKk}` });
    }
  }
  return names;
}

interface FieldLabels {
  headers: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, { ru: string; kk: string }>;
}

export function showProblem(problem: ImportProblem, labels: FieldLabels): ShownProblem {
  const params = problem.params
    ? Object.fromEntries(Object.entries(problem.params).map(([name, value]) => [name, typeof value === 'string' ? shortText(value) : value]))
    : undefined;
  const header = labels.headers.get(problem.field);
  return {
    row: problem.row,
    field: problem.field,
    header,
    names: header === undefined ? labels.names.get(problem.field) : undefined,
    key: problem.key,
    params,
    severity: problem.severity,
  };
}

export interface PreviewInput {
  rows: readonly ImportedRow[];
  /** Every problem of the file, rows' included. */
  problems: readonly ImportProblem[];
  headers: readonly string[];
  mapping: ColumnMapping;
  schema: SchemaIndex;
  categoriesWithoutSchema: string[];
  /** Whether the row's product is already on this computer. */
  alreadyImported: (row: ImportedRow) => boolean;
}

export function previewRows({ rows, problems: allProblems, headers, mapping, schema, categoriesWithoutSchema, alreadyImported }: PreviewInput): ImportPreview {
  const labels: FieldLabels = { headers: headersByField(headers, mapping), names: namesByField(schema) };
  const shown: PreviewRow[] = rows.map((imported) => {
    const { row, draft, problems } = imported;
    const hasError = problems.some((problem) => problem.severity === 'error');
    return {
      row,
      nameRu: shortText(draftText(draft, 'name_ru')),
      nameKk: shortText(draftText(draft, 'name_kk')),
      gtin: shortText(draftText(draft, 'gtin'), 40),
      severity: hasError ? 'error' : problems.length > 0 ? 'warning' : 'ok',
      problems: problems.map((problem) => showProblem(problem, labels)),
      alreadyImported: alreadyImported(imported),
    };
  });
  const rowNumbers = new Set(rows.map((row) => row.row));
  const fileProblems = allProblems.filter((problem) => !rowNumbers.has(problem.row)).map((problem) => showProblem(problem, labels));
  const rowsWithErrors = shown.filter((row) => row.severity === 'error').length;
  const rowsWithWarnings = shown.filter((row) => row.severity === 'warning').length;
  const already = shown.filter((row) => row.alreadyImported).length;
  const validNew = shown.filter((row) => row.severity !== 'error' && !row.alreadyImported).length;
  return {
    files: [],
    rows: shown,
    fileProblems,
    counts: { rows: shown.length, rowsWithErrors, rowsWithWarnings, clean: shown.length - rowsWithErrors - rowsWithWarnings, alreadyImported: already, validNew },
    categoriesWithoutSchema,
  };
}
