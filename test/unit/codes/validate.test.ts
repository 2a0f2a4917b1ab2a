import { describe, expect, it } from 'vitest';
import * as codes from '../../../src/shared/codes/index.ts';
import { codeKinds, codeSchema, isCodeKind, validateCode } from '../../../src/shared/codes/index.ts';

const validSamples = {
  gtin: ['4006381333931', '04006381333931'],
  ntin: ['0200253509538', '0200253509538'],
  xtin: ['0041234567890', '0041234567890'],
  bin: ['070940001230', '070940001230'],
  iin: ['900101300126', '900101300126'],
  tnved: ['6810 19 000 1', '6810190001'],
  oktru: ['1015-0001-0029-100001212', '1015-0001-0029-100001212'],
  doc: ['еаэс n ru д-cn.pa01.b.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
} as const;

describe('validateCode', () => {
  it('lists the eight kinds', () => {
    expect(codeKinds).toEqual(['gtin', 'ntin', 'xtin', 'bin', 'iin', 'tnved', 'oktru', 'doc']);
  });

  it.each(codeKinds)('dispatches %s to its validator', (kind) => {
    const [input, normalized] = validSamples[kind];
    expect(validateCode(kind, input)).toMatchObject({ valid: true, normalized });
  });

  it('gives each kind its own rules', () => {
    expect(validateCode('gtin', '0200253509538').valid).toBe(true);
    expect(validateCode('ntin', '4006381333931').valid).toBe(false);
    expect(validateCode('bin', '900101300126').valid).toBe(false);
    expect(validateCode('iin', '070940001230').valid).toBe(false);
    expect(validateCode('xtin', '0200253509538').valid).toBe(false);
  });

  it('recognises kind names', () => {
    for (const kind of codeKinds) expect(isCodeKind(kind)).toBe(true);
    for (const other of ['GTIN', 'ean', '', 'kztin', 42, null, undefined]) expect(isCodeKind(other)).toBe(false);
  });
});

describe('codeSchema', () => {
  it('outputs the normalised code', () => {
    expect(codeSchema('gtin').parse(' 4006381333931 ')).toBe('04006381333931');
    expect(codeSchema('tnved').parse('6810.19.000.1')).toBe('6810190001');
  });

  it('reports the localisation key and params as the issue', () => {
    const result = codeSchema('gtin').safeParse('4006381333932');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0]).toMatchObject({ code: 'custom', message: 'codes.gtin.badCheckDigit', params: { expected: 1, actual: 2 } });
  });

  it('rejects non-strings', () => {
    expect(codeSchema('ntin').safeParse(200253509538).success).toBe(false);
  });
});

describe('the public index', () => {
  it('re-exports the names other modules rely on', () => {
    for (const name of [
      'gs1CheckDigit', 'hasValidGs1CheckDigit', 'validateGtin', 'normalizeGtin', 'gtinToEan13', 'validateNtin', 'isNtin',
      'validateXtin', 'validateBin', 'validateIin', 'kzIdCheckDigit', 'validateTnved', 'splitMultiValue', 'joinMultiValue',
      'validateOktru', 'oktruLevel', 'oktruParent', 'oktruAncestors', 'validateConformityNumber', 'codeKinds', 'validateCode',
      'isCodeKind', 'codeSchema', 'codesMessages',
    ]) {
      expect(codes, name).toHaveProperty(name);
    }
  });
});
