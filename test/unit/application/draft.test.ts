import { describe, expect, it } from 'vitest';
import { applicationDraftSchema, conformityDocumentSchema, emptyDraft, findValue, isEmptyValue, setDraftValue, type DraftValue } from '../../../src/shared/application/draft.ts';
import { goodGovDraft, schemasFor } from './seed-context.ts';

describe('ApplicationDraft', () => {
  it('starts empty and valid', () => {
    const draft = emptyDraft({ id: 'n1', oktru: '1020-0001-0001-100770539', isGov: true });
    expect(draft).toEqual({
      version: 1,
      id: 'n1',
      oktru: '1020-0001-0001-100770539',
      isGov: true,
      autoPublication: false,
      values: { base: {}, mainExtended: {}, additionalExtended: {} },
      custom: [],
      photos: {},
      documents: [],
    });
    expect(applicationDraftSchema.parse(draft)).toEqual(draft);
  });

  it('is accepted by its schema when full, and survives JSON (database, bridge)', () => {
    const draft = { ...goodGovDraft(), editOfNtin: '0200121958529', editOriginal: { name_ru: 'x' }, documents: [{ documentId: 'd1' }, { fileName: 'a.pdf' }] };
    expect(applicationDraftSchema.parse(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('has its shape checked, not its content', () => {
    const bad = (patch: object) => applicationDraftSchema.safeParse({ ...emptyDraft({ id: 'x' }), ...patch }).success;
    expect(bad({ values: { base: { name_ru: 5 }, mainExtended: {}, additionalExtended: {} } })).toBe(false);
    expect(bad({ photos: { sideways: { blobId: 'b' } } })).toBe(false);
    expect(bad({ photos: { front: {} } })).toBe(false);
    expect(bad({ documents: [{}] })).toBe(false);
    expect(bad({ version: 2 })).toBe(false);
    expect(bad({ values: { base: { name_ru: 'Я'.repeat(10_000) }, mainExtended: {}, additionalExtended: {} } })).toBe(true);
  });

  it('validates register entries', () => {
    expect(conformityDocumentSchema.safeParse({ id: 'd', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', expiresOn: '2027-01-01' }).success).toBe(true);
    expect(conformityDocumentSchema.safeParse({ id: 'd', number: 'x', type: 'certificate', expiresOn: '01.01.2027' }).success).toBe(false);
    expect(conformityDocumentSchema.safeParse({ id: 'd', number: 'x', type: 'passport' }).success).toBe(false);
  });
});

describe('setDraftValue', () => {
  const schemas = schemasFor(goodGovDraft().oktru);

  it('puts a value in its schema group, moving it out of a wrong one, keeping the order', () => {
    let draft = emptyDraft({ id: 'x' });
    draft.values.base = { name_ru: 'a', gross_weight: '1 кг', brand: 'b' };
    draft = setDraftValue(draft, 'gross_weight', '2 кг', schemas);
    expect(draft.values.base).toEqual({ name_ru: 'a', brand: 'b' });
    expect(draft.values.mainExtended).toEqual({ gross_weight: '2 кг' });
    draft = setDraftValue(draft, 'name_ru', 'c', schemas);
    expect(Object.keys(draft.values.base)).toEqual(['name_ru', 'brand']);
    draft = setDraftValue(draft, 'brand', '', schemas);
    expect(draft.values.base).toEqual({ name_ru: 'c' });
    expect(findValue(draft, 'gross_weight')).toEqual({ group: 'mainExtended', value: '2 кг' });
  });

  it('knows empty values', () => {
    const empty: (DraftValue | undefined)[] = [undefined, '', '  ', [], [' '], {}, { a: '' }, { a: [] }];
    const filled: DraftValue[] = ['x', ['x'], { a: 'x' }];
    expect(empty.every((value) => isEmptyValue(value))).toBe(true);
    expect(filled.some((value) => isEmptyValue(value))).toBe(false);
  });
});
