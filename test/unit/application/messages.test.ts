import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationMessages } from '../../../src/shared/application/messages.ts';
import { locales, type MessageTable } from '../../../src/shared/i18n/locales.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';

function leaves(table: MessageTable, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((match) => match[1] ?? '').sort();
}

/** Every `application.*` key written in the source (validation, import, CLI). */
function keysUsedInSource(): Set<string> {
  const root = new URL('../../../src/', import.meta.url).pathname;
  const files = ['shared/application', 'shared/application/import', 'cli/commands'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.ts') && name !== 'messages.ts')
      .map((name) => join(root, folder, name)),
  );
  const keys = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/'(application\.[a-zA-Z.]+)'/gu)) if (match[1]) keys.add(match[1]);
  return keys;
}

describe('application messages', () => {
  const english = new Map(leaves(applicationMessages.en));

  it('have the same keys and placeholders in Kazakh, Russian and English, none empty', () => {
    for (const locale of locales) {
      const table = new Map(leaves(applicationMessages[locale]));
      expect([...table.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of table) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english.get(key) ?? ''));
      }
    }
  });

  it('are translated: Russian differs from English, and Kazakh uses Kazakh letters', () => {
    const ru = new Map(leaves(applicationMessages.ru));
    const kk = new Map(leaves(applicationMessages.kk));
    let kazakhLetters = 0;
    for (const [key, text] of english) {
      expect(ru.get(key), key).not.toBe(text);
      expect(kk.get(key), key).not.toBe(ru.get(key));
      if (/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u.test(kk.get(key) ?? '')) kazakhLetters += 1;
    }
    expect(kazakhLetters / english.size).toBeGreaterThan(0.6);
  });

  it('cover every key the code reports, through the shared translator', () => {
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(50);
    for (const locale of locales) {
      const t = createTranslator(locale);
      for (const key of used) expect(t(key), `${locale} ${key}`).not.toBe(key);
    }
    expect(createTranslator('kk')('application.value.tooLong', { max: 500, length: 10_000 })).toBe('Ең көбі 500 таңба; мұнда 10000.');
  });
});
