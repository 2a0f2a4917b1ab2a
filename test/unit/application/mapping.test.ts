import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDraft, setDraftValue } from '../../../src/shared/application/draft.ts';
import {
  draftToRequestBody,
  editProductToDraft,
  requestBodyToDraft,
  requestDetailsToDraft,
} from '../../../src/shared/application/mapping.ts';
import type { AttributeSchemas } from '../../../src/shared/application/schema.ts';
import {
  editProductResponseSchema,
  productRequestBodySchema,
  requestDetailsSchema,
  type ProductRequestBody,
} from '../../../src/shared/catalogue/dto.ts';
import { additionalExtendedAttributes, mainExtendedAttributes } from '../../../src/sandbox/seed/index.ts';
import { goodGovDraft, schemasFor, seed } from './seed-context.ts';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8')) as unknown;
}

/** The spec's examples use codes of the sandbox schema; `material` is an additional attribute of clothing. */
const schemas: AttributeSchemas = {
  base: seed.baseAttributes,
  gov: { mainAttributes: mainExtendedAttributes, additionalAttributes: additionalExtendedAttributes.clothing },
};

const baseBody = productRequestBodySchema.parse(fixture('spec-base-card.json'));
const extendedBody = productRequestBodySchema.parse(fixture('spec-extended-card.json'));

describe('draftToRequestBody ∘ requestBodyToDraft', () => {
  it('round-trips the base card example exactly', () => {
    const draft = requestBodyToDraft(baseBody, schemas, { id: 'a' });
    expect(draftToRequestBody(draft, schemas)).toEqual(baseBody);
  });

  it('reads a multiDictionary value as an array and a compound as nested parts', () => {
    const draft = requestBodyToDraft(baseBody, schemas, { id: 'a' });
    expect(draft.values.base.tnved).toEqual(['2105009100', '6403919600']);
    expect(draft.values.base.measure).toEqual({ measure_unit: '796', quantity: '1' });
    expect(draft.values.base.is_domestic).toBe('true');
    expect(draft.isGov).toBe(false);
  });

  it('round-trips the extended card example, sending image types in lower case', () => {
    const draft = requestBodyToDraft(extendedBody, schemas, { id: 'b' });
    expect(draft.isGov).toBe(true);
    expect(draft.photos.front).toEqual({ fileName: '3f1c2a9e-5b7d-4c1e-9a0b-1d2e3f4a5b6c.jpg' });
    expect(draft.custom).toEqual([{ nameRu: 'Количество полок', nameKk: 'Сөрелер саны', value: '4' }]);
    expect(draft.values.mainExtended.package_dimensions).toEqual({ width: '10', height: '20', length: '5', dimension_measure: 'см' });
    const expected: ProductRequestBody = {
      ...extendedBody,
      imageFiles: extendedBody.imageFiles?.map((file) => ({ ...file, imageType: file.imageType.toLowerCase() })),
    };
    expect(draftToRequestBody(draft, schemas)).toEqual(expected);
  });

  it('round-trips a draft through the body', () => {
    const draft = goodGovDraft();
    draft.photos = { front: { fileName: 'f.jpg' }, back: { fileName: 'b.jpg' } };
    draft.custom = [{ nameRu: 'Жирность', nameKk: 'Майлылығы', value: '2,5%' }];
    const body = draftToRequestBody(draft, schemasFor(draft.oktru));
    expect(productRequestBodySchema.safeParse(body).success).toBe(true);
    expect(requestBodyToDraft(body, schemasFor(draft.oktru), { id: draft.id })).toEqual(draft);
  });
});

