/**
 * The fine estimate, from data only (domain-rules §6, "fines as data"): a table of fine rules and a table of
 * MCI values by year, both editable and importable. Nothing here knows an article, an amount or an MCI value;
 * the defaults live in fine-defaults.ts as data and may be replaced whole.
 */
import { z } from 'zod';

export const maxFineRules = 1000;
export const maxMciValues = 500;

export const entityCategories = ['individual', 'small', 'medium', 'large'] as const;
export type EntityCategory = (typeof entityCategories)[number];
export const offenceKinds = ['first', 'repeat'] as const;
export type OffenceKind = (typeof offenceKinds)[number];

export const fineRuleSchema = z.object({
  article: z.string().trim().min(1).max(40),
  part: z.string().trim().max(20),
  entityCategory: z.enum(entityCategories),
  offence: z.enum(offenceKinds),
  /** Fine in MCI. */
  mci: z.number().positive().max(100_000),
  /** `inspection`: one fine whatever the number of products; `item`: one per product line found in violation. */
  per: z.enum(['inspection', 'item']).default('inspection'),
});
export type FineRule = z.infer<typeof fineRuleSchema>;

const yearRange = { min: 1990, max: 2200 };

export const mciValueSchema = z.object({
  year: z.number().int().min(yearRange.min).max(yearRange.max),
  kzt: z.number().positive().max(1_000_000),
});
export type MciValue = z.infer<typeof mciValueSchema>;

export const fineTablesSchema = z
  .object({
    rules: z.array(fineRuleSchema).max(maxFineRules),
    mciValues: z.array(mciValueSchema).max(maxMciValues),
    /** Where the figures come from, shown beside the estimate. */
    source: z.string().max(1000).optional(),
  })
  .superRefine((tables, context) => {
    for (const problem of duplicateProblems(tables)) context.addIssue({ code: 'custom', path: [problem.table ?? 'rules', (problem.row ?? 1) - 1], params: { problem: problem.code } });
  });
export type FineTables = z.infer<typeof fineTablesSchema>;

// ---- problems, named by table, row and column, for the editor and for an imported file alike

export const fineTableNames = ['rules', 'mciValues'] as const;
export type FineTableName = (typeof fineTableNames)[number];
export const fineRuleColumns = ['article', 'part', 'entityCategory', 'offence', 'mci', 'per'] as const;
export const mciValueColumns = ['year', 'kzt'] as const;
export type FineTableColumn = (typeof fineRuleColumns)[number] | (typeof mciValueColumns)[number];

export type FineTableProblemCode =
  | 'notJson'
  | 'tooBigFile'
  | 'notTables'
  | 'newerFormat'
  | 'notRow'
  | 'tooManyRows'
  | 'missing'
  | 'notText'
  | 'empty'
  | 'tooLong'
  | 'notNumber'
  | 'notPositive'
  | 'tooLarge'
  | 'badYear'
  | 'unknownValue'
  | 'duplicateRule'
  | 'duplicateYear';

export interface FineTableProblem {
  code: FineTableProblemCode;
  table?: FineTableName;
  /** 1-based, as a person counts rows. */
  row?: number;
  column?: FineTableColumn;
  params?: Record<string, string | number>;
}

/**
 * A second rule for one category and offence, or a second MCI value for one year, pointing at the first. Read
 * from the raw rows, so these are found together with every other problem, not only once the rest is right.
 */
