/**
 * Codes of the catalogue's base attributes that our own rules name (catalogue-api §5: `GET /attributes`).
 * Everything else about an attribute comes from the downloaded schema; only these few are known by name,
 * so they are spelled once, here.
 */
export const attributeCodes = {
  ntin: 'ntin',
  gtin: 'gtin',
  xtin: 'xtin',
  nameRu: 'name_ru',
  nameKk: 'name_kk',
  shortNameRu: 'short_name_ru',
  shortNameKk: 'short_name_kk',
  brand: 'brand',
  country: 'country',
  tnved: 'tnved',
  measure: 'measure',
  measureUnit: 'measure_unit',
  quantity: 'quantity',
  producerIdentifier: 'producer_identifier',
  producerCountry: 'producer_country',
  article: 'article',
} as const;

export type AttributeCodeName = keyof typeof attributeCodes;
export type KnownAttributeCode = (typeof attributeCodes)[AttributeCodeName];

/** The product's names: full and short, Russian and Kazakh. */
export const nameAttributeCodes: readonly KnownAttributeCode[] = [attributeCodes.nameRu, attributeCodes.nameKk, attributeCodes.shortNameRu, attributeCodes.shortNameKk];

/** Attributes typed in Kazakh, where the form offers the Kazakh-letter keys. */
export const kazakhTextAttributeCodes: readonly KnownAttributeCode[] = [attributeCodes.nameKk, attributeCodes.shortNameKk];

/** The full name in the UI's language, falling back to Russian, which every card has. */
export function nameCodeFor(language: string): KnownAttributeCode {
  return language === 'kk' ? attributeCodes.nameKk : attributeCodes.nameRu;
}
