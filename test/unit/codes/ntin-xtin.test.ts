import { describe, expect, it } from 'vitest';
import { isNtin, ntinPrefix, validateNtin } from '../../../src/shared/codes/ntin.ts';
import { validateXtin, xtinPrefix } from '../../../src/shared/codes/xtin.ts';
import { gs1DigitByTrial } from './reference.ts';

/** Real NTINs (domain-rules §2.2). */
const realNtins = ['0200253509538', '0200009461097', '0200141815130', '0200145051817', '0200198799025', '0200121958529', '0200289239164'];

describe('validateNtin', () => {
  it.each(realNtins)('accepts the real NTIN %s', (ntin) => {
    expect(validateNtin(ntin)).toEqual({ valid: true, normalized: ntin });
    expect(isNtin(ntin)).toBe(true);
  });

  it.each(realNtins)('accepts %s written as GTIN-14 (leading 0) and normalises it to 13 digits', (ntin) => {
    expect(validateNtin(`0${ntin}`)).toEqual({ valid: true, normalized: ntin });
  });

  it('exposes the prefix and accepts freshly minted NTINs', () => {
    expect(ntinPrefix).toBe('0200');
    for (const serial of ['00000000', '00000017', '87654321', '99999999']) {
      const body = `0200${serial}`;
      expect(isNtin(`${body}${gs1DigitByTrial(body)}`)).toBe(true);
    }
  });

  it('trims surrounding whitespace', () => {
    expect(validateNtin('  0200253509538\n')).toEqual({ valid: true, normalized: '0200253509538' });
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['0200 253509538', 'codes.common.notDigits', { char: ' ' }],
    ['O200253509538', 'codes.common.notDigits', { char: 'O' }],
    ['020025350953', 'codes.ntin.badLength', { length: 12 }],
    ['02002535095380', 'codes.ntin.badPrefix', undefined], // 14 digits read as 0 + 2002535095380
    ['10200253509538', 'codes.ntin.badLength', { length: 14 }], // indicator digit 1 is not an NTIN
    ['002002535095380', 'codes.ntin.badLength', { length: 15 }],
    ['4006381333931', 'codes.ntin.badPrefix', undefined], // a valid GTIN-13 is not an NTIN
    ['0201253509535', 'codes.ntin.badPrefix', undefined],
    ['2002535095380', 'codes.ntin.badPrefix', undefined],
    ['04006381333931', 'codes.ntin.badPrefix', undefined], // 14 digits with leading 0 but not 00200
    ['0200253509539', 'codes.ntin.badCheckDigit', { expected: 8, actual: 9 }],
    ['00200253509530', 'codes.ntin.badCheckDigit', { expected: 8, actual: 0 }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateNtin(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
    expect(isNtin(input)).toBe(false);
  });
});

describe('validateXtin', () => {
  it('accepts 13 digits starting with 004, with no check-digit rule', () => {
    expect(xtinPrefix).toBe('004');
    expect(validateXtin('0041234567890')).toEqual({ valid: true, normalized: '0041234567890' });
    // Every last digit is fine: the rules state no check digit for XTIN (domain-rules §2.4).
    for (let digit = 0; digit <= 9; digit += 1) expect(validateXtin(`004123456789${digit}`).valid).toBe(true);
    expect(validateXtin(' 0040000000000 ')).toEqual({ valid: true, normalized: '0040000000000' });
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['004123456789O', 'codes.common.notDigits', { char: 'O' }],
    ['004123456789', 'codes.xtin.badLength', { length: 12 }],
    ['00412345678901', 'codes.xtin.badLength', { length: 14 }],
    ['0051234567890', 'codes.xtin.badPrefix', undefined],
    ['0200253509538', 'codes.xtin.badPrefix', undefined],
    ['4004123456789', 'codes.xtin.badPrefix', undefined],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateXtin(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
  });
});
