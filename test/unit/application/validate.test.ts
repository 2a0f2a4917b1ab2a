import { describe, expect, it } from 'vitest';
import type { ApplicationDraft, ConformityDocument } from '../../../src/shared/application/draft.ts';
import { compiledPattern } from '../../../src/shared/application/schema.ts';
import { canMarkReady, createDictionaryLookup, portalFileLimitBytes, validateDraft, type Problem, type ValidationContext } from '../../../src/shared/application/validate.ts';
import type { AttributeDefinition } from '../../../src/shared/catalogue/dto.ts';
import { clothingLeaf, contextFor, deletedLeaf, foodLeaf, goodBaseDraft, goodGovDraft, medicinesLeaf, seed, validGtin } from './seed-context.ts';

type Finding = `${string} ${string} ${Problem['severity']}`;

function findings(draft: ApplicationDraft, extra: Partial<ValidationContext> = {}): Finding[] {
  return validateDraft(draft, contextFor(draft, extra)).map((problem) => `${problem.field} ${problem.key} ${problem.severity}` as Finding);
}

function withBase(values: Record<string, ApplicationDraft['values']['base'][string] | undefined>, draft = goodBaseDraft()): ApplicationDraft {
  const base = { ...draft.values.base };
  for (const [code, value] of Object.entries(values)) {
    if (value === undefined) delete base[code];
    else base[code] = value;
  }
  return { ...draft, values: { ...draft.values, base } };
}

const deletedTnved = seed.dictionary('TNVED')?.items.find((item) => item.isDeleted)?.code ?? '';

describe('validateDraft: the good drafts', () => {
  it('finds nothing wrong with a complete base card', () => {
    expect(findings(goodBaseDraft())).toEqual([]);
  });

  it('finds nothing wrong with a complete extended card', () => {
    expect(findings(goodGovDraft())).toEqual([]);
    expect(canMarkReady(validateDraft(goodGovDraft(), contextFor(goodGovDraft())))).toBe(true);
  });
});

describe('required attributes', () => {
  it('by the schema’s isRequired', () => {
    expect(findings(withBase({ name_kk: undefined }))).toEqual(['name_kk application.value.required error']);
    expect(findings(withBase({ name_kk: '   ' }))).toEqual(['name_kk application.value.required error']);
    expect(findings(withBase({ measure: undefined }))).toEqual(['measure application.value.required error']);
  });

  it('by the category’s rules (brand for clothing)', () => {
    const draft = withBase({ brand: undefined, tnved: [clothingLeaf.tnvedCodes[0] ?? ''] }, { ...goodBaseDraft(), oktru: clothingLeaf.code });
    expect(findings(draft)).toEqual(['brand application.value.required error']);
    expect(findings(withBase({ brand: 'Zhibek' }, draft))).toEqual([]);
  });

  it('for extended cards: brand, required main and additional extended attributes', () => {
    const draft = goodGovDraft();
    delete draft.values.base.brand;
    delete draft.values.mainExtended.enstrus;
    draft.values.additionalExtended = {};
    expect(findings(draft)).toEqual([
      'brand application.gov.brandRequired error',
      'enstrus application.value.required error',
      'composition application.value.required error',
    ]);
  });

  it('for extended cards: FRONT and BACK photos', () => {
    const draft = goodGovDraft();
    draft.photos = { front: draft.photos.front, left: { blobId: 'l' } };
    expect(validateDraft(draft, contextFor(draft))).toEqual([
      { field: 'photos.back', group: 'photos', key: 'application.photo.required', params: { angle: 'BACK' }, severity: 'error' },
    ]);
    expect(findings({ ...goodBaseDraft(), photos: {} })).toEqual([]);
  });

  it('for compound parts once the compound is started', () => {
    expect(findings(withBase({ measure: { measure_unit: '112' } }))).toEqual(['measure.quantity application.value.required error']);
  });
});

