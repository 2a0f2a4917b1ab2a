/*
 * Reference implementations for the tests, written differently from the production code on purpose:
 * if both agree, a slip in one of them is unlikely to go unnoticed.
 */

/** GS1: weight every digit of the FULL code (check digit included) 1, 3, 1, 3… from the right; valid when the sum is a multiple of 10. */
export function gs1SumIsRound(code: string): boolean {
  const digits = [...code].map(Number).reverse();
  const total = digits.reduce((sum, digit, index) => sum + digit * (index % 2 === 0 ? 1 : 3), 0);
  return total % 10 === 0;
}

/** The GS1 check digit found by trying all ten candidates against `gs1SumIsRound`. */
export function gs1DigitByTrial(body: string): number {
  for (let candidate = 0; candidate <= 9; candidate += 1) if (gs1SumIsRound(`${body}${candidate}`)) return candidate;
  throw new Error('unreachable');
}

/** Kazakhstan BIN/IIN two-pass mod 11 (domain-rules §7.1), straight from the spec's table; null = never issued. */
export function kzCheck(first11: string): number | null {
  const d = [...first11].map(Number);
  const pass = (weights: number[]) => weights.reduce((sum, weight, i) => sum + weight * (d[i] ?? Number.NaN), 0) % 11;
  const first = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (first !== 10) return first;
  const second = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return second === 10 ? null : second;
}

/** The full 12-digit number for 11 digits, or throws if they can never carry a check digit. */
export function withKzCheck(first11: string): string {
  const digit = kzCheck(first11);
  if (digit === null) throw new Error(`${first11} is never issued`);
  return `${first11}${digit}`;
}

/** The same 12 digits with a different (wrong) last digit. */
export function withWrongLastDigit(code: string): string {
  const last = Number(code.slice(-1));
  return `${code.slice(0, -1)}${(last + 1) % 10}`;
}
