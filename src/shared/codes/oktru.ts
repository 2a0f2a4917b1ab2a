import { invalid, valid, type CodeCheck } from './check.ts';

/*
 * ОКТРУ, the catalogue's product category tree (catalogue-api.md §1, domain-rules §3.4): up to four
 * levels joined with hyphens, the first three of 4 digits and the fourth (the leaf) of 9 digits:
 *
 *   1015                        level 1
 *   1015-0001                   level 2
 *   1015-0001-0029              level 3
 *   1015-0001-0029-100001212    level 4 (a leaf; the application's `oktru` must be a current leaf)
 *
 * Only the shape is checked here; whether a code exists is a question for the OKTRU dictionary.
 * Normalisation: surrounding and inner whitespace is removed and the look-alike dashes ‐ ‑ ‒ – — − are
 * read as hyphens, so `1015 – 0001` becomes `1015-0001`.
 */

/** Digits per level, level 1 first. */
export const oktruSegmentLengths = [4, 4, 4, 9] as const;
export type OktruLevel = 1 | 2 | 3 | 4;

export type OktruCheck = CodeCheck<{ readonly level: OktruLevel }>;

export function validateOktru(value: string): OktruCheck {
  const compact = value.replace(/\s+/gu, '').replace(/[\u2010-\u2015\u2212]/gu, '-');
  if (compact === '') return invalid('codes.common.empty');
  const offender = /[^0-9-]/u.exec(compact);
  if (offender) return invalid('codes.oktru.badCharacter', { char: offender[0] });
  const segments = compact.split('-');
  if (segments.length > oktruSegmentLengths.length) return invalid('codes.oktru.tooManyLevels', { levels: segments.length });
  for (const [index, segment] of segments.entries()) {
    const expected = oktruSegmentLengths[index];
    if (segment.length !== expected) return invalid('codes.oktru.badSegment', { level: index + 1, expected: expected ?? 0, segment });
  }
  return valid(segments.join('-'), { level: segments.length as OktruLevel });
}

/** The level (1–4) of a valid ОКТРУ code, or null. */
export function oktruLevel(code: string): OktruLevel | null {
  const check = validateOktru(code);
  return check.valid ? check.level : null;
}

/** The parent category of a valid ОКТРУ code (normalised), or null for a level-1 code or an invalid one. */
export function oktruParent(code: string): string | null {
  const check = validateOktru(code);
  if (!check.valid || check.level === 1) return null;
  return check.normalized.slice(0, check.normalized.lastIndexOf('-'));
}

/** Every ancestor of a valid ОКТРУ code from level 1 down to its parent (empty for level 1 or an invalid code). */
export function oktruAncestors(code: string): string[] {
  const ancestors: string[] = [];
  for (let parent = oktruParent(code); parent !== null; parent = oktruParent(parent)) ancestors.unshift(parent);
  return ancestors;
}
