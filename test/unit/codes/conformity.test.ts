import { describe, expect, it } from 'vitest';
import { conformityExamples, eaeuCountries, validateConformityNumber } from '../../../src/shared/codes/conformity.ts';

type Expected = {
  normalized: string;
  type: 'certificate' | 'declaration' | 'unknown';
  country: string;
  union?: 'EAEU' | 'CU';
  manufacturerCountry?: string | null;
  year?: number | null;
};

function expectValid(input: string, expected: Expected): void {
  expect(validateConformityNumber(input)).toEqual({
    valid: true,
    union: 'EAEU',
    manufacturerCountry: null,
    year: null,
    ...expected,
  });
}

describe('validateConformityNumber: canonical numbers', () => {
  it.each([
    ['ЕАЭС RU С-CN.СБ21.А.00039/19', { type: 'certificate', country: 'RU', manufacturerCountry: 'CN', year: 2019 }],
    ['ЕАЭС N RU Д-KZ.РА01.В.12345/26', { type: 'declaration', country: 'RU', manufacturerCountry: 'KZ', year: 2026 }],
    ['ЕАЭС N RU Д-CN.РА01.В.12345/23', { type: 'declaration', country: 'RU', manufacturerCountry: 'CN', year: 2023 }],
    ['ЕАЭС RU С-CN.НВ26.В.04260/24', { type: 'certificate', country: 'RU', manufacturerCountry: 'CN', year: 2024 }],
    ['ЕАЭС N RU Д-RU.АЖ40.В.00123', { type: 'declaration', country: 'RU', manufacturerCountry: 'RU', year: null }],
    ['ТС RU С-RU.АЯ46.В.12345', { type: 'certificate', country: 'RU', union: 'CU', manufacturerCountry: 'RU' }],
    ['ТС N RU Д-DE.АЯ46.В.12345', { type: 'declaration', country: 'RU', union: 'CU', manufacturerCountry: 'DE' }],
    ['ЕАЭС KZ 1100317.05.01.05103', { type: 'unknown', country: 'KZ' }],
    ['ЕАЭС KZ 7500533.01.01.06080', { type: 'unknown', country: 'KZ' }],
    ['ТС KZ 7500361.22.01.00123', { type: 'unknown', country: 'KZ', union: 'CU' }],
    ['ЕАЭС BY/112 02.01. ТР018 010.02 00276', { type: 'unknown', country: 'BY' }],
    ['ЕАЭС N BY/112 11.01. ТР009 043 14182', { type: 'declaration', country: 'BY' }],
    ['ЕАЭС KG417/016.RU.02.04561', { type: 'certificate', country: 'KG', manufacturerCountry: 'RU' }],
    ['ЕАЭС KG417/044.TW.02.04764', { type: 'certificate', country: 'KG', manufacturerCountry: 'TW' }],
    ['ЕАЭС KG417/18.Д.0000338', { type: 'declaration', country: 'KG' }],
    ['ЕАЭС KG417/024.Д.0013077', { type: 'declaration', country: 'KG' }],
    ['ЕАЭС AM-008/S.A-0175-2018', { type: 'unknown', country: 'AM' }],
    ['ЕАЭС AM С-CN.АБ12.В.00001/24', { type: 'certificate', country: 'AM', manufacturerCountry: 'CN', year: 2024 }],
  ] as const)('accepts %s unchanged', (input, expected) => {
    expectValid(input, { normalized: input, ...expected });
  });

  it('gives an example that is itself valid and of its own country', () => {
    for (const country of eaeuCountries) {
      const check = validateConformityNumber(conformityExamples[country]);
      expect(check).toMatchObject({ valid: true, country, normalized: conformityExamples[country] });
    }
  });
});

