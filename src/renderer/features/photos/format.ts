/** A translator as react-i18next's `t` is used here: a key and its parameters. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Megabytes as the catalogue counts them (1 MB = 1024 × 1024 bytes), one decimal, in the UI's language. */
export function formatMegabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** A file size for people: kilobytes under 1 MB (a 40 KB scan is not "0.0 MB"), else megabytes. */
export function formatFileSize(bytes: number, locale: string, t: Translate): string {
  if (bytes < 1024 * 1024) {
    return t('photos.size.kb', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024))) });
  }
  return t('photos.size.mb', { value: formatMegabytes(bytes, locale) });
}