function duplicateProblems(value: unknown): FineTableProblem[] {
  const rows = (table: FineTableName): Record<string, unknown>[] => {
    const list = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[table] : undefined;
    return Array.isArray(list) ? list.map((row: unknown) => (row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : {})) : [];
  };
  const problems: FineTableProblem[] = [];
  const firstRule = new Map<string, number>();
  rows('rules').forEach((rule, index) => {
    if (typeof rule['entityCategory'] !== 'string' || typeof rule['offence'] !== 'string') return;
    const key = `${rule['entityCategory']}|${rule['offence']}`;
    const first = firstRule.get(key);
    if (first === undefined) firstRule.set(key, index);
    else problems.push({ code: 'duplicateRule', table: 'rules', row: index + 1, params: { other: first + 1 } });
  });
  const firstYear = new Map<number, number>();
  rows('mciValues').forEach((mci, index) => {
    if (typeof mci['year'] !== 'number') return;
    const first = firstYear.get(mci['year']);
    if (first === undefined) firstYear.set(mci['year'], index);
    else problems.push({ code: 'duplicateYear', table: 'mciValues', row: index + 1, column: 'year', params: { other: first + 1 } });
  });
  return problems;
}

export type FineTablesCheck = { ok: true; tables: FineTables } | { ok: false; problems: FineTableProblem[] };

/** The file format the import reads and the export writes: both tables and their source, in one JSON file. */
export const fineTablesFormat = 'ncg-fine-tables';
export const fineTablesFormatVersion = 1;
export const maxFineTablesFileChars = 1_000_000;

function problemOf(issue: z.core.$ZodIssue, input: unknown): FineTableProblem {
  const [tablePart, rowPart, columnPart] = issue.path;
  const table = (fineTableNames as readonly unknown[]).includes(tablePart) ? (tablePart as FineTableName) : undefined;
  const row = table && typeof rowPart === 'number' ? rowPart + 1 : undefined;
  const column = row !== undefined && typeof columnPart === 'string' && ([...fineRuleColumns, ...mciValueColumns] as readonly string[]).includes(columnPart) ? (columnPart as FineTableColumn) : undefined;
  const at = { ...(table ? { table } : {}), ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}) };
  const value = issue.path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
  switch (issue.code) {
    case 'invalid_type':
      if (column === 'year') return { code: value === undefined ? 'missing' : 'badYear', ...at, params: yearRange };
      if (column) return { code: value === undefined ? 'missing' : issue.expected === 'string' ? 'notText' : 'notNumber', ...at };
      if (row !== undefined) return { code: 'notRow', ...at };
      return { code: 'notTables', ...at };
    case 'too_small':
      if (column === 'year') return { code: 'badYear', ...at, params: yearRange };
      return { code: issue.origin === 'string' ? 'empty' : 'notPositive', ...at };
    case 'too_big':
      if (column === 'year') return { code: 'badYear', ...at, params: yearRange };
      if (issue.origin === 'array') return { code: 'tooManyRows', ...at, params: { max: Number(issue.maximum) } };
      return { code: issue.origin === 'string' ? 'tooLong' : 'tooLarge', ...at, params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'unknownValue', ...at, params: { allowed: issue.values.map(String).join(', ') } };
    default:
      return { code: column === 'year' ? 'badYear' : row !== undefined ? 'notRow' : 'notTables', ...at, ...(column === 'year' ? { params: yearRange } : {}) };
  }
}

/** Checks tables as edited or as read from a file: every problem found, in table order. */
export function checkFineTables(value: unknown): FineTablesCheck {
  const parsed = fineTablesSchema.safeParse(value);
  if (parsed.success) return { ok: true, tables: parsed.data };
  const problems = [...parsed.error.issues.filter((issue) => issue.code !== 'custom').map((issue) => problemOf(issue, value)), ...duplicateProblems(value)];
  const order = (problem: FineTableProblem) => [problem.table ? fineTableNames.indexOf(problem.table) + 1 : 0, problem.row ?? 0];
  problems.sort((a, b) => {
    const [tableA = 0, rowA = 0] = order(a);
    const [tableB = 0, rowB = 0] = order(b);
    return tableA - tableB || rowA - rowB;
  });
  return { ok: false, problems };
}

