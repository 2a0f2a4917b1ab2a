import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { normaliseScan } from '../../../src/shared/inspection/scan-code.ts';

const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const ntin = withCheck('020012195852'); // 0200121958529
const ean13 = withCheck('487000000123');
const upcA = withCheck('03600029145');
const ean8 = withCheck('9638507');

describe('normaliseScan (domain-rules §9.3)', () => {
  it('pads every GTIN form to 14 digits and keeps the form', () => {
    expect(normaliseScan(ean13)).toMatchObject({ valid: true, form: 'ean13', gtin14: `0${ean13}`, ntin: undefined });
    expect(normaliseScan(upcA)).toMatchObject({ valid: true, form: 'upca', gtin14: `00${upcA}`, ntin: undefined });
    expect(normaliseScan(ean8)).toMatchObject({ valid: true, form: 'ean8', gtin14: `000000${ean8}` });
    const gtin14 = withCheck('1487000000123');
    expect(normaliseScan(gtin14)).toMatchObject({ valid: true, form: 'gtin14', gtin14 });
  });

  it('round-trips an NTIN through EAN-13, UPC-A (leading zero dropped) and GTIN-14', () => {
    expect(ntin).toBe('0200121958529');
    for (const form of [ntin, ntin.slice(1), `0${ntin}`]) {
      const scan = normaliseScan(form);
      expect(scan, form).toMatchObject({ valid: true, ntin, gtin14: `0${ntin}` });
    }
    expect(normaliseScan(ntin.slice(1))).toMatchObject({ form: 'upca' });
  });

  it('does not take an ordinary GTIN that merely contains 200 for an NTIN', () => {
    const other = withCheck('200012345678'); // 13 digits starting 2000: in-store code, not 0200
    expect(normaliseScan(other)).toMatchObject({ valid: true, ntin: undefined, gtin14: `0${other}` });
  });

  it('reads the GTIN of a GS1 element string, bracketed, raw with GS separators, and with a symbology identifier', () => {
    const gtin = `0${ean13}`;
    expect(normaliseScan(`(01)${gtin}(21)ABC123`)).toMatchObject({ valid: true, form: 'gs1', gtin14: gtin });
    expect(normaliseScan(`]d201${gtin}21ABC\u001d91XYZ`)).toMatchObject({ valid: true, form: 'gs1', gtin14: gtin });
    expect(normaliseScan(`21SERIAL\u001d01${gtin}`)).toMatchObject({ valid: true, gtin14: gtin });
    expect(normaliseScan(`(01)0${ntin}(21)X`)).toMatchObject({ valid: true, ntin });
    expect(normaliseScan('(21)ABC')).toMatchObject({ valid: false, problem: { key: 'inspection.code.noGtinInGs1' } });
  });

  it('says which check digit is expected', () => {
    const wrong = ean13.slice(0, -1) + String((Number(ean13.slice(-1)) + 3) % 10);
    expect(normaliseScan(wrong)).toEqual({
      valid: false,
      input: wrong,
      problem: { key: 'inspection.code.badCheckDigit', params: { expected: Number(ean13.slice(-1)), actual: Number(wrong.slice(-1)) } },
    });
  });

  it('refuses what is not a GTIN, naming the problem', () => {
    expect(normaliseScan('   ')).toMatchObject({ valid: false, problem: { key: 'inspection.code.empty' } });
    expect(normaliseScan('ABC-123')).toMatchObject({ valid: false, problem: { key: 'inspection.code.notDigits', params: { char: 'A' } } });
    expect(normaliseScan('12345')).toMatchObject({ valid: false, problem: { key: 'inspection.code.badLength', params: { length: 5 } } });
    expect(normaliseScan('0000000000000')).toMatchObject({ valid: false, problem: { key: 'inspection.code.allZeros' } });
    expect(normaliseScan('https://example.kz/x')).toMatchObject({ valid: false });
  });

  it('ignores spaces and hyphens typed between digit groups', () => {
    expect(normaliseScan(` ${ean13.slice(0, 1)} ${ean13.slice(1, 7)}-${ean13.slice(7)} `)).toMatchObject({ valid: true, gtin14: `0${ean13}` });
  });
});
