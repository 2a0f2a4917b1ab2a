import { describe, expect, it } from 'vitest';
import type { CodeProblem } from '../../../src/shared/codes/check.ts';
import { codesMessages } from '../../../src/shared/codes/messages.ts';
import { codeKinds, validateCode } from '../../../src/shared/codes/validate.ts';
import { locales, type MessageTable } from '../../../src/shared/i18n/locales.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';
import { withKzCheck } from './reference.ts';

/** Every string of a table as [dotted path, text]. */
function leaves(table: MessageTable, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** Inputs that together provoke every problem every validator can report. */
const badInputs: Record<(typeof codeKinds)[number], string[]> = {
  gtin: ['', '12a', '1234567', '00000000', '4006381333932'],
  ntin: ['', 'x', '020025350953', '4006381333931', '0200253509539'],
  xtin: ['', 'x', '004', '0051234567890'],
  bin: ['', 'x', '123', '070940000580', '070940001231', withKzCheck('12004000077'), withKzCheck('12031000077'), withKzCheck('12034900077')],
  iin: ['', 'x', '123', '900101300800', '900101300127', withKzCheck('90010170001'), withKzCheck('90130130001')],
  tnved: ['', 'x', '1@2', '123', '0012345678'],
  oktru: ['', 'x', '1015-0001-0029-100001212-1', '101'],
  doc: ['', 'RU Д-CN.РА01.В.12345/23', 'РОСС RU.АЯ46.Н12345', 'ЕАЭС 1', 'ЕАЭС UA 1', 'ЕАЭС RU 1'],
};

function collectProblems(): CodeProblem[] {
  const problems: CodeProblem[] = [];
  for (const kind of codeKinds) {
    for (const input of badInputs[kind]) {
      const check = validateCode(kind, input);
      expect(check.valid, `${kind} ${input}`).toBe(false);
      if (!check.valid) problems.push(check.reason);
    }
  }
  return problems;
}

describe('codes messages', () => {
  const english = new Map(leaves(codesMessages.en));

  it('have exactly the English keys in Russian and Kazakh, none empty, with the same placeholders', () => {
    for (const locale of locales) {
      const table = new Map(leaves(codesMessages[locale]));
      expect([...table.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of table) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english.get(key) ?? ''));
      }
    }
  });

  it('are really translated: problem messages differ between languages, and Kazakh uses Kazakh', () => {
    const ru = new Map(leaves(codesMessages.ru));
    const kk = new Map(leaves(codesMessages.kk));
    const problemKeys = [...english.keys()].filter((key) => !key.startsWith('kind.'));
    for (const key of problemKeys) {
      expect(ru.get(key), key).not.toBe(english.get(key));
      expect(kk.get(key), key).not.toBe(ru.get(key));
      expect(ru.get(key), key).toMatch(/[а-яё]/);
      expect(kk.get(key), key).toMatch(/[а-яёәғқңөұүһі]/);
    }
    // Kazakh-specific letters appear across the Kazakh table (not Russian text with a few words changed).
    const kazakhLetters = problemKeys.filter((key) => /[әғқңөұүһі]/.test(kk.get(key) ?? '')).length;
    expect(kazakhLetters / problemKeys.length).toBeGreaterThan(0.8);
  });

  it('cover every problem the validators return, and every problem message is reachable', () => {
    const problems = collectProblems();
    const returned = new Set(problems.map((problem) => problem.key));
    for (const key of returned) expect(english.has(key.replace(/^codes\./, '')), key).toBe(true);
    const problemKeys = [...english.keys()].filter((key) => !key.startsWith('kind.')).map((key) => `codes.${key}`);
    expect([...returned].sort()).toEqual(problemKeys.sort());
  });

  it('translate every returned problem in every language with all placeholders filled', () => {
    const problems = collectProblems();
    for (const locale of locales) {
      const t = createTranslator(locale);
      for (const problem of problems) {
        const text = t(problem.key, problem.params);
        expect(text, `${locale} ${problem.key}`).not.toBe(problem.key);
        expect(text, `${locale} ${problem.key}`).not.toMatch(/\{\{/);
        const table = new Map(leaves(codesMessages[locale]));
        expect(table.get(problem.key.replace(/^codes\./, '')), `${locale} ${problem.key}`).toBeDefined();
      }
    }
  });

  it('name every code kind in every language', () => {
    for (const locale of locales) {
      const t = createTranslator(locale);
      for (const kind of codeKinds) expect(t(`codes.kind.${kind}`), `${locale} ${kind}`).not.toBe(`codes.kind.${kind}`);
    }
  });
});
