export const locales = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof locales)[number];
export const fallbackLocale: Locale = 'ru';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A message table whose Russian and Kazakh versions must have exactly the English keys. */
export type MessageTable = { readonly [key: string]: string | MessageTable };
export type Translations<T extends MessageTable> = { readonly [L in Locale]: Widen<T> };
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Declares one namespace's messages in all three languages, checked for missing keys at compile time. */
export function defineMessages<T extends MessageTable>(en: T, others: { kk: Widen<T>; ru: Widen<T> }): Translations<T> {
  return { en: en as Widen<T>, kk: others.kk, ru: others.ru };
}
