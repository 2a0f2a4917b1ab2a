import { digitsOnly, invalid, valid, type CodeCheck } from './check.ts';
import { gs1CheckDigit } from './gs1.ts';

/** Every NTIN starts with these four digits (domain-rules §2.2: `^0200\d{9}$`). */
export const ntinPrefix = '0200';

/**
 * Validates an NTIN, the National Catalogue's own 13-digit item number: `0200` + 8-digit serial + GS1
 * mod-10 check digit (domain-rules §2.1–2.2), e.g. 0200253509538.
 *
 * Also accepted, and normalised to the 13-digit form: the same number written as a GTIN-14 with one
 * leading zero (`00200…`, 14 digits), which is how scanners and GS1-128 / DataMatrix AI (01) deliver it
 * (domain-rules §2.2: "As GTIN-14 it is written `00200…`"). The check digit is unaffected by the pad zero.
 * Nothing else is stripped: surrounding whitespace is trimmed, inner characters other than digits are rejected.
 */
export function validateNtin(value: string): CodeCheck {
  const input = digitsOnly(value);
  if (!input.ok) return input.failure;
  let digits = input.digits;
  if (digits.length === 14 && digits.startsWith('0')) digits = digits.slice(1);
  if (digits.length !== 13) return invalid('codes.ntin.badLength', { length: input.digits.length });
  if (!digits.startsWith(ntinPrefix)) return invalid('codes.ntin.badPrefix');
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const actual = Number(digits.slice(-1));
  if (expected !== actual) return invalid('codes.ntin.badCheckDigit', { expected, actual });
  return valid(digits);
}

/** True for a valid NTIN in its 13- or 14-digit form. */
export function isNtin(value: string): boolean {
  return validateNtin(value).valid;
}
