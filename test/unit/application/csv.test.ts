import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/shared/application/import/csv.ts';
import { encodeCp1251, utf16le, utf8 } from './bytes.ts';

describe('parseCsv', () => {
  it('reads UTF-8 with a BOM, `;` separators and quoted values spanning lines, numbering rows by line', () => {
    const text = 'name_ru;name_kk;brand\r\n"Молоко\r\nпитьевое";Сүт;"Дала ""Дәмі"""\r\nКефир;Айран;Әлем\r\n';
    const table = parseCsv(utf8(text, true));
    expect(table.encoding).toBe('utf-8');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['name_ru', 'name_kk', 'brand']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['Молоко\nпитьевое', 'Сүт', 'Дала "Дәмі"'] },
      { row: 4, cells: ['Кефир', 'Айран', 'Әлем'] },
    ]);
    expect(table.issues).toEqual([]);
  });

  it('reads Windows-1251 bytes', () => {
    const table = parseCsv(encodeCp1251('name_ru;brand\nМолоко «Луговое» №1;Іргетас\n'));
    expect(table.encoding).toBe('windows-1251');
    expect(table.rows).toEqual([{ row: 2, cells: ['Молоко «Луговое» №1', 'Іргетас'] }]);
  });

  it('reads `,` separated files and commas inside quotes', () => {
    const table = parseCsv('name_ru,quantity\n"Мука, высший сорт",2\n');
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([{ row: 2, cells: ['Мука, высший сорт', '2'] }]);
  });

  it('reads UTF-16 "Unicode text" (tab separated)', () => {
    const table = parseCsv(utf16le('name_kk\tbrand\r\nҚымыз\tҰлы Дала\r\n'));
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([{ row: 2, cells: ['Қымыз', 'Ұлы Дала'] }]);
  });

  it('turns an unbalanced quotation mark into a problem at its line, keeping the rows before it', () => {
    const text = 'name_ru;brand\nМолоко;А\nКефир;"Б\nСметана;В\nТворог;Г\n';
    const table = parseCsv(text);
    expect(table.rows).toEqual([{ row: 2, cells: ['Молоко', 'А'] }]);
    expect(table.issues).toEqual([{ row: 3, key: 'application.import.unbalancedQuote', params: { from: 3, to: 5 }, severity: 'error' }]);
  });

  it('reports a stray quotation mark inside a value', () => {
    const table = parseCsv('name_ru;brand\n"Молоко" 3,2%;А\n');
    expect(table.issues.map((issue) => [issue.row, issue.key])).toContainEqual([2, 'application.import.badQuote']);
  });

  it('reports cells beyond the header, an empty file and a header without rows', () => {
    expect(parseCsv('a;b\n1;2;3\n').issues).toEqual([{ row: 2, key: 'application.import.extraCells', params: { count: 3, columns: 2 }, severity: 'error' }]);
    expect(parseCsv('a;b\n1;2;\n').issues).toEqual([]);
    expect(parseCsv(utf8('')).issues).toEqual([{ row: 1, key: 'application.import.emptyFile', severity: 'error' }]);
    expect(parseCsv('a;b\n\n').issues).toEqual([{ row: 1, key: 'application.import.noRows', severity: 'warning' }]);
  });

  it('skips blank lines but keeps counting them, and copes with mixed line endings', () => {
    const table = parseCsv('a;b\r\n\r\n1;2\n\n3;4\r');
    expect(table.rows).toEqual([
      { row: 3, cells: ['1', '2'] },
      { row: 5, cells: ['3', '4'] },
    ]);
  });

  it('flags formula text and keeps it literal; reads the escaped form of our export back', () => {
    const table = parseCsv('name_ru;brand\n"=HYPERLINK(""http://x"",""y"")";\'=SUM(A1)\n');
    expect(table.rows).toEqual([{ row: 2, cells: ['=HYPERLINK("http://x","y")', '=SUM(A1)'] }]);
    expect(table.issues).toEqual([{ row: 2, column: 0, key: 'application.import.formula', params: { formula: 'HYPERLINK("http://x","y")' }, severity: 'error' }]);
  });

  it('caps the number of rows', () => {
    const table = parseCsv(`a\n${'x\n'.repeat(10)}`, { maxRows: 3 });
    expect(table.rows).toHaveLength(3);
    expect(table.issues).toEqual([{ row: 5, key: 'application.import.tooManyRows', params: { max: 3 }, severity: 'error' }]);
  });
});

describe('detectDelimiter', () => {
  it('counts separators of the first line outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});