/** Reads fine tables from a file's text (what `fineTablesFile` writes; the bare tables are read too). */
export function parseFineTables(text: string): FineTablesCheck {
  if (text.length > maxFineTablesFileChars) return { ok: false, problems: [{ code: 'tooBigFile', params: { max: maxFineTablesFileChars / 1_000_000 } }] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return { ok: false, problems: [{ code: 'notJson' }] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problems: [{ code: 'notTables' }] };
  const { format, version, ...tables } = json as Record<string, unknown>;
  if (format !== undefined && format !== fineTablesFormat) return { ok: false, problems: [{ code: 'notTables' }] };
  if (version !== undefined && !(typeof version === 'number' && version <= fineTablesFormatVersion)) return { ok: false, problems: [{ code: 'newerFormat', params: { version: String(version) } }] };
  return checkFineTables(tables);
}

/** The tables as a file an office can send to inspectors; `parseFineTables` reads it back unchanged. */
export function fineTablesFile(tables: FineTables): string {
  return `${JSON.stringify({ format: fineTablesFormat, version: fineTablesFormatVersion, ...tables }, null, 2)}\n`;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One problem as a sentence in the user's language, naming the table, the row and the column. */
export function fineTableProblemText(problem: FineTableProblem, t: Translate): string {
  const what = t(`inspection.fine.problem.${problem.code}`, problem.params ?? {});
  // Alone, it is a sentence of its own; after a table, row and column it continues theirs.
  if (!problem.table) return what.charAt(0).toLocaleUpperCase() + what.slice(1);
  const table = t(`inspection.fine.table.${problem.table}`);
  if (problem.row === undefined) return t('inspection.fine.problemIn', { table, problem: what });
  if (!problem.column) return t('inspection.fine.problemAtRow', { table, row: problem.row, problem: what });
  return t('inspection.fine.problemAt', { table, row: problem.row, column: t(`inspection.fine.column.${problem.column}`), problem: what });
}

export interface FineCase {
  entityCategory: EntityCategory;
  offence: OffenceKind;
  /** The offence's date (YYYY-MM-DD): its year picks the MCI value. */
  date: string;
  /** Product lines found in violation (not in the catalogue). */
  violations: number;
}

export type FineEstimate =
  | { kind: 'none' }
  | { kind: 'no-rule'; entityCategory: EntityCategory; offence: OffenceKind }
  | { kind: 'no-mci'; year: number }
  | { kind: 'estimate'; rule: FineRule; year: number; mciKzt: number; fines: number; mciTotal: number; amountKzt: number };

export function estimateFine(tables: FineTables, fineCase: FineCase): FineEstimate {
  if (fineCase.violations <= 0) return { kind: 'none' };
  const rule = tables.rules.find((candidate) => candidate.entityCategory === fineCase.entityCategory && candidate.offence === fineCase.offence);
  if (!rule) return { kind: 'no-rule', entityCategory: fineCase.entityCategory, offence: fineCase.offence };
  const year = Number(fineCase.date.slice(0, 4));
  const mci = tables.mciValues.find((value) => value.year === year);
  if (!mci) return { kind: 'no-mci', year };
  const fines = rule.per === 'item' ? fineCase.violations : 1;
  const mciTotal = rule.mci * fines;
  return { kind: 'estimate', rule, year, mciKzt: mci.kzt, fines, mciTotal, amountKzt: Math.round(mciTotal * mci.kzt) };
}

/** The estimate as a translatable message (`inspection.fine.*`). */
export function fineMessage(estimate: FineEstimate): { key: string; params: Record<string, string | number> } {
  switch (estimate.kind) {
    case 'none':
      return { key: 'inspection.fine.none', params: {} };
    case 'no-rule':
      return { key: 'inspection.fine.noRule', params: { category: estimate.entityCategory, offence: estimate.offence } };
    case 'no-mci':
      return { key: 'inspection.fine.noMci', params: { year: estimate.year } };
    case 'estimate':
      return {
        key: 'inspection.fine.estimate',
        params: { amount: estimate.amountKzt, mci: estimate.mciTotal, mciKzt: estimate.mciKzt, year: estimate.year, article: estimate.rule.article, part: estimate.rule.part },
      };
  }
}
