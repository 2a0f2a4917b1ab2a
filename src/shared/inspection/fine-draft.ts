/**
 * Fine tables as the Settings editor holds them while they are typed: every cell as text, so a half-typed or
 * wrong number stays on screen and is named as a problem instead of being lost. The rules are a fixed grid of
 * every business category and offence (a rule is one per pair); a row left blank has no rule. MCI values are an
 * open list of years.
 */
import { defaultFineTables, isDefaultFineSource } from './fine-defaults.ts';
import { checkFineTables, entityCategories, offenceKinds, type EntityCategory, type FineRule, type FineTableProblem, type FineTables, type FineTablesCheck, type OffenceKind } from './fines.ts';

export interface FineRuleDraft {
  entityCategory: EntityCategory;
  offence: OffenceKind;
  article: string;
  part: string;
  mci: string;
  per: FineRule['per'];
}

export interface MciValueDraft {
  /** Stable while rows are added and removed (React keys). */
  key: string;
  year: string;
  kzt: string;
}

export interface FineTablesDraft {
  rules: FineRuleDraft[];
  mciValues: MciValueDraft[];
  /** Where the figures come from; empty for the defaults' own (translated) note. */
  source: string;
  /** The tables in force are the shipped defaults (or an edit of them with no source of its own). */
  fromDefaults: boolean;
}

let lastKey = 0;
export function draftRowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

/** Every pair the law distinguishes, first offences before repeat ones, in the order of `entityCategories`. */
export const fineRulePairs: readonly { entityCategory: EntityCategory; offence: OffenceKind }[] = offenceKinds.flatMap((offence) => entityCategories.map((entityCategory) => ({ entityCategory, offence })));

export function draftOf(tables: FineTables): FineTablesDraft {
  const fromDefaults = isDefaultFineSource(tables.source);
  return {
    rules: fineRulePairs.map((pair) => {
      const rule = tables.rules.find((candidate) => candidate.entityCategory === pair.entityCategory && candidate.offence === pair.offence);
      return { ...pair, article: rule?.article ?? '', part: rule?.part ?? '', mci: rule ? String(rule.mci) : '', per: rule?.per ?? 'inspection' };
    }),
    mciValues: tables.mciValues.map((value) => ({ key: draftRowKey(), year: String(value.year), kzt: String(value.kzt) })),
    source: fromDefaults ? '' : (tables.source ?? ''),
    fromDefaults,
  };
}

/** A rule row with nothing typed in it: no rule for that pair. */
export function isBlankRule(rule: FineRuleDraft): boolean {
  return rule.article.trim() === '' && rule.part.trim() === '' && rule.mci.trim() === '';
}

/**
 * A typed number: spaces (thousands) dropped and a decimal comma read as a point, as people write in Kazakhstan.
 * Empty is no value; anything else that is not a number is passed on as typed, for the check to name.
 */
export function numberFromCell(text: string): number | string | undefined {
  const compact = text.replace(/[\s\u00A0\u202F]/gu, '').replace(',', '.');
  if (compact === '') return undefined;
  return /^-?\d+(\.\d+)?$/u.test(compact) ? Number(compact) : text;
}

/**
 * Checks the draft as the tables it would put in force. Problems name the rows as the editor shows them (blank
 * rule rows are left out of the tables but still counted). An edit of the defaults keeps their "unconfirmed"
 * note until it is given a source of its own.
 */
export function checkDraft(draft: FineTablesDraft): FineTablesCheck {
  const filled = draft.rules.flatMap((rule, index) => (isBlankRule(rule) ? [] : [{ rule, row: index + 1 }]));
  const source = draft.source.trim() || (draft.fromDefaults ? defaultFineTables.source : undefined);
  const check = checkFineTables({
    rules: filled.map(({ rule }) => ({ entityCategory: rule.entityCategory, offence: rule.offence, article: rule.article, part: rule.part, mci: numberFromCell(rule.mci), per: rule.per })),
    mciValues: draft.mciValues.map(({ year, kzt }) => ({ year: numberFromCell(year), kzt: numberFromCell(kzt) })),
    ...(source ? { source } : {}),
  });
  if (check.ok) return check;
  const shownRow = (problem: FineTableProblem): FineTableProblem =>
    problem.table === 'rules' && problem.row !== undefined ? { ...problem, row: filled[problem.row - 1]?.row ?? problem.row } : problem;
  return { ok: false, problems: check.problems.map(shownRow) };
}
