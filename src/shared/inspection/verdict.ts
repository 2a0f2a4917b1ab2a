/**
 * Scan → verdict (domain-rules §9.3): normalise, check digit, then an NTIN is looked up directly and a GTIN
 * against all cards that carry it (1:N). The same function serves the page (IndexedDB) and the CLI (a
 * snapshot in memory), so both give the same verdict for the same code and copy.
 */
import type { CopyCard, CopyInfo } from './copy-card.ts';
import { normaliseScan, ntinSerial, type ScanCode, type ScanProblem } from './scan-code.ts';

/**
 * `not-yet-in-copy` is a `not-found` whose NTIN is newer than every NTIN in the copy: the card may have been
 * published after the copy was taken, so it is not yet evidence of a violation.
 */
export const verdictKinds = ['registered', 'several', 'deactivated', 'not-found', 'not-yet-in-copy', 'invalid'] as const;
export type VerdictKind = (typeof verdictKinds)[number];

export type Verdict =
  | { readonly kind: 'invalid'; readonly input: string; readonly problem: ScanProblem }
  | {
      readonly kind: Exclude<VerdictKind, 'invalid'>;
      readonly input: string;
      readonly code: Extract<ScanCode, { valid: true }>;
      /** Every card found, active first. */
      readonly cards: readonly CopyCard[];
    };

/** The copy as the verdict needs it; `byGtin` answers every card carrying the 14-digit GTIN. */
export interface CopyLookup {
  byNtin(ntin: string): Promise<CopyCard | undefined> | CopyCard | undefined;
  byGtin(gtin14: string): Promise<readonly CopyCard[]> | readonly CopyCard[];
}

export function verdictFor(code: ScanCode, cards: readonly CopyCard[], info: Pick<CopyInfo, 'maxNtinSerial'>): Verdict {
  if (!code.valid) return { kind: 'invalid', input: code.input, problem: code.problem };
  const active = cards.filter((card) => !card.deactivated);
  const ordered = [...active, ...cards.filter((card) => card.deactivated)];
  const base = { input: code.input, code, cards: ordered };
  if (cards.length === 0) {
    const newer = code.ntin !== undefined && ntinSerial(code.ntin) > info.maxNtinSerial;
    return { ...base, kind: newer ? 'not-yet-in-copy' : 'not-found' };
  }
  if (active.length === 0) return { ...base, kind: 'deactivated' };
  return { ...base, kind: active.length === 1 ? 'registered' : 'several' };
}

export async function checkScan(raw: string, lookup: CopyLookup, info: Pick<CopyInfo, 'maxNtinSerial'>): Promise<Verdict> {
  const code = normaliseScan(raw);
  if (!code.valid) return verdictFor(code, [], info);
  if (code.ntin !== undefined) {
    const card = await lookup.byNtin(code.ntin);
    return verdictFor(code, card ? [card] : [], info);
  }
  return verdictFor(code, await lookup.byGtin(code.gtin14), info);
}

/** The verdict as the CLI's `--json` prints it: `verdict` is one of the five public kinds. */
export function verdictRecord(verdict: Verdict) {
  if (verdict.kind === 'invalid') {
    return { code: verdict.input, verdict: 'invalid' as const, ntins: [], names: [], problem: verdict.problem.key, ...('params' in verdict.problem ? { params: verdict.problem.params } : {}) };
  }
  return {
    code: verdict.input,
    verdict: verdict.kind === 'not-yet-in-copy' ? ('not-found' as const) : verdict.kind,
    ...(verdict.kind === 'not-yet-in-copy' ? { notYetInCopy: true } : {}),
    gtin14: verdict.code.gtin14,
    ntins: verdict.cards.map((card) => card.ntin),
    names: verdict.cards.map((card) => ({ kk: card.nameKk, ru: card.nameRu })),
    deactivated: verdict.cards.filter((card) => card.deactivated).map((card) => card.ntin),
  };
}

/** The verdict's message key (`inspection.verdict.*`). */
export function verdictKey(kind: VerdictKind): string {
  const keys: Record<VerdictKind, string> = {
    registered: 'inspection.verdict.registered',
    several: 'inspection.verdict.several',
    deactivated: 'inspection.verdict.deactivated',
    'not-found': 'inspection.verdict.notFound',
    'not-yet-in-copy': 'inspection.verdict.notYetInCopy',
    invalid: 'inspection.verdict.invalid',
  };
  return keys[kind];
}
