/**
 * From a product as the app knows it (a local application, or a catalogue card) to the label product the
 * core prints: the same columns `ncg labels` reads from a CSV (code, name_kk, name_ru, quantity, unit,
 * producer, country, copies). Pure: dictionary names come in as a lookup.
 */
import { attributeCodes as catalogueAttributeCodes } from '../application/attribute-codes.ts';
import { findValue, type ApplicationDraft, type DraftValue } from '../application/draft.ts';
import type { AttributeDefinition, DictionaryValue, PortalProduct } from '../catalogue/dto.ts';
import type { ExportRow } from '../catalogue/export-dto.ts';
import type { LabelProduct, LabelProductText } from './product.ts';
import { unitSymbol } from './unit-symbols.ts';

export type CodeKind = 'ntin' | 'gtin';

/** A product found by a scan or a search, before the user picks the code and the copies. */
export interface ProductCandidate extends LabelProductText {
  /** Unique within one search result. */
  readonly key: string;
  readonly source: 'local' | 'catalogue';
  readonly ntin?: string;
  readonly gtin?: string;
  /**
   * Found by words in the export API, whose rows carry only names and codes: the card's details (quantity,
   * producer, country) are read from the portal when the product is added.
   */
  readonly partial?: true;
}

/** Names of a dictionary item, e.g. COUNTRY "KZ" or MEASURE_UNIT "112", when the app has them offline. */
export type DictionaryNames = (dictionary: 'COUNTRY' | 'MEASURE_UNIT', code: string) => { nameKk?: string; nameRu?: string } | undefined;

/**
 * The catalogue's attribute codes the label uses (src/shared/application/attribute-codes.ts), and the
 * producer's name, an extended attribute with a hash-like code (catalogue-api.md).
 */
export const attributeCodes = {
  nameKk: catalogueAttributeCodes.nameKk,
  nameRu: catalogueAttributeCodes.nameRu,
  gtin: catalogueAttributeCodes.gtin,
  ntin: catalogueAttributeCodes.ntin,
  country: catalogueAttributeCodes.country,
  measure: catalogueAttributeCodes.measure,
  measureUnit: catalogueAttributeCodes.measureUnit,
  quantity: catalogueAttributeCodes.quantity,
  producer: 'a4282e5d',
} as const;

/**
 * Both names when they differ ("ҚАЗАҚСТАН / КАЗАХСТАН"), one when they are the same word: a label is read
 * in either language.
 */
export function bilingual(nameKk: string | undefined, nameRu: string | undefined, fallback = ''): string {
  const kk = nameKk?.trim() ?? '';
  const ru = nameRu?.trim() ?? '';
  if (kk && ru && kk.toLocaleLowerCase('kk') !== ru.toLocaleLowerCase('ru')) return `${kk} / ${ru}`;
  return kk || ru || fallback;
}

/**
 * The catalogue stores quantities as numbers ("1.5"); on a label read in Kazakh and Russian the decimal
 * separator is a comma ("1,5 л"), as in the product names themselves.
 */
export function labelQuantity(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  return /^\d+\.\d+$/u.test(trimmed) ? trimmed.replace('.', ',') : trimmed;
}

/** The codes the user may print the product under, NTIN first (the catalogue's own number). */
export function printableCodes(candidate: ProductCandidate): { kind: CodeKind; code: string }[] {
  return [
    ...(candidate.ntin ? [{ kind: 'ntin' as const, code: candidate.ntin }] : []),
    ...(candidate.gtin ? [{ kind: 'gtin' as const, code: candidate.gtin }] : []),
  ];
}

/** The label product of a candidate, printed under one of its codes. */
export function labelProductFor(candidate: ProductCandidate, code: string, copies: number): LabelProduct {
  return {
    code,
    nameKk: candidate.nameKk,
    nameRu: candidate.nameRu,
    quantity: candidate.quantity,
    unit: candidate.unit,
    producer: candidate.producer,
    country: candidate.country,
    copies,
  };
}

// ------------------------------------------------------------------------------------------ catalogue cards

function findAttribute(attributes: readonly AttributeDefinition[], code: string): AttributeDefinition | undefined {
  return attributes.find((attribute) => attribute.code === code);
}