describe('values against their definitions', () => {
  it('pattern', () => {
    const draft = goodGovDraft();
    draft.values.mainExtended.enstrus = '329912-130';
    expect(findings(draft)).toEqual(['enstrus application.value.pattern error']);
    draft.values.mainExtended.gross_weight = '1,05 кг'; // the seed's pattern accepts a comma here
    draft.values.mainExtended.enstrus = '329912.130.000000';
    expect(findings(draft)).toEqual([]);
  });

  it('maxLength, including a 10,000-character name', () => {
    expect(validateDraft(withBase({ name_ru: 'Я'.repeat(10_000) }), contextFor(goodBaseDraft()))).toEqual([
      { field: 'name_ru', group: 'base', key: 'application.value.tooLong', params: { max: 500, length: 10_000 }, severity: 'error' },
    ]);
    expect(findings(withBase({ short_name_ru: 'ж'.repeat(151) }))).toEqual(['short_name_ru application.value.tooLong error']);
    expect(findings(withBase({ short_name_ru: 'ж'.repeat(150) }))).toEqual([]);
  });

  it('numbers: shape, decimal comma, bounds', () => {
    const at = (quantity: string) => findings(withBase({ measure: { measure_unit: '112', quantity } }));
    expect(at('abc')).toEqual(['measure.quantity application.value.notNumber error']);
    expect(at('1,5')).toEqual(['measure.quantity application.value.decimalComma error']);
    expect(at('0')).toEqual(['measure.quantity application.value.belowMin error']);
    expect(at('2000000')).toEqual(['measure.quantity application.value.aboveMax error']);
    expect(at('0.5')).toEqual([]);
  });

  it('booleans', () => {
    expect(findings(withBase({ is_domestic: 'yes' }))).toEqual(['is_domestic application.value.notBoolean error']);
    expect(findings(withBase({ is_domestic: 'false' }))).toEqual([]);
  });

  it('dates and their bounds', () => {
    const bestBefore: AttributeDefinition = { code: 'best_before', dataType: 'date', nameRu: 'Годен до', nameKk: 'Жарамдылық мерзімі', minValue: '2020-01-01' };
    const schemas = { base: [...seed.baseAttributes, bestBefore] };
    const at = (value: string) => findings(withBase({ best_before: value }), { schemas });
    expect(at('2026-02-30')).toEqual(['best_before application.value.notDate error']);
    expect(at('01.05.2026')).toEqual(['best_before application.value.notDate error']);
    expect(at('2019-12-31')).toEqual(['best_before application.value.belowMin error']);
    expect(at('2026-05-01')).toEqual([]);
  });

  it('dictionary membership of a single value', () => {
    expect(findings(withBase({ country: 'XX' }))).toEqual(['country application.dictionary.notFound error']);
    expect(findings(withBase({ country: 'kz' }))).toEqual(['country application.dictionary.wrongCase error']);
    expect(findings(withBase({ country: 'KZ@RU' }))).toEqual(['country application.value.singleValueOnly error', 'country application.dictionary.notFound error']);
    expect(findings(withBase({ country: 'RU' }))).toEqual([]);
  });

  it('dictionary membership of each multiDictionary part, deleted items refused', () => {
    const good = foodLeaf.tnvedCodes[0] ?? '';
    expect(findings(withBase({ tnved: [good, '9999999998'] }))).toEqual(['tnved application.dictionary.notFound error']);
    expect(findings(withBase({ tnved: [deletedTnved] }))).toEqual(['tnved application.dictionary.deleted error']);
    expect(findings(withBase({ tnved: [good, good] }))).toEqual(['tnved application.value.repeated warning']);
    expect(findings(withBase({ tnved: [good, foodLeaf.tnvedCodes[1] ?? ''] }))).toEqual([]);
  });

  it('skips membership when the dictionary is not available', () => {
    const withoutCountries = createDictionaryLookup([...seed.dictionaries].filter(([code]) => code !== 'COUNTRY').map(([code, dictionary]) => [code, dictionary.items] as const));
    expect(findings(withBase({ country: 'XX' }), { dictionaries: withoutCountries })).toEqual([]);
    expect(findings(withBase({ tnved: ['9999999998'] }), { dictionaries: withoutCountries })).toEqual(['tnved application.dictionary.notFound error']);
  });

  it('ТН ВЭД shape', () => {
    expect(findings(withBase({ tnved: ['12345'] }))).toEqual(['tnved codes.tnved.badLength error']);
    expect(findings(withBase({ tnved: ['6810 19 000 1'] }))).toEqual(['tnved application.code.notNormalised error']);
  });

  it('GTIN check digit', () => {
    const wrong = `${validGtin.slice(0, -1)}${(Number(validGtin.slice(-1)) + 1) % 10}`;
    expect(findings(withBase({ gtin: wrong }))).toEqual(['gtin codes.gtin.badCheckDigit error']);
    expect(findings(withBase({ gtin: '04006381333931' }))).toEqual([]);
  });

  it('XTIN: 13 digits starting 004', () => {
    expect(findings(withBase({ xtin: '0051234567890' }))).toEqual(['xtin codes.xtin.badPrefix error']);
    expect(findings(withBase({ xtin: '004123456789' }))).toEqual(['xtin codes.xtin.badLength error']);
    expect(findings(withBase({ xtin: '0041234567890' }))).toEqual([]);
  });

  it('producer BIN check digit (an IIN is accepted too)', () => {
    expect(findings(withBase({ producer_identifier: '070940001231' }))).toEqual(['producer_identifier codes.bin.badCheckDigit error']);
    expect(findings(withBase({ producer_identifier: '900101300126' }))).toEqual([]);
  });

  it('compound shapes', () => {
    expect(findings(withBase({ measure: '796' }))).toEqual(['measure application.value.partsExpected error']);
    expect(findings(withBase({ measure: { measure_unit: '112', quantity: '1', colour: 'red' } }))).toEqual(['measure.colour application.value.unknownPart error']);
    expect(findings(withBase({ brand: { a: 'b' } }))).toEqual(['brand application.value.unexpectedParts error']);
    expect(findings(withBase({ measure: { measure_unit: '999', quantity: '1' } }))).toEqual(['measure.measure_unit application.dictionary.notFound error']);
  });
});

