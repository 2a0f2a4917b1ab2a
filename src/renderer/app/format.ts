/**
 * The page's door to src/shared/i18n/format.ts: the same tested formatting, called with i18next's language
 * (a plain string). Display code uses these, never `Intl.*` or `toLocale*String`, whose output depends on the
 * ICU data of the runtime (Electron and the web twin's browser differ; some builds have no Kazakh at all).
 */
import { dictionaryName } from '../../shared/catalogue/dictionary-names.ts';
import * as shared from '../../shared/i18n/format.ts';
import { fallbackLocale, isLocale, type Locale } from '../../shared/i18n/locales.ts';

/** A translator as react-i18next's `t` is used here: a key and its parameters. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** i18next's language ("kk", "ru-RU", …) as one of ours. */
export function uiLocale(language: string): Locale {
  const base = language.slice(0, 2).toLowerCase();
  return isLocale(base) ? base : fallbackLocale;
}

export function formatNumber(value: number, language: string, options?: shared.NumberFormatOptions): string {
  return shared.formatNumber(value, uiLocale(language), options);
}

/** A count of things: whole, grouped ("10 000"). */
export function formatCount(value: number, language: string): string {
  return shared.formatNumber(value, uiLocale(language), { maximumFractionDigits: 0 });
}

/** Megabytes as the catalogue counts them (1 MB = 1024 × 1024 bytes), one decimal, in the UI's language. */
export function formatMegabytes(bytes: number, language: string): string {
  return shared.formatNumber(bytes / (1024 * 1024), uiLocale(language), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A file or storage size in binary units: "3,9 МБ", "512 B". */
export function formatFileSize(bytes: number, language: string): string {
  return shared.formatFileSize(bytes, uiLocale(language));
}

/** Storage amounts (usage, quota): the same units as file sizes. */
export function formatBytes(bytes: number, language: string): string {
  return shared.formatFileSize(bytes, uiLocale(language));
}

/** A `YYYY-MM-DD` calendar date in digits ("28.11.2026"); anything else is shown as it is. */
export function formatIsoDate(isoDate: string, language: string): string {
  const parts = shared.parseIsoDay(isoDate);
  return parts ? shared.formatShortDate(parts, uiLocale(language)) : isoDate;
}

/** A `YYYY-MM-DD` calendar date written out ("2026 ж. 28 қараша"); anything else is shown as it is. */
export function formatIsoDateLong(isoDate: string, language: string): string {
  const parts = shared.parseIsoDay(isoDate);
  return parts ? shared.formatLongDate(parts, uiLocale(language)) : isoDate;
}

/** A moment (Date, epoch milliseconds or an ISO timestamp) in local time with hours and minutes. */
export function formatDateTime(moment: Date | number | string, language: string): string {
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? String(moment) : shared.formatDateTime(date, uiLocale(language));
}

/** The calendar day of a moment in local time, in digits ("28.11.2026"). */
export function formatDate(moment: Date | number | string, language: string): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  return shared.formatShortDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }, uiLocale(language));
}

/** "5 / 10" */
export function formatProgress(done: number, total: number, language: string): string {
  return shared.formatProgress(done, total, uiLocale(language));
}

/**
 * A formatter object shaped like `Intl.NumberFormat` (`.format(value)`), for code that formats many figures with
 * one setting. Defaults as Intl's: at most three decimals, thousands grouped.
 */
export function numberFormat(language: string, options: { maximumFractionDigits?: number; minimumFractionDigits?: number; useGrouping?: boolean } = {}): { format: (value: number) => string } {
  const locale = uiLocale(language);
  const settings: shared.NumberFormatOptions = {
    maximumFractionDigits: options.maximumFractionDigits ?? 3,
    ...(options.minimumFractionDigits !== undefined ? { minimumFractionDigits: options.minimumFractionDigits } : {}),
    grouping: options.useGrouping ?? true,
  };
  return { format: (value) => shared.formatNumber(value, locale, settings) };
}

/**
 * A formatter shaped like `Intl.DateTimeFormat` for moments: with `time`, day and hours ("2026 ж. 28 қараша, 03:48");
 * `short` dates in digits ("28.11.2026"), `long` written out.
 */
export function dateTimeFormat(language: string, style: { date: 'short' | 'long'; time?: boolean }): { format: (moment: Date | number | string) => string } {
  return {
    format: (moment) => {
      if (style.time) return formatDateTime(moment, language);
      const date = new Date(moment);
      if (Number.isNaN(date.getTime())) return String(moment);
      const parts = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
      return style.date === 'short' ? shared.formatShortDate(parts, uiLocale(language)) : shared.formatLongDate(parts, uiLocale(language));
    },
  };
}

/**
 * A message's parameters made readable: a `dictionary` parameter (the catalogue's code, as validators report it)
 * becomes the dictionary's name in the UI language ("Елдер", not "COUNTRY").
 */
export function displayParams(params: Readonly<Record<string, string | number>> | undefined, language: string): Record<string, string | number> {
  if (!params) return {};
  const dictionary = params['dictionary'];
  return typeof dictionary === 'string' ? { ...params, dictionary: dictionaryName(dictionary, uiLocale(language)) } : { ...params };
}
