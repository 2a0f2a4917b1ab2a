import { digitsOnly, invalid, valid, type CodeCheck } from './check.ts';

/** Every XTIN starts with these three digits (domain-rules §2.4). */
export const xtinPrefix = '004';

/**
 * Validates an XTIN, the temporary code an applicant puts in the attribute `xtin`. The catalogue checks
 * it when the application goes to moderation: exactly 13 digits, the first three `004`
 * (domain-rules §2.4, e.g. 0041234567890). No check-digit rule is stated, so none is applied.
 */
export function validateXtin(value: string): CodeCheck {
  const input = digitsOnly(value);
  if (!input.ok) return input.failure;
  const { digits } = input;
  if (digits.length !== 13) return invalid('codes.xtin.badLength', { length: digits.length });
  if (!digits.startsWith(xtinPrefix)) return invalid('codes.xtin.badPrefix');
  return valid(digits);
}