describe('placement', () => {
  it('an attribute in a group the schema does not list it in', () => {
    const draft = goodGovDraft();
    draft.values.base.gross_weight = '1 кг';
    delete draft.values.mainExtended.gross_weight;
    expect(validateDraft(draft, contextFor(draft))).toEqual([
      {
        field: 'gross_weight',
        group: 'base',
        key: 'application.group.wrongGroup',
        params: { expected: 'mainExtendedAttributes', actual: 'attributes' },
        severity: 'error',
      },
    ]);
  });

  it('a code the schema does not know', () => {
    expect(findings(withBase({ colour_x: 'red' }))).toEqual(['colour_x application.group.unknownAttribute error']);
  });

  it('extended data on a base card', () => {
    const draft = goodBaseDraft();
    draft.values.mainExtended = { volume: '1 л' };
    draft.custom = [{ nameRu: 'А', nameKk: 'Ә', value: '1' }];
    expect(findings(draft)).toEqual(['volume application.group.extendedOnBaseCard error', 'custom application.group.extendedOnBaseCard error']);
  });

  it('custom characteristics need both names and a value', () => {
    const draft = goodGovDraft();
    draft.custom = [{ nameRu: 'Жирность', nameKk: '', value: '2,5%' }];
    expect(findings(draft)).toEqual(['custom.0.nameKk application.custom.partRequired error']);
    draft.custom = [{ nameRu: 'Жирность', nameKk: 'Майлылығы', value: '2,5%' }];
    expect(findings(draft)).toEqual([]);
  });
});

