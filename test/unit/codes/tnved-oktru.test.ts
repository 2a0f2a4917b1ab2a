import { describe, expect, it } from 'vitest';
import { joinMultiValue, splitMultiValue } from '../../../src/shared/codes/multi-value.ts';
import { oktruAncestors, oktruLevel, oktruParent, oktruSegmentLengths, validateOktru } from '../../../src/shared/codes/oktru.ts';
import { validateTnved } from '../../../src/shared/codes/tnved.ts';

describe('validateTnved', () => {
  it.each([
    ['6810190001', '6810190001'],
    ['6810 19 000 1', '6810190001'],
    ['6810.19.000.1', '6810190001'],
    ['6810.19 000 1', '6810190001'],
    ['  2105009100  ', '2105009100'],
    ['2105\u00a0009\u00a0100', '2105009100'],
    ['9999999999', '9999999999'], // «Прочие товары» in the catalogue's dictionary
    ['0101210000', '0101210000'], // chapter 01 keeps its leading zero
  ])('accepts %j as %s', (input, normalized) => {
    expect(validateTnved(input)).toEqual({ valid: true, normalized });
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    [' \t ', 'codes.common.empty', undefined],
    ['2105009100@6403919600', 'codes.tnved.multiValue', undefined],
    ['6810-19-000-1', 'codes.common.notDigits', { char: '-' }],
    ['681019000I', 'codes.common.notDigits', { char: 'I' }],
    ['681019000', 'codes.tnved.badLength', { length: 9 }],
    ['68101900011', 'codes.tnved.badLength', { length: 11 }],
    ['6810 19', 'codes.tnved.badLength', { length: 6 }],
    ['0012345678', 'codes.tnved.badChapter', undefined],
    ['0000000000', 'codes.tnved.badChapter', undefined],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateTnved(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
  });
});

describe('splitMultiValue / joinMultiValue', () => {
  it('splits on @, trims the parts and drops empty ones', () => {
    expect(splitMultiValue('2105009100@6403919600')).toEqual(['2105009100', '6403919600']);
    expect(splitMultiValue(' 2105009100 @ 6403919600 @')).toEqual(['2105009100', '6403919600']);
    expect(splitMultiValue('a@@b')).toEqual(['a', 'b']);
    expect(splitMultiValue('6810190001')).toEqual(['6810190001']);
    expect(splitMultiValue('')).toEqual([]);
    expect(splitMultiValue('@')).toEqual([]);
  });

  it('does not validate the parts, so each can be checked on its own', () => {
    const parts = splitMultiValue('6810 19 000 1@bad');
    expect(parts.map((part) => validateTnved(part).valid)).toEqual([true, false]);
  });

  it('joins with @ and round-trips', () => {
    expect(joinMultiValue(['2105009100', '6403919600'])).toBe('2105009100@6403919600');
    expect(joinMultiValue([])).toBe('');
    expect(splitMultiValue(joinMultiValue(['1', '2', '3']))).toEqual(['1', '2', '3']);
  });
});

describe('validateOktru', () => {
  it('has levels of 4, 4, 4 and 9 digits', () => {
    expect(oktruSegmentLengths).toEqual([4, 4, 4, 9]);
  });

  it.each([
    ['1015', 1],
    ['1015-0001', 2],
    ['1015-0001-0029', 3],
    ['1015-0001-0029-100001212', 4],
    ['1020-0011-0003-100006374', 4],
    ['1113-0012-0024-100100228', 4],
    ['0000', 1],
  ] as const)('accepts %s at level %i', (code, level) => {
    expect(validateOktru(code)).toEqual({ valid: true, normalized: code, level });
    expect(oktruLevel(code)).toBe(level);
  });

  it.each([
    [' 1015-0001 ', '1015-0001'],
    ['1015 - 0001 - 0029', '1015-0001-0029'],
    ['1015–0001—0029‑100001212', '1015-0001-0029-100001212'],
    ['1015\u22120001', '1015-0001'],
  ])('normalises %j to %s', (input, normalized) => {
    expect(validateOktru(input)).toMatchObject({ valid: true, normalized });
  });

  it.each([
    ['', 'codes.common.empty', undefined],
    ['   ', 'codes.common.empty', undefined],
    ['1015.0001', 'codes.oktru.badCharacter', { char: '.' }],
    ['1015_0001', 'codes.oktru.badCharacter', { char: '_' }],
    ['A015', 'codes.oktru.badCharacter', { char: 'A' }],
    ['1015-0001-0029-100001212-1', 'codes.oktru.tooManyLevels', { levels: 5 }],
    ['101', 'codes.oktru.badSegment', { level: 1, expected: 4, segment: '101' }],
    ['10150', 'codes.oktru.badSegment', { level: 1, expected: 4, segment: '10150' }],
    ['1015-01', 'codes.oktru.badSegment', { level: 2, expected: 4, segment: '01' }],
    ['1015-0001-29', 'codes.oktru.badSegment', { level: 3, expected: 4, segment: '29' }],
    ['1015-0001-0029-1000012', 'codes.oktru.badSegment', { level: 4, expected: 9, segment: '1000012' }],
    ['1015-0001-0029-1000012120', 'codes.oktru.badSegment', { level: 4, expected: 9, segment: '1000012120' }],
    ['1015-0001-0029-0001', 'codes.oktru.badSegment', { level: 4, expected: 9, segment: '0001' }],
    ['1015--0001', 'codes.oktru.badSegment', { level: 2, expected: 4, segment: '' }],
    ['1015-', 'codes.oktru.badSegment', { level: 2, expected: 4, segment: '' }],
    ['-1015', 'codes.oktru.badSegment', { level: 1, expected: 4, segment: '' }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    expect(validateOktru(input)).toEqual({ valid: false, reason: params ? { key, params } : { key } });
    expect(oktruLevel(input)).toBeNull();
  });
});

describe('oktruParent / oktruAncestors', () => {
  it('walks up one level at a time', () => {
    expect(oktruParent('1015-0001-0029-100001212')).toBe('1015-0001-0029');
    expect(oktruParent('1015-0001-0029')).toBe('1015-0001');
    expect(oktruParent('1015-0001')).toBe('1015');
    expect(oktruParent('1015')).toBeNull();
  });

  it('normalises before answering and returns null for an invalid code', () => {
    expect(oktruParent(' 1015 – 0001 ')).toBe('1015');
    expect(oktruParent('1015-01')).toBeNull();
    expect(oktruParent('')).toBeNull();
  });

  it('lists the ancestors from level 1 down', () => {
    expect(oktruAncestors('1015-0001-0029-100001212')).toEqual(['1015', '1015-0001', '1015-0001-0029']);
    expect(oktruAncestors('1015-0001')).toEqual(['1015']);
    expect(oktruAncestors('1015')).toEqual([]);
    expect(oktruAncestors('nonsense')).toEqual([]);
  });
});