describe('draftToRequestBody', () => {
  it('places each attribute in the group the schema lists it in, in schema order', () => {
    let draft = emptyDraft({ id: 'x', oktru: '1113-0012-0024-100100228', isGov: true });
    draft.values.base = { gross_weight: '1 кг', name_ru: 'Стеллаж', material: 'Сосна', gtin: '4006381333931' };
    const body = draftToRequestBody(draft, schemas);
    expect(body.attributes.map((item) => item.code)).toEqual(['gtin', 'name_ru']);
    expect(body.mainExtendedAttributes).toEqual([{ code: 'gross_weight', value: '1 кг' }]);
    expect(body.additionalExtendedAttributes).toEqual([{ code: 'material', value: 'Сосна', nameRu: 'Материал', nameKk: 'Материалы' }]);

    draft = setDraftValue(draft, 'volume', '1 л', schemas);
    expect(draft.values.mainExtended.volume).toBe('1 л');
  });

  it('keeps a code the schema does not know in the draft’s group, for the portal to name', () => {
    const draft = emptyDraft({ id: 'x', oktru: '1' });
    draft.values.additionalExtended = { unheard_of: 'x' };
    expect(draftToRequestBody(draft, schemas).additionalExtendedAttributes).toEqual([{ code: 'unheard_of', value: 'x' }]);
  });

  it('omits empty values, empty compounds and files not uploaded yet; joins multiDictionary values with @', () => {
    const draft = emptyDraft({ id: 'x', oktru: '1' });
    draft.values.base = { name_ru: 'Товар', brand: '  ', tnved: ['6810190001', ' ', '2105009100'], measure: { measure_unit: '', quantity: '' } };
    draft.photos = { front: { blobId: 'local-only' }, back: { blobId: 'b', fileName: 'back.jpg' } };
    draft.documents = [{ documentId: 'doc-1' }, { documentId: 'doc-2' }, { fileName: 'old.pdf' }];
    const register = new Map([['doc-1', { id: 'doc-1', number: 'N', type: 'certificate' as const, fileName: 'cert.pdf' }]]);
    const body = draftToRequestBody(draft, schemas, { documents: register });
    expect(body.attributes).toEqual([
      { code: 'name_ru', value: 'Товар' },
      { code: 'tnved', value: '6810190001@2105009100' },
    ]);
    expect(body.imageFiles).toEqual([{ fileName: 'back.jpg', imageType: 'back' }]);
    expect(body.documents).toEqual([{ fileName: 'cert.pdf' }, { fileName: 'old.pdf' }]);
    expect(body.mainExtendedAttributes).toBeUndefined();
    expect(body.isGov).toBeUndefined();
  });

  it('sends an edit with its ntin and without the immutable attributes', () => {
    const draft = emptyDraft({ id: 'x', oktru: '1', editOfNtin: '0200121958529' });
    draft.values.base = { ntin: '0200121958529', name_ru: 'Печенье', name_kk: 'Печенье', tnved: ['1905319100'], brand: 'Алтын Дән' };
    const body = draftToRequestBody(draft, schemas);
    expect(body.ntin).toBe('0200121958529');
    expect(body.attributes).toEqual([{ code: 'brand', value: 'Алтын Дән' }]);
  });
});

describe('reading the portal’s answers', () => {
  it('turns an edit-product answer into an edit draft, dropping empty values and remembering immutable ones', () => {
    const answer = editProductResponseSchema.parse(fixture('spec-edit-product.json'));
    const draft = editProductToDraft(answer, schemas, { id: 'e' });
    expect(draft.editOfNtin).toBe('0200121958529');
    expect(draft.oktru).toBe('');
    expect(draft.values.base.xtin).toBeUndefined();
    expect(draft.values.base.article).toBeUndefined();
    expect(draft.values.base.tnved).toEqual(['1905319100']);
    expect(draft.editOriginal).toEqual({ name_ru: 'Печенье овсяное', name_kk: 'Сұлы печеньесі', ntin: '0200121958529', tnved: '1905319100' });
    expect(draft.photos).toEqual({ front: { fileName: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e.jpg' } });
    const body = draftToRequestBody({ ...draft, oktru: '1020-0001-0001-100770539' }, schemas);
    expect(body.ntin).toBe('0200121958529');
    expect(body.attributes.map((item) => item.code)).toEqual(['gtin', 'short_name_ru', 'brand', 'country', 'measure', 'a4282e5d', 'producer_identifier']);
  });

  it('turns a /details answer into a draft, grouping attributes by the schema', () => {
    const details = requestDetailsSchema.parse(fixture('spec-details.json'));
    const draft = requestDetailsToDraft(details, schemas, { id: 'd', documentIdForFile: (name) => (name.startsWith('9c8b') ? 'doc-7' : undefined) });
    expect(draft.oktru).toBe('1113-0012-0024-100100228');
    expect(draft.isGov).toBe(true);
    expect(draft.values.base).toEqual({
      name_ru: 'Стеллаж деревянный',
      name_kk: 'Ағаш сөре',
      country: 'KZ',
      tnved: ['2105009100', '6403919600'],
      measure: { measure_unit: '796', quantity: '1' },
    });
    expect(draft.values.mainExtended).toEqual({ gross_weight: '0.5 кг' });
    expect(draft.values.additionalExtended).toEqual({ material: 'Сосна' });
    expect(draft.photos).toEqual({ front: { fileName: '3f1c2a9e-5b7d-4c1e-9a0b-1d2e3f4a5b6c.jpg' } });
    expect(draft.documents).toEqual([{ documentId: 'doc-7', fileName: '9c8b7a6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d.pdf' }]);
  });
});
