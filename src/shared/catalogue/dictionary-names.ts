import type { Locale } from '../i18n/locales.ts';

/** The catalogue's dictionaries by their codes, named for people in each UI language. */
const dictionaryNames: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  OKTRU: { kk: 'ОКТРУ санаттары', ru: 'Категории ОКТРУ', en: 'Product categories (OKTRU)' },
  TNVED: { kk: 'ЕАЭО СЭҚ ТН кодтары', ru: 'Коды ТН ВЭД ЕАЭС', en: 'HS codes (TN VED EAEU)' },
  COUNTRY: { kk: 'Елдер', ru: 'Страны', en: 'Countries' },
  MEASURE_UNIT: { kk: 'Өлшем бірліктері', ru: 'Единицы измерения', en: 'Units of measure' },
  SZPT: { kk: 'Әлеуметтік маңызы бар азық-түлік тауарлары', ru: 'Социально значимые продовольственные товары', en: 'Socially significant foods' },
  COLOR: { kk: 'Түстер', ru: 'Цвета', en: 'Colours' },
  REJECTION_REASON: { kk: 'Бас тарту себептері', ru: 'Причины отклонения', en: 'Rejection reasons' },
};

/** A dictionary we have no name for keeps the catalogue's own name when it sent one, else a generic phrase. */
const unknownDictionary: Readonly<Record<Locale, string>> = {
  kk: 'Анықтамалық',
  ru: 'Справочник',
  en: 'Dictionary',
};

export function dictionaryName(code: string, locale: Locale, catalogueName?: { nameRu?: string; nameKk?: string }): string {
  const known = dictionaryNames[code.toUpperCase()];
  if (known) return known[locale];
  if (locale === 'kk' && catalogueName?.nameKk) return catalogueName.nameKk;
  if (locale === 'ru' && catalogueName?.nameRu) return catalogueName.nameRu;
  return `${unknownDictionary[locale]} ${code.toUpperCase()}`;
}

export function knownDictionaryCodes(): readonly string[] {
  return Object.keys(dictionaryNames);
}