describe('validateConformityNumber: permissive reading', () => {
  it.each([
    // Latin look-alikes in the Cyrillic parts (prefix, С/Д letter, body code, object letter)
    ['EAЭC RU C-CN.CБ21.A.00039/19', 'ЕАЭС RU С-CN.СБ21.А.00039/19'],
    ['ЕАЭС N RU Д-CN.PA08.B.60419/25', 'ЕАЭС N RU Д-CN.РА08.В.60419/25'],
    ['ЕАЭС RU C-CN.HB26.B.04260/24', 'ЕАЭС RU С-CN.НВ26.В.04260/24'],
    ['TC RU C-RU.AЯ46.B.12345', 'ТС RU С-RU.АЯ46.В.12345'],
    // Cyrillic look-alikes in the Latin parts (countries)
    ['ЕАЭС N RU Д-СN.РА02.В.47382/25', 'ЕАЭС N RU Д-CN.РА02.В.47382/25'],
    ['ЕАЭС N RU Д-КZ.РА01.В.12345/26', 'ЕАЭС N RU Д-KZ.РА01.В.12345/26'],
    ['ЕАЭС КZ 1100317.05.01.05103', 'ЕАЭС KZ 1100317.05.01.05103'],
    ['ЕАЭС ВY/112 02.01. ТР018 010.02 00276', 'ЕАЭС BY/112 02.01. ТР018 010.02 00276'],
    ['ЕАЭС КG417/044.ТW.02.04764', 'ЕАЭС KG417/044.TW.02.04764'],
    ['ЕАЭС АМ-008/S.А-0175-2018', 'ЕАЭС AM-008/S.A-0175-2018'],
    // lower case, stray and missing spaces, «№», dashes
    ['еаэс n ru д-cn.ра01.в.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    ['  ЕАЭС   N  RU Д - CN.РА01.В.17487/26 ', 'ЕАЭС N RU Д-CN.РА01.В.17487/26'],
    ['ЕАЭС № RU Д-CN.РА01.В.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    ['ЕАЭС №RU Д–CN.РА01.В.12345 / 23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    ['ЕАЭС Н RU Д-CN.РА01.В.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    ['ЕАЭСRU С-CN.СБ21.А.00039/19', 'ЕАЭС RU С-CN.СБ21.А.00039/19'],
    ['ЕАЭС RU С-CN. СБ 21 .А. 00039/19', 'ЕАЭС RU С-CN.СБ21.А.00039/19'],
    // the registered form of declarations carries N; a Latin D is read as Д
    ['ЕАЭС RU Д-CN.РА01.В.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    ['EAЭC N RU D-CN.PA01.B.12345/23', 'ЕАЭС N RU Д-CN.РА01.В.12345/23'],
    // a stray N before a certificate is dropped
    ['ЕАЭС N RU С-CN.СБ21.А.00039/19', 'ЕАЭС RU С-CN.СБ21.А.00039/19'],
    // the Latin «EAC» (the conformity mark) for ЕАЭС
    ['EAC RU C-CN.HB26.B.04260/24', 'ЕАЭС RU С-CN.НВ26.В.04260/24'],
    // KZ with a dot after the country, no separator, spaces
    ['ЕАЭС KZ.1100317.05.01.05103', 'ЕАЭС KZ 1100317.05.01.05103'],
    ['ЕАЭС KZ1100317.05.01.05103', 'ЕАЭС KZ 1100317.05.01.05103'],
    ['ЕАЭС KZ 1100317 . 05 . 01 . 05103', 'ЕАЭС KZ 1100317.05.01.05103'],
    // BY spacing, «№» and the spec's «Д» marker, Latin TP
    ['ЕАЭС № BY/112 11.01. ТР009 043 14182', 'ЕАЭС N BY/112 11.01. ТР009 043 14182'],
    ['ЕАЭС Д BY/112 11.01. ТР005 085.01 00276', 'ЕАЭС N BY/112 11.01. ТР005 085.01 00276'],
    ['ЕАЭС BY / 112 02.01 TP018 010.02 00276', 'ЕАЭС BY/112 02.01. ТР018 010.02 00276'],
    // KG: the middle letters in either case, spaces, a redundant № on a declaration
    ['ЕАЭС KG417/016.ru.02.04561', 'ЕАЭС KG417/016.RU.02.04561'],
    ['ЕАЭС KG 417/052.HK.02.12764', 'ЕАЭС KG417/052.HK.02.12764'],
    ['ЕАЭС KG417/18.д.0000338', 'ЕАЭС KG417/18.Д.0000338'],
    ['ЕАЭС № KG417/18.Д.0000338', 'ЕАЭС KG417/18.Д.0000338'],
  ])('reads %j as %s', (input, normalized) => {
    expect(validateConformityNumber(input)).toMatchObject({ valid: true, normalized });
  });

  it('gives the same normalised form to every spelling of one number', () => {
    const spellings = ['ЕАЭС N RU Д-CN.РА08.В.60419/25', 'EAЭC N RU D-CN.PA08.B.60419/25', 'еаэс № ru д-сn.pa08.b.60419/25', 'ЕАЭС RU Д-CN.РА08.В.60419/25'];
    const normalized = new Set(spellings.map((spelling) => {
      const check = validateConformityNumber(spelling);
      return check.valid ? check.normalized : null;
    }));
    expect([...normalized]).toEqual(['ЕАЭС N RU Д-CN.РА08.В.60419/25']);
  });

  it('keeps two different documents apart', () => {
    const a = validateConformityNumber('ЕАЭС N RU Д-CN.РА08.В.60419/25');
    const b = validateConformityNumber('ЕАЭС N RU Д-CN.РА08.В.60418/25');
    expect(a.valid && b.valid && a.normalized !== b.normalized).toBe(true);
  });
});

describe('validateConformityNumber: rejections', () => {
  it.each([
    ['', 'codes.common.empty', undefined],
    ['   ', 'codes.common.empty', undefined],
    ['RU Д-CN.РА01.В.12345/23', 'codes.doc.missingPrefix', undefined],
    ['1100317.05.01.05103', 'codes.doc.missingPrefix', undefined],
    ['ЕС RU С-CN.СБ21.А.00039/19', 'codes.doc.missingPrefix', undefined],
    ['РОСС RU.АЯ46.Н12345', 'codes.doc.nationalScheme', undefined],
    ['POCC RU.АЯ46.Д12345', 'codes.doc.nationalScheme', undefined],
    ['ЕАЭС', 'codes.doc.missingCountry', undefined],
    ['ЕАЭС 1100317.05.01.05103', 'codes.doc.missingCountry', undefined],
    ['ЕАЭС N', 'codes.doc.missingCountry', undefined],
    ['ЕАЭС UA 1100317.05.01.05103', 'codes.doc.unknownCountry', { country: 'UA' }],
    ['ЕАЭС N DE Д-CN.РА01.В.12345/23', 'codes.doc.unknownCountry', { country: 'DE' }],
    ['ЕАЭС RU С-CN.СБ21.А.0039/19', 'codes.doc.badFormat', { country: 'RU' }], // 4-digit serial
    ['ЕАЭС RU С-CN.СБ21.А.00039/2019', 'codes.doc.badFormat', { country: 'RU' }], // 4-digit year
    ['ЕАЭС RU С-CN.СБ2.А.00039/19', 'codes.doc.badFormat', { country: 'RU' }],
    ['ЕАЭС RU С-CN.SB21.А.00039/19', 'codes.doc.badFormat', { country: 'RU' }], // Latin S has no Cyrillic twin
    ['ЕАЭС RU С-CN.СБ21.Q.00039/19', 'codes.doc.badFormat', { country: 'RU' }],
    ['ЕАЭС RU С-CHN.СБ21.А.00039/19', 'codes.doc.badFormat', { country: 'RU' }],
    ['ЕАЭС RU С-КИ.СБ21.А.00039/19', 'codes.doc.badFormat', { country: 'RU' }], // И is not a Latin look-alike
    ['ЕАЭС RU Ж-CN.СБ21.А.00039/19', 'codes.doc.badFormat', { country: 'RU' }],
    ['ЕАЭС KZ 110031.05.01.05103', 'codes.doc.badFormat', { country: 'KZ' }],
    ['ЕАЭС KZ 1100317.05.01.0510', 'codes.doc.badFormat', { country: 'KZ' }],
    ['ЕАЭС N KZ 1100317.05.01.05103', 'codes.doc.badFormat', { country: 'KZ' }],
    ['ЕАЭС BY/112 02.01. ТР018 010.02 0027', 'codes.doc.badFormat', { country: 'BY' }],
    ['ЕАЭС BY/112 02.01. 018 010.02 00276', 'codes.doc.badFormat', { country: 'BY' }],
    ['ЕАЭС KG417/016.RUS.02.04561', 'codes.doc.badFormat', { country: 'KG' }],
    ['ЕАЭС KG417/18.Ж.0000338', 'codes.doc.badFormat', { country: 'KG' }],
    ['ЕАЭС N KG417/016.RU.02.04561', 'codes.doc.badFormat', { country: 'KG' }],
    ['ЕАЭС AM-008/S.A-175-2018', 'codes.doc.badFormat', { country: 'AM' }],
    ['ЕАЭС N AM-008/S.A-0175-2018', 'codes.doc.badFormat', { country: 'AM' }],
    ['ЕАЭС RU С-CN.СБ21.А.00039/19 extra', 'codes.doc.badFormat', { country: 'RU' }],
  ] as const)('rejects %j with %s', (input, key, params) => {
    const check = validateConformityNumber(input);
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.reason.key).toBe(key);
    if (key === 'codes.doc.badFormat' && params) {
      expect(check.reason.params).toEqual({ country: params.country, example: conformityExamples[params.country as keyof typeof conformityExamples] });
    } else {
      expect(check.reason.params).toEqual(params);
    }
  });
});
