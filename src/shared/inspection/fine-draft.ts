/**
 * Fine tables as the Settings editor holds them while they are typed: every cell as text, so a half-typed or
 * wrong number stays on screen and is named as a problem (by `checkFineTables`) instead of being lost.
 */
import { defaultFineTables } from './fine-defaults.ts';
import type { EntityCategory, FineRule, FineTables, OffenceKind } from './fines.ts';

export interface FineRuleDraft {
  /** Stable while rows are added and removed (React keys). */
  key: string;
  article: string;
  part: string;
  entityCategory: EntityCategory;
  offence: OffenceKind;
  mci: string;
  per: FineRule['per'];
}

export interface MciValueDraft {
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

export function draftOf(tables: FineTables): FineTablesDraft {
  const fromDefaults = tables.source === defaultFineTables.source;
  return {
    rules: tables.rules.map((rule) => ({ key: draftRowKey(), article: rule.article, part: rule.part, entityCategory: rule.entityCategory, offence: rule.offence, mci: String(rule.mci), per: rule.per })),
    mciValues: tables.mciValues.map((value) => ({ key: draftRowKey(), year: String(value.year), kzt: String(value.kzt) })),
    source: fromDefaults ? '' : (tables.source ?? ''),
    fromDefaults,
  };
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

/** The draft as tables to check with `checkFineTables`. An edit of the defaults keeps their "unconfirmed" note until given a source. */
export function candidateOf(draft: FineTablesDraft): unknown {
  const source = draft.source.trim() || (draft.fromDefaults ? defaultFineTables.source : undefined);
  return {
    rules: draft.rules.map(({ key: _key, mci, ...rule }) => ({ ...rule, mci: numberFromCell(mci) })),
    mciValues: draft.mciValues.map(({ year, kzt }) => ({ year: numberFromCell(year), kzt: numberFromCell(kzt) })),
    ...(source ? { source } : {}),
  };
}
