import { invalid, valid, type CodeCheck } from './check.ts';

/**
 * Validates a ТН ВЭД ЕАЭС code (the EAEU foreign-trade commodity nomenclature) as the catalogue stores it:
 * exactly 10 digits, no separators (catalogue-api.md: "10 digits, no dots", e.g. `6810190001`).
 *
 * People copy codes from the printed nomenclature, where they are grouped, so spaces (including
 * no-break spaces) and dots between the digits are accepted and removed: `6810 19 000 1` and
 * `6810.19.000.1` both normalise to `6810190001`. Any other character is rejected.
 * A value holding several codes joined with `@` is reported as such: split it with `splitMultiValue`.
 * Chapter `00` does not exist in the nomenclature (chapters run 01–97, and 98–99 are reserved for national
 * use; the catalogue's own dictionary has `9999999999` «Прочие товары»), so a code starting 00 is rejected.
 */
export function validateTnved(value: string): CodeCheck {
  const trimmed = value.trim();
  if (trimmed === '') return invalid('codes.common.empty');
  if (trimmed.includes('@')) return invalid('codes.tnved.multiValue');
  const digits = trimmed.replace(/[\s.]/gu, '');
  const offender = /[^0-9]/u.exec(digits);
  if (offender) return invalid('codes.common.notDigits', { char: offender[0] });
  if (digits.length !== 10) return invalid('codes.tnved.badLength', { length: digits.length });
  if (digits.startsWith('00')) return invalid('codes.tnved.badChapter');
  return valid(digits);
}
