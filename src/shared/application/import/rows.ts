/**
 * Rows of a table → drafts, each validated like a draft the officer typed, plus the checks that only make
 * sense across a batch (the same GTIN, or the same value of a unique attribute, on two rows).
 *
 * Linear in the number of rows: schemas are indexed once per ОКТРУ (prepareSchemas), patterns compiled
 * once per definition, and duplicates found with one map per attribute.
 */
import type { AttributeDefinition, GovAttributes } from '../../catalogue/dto.ts';
import { normalizeGtin } from '../../codes/gtin.ts';
import { splitMultiValue } from '../../codes/multi-value.ts';
import { emptyDraft, type ApplicationDraft, type DraftCompoundValue } from '../draft.ts';
import { indexSchemas, type AttributeSchemas, type SchemaIndex } from '../schema.ts';
import { validateDraft, type DictionaryLookup, type Problem, type ProblemGroup, type ValidationContext } from '../validate.ts';
import { cellPaths, pendingFileRef, photoColumnOf, documentColumn, type RowAttachment } from './attachments.ts';
import { targetHeader, type ColumnMapping } from './columns.ts';
import type { ImportTable, TableIssue } from './table.ts';

/** A problem at a row of the imported file. */
export interface ImportProblem extends Problem {
  row: number;
}

export interface ImportedRow {
  row: number;
  draft: ApplicationDraft;
  /** Everything wrong with this row: reading problems of its cells, then validation. */
  problems: ImportProblem[];
  /**
   * Photos and documents the row names (safe paths only). The draft holds them as pending references
   * (`pendingFileRef`) until a reader stores or uploads them (attachments.ts).
   */
  attachments: RowAttachment[];
}

export type CategoryRequirements = NonNullable<ValidationContext['category']>;

/** Where schemas come from: the base schema, and per ОКТРУ the extended schema and category rules. */
export interface SchemaSource {
  base: readonly AttributeDefinition[];
  govAttributes?: (oktru: string) => GovAttributes | undefined | Promise<GovAttributes | undefined>;
  categoryRules?: (oktru: string) => CategoryRequirements | undefined;
}

/** Schemas loaded for the ОКТРУ codes of a batch, indexed once. */
export interface PreparedSchemas {
  /** Base + every extended attribute of the loaded categories: what a column may name. */
  readonly union: SchemaIndex;
  forOktru(oktru: string): SchemaIndex;
  category(oktru: string): CategoryRequirements | undefined;
}

/** Loads the extended schema of each distinct ОКТРУ code once and indexes everything. */
export async function prepareSchemas(source: SchemaSource, oktruCodes: Iterable<string>): Promise<PreparedSchemas> {
  const gov = new Map<string, GovAttributes | undefined>();
  for (const code of new Set(oktruCodes)) {
    if (code === '') continue;
    gov.set(code, source.govAttributes ? await source.govAttributes(code) : undefined);
  }
  const baseOnly: AttributeSchemas = { base: source.base };
  const indexes = new Map<string, SchemaIndex>();
  const main: AttributeDefinition[] = [];
  const additional: AttributeDefinition[] = [];
  const seen = new Set<string>();
  for (const [code, attributes] of gov) {
    indexes.set(code, indexSchemas(attributes ? { base: source.base, gov: attributes } : baseOnly));
    for (const [list, target] of [[attributes?.mainAttributes ?? [], main], [attributes?.additionalAttributes ?? [], additional]] as const) {
      for (const definition of list) {
        if (seen.has(definition.code)) continue;
        seen.add(definition.code);
        target.push(definition);
      }
    }
  }
  const union = indexSchemas({ base: source.base, gov: { mainAttributes: main, additionalAttributes: additional } });
  const fallback = indexSchemas(baseOnly);
  const categories = new Map<string, CategoryRequirements | undefined>();
  return {
    union,
    forOktru: (oktru) => indexes.get(oktru) ?? fallback,
    category: (oktru) => {
      if (!source.categoryRules) return undefined;
      if (!categories.has(oktru)) categories.set(oktru, source.categoryRules(oktru));
      return categories.get(oktru);
    },
  };
}