describe('ОКТРУ and edits', () => {
  it('requires a current leaf category', () => {
    expect(findings({ ...goodBaseDraft(), oktru: '' })).toEqual(['oktru application.card.oktruRequired error']);
    expect(findings({ ...goodBaseDraft(), oktru: '1020-0001' })).toEqual(['oktru application.card.oktruNotLeaf error']);
    expect(findings({ ...goodBaseDraft(), oktru: '1020-01' })).toEqual(['oktru codes.oktru.badSegment error']);
    expect(findings({ ...goodBaseDraft(), oktru: '1020-0001-0001-999999999' })).toEqual(['oktru application.dictionary.notFound error']);
    expect(findings({ ...goodBaseDraft(), oktru: deletedLeaf.code })).toContain('oktru application.dictionary.deleted error');
  });

  it('refuses a change to an immutable attribute of a published card, and extended edits', () => {
    const draft: ApplicationDraft = { ...goodBaseDraft(), editOfNtin: '0200121958529', editOriginal: { name_ru: 'Молоко питьевое пастеризованное 2,5%', tnved: foodLeaf.tnvedCodes[0] ?? '' } };
    expect(findings(draft)).toEqual([]);
    expect(findings({ ...draft, values: { ...draft.values, base: { ...draft.values.base, name_ru: 'Другое молоко' } } })).toEqual(['name_ru application.edit.immutable error']);
    expect(findings({ ...draft, isGov: true }).slice(0, 1)).toEqual(['isGov application.edit.extendedNotEditable error']);
    expect(findings({ ...draft, editOfNtin: '0200121958528' })).toEqual(['ntin codes.ntin.badCheckDigit error']);
  });

  it('does not ask an edit for the immutable attributes it omits', () => {
    const draft = withBase({ name_ru: undefined, name_kk: undefined, tnved: undefined }, { ...goodBaseDraft(), editOfNtin: '0200121958529' });
    expect(findings(draft)).toEqual([]);
  });
});

describe('text', () => {
  it('control characters are errors (line breaks allowed only in dataType text)', () => {
    expect(validateDraft(withBase({ name_ru: 'Молоко\u0007' }), contextFor(goodBaseDraft()))).toEqual([
      { field: 'name_ru', group: 'base', key: 'application.text.control', params: { char: 'U+0007', position: 7 }, severity: 'error' },
    ]);
    expect(findings(withBase({ name_ru: 'Молоко\nпитьевое' }))).toEqual(['name_ru application.text.control error']);
    const gov = goodGovDraft();
    gov.values.additionalExtended.composition = 'Молоко\nнормализованное';
    expect(findings(gov)).toEqual([]);
  });

  it('invisible formatting characters and broken text are errors', () => {
    expect(findings(withBase({ brand: 'Сүт\u200BӘлемі' }))).toEqual(['brand application.text.invisible error']);
    expect(findings(withBase({ brand: 'Сүт\u202EӘлемі' }))).toEqual(['brand application.text.invisible error']);
    expect(findings(withBase({ brand: 'Сүт \uD83D' }))).toEqual(['brand application.text.broken error']);
  });

  it('emoji: an error in names, a warning elsewhere; ® and ™ are not emoji', () => {
    expect(findings(withBase({ name_kk: 'Сүт 🥛' }))).toEqual(['name_kk application.text.emojiInName error']);
    expect(findings(withBase({ short_name_ru: 'Молоко ❤️' }))).toEqual(['short_name_ru application.text.emojiInName error']);
    expect(findings(withBase({ brand: 'Сүт Әлемі 🐄' }))).toEqual(['brand application.text.emoji warning']);
    expect(canMarkReady(validateDraft(withBase({ brand: 'Сүт Әлемі 🐄' }), contextFor(goodBaseDraft())))).toBe(true);
    expect(findings(withBase({ brand: 'Сүт Әлемі® Milk™ ©' }))).toEqual([]);
  });
});

