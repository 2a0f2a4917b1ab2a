import { fallbackLocale, type Locale, type MessageTable } from './locales.ts';
import { coreResources } from './resources.ts';

/**
 * A small translator for places without i18next's React binding (the CLI, the main process).
 * Keys are dotted paths (`codes.gtin.badCheckDigit`); `{{name}}` placeholders are filled from params.
 */
export function createTranslator(locale: Locale) {
  const primary = coreResources(locale);
  const fallback = coreResources(fallbackLocale);
  return (key: string, params: Record<string, string | number> = {}): string => {
    const template = lookup(primary, key) ?? lookup(fallback, key) ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

function lookup(table: Record<string, MessageTable>, key: string): string | undefined {
  let node: MessageTable | string | undefined = table;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