export interface RowsOptions {
  schemas: PreparedSchemas;
  dictionaries?: DictionaryLookup;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** Local id of the draft made from a row (default `import-<row>`). */
  idFor?: (row: number) => string;
  /** Card-level values for rows whose file has no such column (or an empty cell). */
  defaults?: { oktru?: string; isGov?: boolean; autoPublication?: boolean };
}

export interface RowsResult {
  rows: ImportedRow[];
  /** Every problem of the file, by row: reading problems of the header and of rows, then each row's. */
  problems: ImportProblem[];
}

const truthy = new Set(['true', '1', 'yes', 'y', 'да', 'иә', 'ия']);
const falsy = new Set(['false', '0', 'no', 'n', 'нет', 'жоқ']);

function parseFlag(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (truthy.has(key)) return true;
  if (falsy.has(key)) return false;
  return undefined;
}

/** Cyrillic next to «?»: Windows-1251 lost a Kazakh letter there. */
const lostLetter = /[\u0400-\u04FF]\?|\?[\u0400-\u04FF]/u;

/** The field (attribute code, `code.part`, card column or header) and group a column's problems are reported under. */
function columnField(table: ImportTable, mapping: ColumnMapping, index: SchemaIndex, column: number | undefined): { field: string; group: ProblemGroup } {
  if (column === undefined) return { field: '-', group: 'card' };
  const target = mapping[column];
  if (!target || target.kind === 'ignore') return { field: table.headers[column] || `#${String(column + 1)}`, group: 'card' };
  if (target.kind === 'attribute' || target.kind === 'part') {
    return { field: target.kind === 'part' ? `${target.code}.${target.part}` : target.code, group: index.byCode.get(target.code)?.group ?? 'base' };
  }
  return { field: targetHeader(target, index), group: 'card' };
}

function issueToProblem(issue: TableIssue, where: { field: string; group: ProblemGroup }): ImportProblem {
  return { row: issue.row, ...where, key: issue.key, ...(issue.params ? { params: issue.params } : {}), severity: issue.severity };
}

