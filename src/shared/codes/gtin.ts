import { digitsOnly, invalid, valid, type CodeCheck } from './check.ts';
import { gs1CheckDigit } from './gs1.ts';

/** The four GTIN formats, by their number of digits. */
export const gtinLengths = [8, 12, 13, 14] as const;
export type GtinLength = (typeof gtinLengths)[number];

export type GtinCheck = CodeCheck<{
  /** How many digits the code was entered with (the original format: 8 = EAN-8, 12 = UPC-A, 13 = EAN-13, 14 = GTIN-14). */
  readonly length: GtinLength;
}>;

function isGtinLength(length: number): length is GtinLength {
  return (gtinLengths as readonly number[]).includes(length);
}

/**
 * Validates a GTIN-8, -12, -13 or -14 and normalises it to 14 digits, left-padded with zeros
 * (GS1 General Specifications: a GTIN is stored and compared as 14 digits; see labels.md §2.4).
 *
 * Surrounding whitespace is trimmed; anything else that is not a digit is rejected. The check digit is
 * verified over the code as entered (left zero padding does not change it). All-zero codes are rejected
 * although their check digit (0) is formally right: GS1 never allocates them.
 *
 * An NTIN (`0200…`) is a valid GTIN-13 in the restricted-circulation range 020–029; use `validateNtin`
 * to tell the two apart.
 */
export function validateGtin(value: string): GtinCheck {
  const input = digitsOnly(value);
  if (!input.ok) return input.failure;
  const { digits } = input;
  if (!isGtinLength(digits.length)) return invalid('codes.gtin.badLength', { length: digits.length });
  if (/^0+$/u.test(digits)) return invalid('codes.gtin.allZeros');
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const actual = Number(digits.slice(-1));
  if (expected !== actual) return invalid('codes.gtin.badCheckDigit', { expected, actual });
  return valid(digits.padStart(14, '0'), { length: digits.length });
}

/** The 14-digit form of a valid GTIN, or null. */
export function normalizeGtin(value: string): string | null {
  const check = validateGtin(value);
  return check.valid ? check.normalized : null;
}

/**
 * The 13 digits to encode as an EAN-13 symbol for a valid GTIN of any length, or null when that is
 * impossible: a GTIN-14 whose indicator (first) digit is 1–9 only fits ITF-14 or GS1-128.
 * A GTIN-12 (UPC-A) comes back with a leading 0, which gives the same bars as the UPC-A symbol;
 * a GTIN-8 comes back as 00000 + the 8 digits (better printed as EAN-8: see `validateGtin`'s `length`).
 */
export function gtinToEan13(gtin: string): string | null {
  const gtin14 = normalizeGtin(gtin);
  if (gtin14 === null || !gtin14.startsWith('0')) return null;
  return gtin14.slice(1);
}
