/*
 * The sandbox seed as a validation context, and a draft that passes every check, for the tests to break
 * one rule at a time.
 */
import { emptyDraft, type ApplicationDraft } from '../../../src/shared/application/draft.ts';
import type { AttributeSchemas } from '../../../src/shared/application/schema.ts';
import type { DictionaryLookup, ValidationContext } from '../../../src/shared/application/validate.ts';
import type { SchemaSource } from '../../../src/shared/application/import/rows.ts';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { buildSeed, type OktruLeaf } from '../../../src/sandbox/seed/index.ts';

export const seed = buildSeed({ cards: 0 });

function leafOf(section: OktruLeaf['sectionKey']): OktruLeaf {
  const leaf = seed.leaves.find((candidate) => candidate.sectionKey === section && !candidate.isDeleted);
  if (!leaf) throw new Error(`no ${section} leaf in the seed`);
  return leaf;
}

export const foodLeaf = leafOf('food');
export const clothingLeaf = leafOf('clothing');
export const medicinesLeaf = leafOf('medicines');
export const deletedLeaf = seed.leaves.find((leaf) => leaf.isDeleted) as OktruLeaf;

export const dictionaries: DictionaryLookup = {
  status(dictionaryCode, code) {
    const dictionary = seed.dictionary(dictionaryCode);
    if (!dictionary) return undefined;
    const item = dictionary.byCode.get(code);
    return item === undefined ? 'missing' : item.isDeleted ? 'deleted' : 'active';
  },
};

export const source: SchemaSource = {
  base: seed.baseAttributes,
  govAttributes: (oktru) => seed.govAttributes(oktru),
  categoryRules: (oktru) => seed.categoryRules(oktru),
};

const schemaCache = new Map<string, AttributeSchemas>();
export function schemasFor(oktru: string): AttributeSchemas {
  let schemas = schemaCache.get(oktru);
  if (!schemas) {
    schemas = { base: seed.baseAttributes, gov: seed.govAttributes(oktru) };
    schemaCache.set(oktru, schemas);
  }
  return schemas;
}

export const today = '2026-03-01';

export function contextFor(draft: ApplicationDraft, extra: Partial<ValidationContext> = {}): ValidationContext {
  return { schemas: schemasFor(draft.oktru), dictionaries, today, category: seed.categoryRules(draft.oktru), ...extra };
}

/** A GTIN-13 with a right check digit from 12 digits. */
export function gtin(body12: string): string {
  return `${body12}${gs1CheckDigit(body12)}`;
}

export const validGtin = gtin('487000000001');
export const validBin = '070940001230';

/** A base food card that passes validation. */
export function goodBaseDraft(id = 'draft-1'): ApplicationDraft {
  const draft = emptyDraft({ id, oktru: foodLeaf.code });
  draft.values.base = {
    gtin: validGtin,
    name_ru: 'Молоко питьевое пастеризованное 2,5%',
    name_kk: 'Пастерленген ауыз сүт 2,5% — Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі',
    short_name_ru: 'Молоко 2,5%',
    short_name_kk: 'Сүт 2,5%',
    brand: 'Сүт Әлемі',
    country: 'KZ',
    tnved: [foodLeaf.tnvedCodes[0] ?? ''],
    measure: { measure_unit: '112', quantity: '1' },
    a4282e5d: 'ТОО «Сүт Әлемі»',
    producer_identifier: validBin,
    is_domestic: 'true',
  };
  return draft;
}

/** An extended food card that passes validation. */
export function goodGovDraft(id = 'draft-gov'): ApplicationDraft {
  const draft = goodBaseDraft(id);
  draft.isGov = true;
  draft.values.mainExtended = {
    enstrus: '329912.130.000000',
    gross_weight: '1.05 кг',
    net_weight: '1 кг',
    package_dimensions: { width: '7', height: '20', length: '7', dimension_measure: 'см' },
  };
  draft.values.additionalExtended = { composition: 'Молоко нормализованное' };
  draft.photos = { front: { blobId: 'blob-front', fileName: 'front.jpg' }, back: { blobId: 'blob-back' } };
  return draft;
}
