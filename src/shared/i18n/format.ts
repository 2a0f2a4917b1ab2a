import type { Locale } from './locales.ts';

/**
 * Dates, numbers and sizes in the UI language, written out by us rather than by `Intl`: Electron and the
 * browsers ship different ICU data, and some builds have no Kazakh at all ("2026 M11 28" instead of
 * "28 қараша 2026 ж."). These follow the conventions of each language as printed in Kazakhstan.
 */

const monthNames: Record<Locale, readonly string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  // Russian dates name the month in the genitive ("28 ноября").
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

interface NumberStyle {
  group: string;
  decimal: string;
}

// Kazakh and Russian group thousands with a no-break space and write a decimal comma.
const numberStyles: Record<Locale, NumberStyle> = {
  kk: { group: '\u00a0', decimal: ',' },
  ru: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const sizeUnits: Record<Locale, readonly string[]> = {
  kk: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
  en: ['B', 'KB', 'MB', 'GB', 'TB'],
};

export interface NumberFormatOptions {
  /** Digits after the decimal sign at most (trailing zeros dropped unless `minimumFractionDigits` asks). */
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
  /** Group thousands (default true). */
  grouping?: boolean;
}

export function formatNumber(value: number, locale: Locale, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const maximum = options.maximumFractionDigits ?? 2;
  const minimum = Math.min(options.minimumFractionDigits ?? 0, maximum);
  const style = numberStyles[locale];
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maximum);
  const [whole = '0', rawFraction = ''] = fixed.split('.');
  let fraction = rawFraction;
  while (fraction.length > minimum && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const grouped = options.grouping === false ? whole : groupThousands(whole, style.group);
  const body = fraction ? `${grouped}${style.decimal}${fraction}` : grouped;
  // A value that rounds to zero is not shown as "-0".
  return negative && /[1-9]/.test(body) ? `\u2212${body}` : body;
}

function groupThousands(digits: string, separator: string): string {
  // Four-digit numbers stay whole in Kazakh and Russian typography ("1000", "10 000").
  if (separator !== ',' && digits.length <= 4) return digits;
  let out = '';
  for (let index = 0; index < digits.length; index += 1) {
    if (index > 0 && (digits.length - index) % 3 === 0) out += separator;
    out += digits[index];
  }
  return out;
}

/** Bytes in binary units with one decimal from KB up: "3,9 МБ", "512 B". */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = sizeUnits[locale];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = formatNumber(value, locale, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${text}\u00a0${units[unit]}`;
}

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The calendar date of an ISO day string (`2026-11-28`), or undefined when it is not one. */
export function parseIsoDay(text: string): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(parts) ? parts : undefined;
}

export function isoDay(parts: DateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/**
 * Today on this computer's calendar, `YYYY-MM-DD`. Never UTC's day: in Kazakhstan (UTC+5) 01:30 local time is
 * still the day before in UTC, and documents expire, inspections are dated and files named by the local day.
 */
export function localToday(now = new Date()): string {
  return isoDay({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

function isRealDay({ year, month, day }: DateParts): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** A calendar day written out: "28 қараша 2026 ж.", "28 ноября 2026 г.", "28 November 2026". */
export function formatLongDate(parts: DateParts, locale: Locale): string {
  const month = monthNames[locale][parts.month - 1] ?? '';
  if (locale === 'kk') return `${parts.year} ж. ${parts.day} ${month}`;
  if (locale === 'ru') return `${parts.day} ${month} ${parts.year} г.`;
  return `${parts.day} ${month} ${parts.year}`;
}

/** A calendar day in digits, the form a date field shows and accepts: "28.11.2026" (kk, ru), "28/11/2026" (en). */
export function formatShortDate(parts: DateParts, locale: Locale): string {
  const separator = locale === 'en' ? '/' : '.';
  return [pad2(parts.day), pad2(parts.month), String(parts.year).padStart(4, '0')].join(separator);
}

/**
 * Reads what a person typed into a date field in the UI language: day first, then month, then a four-digit
 * year, separated by dots, slashes, dashes or spaces. ISO (`2026-11-28`) is accepted too, as a paste from a
 * spreadsheet. Returns undefined for anything that is not a real calendar day.
 */
export function parseShortDate(text: string): DateParts | undefined {
  const trimmed = text.trim();
  const iso = parseIsoDay(trimmed);
  if (iso) return iso;
  const match = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(trimmed);
  if (!match) return undefined;
  const parts = { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) };
  return isRealDay(parts) ? parts : undefined;
}

/** The pattern a date field shows as its placeholder, in the UI language's letters. */
export function shortDatePattern(locale: Locale): string {
  if (locale === 'kk') return 'КК.АА.ЖЖЖЖ';
  if (locale === 'ru') return 'ДД.ММ.ГГГГ';
  return 'DD/MM/YYYY';
}

/**
 * A moment in local time: "28 қараша 2026 ж., 03:48" style, 24-hour clock in every language. `timeZoneOffsetMinutes`
 * is what `Date#getTimezoneOffset` returns (minutes to add to local time to get UTC); tests pin it.
 */
export function formatDateTime(moment: Date | number, locale: Locale, timeZoneOffsetMinutes = new Date(moment).getTimezoneOffset()): string {
  const local = new Date(new Date(moment).getTime() - timeZoneOffsetMinutes * 60_000);
  const parts = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  return `${formatLongDate(parts, locale)}, ${time}`;
}

/** "5 / 10": progress counts read the same in every language and never need a grammatical case. */
export function formatProgress(done: number, total: number, locale: Locale): string {
  return `${formatNumber(done, locale, { maximumFractionDigits: 0 })}\u00a0/\u00a0${formatNumber(total, locale, { maximumFractionDigits: 0 })}`;
}

const durationUnits: Record<Locale, { hours: string; minutes: string; seconds: string }> = {
  kk: { hours: 'сағ', minutes: 'мин', seconds: 'сек' },
  ru: { hours: 'ч', minutes: 'мин', seconds: 'с' },
  en: { hours: 'h', minutes: 'min', seconds: 's' },
};

/**
 * A span of time in its two largest units, as a progress line shows time left: "1 сағ 5 мин", "2 мин 5 с",
 * "45 s". Whole seconds (rounded); a zero second or minute part is left out ("2 min", "1 h").
 */
export function formatDuration(totalSeconds: number, locale: Locale): string {
  const units = durationUnits[locale];
  const seconds = Math.max(0, Math.round(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const part = (value: number, unit: string) => `${formatNumber(value, locale, { maximumFractionDigits: 0 })}\u00a0${unit}`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return minutes > 0 ? `${part(hours, units.hours)} ${part(minutes, units.minutes)}` : part(hours, units.hours);
  if (minutes > 0) return rest > 0 ? `${part(minutes, units.minutes)} ${part(rest, units.seconds)}` : part(minutes, units.minutes);
  return part(rest, units.seconds);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
