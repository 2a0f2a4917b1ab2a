import { describe, expect, it } from 'vitest';
import { gtinLengths, gtinToEan13, normalizeGtin, validateGtin } from '../../../src/shared/codes/gtin.ts';
import { gs1DigitByTrial } from './reference.ts';

describe('validateGtin', () => {
  it.each([
    ['96385074', '00000096385074', 8],
    ['036000291452', '00036000291452', 12],
    ['4006381333931', '04006381333931', 13],
    ['7622210544179', '07622210544179', 13],
    ['4871234000007', '04871234000007', 13],
    ['10012345678902', '10012345678902', 14],
    ['00012345600012', '00012345600012', 14],
  ] as const)('accepts %s and pads it to 14 digits', (input, normalized, length) => {
    expect(validateGtin(input)).toEqual({ valid: true, normalized, length });
  });

  it('keeps leading zeros that are part of the code', () => {
    // A GTIN-12 starting with 0 and the same number written as GTIN-13 and GTIN-14 are one GTIN.
    const forms = ['036000291452', '0036000291452', '00036000291452'];
    expect(forms.map((form) => normalizeGtin(form))).toEqual(['00036000291452', '00036000291452', '00036000291452']);
    expect(validateGtin('0036000291452')).toMatchObject({ valid: true, length: 13 });
  });

  it('pads with exactly 14 − length zeros', () => {
    for (const length of gtinLengths) {
      const body = '7'.repeat(length - 1);
      const code = `${body}${gs1DigitByTrial(body)}`;
      const check = validateGtin(code);
      expect(check.valid && check.normalized).toBe(`${'0'.repeat(14 - length)}${code}`);
    }
  });

  it('accepts an NTIN as a GTIN-13 (restricted-circulation prefix 020)', () => {
    expect(validateGtin('0200253509538')).toEqual({ valid: true, normalized: '00200253509538', length: 13 });
  });

  it.each([' 4006381333931', '4006381333931\n', '\t4006381333931 ', '\u00a04006381333931\u00a0'])('trims surrounding whitespace: %j', (input) => {
    expect(normalizeGtin(input)).toBe('04006381333931');
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['   ', 'codes.common.empty', undefined],
    ['4006381 333931', 'codes.common.notDigits', { char: ' ' }],
    ['4006381-333931', 'codes.common.notDigits', { char: '-' }],
    ['400638133393X', 'codes.common.notDigits', { char: 'X' }],
    ['４００６３８１３３３９３１', 'codes.common.notDigits', { char: '４' }],
    ['1234567', 'codes.gtin.badLength', { length: 7 }],
    ['123456789', 'codes.gtin.badLength', { length: 9 }],
    ['12345678901', 'codes.gtin.badLength', { length: 11 }],
    ['123456789012345', 'codes.gtin.badLength', { length: 15 }],
    ['1', 'codes.gtin.badLength', { length: 1 }],
    ['00000000', 'codes.gtin.allZeros', undefined],
    ['000000000000', 'codes.gtin.allZeros', undefined],
    ['0000000000000', 'codes.gtin.allZeros', undefined],
    ['00000000000000', 'codes.gtin.allZeros', undefined],
    ['4006381333932', 'codes.gtin.badCheckDigit', { expected: 1, actual: 2 }],
    ['96385070', 'codes.gtin.badCheckDigit', { expected: 4, actual: 0 }],
    ['036000291453', 'codes.gtin.badCheckDigit', { expected: 2, actual: 3 }],
    ['10012345678909', 'codes.gtin.badCheckDigit', { expected: 2, actual: 9 }],
    ['4871234000001', 'codes.gtin.badCheckDigit', { expected: 7, actual: 1 }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    const check = validateGtin(input);
    expect(check.valid).toBe(false);
    if (!check.valid) {
      expect(check.reason.key).toBe(key);
      expect(check.reason.params).toEqual(params);
    }
  });

  it('rejects every wrong check digit of a valid code, reporting the right one', () => {
    for (let digit = 0; digit <= 9; digit += 1) {
      if (digit === 1) continue;
      expect(validateGtin(`400638133393${digit}`)).toEqual({
        valid: false,
        reason: { key: 'codes.gtin.badCheckDigit', params: { expected: 1, actual: digit } },
      });
    }
  });
});

describe('normalizeGtin', () => {
  it('returns null for an invalid GTIN', () => {
    expect(normalizeGtin('4006381333932')).toBeNull();
    expect(normalizeGtin('')).toBeNull();
  });
});

describe('gtinToEan13', () => {
  it.each([
    ['04006381333931', '4006381333931'],
    ['4006381333931', '4006381333931'],
    ['036000291452', '0036000291452'], // UPC-A: same bars as the UPC-A symbol
    ['00200253509538', '0200253509538'], // an NTIN, for labels
    ['0200253509538', '0200253509538'],
    ['96385074', '0000096385074'],
    [' 04871234000007 ', '4871234000007'],
  ])('turns %s into the EAN-13 %s', (input, ean13) => {
    expect(gtinToEan13(input)).toBe(ean13);
  });

  it('returns null for a GTIN-14 with indicator digit 1–9 and for invalid input', () => {
    expect(gtinToEan13('10012345678902')).toBeNull();
    expect(gtinToEan13('50614141322607')).toBeNull();
    expect(gtinToEan13('04006381333932')).toBeNull();
    expect(gtinToEan13('abc')).toBeNull();
  });
});
