import { dictionaryName } from '../shared/catalogue/dictionary-names.ts';
import type { Locale } from '../shared/i18n/locales.ts';
import { shownParams } from './terminal.ts';

/**
 * A problem's message parameters as a command prints them: echoed input made safe for the terminal, and a
 * `dictionary` parameter (the catalogue's code, as validators report it) named for people in the command's
 * language ("Елдер", not "COUNTRY").
 */
export function problemParams(params: Readonly<Record<string, string | number>> | undefined, locale: Locale): Record<string, string | number> | undefined {
  const safe = shownParams(params);
  const dictionary = safe?.['dictionary'];
  return typeof dictionary === 'string' ? { ...safe, dictionary: dictionaryName(dictionary, locale) } : safe;
}
