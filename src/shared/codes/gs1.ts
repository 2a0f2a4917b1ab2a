/**
 * GS1 mod-10 check digit (GS1 General Specifications §7.9; the same for GTIN-8/12/13/14, GLN, SSCC):
 * starting from the rightmost data digit, weight the digits 3, 1, 3, 1, …, add the products, and the
 * check digit is (10 − sum mod 10) mod 10.
 *
 * `body` is the data digits only (without the check digit), at least one ASCII digit. Anything else is a
 * programming error and throws a RangeError: validate user input with `hasValidGs1CheckDigit` or the
 * code validators instead.
 */
export function gs1CheckDigit(body: string): number {
  if (!/^[0-9]+$/u.test(body)) throw new RangeError(`gs1CheckDigit needs one or more digits, got "${body}"`);
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight += 1) {
    const digit = body.charCodeAt(body.length - 1 - fromRight) - 48;
    sum += fromRight % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is two or more ASCII digits whose last digit is the GS1 check digit of the others. Never throws. */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (!/^[0-9]{2,}$/u.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}
