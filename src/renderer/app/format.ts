/** A translator as react-i18next's `t` is used here: a key and its parameters. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Megabytes as the catalogue counts them (1 MB = 1024 × 1024 bytes), one decimal, in the UI's language. */
export function formatMegabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** A file size for people: kilobytes under 1 MB (a 40 KB scan is not "0.0 MB"), else megabytes. */
export function formatFileSize(bytes: number, locale: string, t: Translate): string {
  if (bytes < 1024 * 1024) {
    return t('ui.size.kb', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024))) });
  }
  return t('ui.size.mb', { value: formatMegabytes(bytes, locale) });
}

/** Storage amounts (usage, quota): bytes up to terabytes. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** A `YYYY-MM-DD` date in the UI's language (as a calendar date: no time zone shifts it by a day). */
export function formatIsoDate(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}
