/**
 * The fine estimate, from data only (domain-rules §6, "fines as data"): a table of fine rules and a table of
 * MCI values by year, both editable and importable. Nothing here knows an article, an amount or an MCI value;
 * the defaults live in fine-defaults.ts as data and may be replaced whole.
 */
import { z } from 'zod';

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

export const mciValueSchema = z.object({
  year: z.number().int().min(1990).max(2200),
  kzt: z.number().positive().max(1_000_000),
});
export type MciValue = z.infer<typeof mciValueSchema>;

export const fineTablesSchema = z
  .object({
    rules: z.array(fineRuleSchema).max(1000),
    mciValues: z.array(mciValueSchema).max(500),
    /** Where the figures come from, shown beside the estimate. */
    source: z.string().max(1000).optional(),
  })
  .superRefine((tables, context) => {
    const seen = new Set<string>();
    tables.rules.forEach((rule, index) => {
      const key = `${rule.entityCategory}|${rule.offence}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['rules', index], message: `a second rule for ${rule.entityCategory}, ${rule.offence} offence` });
      seen.add(key);
    });
    const years = new Set<number>();
    tables.mciValues.forEach((value, index) => {
      if (years.has(value.year)) context.addIssue({ code: 'custom', path: ['mciValues', index], message: `a second MCI value for ${value.year}` });
      years.add(value.year);
    });
  });
export type FineTables = z.infer<typeof fineTablesSchema>;

export type FineTablesParse = { ok: true; tables: FineTables } | { ok: false; problem: { key: 'inspection.fine.badTables'; params: { detail: string } } };

/** Reads fine tables from a file's text (JSON), with the first problems named for the user. */
export function parseFineTables(text: string): FineTablesParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { key: 'inspection.fine.badTables', params: { detail: 'not JSON' } } };
  }
  const parsed = fineTablesSchema.safeParse(json);
  if (parsed.success) return { ok: true, tables: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem: { key: 'inspection.fine.badTables', params: { detail } } };
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
