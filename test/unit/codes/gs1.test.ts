import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidGs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { gs1DigitByTrial, gs1SumIsRound } from './reference.ts';

/** Published examples: Wikipedia's EAN-13/UPC-A/EAN-8 examples, the spec's codes, and real NTINs. */
const published = [
  '4006381333931', // EAN-13
  '036000291452', // UPC-A
  '96385074', // EAN-8
  '7622210544179', // Milka Oreo GTIN (domain-rules §2.2)
  '4871234000007', // KZ prefix example (domain-rules §2.1, labels.md §2.4)
  '10012345678902', // GTIN-14 with indicator digit 1
  '0200253509538',
  '0200009461097',
  '0200141815130',
  '0200145051817',
  '0200198799025',
  '0200121958529',
  '0200289239164',
];

describe('gs1CheckDigit', () => {
  it.each(published)('gives the published check digit of %s', (code) => {
    expect(gs1SumIsRound(code)).toBe(true);
    expect(gs1CheckDigit(code.slice(0, -1))).toBe(Number(code.slice(-1)));
  });

  it('follows the spec worked example: body 020025350953 gives 8', () => {
    expect(gs1CheckDigit('020025350953')).toBe(8);
  });

  it('mints NTINs the way the sandbox does: 0200 + 8-digit serial + check digit', () => {
    for (const serial of ['00000000', '00000001', '12345678', '99999999', '25350953']) {
      const body = `0200${serial}`;
      const ntin = `${body}${gs1CheckDigit(body)}`;
      expect(ntin).toMatch(/^0200\d{9}$/);
      expect(hasValidGs1CheckDigit(ntin)).toBe(true);
    }
  });

  it('agrees with the reference on every length from 1 to 17 and many bodies', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let length = 1; length <= 17; length += 1) {
      for (let round = 0; round < 40; round += 1) {
        const body = Array.from({ length }, () => String(next() % 10)).join('');
        expect(gs1CheckDigit(body), body).toBe(gs1DigitByTrial(body));
      }
    }
  });

  it('weights the rightmost data digit 3 and keeps leading zeros significant only by position', () => {
    expect(gs1CheckDigit('1')).toBe(7); // 1×3 = 3 → 7
    expect(gs1CheckDigit('10')).toBe(9); // 0×3 + 1×1 = 1 → 9
    expect(gs1CheckDigit('0000001')).toBe(gs1CheckDigit('1'));
    expect(gs1CheckDigit('0')).toBe(0);
    expect(gs1CheckDigit('5')).toBe(5); // 15 → 5
  });

  it.each(['', '12a', ' 123', '１２３', '-1', '1.0'])('throws a RangeError on the non-digit body %j', (body) => {
    expect(() => gs1CheckDigit(body)).toThrow(RangeError);
  });
});

describe('hasValidGs1CheckDigit', () => {
  it.each(published)('accepts %s', (code) => {
    expect(hasValidGs1CheckDigit(code)).toBe(true);
  });

  it('rejects every wrong last digit of a valid code', () => {
    for (const code of published) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const changed = `${code.slice(0, -1)}${digit}`;
        expect(hasValidGs1CheckDigit(changed), changed).toBe(changed === code);
      }
    }
  });

  it.each(['', '7', '40063813339a1', ' 4006381333931', '4006381333931 ', '4006-381333931'])('is false, without throwing, for %j', (code) => {
    expect(hasValidGs1CheckDigit(code)).toBe(false);
  });
});
