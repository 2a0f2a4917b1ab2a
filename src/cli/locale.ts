import { isLocale, type Locale } from '../shared/i18n/locales.ts';

/**
 * The language of a command's messages: `--lang`, else the environment's LANG when it starts with ru or kk
 * (values look like `ru_RU.UTF-8` or `kk_KZ.UTF-8`), else English.
 */
export function pickLocale(flag: string | undefined, envLang: string | undefined): Locale {
  if (flag !== undefined && isLocale(flag)) return flag;
  const lang = (envLang ?? '').toLowerCase();
  if (lang.startsWith('ru')) return 'ru';
  if (lang.startsWith('kk')) return 'kk';
  return 'en';
}
