import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fallbackLocale, isLocale, locales, type Locale } from '../../shared/i18n/locales.ts';
import { coreResources } from '../../shared/i18n/resources.ts';
import { pageNamespaces } from './page-namespaces.ts';

const storageKey = 'ncg.language';

/** The saved choice, else the browser's language if we speak it, else Russian. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (isLocale(saved)) return saved;
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : fallbackLocale;
}

export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    locales.map((locale) => [
      locale,
      { translation: { ...coreResources(locale), ...Object.fromEntries(Object.entries(pageNamespaces).map(([name, table]) => [name, table[locale]])) } },
    ]),
  );
  await instance.use(initReactI18next).init({
    resources,
    lng: initialLocale(),
    fallbackLng: fallbackLocale,
    supportedLngs: [...locales],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => {
    localStorage.setItem(storageKey, language);
    document.documentElement.lang = language;
  });
  return instance;
}