function firstValue(values: DictionaryValue | DictionaryValue[] | undefined): DictionaryValue | undefined {
  return Array.isArray(values) ? values[0] : values;
}

function text(value: string | undefined): string {
  return value?.trim() ?? '';
}

export function candidateFromCard(card: PortalProduct): ProductCandidate {
  const attributes = card.attributes;
  const country = findAttribute(attributes, attributeCodes.country);
  const countryValue = firstValue(country?.values);
  const measure = findAttribute(attributes, attributeCodes.measure)?.attributes ?? [];
  const unit = findAttribute(measure, attributeCodes.measureUnit);
  const unitCode = text(unit?.value);
  return {
    key: `catalogue:${card.ntin}`,
    source: 'catalogue',
    ntin: card.ntin,
    ...(card.gtin ? { gtin: card.gtin } : {}),
    nameKk: text(card.nameKk) || text(findAttribute(attributes, attributeCodes.nameKk)?.value),
    nameRu: text(card.nameRu) || text(findAttribute(attributes, attributeCodes.nameRu)?.value),
    quantity: labelQuantity(findAttribute(measure, attributeCodes.quantity)?.value),
    unit: unitCode ? unitSymbol(unitCode, firstValue(unit?.values)?.nameRu) : '',
    producer: text(findAttribute(attributes, attributeCodes.producer)?.value),
    country: bilingual(countryValue?.nameKk, countryValue?.nameRu, text(country?.value)),
  };
}

/**
 * A card found by words in the export API (`search_ofd?q=`), or null when it cannot be printed: a
 * deactivated NTIN (not for new sales, catalogue-api.md §10.3) or no code at all.
 */
export function candidateFromExportRow(row: ExportRow): ProductCandidate | null {
  const ntin = text(row.ntin_code);
  const gtin = text(row.gtin);
  if (row.ntin_isdeactivated || (!ntin && !gtin)) return null;
  return {
    key: `catalogue:${ntin || gtin}`,
    source: 'catalogue',
    ...(ntin ? { ntin } : {}),
    ...(gtin && gtin !== '-' ? { gtin } : {}),
    nameKk: text(row.name_kk),
    nameRu: text(row.name_ru),
    quantity: '',
    unit: '',
    producer: '',
    country: '',
    partial: true,
  };
}

// ----------------------------------------------------------------------------------- local applications

function draftText(value: DraftValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.join(', ').trim();
  return '';
}

function compoundPart(value: DraftValue | undefined, part: string): string {
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) return '';
  return draftText(value[part]);
}

/** The NTIN a local application can print under: the published card's, else the one the draft carries. */
export function draftNtin(draft: ApplicationDraft, catalogueNtin: string | undefined): string {
  return catalogueNtin?.trim() || draftText(findValue(draft, attributeCodes.ntin)?.value) || draft.editOfNtin?.trim() || '';
}

export function candidateFromDraft(id: string, draft: ApplicationDraft, catalogueNtin: string | undefined, names: DictionaryNames): ProductCandidate {
  const value = (code: string) => findValue(draft, code)?.value;
  const ntin = draftNtin(draft, catalogueNtin);
  const gtin = draftText(value(attributeCodes.gtin));
  const measure = value(attributeCodes.measure);
  const unitCode = compoundPart(measure, attributeCodes.measureUnit);
  const countryCode = draftText(value(attributeCodes.country));
  const country = countryCode ? names('COUNTRY', countryCode) : undefined;
  return {
    key: `local:${id}`,
    source: 'local',
    ...(ntin ? { ntin } : {}),
    ...(gtin ? { gtin } : {}),
    nameKk: draftText(value(attributeCodes.nameKk)),
    nameRu: draftText(value(attributeCodes.nameRu)),
    quantity: labelQuantity(compoundPart(measure, attributeCodes.quantity)),
    unit: unitCode ? unitSymbol(unitCode, names('MEASURE_UNIT', unitCode)?.nameRu) : '',
    producer: draftText(value(attributeCodes.producer)),
    country: bilingual(country?.nameKk, country?.nameRu, countryCode),
  };
}
