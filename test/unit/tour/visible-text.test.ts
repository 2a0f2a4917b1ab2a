import { describe, expect, it } from 'vitest';
import { describeViolations, findViolations, judgeText, type UiLanguage, type ViolationKind } from '../../e2e/visible-text.ts';

const kinds = (text: string, language: UiLanguage, knownData: string[] = []): [ViolationKind, string][] =>
  judgeText({ text, where: 'test' }, language, { knownData }).map((violation) => [violation.kind, violation.token]);

describe('the screenshot tour’s visible-text judge', () => {
  it('catches translation keys and i18next missing-key output', () => {
    expect(kinds('labels.queue.empty', 'en')).toEqual([['translation-key', 'labels.queue.empty']]);
    expect(kinds('Кезек: settings:connection.title', 'kk')).toEqual([['translation-key', 'settings:connection.title']]);
    expect(kinds('Status: sync.state.onModeration', 'en')).toEqual([['translation-key', 'sync.state.onModeration']]);
  });

  it('catches raw codes: ALL_CAPS identifiers, camelCase statuses, snake_case fields, bare caps words in English', () => {
    expect(kinds('MEASURE_UNIT', 'ru')).toContainEqual(['raw-code', 'MEASURE_UNIT']);
    expect(kinds('Күйі: onModeration', 'kk')).toContainEqual(['raw-code', 'onModeration']);
    expect(kinds('Field name_ru is empty', 'en')).toEqual([['raw-code', 'name_ru']]);
    expect(kinds('Dictionary COUNTRY: 250 entries', 'en')).toEqual([['raw-code', 'COUNTRY']]);
    expect(kinds('COLOR', 'en')).toEqual([['raw-code', 'COLOR']]);
  });

  it('catches a script other than the UI language’s', () => {
    expect(kinds('Full name (Полное наименование)', 'en')).toEqual([['foreign-script', 'Полное'], ['foreign-script', 'наименование']]);
    expect(kinds('Сақталды, saved', 'kk')).toEqual([['foreign-script', 'saved']]);
    expect(kinds('Ошибка: Network error', 'ru')).toEqual([['foreign-script', 'Network'], ['foreign-script', 'error']]);
    // Kazakh-only letters in the Russian UI are Kazakh text.
    expect(kinds('Сохранено: Сақталды', 'ru')).toEqual([['foreign-script', 'Сақталды']]);
    expect(kinds('SZPT: 10 ішінен 10', 'kk')).toEqual([['foreign-script', 'SZPT']]);
  });

  it('accepts good text in each language, with the accepted Latin terms, numbers, addresses and file names', () => {
    const good: [string, UiLanguage][] = [
      ['Өтінімдер: 3, GTIN-13 және NTIN, PDF және ZPL, 58×40 mm', 'kk'],
      ['Файл products.xlsx прочитан: 120 строк, EAN-13 проверен, 203 dpi', 'ru'],
      ['Сервер http://127.0.0.1:5301/gwp отвечает; БИН 123456789012', 'ru'],
      ['Applications: 3 drafts, GTIN and NTIN, PDF and ZPL, OKTRU category, 1.5 MB of 2 GB', 'en'],
      ['Saved on this computer at 07:15, 28 Nov 2026', 'en'],
      ['Версия 1.2.3, Windows-1251 CSV, UTF-8', 'ru'],
      ['.ncgsnap файлын импорттау, Enter пернесін басыңыз', 'kk'],
      ['Avery L7160 / J8160: A4 парағы', 'kk'],
      ['A number starts with “ЕАЭС”, e.g. “ЕАЭС KZ 7500361.01.01.08823”.', 'en'],
      ['Путь к файлу указывается относительно папки таблицы, например photos/moloko-front.jpg', 'ru'],
    ];
    for (const [text, language] of good) expect(kinds(text, language), text).toEqual([]);
  });

  it('judges keys and raw codes even inside quotes, and accepts a screen’s own extra words only where given', () => {
    expect(kinds('Нажмите «labels.save»', 'ru')).toEqual([['translation-key', 'labels.save']]);
    expect(judgeText({ text: 'name_ru — Полное наименование', where: 'x' }, 'ru', { extraAllowed: ['name_ru'] })).toEqual([]);
    expect(kinds('name_ru — Полное наименование', 'ru')).toEqual([['raw-code', 'name_ru']]);
  });

  it('leaves the test’s own data out of judgement', () => {
    expect(kinds('Молоко Milk Farm 1 л', 'ru', ['Milk Farm'])).toEqual([]);
    expect(kinds('Молоко Milk Farm 1 л', 'ru')).toEqual([['foreign-script', 'Milk'], ['foreign-script', 'Farm']]);
  });

  it('describes one offending string per line, with all its pieces', () => {
    const violations = findViolations([{ text: 'Полное наименование', where: '#/import option' }], 'en');
    expect(describeViolations(violations)).toBe('foreign-script "Полное", foreign-script "наименование": "Полное наименование" at #/import option');
  });

  it('reports where each violation was seen', () => {
    const violations = findViolations([{ text: 'ok', where: 'a' }, { text: 'labels.title', where: '#/labels h1' }], 'en');
    expect(violations).toEqual([{ kind: 'translation-key', token: 'labels.title', text: 'labels.title', where: '#/labels h1' }]);
  });
});
