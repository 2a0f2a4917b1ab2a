import { describe, expect, it } from 'vitest';
import { kzIdCheckDigit, validateBin, validateIin } from '../../../src/shared/codes/bin.ts';
import { kzCheck, withKzCheck, withWrongLastDigit } from './reference.ts';

/*
 * Valid numbers below were computed with an independent implementation (a Python script written for
 * this test, cross-checked by `kzCheck` in reference.ts); they are synthetic, not real people or companies.
 */
const validIins = [
  { iin: '900101300126', birthDate: '1990-01-01', sex: 'male' }, // pass 1
  { iin: '851215400567', birthDate: '1985-12-15', sex: 'female' },
  { iin: '000229501234', birthDate: '2000-02-29', sex: 'male' }, // 2000 is a leap year
  { iin: '050607600048', birthDate: '2005-06-07', sex: 'female' },
  { iin: '900101300811', birthDate: '1990-01-01', sex: 'male' }, // pass 1 gives 10, pass 2 gives 1
] as const;

const validBins = [
  { bin: '070940001230', registered: '0709', entityType: 4, unitAttribute: 0 },
  { bin: '151241004562', registered: '1512', entityType: 4, unitAttribute: 1 },
  { bin: '210152000110', registered: '2101', entityType: 5, unitAttribute: 2 },
  { bin: '991263009875', registered: '9912', entityType: 6, unitAttribute: 3 },
  { bin: '070940000505', registered: '0709', entityType: 4, unitAttribute: 0 }, // pass 1 gives 10, pass 2 gives 5
] as const;

describe('kzIdCheckDigit', () => {
  it('matches the reference for the synthetic numbers', () => {
    for (const { iin } of validIins) expect(kzIdCheckDigit(iin.slice(0, 11))).toBe(Number(iin.slice(11)));
    for (const { bin } of validBins) expect(kzIdCheckDigit(bin.slice(0, 11))).toBe(Number(bin.slice(11)));
  });

  it('uses pass 2 exactly when pass 1 gives 10', () => {
    // 90010130081: pass 1 = (9·1+0·2+0·3+1·4+0·5+1·6+3·7+0·8+0·9+8·10+1·11) mod 11 = 131 mod 11 = 10;
    // pass 2 = (9·3+0·4+0·5+1·6+0·7+1·8+3·9+0·10+0·11+8·1+1·2) mod 11 = 78 mod 11 = 1.
    expect(kzIdCheckDigit('90010130081')).toBe(1);
  });

  it('returns null when both passes give 10 (never issued)', () => {
    // 07094000058: pass 1 = 230 mod 11 = 10, pass 2 = 109 mod 11 = 10.
    for (const first11 of ['07094000058', '07094000139', '90010130080', '90010130161']) {
      expect(kzCheck(first11)).toBeNull();
      expect(kzIdCheckDigit(first11)).toBeNull();
    }
  });

  it('agrees with the reference on a sweep of 11-digit prefixes', () => {
    let seed = 2024;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 2000; round += 1) {
      const first11 = Array.from({ length: 11 }, () => String(next() % 10)).join('');
      expect(kzIdCheckDigit(first11), first11).toBe(kzCheck(first11));
    }
  });

  it.each(['', '1234567890', '123456789012', '1234567890a', ' 12345678901'])('throws a RangeError on %j', (input) => {
    expect(() => kzIdCheckDigit(input)).toThrow(RangeError);
  });
});

