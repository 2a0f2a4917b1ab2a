import type { Locale } from '../i18n/locales.ts';

/**
 * English names for the attributes we know. The catalogue publishes only Russian and Kazakh names
 * (`nameRu`, `nameKk`), so the English interface would otherwise show Russian labels.
 */
const englishNames: Readonly<Record<string, string>> = {
  ntin: 'NTIN',
  gtin: 'GTIN',
  xtin: 'XTIN (temporary code)',
  name_ru: 'Full product name (Russian)',
  name_kk: 'Full product name (Kazakh)',
  short_name_ru: 'Short product name (Russian)',
  short_name_kk: 'Short product name (Kazakh)',
  brand: 'Brand',
  country: 'Country of origin',
  tnved: 'HS code (TN VED EAEU)',
  measure: 'Unit of measure and quantity',
  measure_unit: 'Unit of measure',
  quantity: 'Quantity',
  a4282e5d: 'Manufacturer name',
  producer_identifier: 'Manufacturer BIN/IIN',
  producer_country: 'Country of manufacture',
  article: 'Article number',
  mpn_code: 'Manufacturer part number (MPN)',
  szpt_category: 'Socially significant food category',
  is_domestic: 'Domestic manufacturer',
  eaes: 'EAEU product',
  marking_required_status: 'Subject to mandatory marking',
  enstrus: 'ENS TRU code',
  gross_weight: 'Gross weight',
  net_weight: 'Net weight',
  volume: 'Volume',
  standards: 'Standards',
  package_dimensions: 'Package dimensions',
  product_dimensions: 'Product dimensions',
  width: 'Width',
  height: 'Height',
  length: 'Length',
  dimension_measure: 'Unit of dimensions',
  composition: 'Composition',
  shelf_life: 'Shelf life',
  b71c09e4: 'Storage conditions',
  material: 'Material',
  colour: 'Colour',
  size: 'Size',
  power_w: 'Power, W',
  voltage: 'Voltage',
  warranty_months: 'Warranty, months',
  frost_resistance: 'Frost resistance',
  dosage: 'Dosage',
  release_form: 'Dosage form',
  active_substance: 'Active substance (INN)',
};

export interface NamedAttribute {
  code?: string;
  nameRu?: string;
  nameKk?: string;
}

/**
 * The label of an attribute in the UI language, and the language it is actually written in. Where no name
 * exists in the UI language (an English UI and an attribute we do not know), the label is the Russian name,
 * marked `ru` so the page can set `lang` on it and show the code beside it, never mixing scripts in one string.
 */
export interface AttributeLabel {
  text: string;
  lang: Locale;
  /** Set when the label is not in the UI language, so the page can show the code as a separate hint. */
  fallbackCode?: string;
}

export function attributeLabel(attribute: NamedAttribute, locale: Locale): AttributeLabel {
  const code = attribute.code ?? '';
  if (locale === 'kk' && attribute.nameKk) return { text: attribute.nameKk, lang: 'kk' };
  if (locale === 'ru' && attribute.nameRu) return { text: attribute.nameRu, lang: 'ru' };
  if (locale === 'en') {
    const english = englishNames[code];
    if (english) return { text: english, lang: 'en' };
  }
  if (attribute.nameRu) return { text: attribute.nameRu, lang: 'ru', fallbackCode: code || undefined };
  if (attribute.nameKk) return { text: attribute.nameKk, lang: 'kk', fallbackCode: code || undefined };
  return { text: englishNames[code] ?? code, lang: 'en' };
}

export function hasEnglishName(code: string): boolean {
  return englishNames[code] !== undefined;
}
