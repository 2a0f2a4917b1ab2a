import { defineMessages, type Locale } from '../shared/i18n/locales.ts';

/** Messages of the command line itself (the domain's messages come from the shared translator). */
const en = {
  valid: 'valid',
  storedAs: 'stored as',
};

const cliMessages = defineMessages(en, {
  ru: { valid: 'верный', storedAs: 'хранится как' },
  kk: { valid: 'дұрыс', storedAs: 'сақталатын түрі' },
});

export type CliMessageKey = keyof typeof en;

export function cliText(locale: Locale, key: CliMessageKey): string {
  return cliMessages[locale][key];
}