describe('files and documents', () => {
  const register = (document: Partial<ConformityDocument>): Map<string, ConformityDocument> =>
    new Map([['doc-1', { id: 'doc-1', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', issuedOn: '2025-01-10', expiresOn: '2030-01-09', blobId: 'pdf-1', ...document }]]);
  const withDocument = (): ApplicationDraft => ({ ...goodBaseDraft(), documents: [{ documentId: 'doc-1' }] });

  it('photos over the portal’s 5 MB limit', () => {
    const draft = goodGovDraft();
    expect(findings(draft, { fileSizes: new Map([['blob-front', portalFileLimitBytes]]) })).toEqual([]);
    expect(findings(draft, { fileSizes: new Map([['blob-front', portalFileLimitBytes + 1]]) })).toEqual(['photos.front application.photo.tooLarge error']);
    expect(findings({ ...goodBaseDraft(), photos: { top: {} } })).toEqual(['photos.top application.photo.empty error']);
  });

  it('a valid document passes', () => {
    expect(findings(withDocument(), { documents: register({}), fileSizes: new Map([['pdf-1', 100_000]]) })).toEqual([]);
  });

  it('expired documents are errors, documents expiring within 30 days warnings', () => {
    expect(findings(withDocument(), { documents: register({ expiresOn: '2026-02-28' }) })).toEqual(['documents.0 application.document.expired error']);
    expect(findings(withDocument(), { documents: register({ expiresOn: '2026-03-31' }) })).toEqual(['documents.0 application.document.expiresSoon warning']);
    expect(findings(withDocument(), { documents: register({ expiresOn: '2026-04-01' }) })).toEqual([]);
    expect(findings(withDocument(), { documents: register({ expiresOn: '2026-03-01' }) })).toEqual(['documents.0 application.document.expiresSoon warning']);
  });

  it('malformed numbers, impossible dates, the wrong type', () => {
    expect(findings(withDocument(), { documents: register({ number: 'ЕАЭС KZ 12345' }) })).toEqual(['documents.0 codes.doc.badFormat error']);
    expect(findings(withDocument(), { documents: register({ number: ' ' }) })).toEqual(['documents.0 application.document.numberRequired error']);
    expect(findings(withDocument(), { documents: register({ issuedOn: '2026-04-01' }) })).toEqual(['documents.0 application.document.issuedInFuture error']);
    expect(findings(withDocument(), { documents: register({ issuedOn: '2025-01-10', expiresOn: '2024-01-10' }) })).toEqual([
      'documents.0 application.document.datesReversed error',
      'documents.0 application.document.expired error',
    ]);
    expect(findings(withDocument(), { documents: register({ number: 'ЕАЭС N RU Д-CN.РА01.В.12345/23' }) })).toEqual(['documents.0 application.document.typeMismatch warning']);
    expect(findings(withDocument(), { documents: register({ type: 'stateRegistration', number: 'KZ.16.01.98.003.E.000123.01.18' }) })).toEqual([]);
  });

  it('missing register entries, missing and oversized PDFs', () => {
    expect(findings(withDocument(), { documents: new Map() })).toEqual(['documents.0 application.document.unknown error']);
    expect(findings(withDocument(), { documents: register({ blobId: undefined }) })).toEqual(['documents.0 application.document.noFile error']);
    expect(findings(withDocument(), { documents: register({ fileName: 'scan.jpg' }) })).toEqual(['documents.0 application.document.notPdf error']);
    expect(findings(withDocument(), { documents: register({}), fileSizes: new Map([['pdf-1', 6 * 1024 * 1024]]) })).toEqual(['documents.0 application.document.tooLarge error']);
    expect(findings({ ...goodBaseDraft(), documents: [{ fileName: 'portal.pdf' }, { fileName: 'x.docx' }] })).toEqual(['documents.1 application.document.notPdf error']);
  });

  it('a document where the category requires one (medicines)', () => {
    const draft = withBase({ brand: 'Дәрі', tnved: [medicinesLeaf.tnvedCodes[0] ?? ''] }, { ...goodBaseDraft(), oktru: medicinesLeaf.code });
    expect(findings(draft)).toEqual(['documents application.document.required error']);
    expect(findings({ ...draft, documents: [{ documentId: 'doc-1' }] }, { documents: register({}) })).toEqual([]);
  });
});

describe('canMarkReady', () => {
  it('is true without errors, whatever the warnings', () => {
    const warning: Problem = { field: 'brand', group: 'base', key: 'application.text.emoji', severity: 'warning' };
    expect(canMarkReady([])).toBe(true);
    expect(canMarkReady([warning])).toBe(true);
    expect(canMarkReady([warning, { ...warning, severity: 'error' }])).toBe(false);
  });
});

describe('compiledPattern', () => {
  it('matches the whole value, reads a Java (?i) flag, and skips what JavaScript cannot compile', () => {
    const definition = (pattern: string): AttributeDefinition => ({ code: 'x', dataType: 'string', nameRu: '', nameKk: '', pattern });
    expect(compiledPattern(definition('\\d{3}'))?.test('1234')).toBe(false);
    expect(compiledPattern(definition('(?i).+\\.pdf'))?.test('A.PDF')).toBe(true);
    expect(compiledPattern(definition('(?<=x'))).toBeNull();
  });
});
