import type { CodesMessageKey } from './messages.ts';

/** A localisation key of the `codes` namespace that names a problem (the kind labels are not problems). */
export type CodeProblemKey = Exclude<CodesMessageKey, `codes.kind.${string}`>;

/** Why a code was rejected: a localisation key plus the values for its `{{placeholders}}`. */
export interface CodeProblem {
  readonly key: CodeProblemKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * The result of every validator. `normalized` is the canonical spelling to store and compare;
 * validators that learn more from the code (a GTIN's length, an ОКТРУ level, …) add it through `Extra`.
 */
export type CodeCheck<Extra extends object = object> = ({ readonly valid: true; readonly normalized: string } & Extra) | CodeFailure;

/** The rejected half of `CodeCheck`. */
export interface CodeFailure {
  readonly valid: false;
  readonly reason: CodeProblem;
}

export function valid<Extra extends object>(normalized: string, extra: Extra): CodeCheck<Extra>;
export function valid(normalized: string): CodeCheck;
export function valid(normalized: string, extra: object = {}): CodeCheck<object> {
  return { ...extra, valid: true, normalized };
}

export function invalid(key: CodeProblemKey, params?: Record<string, string | number>): CodeFailure {
  return { valid: false, reason: params ? { key, params } : { key } };
}

/**
 * The common first steps of every all-digit code: trim surrounding whitespace, reject an empty value and
 * any character other than the ASCII digits 0–9 (reporting the first offender). Returns the trimmed digits.
 */
export function digitsOnly(value: string): { ok: true; digits: string } | { ok: false; failure: CodeFailure } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, failure: invalid('codes.common.empty') };
  const offender = /[^0-9]/u.exec(trimmed);
  if (offender) return { ok: false, failure: invalid('codes.common.notDigits', { char: offender[0] }) };
  return { ok: true, digits: trimmed };
}