/** Builds and validates one draft per row. */
export function tableToDrafts(table: ImportTable, mapping: ColumnMapping, options: RowsOptions): RowsResult {
  const { schemas } = options;
  const idFor = options.idFor ?? ((row: number) => `import-${row}`);
  const rowIssues = new Map<number, TableIssue[]>();
  const fileProblems: ImportProblem[] = [];
  for (const issue of table.issues) {
    const list = rowIssues.get(issue.row);
    if (list) list.push(issue);
    else rowIssues.set(issue.row, [issue]);
  }
  const rowNumbers = new Set(table.rows.map((row) => row.row));
  for (const [row, issues] of rowIssues) {
    if (!rowNumbers.has(row)) for (const issue of issues) fileProblems.push(issueToProblem(issue, columnField(table, mapping, schemas.union, issue.column)));
  }

  const oktruAt = mapping.findIndex((target) => target.kind === 'oktru');
  const lostLettersReported = new Set<number>();
  const rows: ImportedRow[] = [];
  for (const tableRow of table.rows) {
    const cells = tableRow.cells;
    const oktru = (oktruAt >= 0 ? cells[oktruAt] : undefined) || options.defaults?.oktru || '';
    const index = schemas.forOktru(oktru);
    const draft = emptyDraft({ id: idFor(tableRow.row), oktru, isGov: options.defaults?.isGov ?? false, autoPublication: options.defaults?.autoPublication ?? false });
    const problems: ImportProblem[] = (rowIssues.get(tableRow.row) ?? []).map((issue) => issueToProblem(issue, columnField(table, mapping, schemas.union, issue.column)));
    const attachments: RowAttachment[] = [];

    mapping.forEach((target, column) => {
      const text = cells[column] ?? '';
      if (text === '' || target.kind === 'ignore' || target.kind === 'oktru') return;
      if (table.encoding === 'windows-1251' && !lostLettersReported.has(column) && lostLetter.test(text)) {
        lostLettersReported.add(column);
        problems.push({ row: tableRow.row, ...columnField(table, mapping, schemas.union, column), key: 'application.import.lostLetters', params: { header: table.headers[column] ?? '' }, severity: 'warning' });
      }
      switch (target.kind) {
        case 'isGov':
        case 'autoPublication': {
          const flag = parseFlag(text);
          if (flag === undefined) problems.push({ row: tableRow.row, field: target.kind, group: 'card', key: 'application.import.badFlag', params: { value: text }, severity: 'error' });
          else draft[target.kind] = flag;
          return;
        }
        case 'editOfNtin':
          draft.editOfNtin = text;
          return;
        case 'photo':
        case 'documents': {
          const field = target.kind === 'photo' ? photoColumnOf(target.slot) : documentColumn;
          const group = target.kind === 'photo' ? 'photos' : 'documents';
          for (const check of cellPaths(target.kind, text)) {
            if (!check.ok) {
              problems.push({ row: tableRow.row, field, group, key: check.key, params: { value: text }, severity: 'error' });
              continue;
            }
            if (target.kind === 'photo') {
              draft.photos[target.slot] = { blobId: pendingFileRef(check.path) };
              attachments.push({ field, kind: 'photo', slot: target.slot, path: check.path });
            } else {
              draft.documents.push({ documentId: pendingFileRef(check.path) });
              attachments.push({ field, kind: 'document', path: check.path });
            }
          }
          return;
        }
        case 'attribute': {
          const entry = index.byCode.get(target.code);
          const group = entry?.group ?? 'base';
          const definition = entry?.definition;
          let value: string | string[] = text;
          if (definition?.dataType === 'multiDictionary') value = splitMultiValue(text);
          else if (definition?.dataType === 'boolean' && /^(true|false)$/iu.test(text)) value = text.toLowerCase();
          draft.values[group][target.code] = value;
          return;
        }
        case 'part': {
          const entry = index.byCode.get(target.code);
          const group = entry?.group ?? 'base';
          const partDefinition = entry?.parts.get(target.part);
          const existing = draft.values[group][target.code];
          const compound: DraftCompoundValue = existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {};
          compound[target.part] = partDefinition?.dataType === 'multiDictionary' ? splitMultiValue(text) : text;
          draft.values[group][target.code] = compound;
          return;
        }
      }
    });

    const validation = validateDraft(draft, { schemas: index, dictionaries: options.dictionaries, today: options.today, category: oktru ? schemas.category(oktru) : undefined });
    for (const problem of validation) problems.push({ ...problem, row: tableRow.row });
    rows.push({ row: tableRow.row, draft, problems, attachments });
  }

  findDuplicates(rows, schemas.union);
  const problems = [...fileProblems, ...rows.flatMap((row) => row.problems)].sort((a, b) => a.row - b.row);
  return { rows, problems };
}

/** The same GTIN (compared as GTIN-14), or the same value of an `isUnique` attribute, on two rows of the batch. */
function findDuplicates(rows: readonly ImportedRow[], union: SchemaIndex): void {
  const uniqueCodes = [...union.byCode.values()].filter((entry) => entry.definition.isUnique && entry.parts.size === 0).map((entry) => entry.code);
  const firstGtin = new Map<string, number>();
  const firstValue = new Map<string, Map<string, number>>(uniqueCodes.map((code) => [code, new Map()]));
  for (const row of rows) {
    const gtin = row.draft.values.base.gtin;
    if (typeof gtin === 'string') {
      // Compared as GTIN-14 when valid (so 13- and 14-digit spellings match), else as typed.
      const key = normalizeGtin(gtin) ?? gtin.trim();
      if (key !== '') {
        const first = firstGtin.get(key);
        if (first === undefined) firstGtin.set(key, row.row);
        else row.problems.push({ row: row.row, field: 'gtin', group: 'base', key: 'application.import.duplicateGtin', params: { value: gtin, row: first }, severity: 'error' });
      }
    }
    for (const code of uniqueCodes) {
      const value = row.draft.values.base[code] ?? row.draft.values.mainExtended[code] ?? row.draft.values.additionalExtended[code];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const key = value.trim().replace(/\s+/gu, ' ').toLowerCase();
      const seen = firstValue.get(code);
      const first = seen?.get(key);
      if (first === undefined) seen?.set(key, row.row);
      else row.problems.push({ row: row.row, field: code, group: union.byCode.get(code)?.group ?? 'base', key: 'application.import.duplicateValue', params: { row: first }, severity: 'error' });
    }
  }
}