describe('validateIin', () => {
  it.each(validIins)('accepts $iin', ({ iin, birthDate, sex }) => {
    expect(validateIin(iin)).toEqual({ valid: true, normalized: iin, birthDate, sex });
  });

  it('reads every century/sex digit 1–6 and accepts 0 as "not encoded"', () => {
    const expected = {
      1: ['1880-03-15', 'male'],
      2: ['1880-03-15', 'female'],
      3: ['1980-03-15', 'male'],
      4: ['1980-03-15', 'female'],
      5: ['2080-03-15', 'male'],
      6: ['2080-03-15', 'female'],
    } as const;
    for (const [digit, [birthDate, sex]] of Object.entries(expected)) {
      const iin = withKzCheck(`800315${digit}0001`);
      expect(validateIin(iin), iin).toEqual({ valid: true, normalized: iin, birthDate, sex });
    }
    const foreign = withKzCheck('80031500001');
    expect(validateIin(foreign)).toEqual({ valid: true, normalized: foreign, birthDate: null, sex: null });
  });

  it('checks 29 February against the century from digit 7', () => {
    expect(validateIin(withKzCheck('00022950001')).valid).toBe(true); // 2000: leap
    expect(validateIin(withKzCheck('00022930001'))).toEqual({ valid: false, reason: { key: 'codes.iin.badDate', params: { date: '000229' } } }); // 1900: not leap
    expect(validateIin(withKzCheck('96022930001')).valid).toBe(true); // 1996
    expect(validateIin(withKzCheck('19022910001')).valid).toBe(false); // 1819
    expect(validateIin(withKzCheck('00022900001')).valid).toBe(true); // century unknown: YY 00 divisible by 4
    expect(validateIin(withKzCheck('01022900001')).valid).toBe(false); // century unknown, YY 01: never leap
  });

  it.each([
    ['000000', 'month 00'],
    ['001300', 'month 13'],
    ['900100', 'day 00'],
    ['900132', '32 January'],
    ['900431', '31 April'],
    ['900631', '31 June'],
    ['900931', '31 September'],
    ['901131', '31 November'],
    ['900230', '30 February'],
    ['910229', '29 February 1991'],
  ])('rejects the birth date %s (%s)', (date) => {
    const iin = withKzCheck(`${date}30001`);
    expect(validateIin(iin)).toEqual({ valid: false, reason: { key: 'codes.iin.badDate', params: { date } } });
  });

  it('accepts the last day of every month', () => {
    for (const date of ['900131', '900228', '900331', '900430', '900531', '900630', '900731', '900831', '900930', '901031', '901130', '901231']) {
      expect(validateIin(withKzCheck(`${date}30001`)).valid, date).toBe(true);
    }
  });

  it.each([7, 8, 9])('rejects century/sex digit %i', (digit) => {
    const iin = withKzCheck(`900101${digit}0001`);
    expect(validateIin(iin)).toEqual({ valid: false, reason: { key: 'codes.iin.badCenturySex', params: { digit } } });
  });

  it('rejects a wrong check digit, reporting the right one', () => {
    expect(validateIin('900101300127')).toEqual({
      valid: false,
      reason: { key: 'codes.iin.badCheckDigit', params: { expected: 6, actual: 7 } },
    });
    for (const { iin } of validIins) expect(validateIin(withWrongLastDigit(iin)).valid).toBe(false);
  });

  it('rejects numbers whose both passes give 10, whatever the last digit', () => {
    for (let last = 0; last <= 9; last += 1) {
      expect(validateIin(`90010130080${last}`)).toEqual({ valid: false, reason: { key: 'codes.iin.neverIssued' } });
    }
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['9001013001 26', 'codes.common.notDigits', { char: ' ' }],
    ['90010130012', 'codes.iin.badLength', { length: 11 }],
    ['9001013001260', 'codes.iin.badLength', { length: 13 }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateIin(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
  });

  it('trims surrounding whitespace', () => {
    expect(validateIin(' 900101300126 ')).toMatchObject({ valid: true, normalized: '900101300126' });
  });

  it('rejects a BIN (its digits 5–6 are not a day; the check digit is still verified first)', () => {
    // 070940001230: month 09 ok, day 40 invalid.
    expect(validateIin('070940001230')).toEqual({ valid: false, reason: { key: 'codes.iin.badDate', params: { date: '070940' } } });
  });
});

describe('validateBin', () => {
  it.each(validBins)('accepts $bin', ({ bin, registered, entityType, unitAttribute }) => {
    expect(validateBin(bin)).toEqual({ valid: true, normalized: bin, registered, entityType, unitAttribute });
  });

  it('accepts every entity type 4–6 and unit attribute 0–3', () => {
    for (const entityType of [4, 5, 6]) {
      for (const unit of [0, 1, 2, 3]) {
        const bin = withKzCheck(`1203${entityType}${unit}00077`);
        expect(validateBin(bin), bin).toMatchObject({ valid: true, entityType, unitAttribute: unit });
      }
    }
  });

  it.each(['00', '13', '99'])('rejects the registration month %s', (month) => {
    const bin = withKzCheck(`12${month}4000077`);
    expect(validateBin(bin)).toEqual({ valid: false, reason: { key: 'codes.bin.badMonth', params: { month } } });
  });

  it.each([0, 1, 2, 3, 7, 8, 9])('rejects entity type %i', (digit) => {
    const bin = withKzCheck(`1203${digit}000077`);
    expect(validateBin(bin)).toEqual({ valid: false, reason: { key: 'codes.bin.badEntityType', params: { digit } } });
  });

  it.each([4, 5, 6, 7, 8, 9])('rejects unit attribute %i', (digit) => {
    const bin = withKzCheck(`12034${digit}00077`);
    expect(validateBin(bin)).toEqual({ valid: false, reason: { key: 'codes.bin.badUnitAttribute', params: { digit } } });
  });

  it('rejects an IIN on digit 5 (the heuristic of domain-rules §7.3)', () => {
    for (const { iin } of validIins) {
      const check = validateBin(iin);
      expect(check.valid).toBe(false);
      if (!check.valid) expect(check.reason.key).toBe('codes.bin.badEntityType');
    }
  });

  it('rejects a wrong check digit, reporting the right one', () => {
    expect(validateBin('070940001231')).toEqual({
      valid: false,
      reason: { key: 'codes.bin.badCheckDigit', params: { expected: 0, actual: 1 } },
    });
    for (const { bin } of validBins) expect(validateBin(withWrongLastDigit(bin)).valid).toBe(false);
  });

  it('rejects numbers whose both passes give 10', () => {
    for (let last = 0; last <= 9; last += 1) {
      expect(validateBin(`07094000058${last}`)).toEqual({ valid: false, reason: { key: 'codes.bin.neverIssued' } });
    }
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['0709400012З0', 'codes.common.notDigits', { char: 'З' }],
    ['07094000123', 'codes.bin.badLength', { length: 11 }],
    ['0709400012300', 'codes.bin.badLength', { length: 13 }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateBin(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
  });
});
