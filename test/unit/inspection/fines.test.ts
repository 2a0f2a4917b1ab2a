import { describe, expect, it } from 'vitest';
import { defaultFineTables } from '../../../src/shared/inspection/fine-defaults.ts';
import { estimateFine, fineMessage, fineTablesFile, fineTableProblemText, parseFineTables, type FineTables } from '../../../src/shared/inspection/fines.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';

const tables: FineTables = {
  rules: [
    { article: '999', part: '3', entityCategory: 'medium', offence: 'repeat', mci: 33, per: 'inspection' },
    { article: '998', part: '1', entityCategory: 'small', offence: 'first', mci: 7, per: 'item' },
  ],
  mciValues: [{ year: 2031, kzt: 5000 }],
};

describe('estimateFine', () => {
  it('multiplies the rule’s MCI by the MCI value of the offence’s year, from the tables given', () => {
    expect(estimateFine(tables, { entityCategory: 'medium', offence: 'repeat', date: '2031-05-02', violations: 4 })).toMatchObject({
      kind: 'estimate',
      rule: { article: '999', part: '3' },
      fines: 1,
      mciTotal: 33,
      amountKzt: 165_000,
    });
    expect(estimateFine(tables, { entityCategory: 'small', offence: 'first', date: '2031-01-01', violations: 3 })).toMatchObject({ kind: 'estimate', fines: 3, mciTotal: 21, amountKzt: 105_000 });
  });

  it('uses the 2026 MCI of 4,325 KZT from the default data', () => {
    const estimate = estimateFine(defaultFineTables, { entityCategory: 'large', offence: 'repeat', date: '2026-09-01', violations: 1 });
    expect(estimate).toMatchObject({ kind: 'estimate', mciKzt: 4325, amountKzt: 40 * 4325 });
    const t = createTranslator('ru');
    const message = fineMessage(estimate);
    expect(t(message.key, message.params)).toContain('Это оценка');
    expect(t(message.key, message.params)).toContain('173000');
  });

  it('says what is missing instead of guessing', () => {
    expect(estimateFine(tables, { entityCategory: 'large', offence: 'first', date: '2031-01-01', violations: 1 })).toEqual({ kind: 'no-rule', entityCategory: 'large', offence: 'first' });
    expect(estimateFine(tables, { entityCategory: 'medium', offence: 'repeat', date: '2032-01-01', violations: 1 })).toEqual({ kind: 'no-mci', year: 2032 });
    expect(estimateFine(tables, { entityCategory: 'medium', offence: 'repeat', date: '2031-01-01', violations: 0 })).toEqual({ kind: 'none' });
  });
});

describe('parseFineTables', () => {
  const rule = { article: '1', part: '1', entityCategory: 'small', offence: 'first', mci: 5 };
  const file = (tables: unknown) => JSON.stringify(tables);

  it('imports a valid file and fills defaults', () => {
    const parsed = parseFineTables(file({ rules: [{ ...rule, part: '' }], mciValues: [{ year: 2027, kzt: 4500 }] }));
    expect(parsed).toMatchObject({ ok: true, tables: { rules: [{ per: 'inspection' }] } });
  });

  it('reads back exactly what the export writes, format line included', () => {
    const text = fineTablesFile(defaultFineTables);
    expect(JSON.parse(text)).toMatchObject({ format: 'ncg-fine-tables', version: 1 });
    expect(parseFineTables(text)).toEqual({ ok: true, tables: defaultFineTables });
    expect(parseFineTables(`\uFEFF${fineTablesFile(tables)}`)).toEqual({ ok: true, tables });
  });

  it('names the table, the row (counted from 1) and the column of each problem', () => {
    const parsed = parseFineTables(
      file({
        rules: [rule, { ...rule, entityCategory: 'medium', mci: -5 }, { ...rule, entityCategory: 'huge', offence: 'repeat' }, { ...rule, article: '', offence: 'repeat', mci: 'ten' }],
        mciValues: [{ year: 2026, kzt: 1 }, { year: 2026, kzt: 2 }, { year: 2026.5, kzt: 3 }, { kzt: 4 }],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { code: 'notPositive', table: 'rules', row: 2, column: 'mci' },
        { code: 'unknownValue', table: 'rules', row: 3, column: 'entityCategory', params: { allowed: 'individual, small, medium, large' } },
        { code: 'empty', table: 'rules', row: 4, column: 'article' },
        { code: 'notNumber', table: 'rules', row: 4, column: 'mci' },
        { code: 'duplicateYear', table: 'mciValues', row: 2, column: 'year', params: { other: 1 } },
        { code: 'badYear', table: 'mciValues', row: 3, column: 'year', params: { min: 1990, max: 2200 } },
        { code: 'missing', table: 'mciValues', row: 4, column: 'year', params: { min: 1990, max: 2200 } },
      ]),
    );
    expect(parsed.problems).toHaveLength(7);
    // Rules before MCI values, row by row.
    expect(parsed.problems.map((problem) => `${problem.table ?? ''}${problem.row ?? ''}`)).toEqual(['rules2', 'rules3', 'rules4', 'rules4', 'mciValues2', 'mciValues3', 'mciValues4']);
  });

  it('finds a second rule for the same category and offence, pointing at the first', () => {
    const parsed = parseFineTables(file({ rules: [rule, { ...rule, article: '2' }], mciValues: [] }));
    expect(parsed).toEqual({ ok: false, problems: [{ code: 'duplicateRule', table: 'rules', row: 2, params: { other: 1 } }] });
  });

  it('refuses what is not a fine tables file at all', () => {
    expect(parseFineTables('{not json')).toEqual({ ok: false, problems: [{ code: 'notJson' }] });
    expect(parseFineTables('[1, 2]')).toEqual({ ok: false, problems: [{ code: 'notTables' }] });
    expect(parseFineTables(file({ format: 'ncg-labels', rules: [], mciValues: [] }))).toEqual({ ok: false, problems: [{ code: 'notTables' }] });
    expect(parseFineTables(file({ format: 'ncg-fine-tables', version: 2, rules: [], mciValues: [] }))).toEqual({ ok: false, problems: [{ code: 'newerFormat', params: { version: '2' } }] });
    expect(parseFineTables(file({ rules: [] }))).toEqual({ ok: false, problems: [{ code: 'notTables', table: 'mciValues' }] });
    expect(parseFineTables(file({ rules: ['x'], mciValues: [] }))).toEqual({ ok: false, problems: [{ code: 'notRow', table: 'rules', row: 1 }] });
    expect(parseFineTables(' '.repeat(1_000_001))).toMatchObject({ ok: false, problems: [{ code: 'tooBigFile' }] });
  });
});

describe('fineTableProblemText', () => {
  it('says where the problem is in each language', () => {
    const problem = { code: 'notPositive', table: 'rules', row: 2, column: 'mci' } as const;
    expect(fineTableProblemText(problem, createTranslator('en'))).toBe('Fine rules, row 2, column “Fine, MCI”: must be greater than zero.');
    expect(fineTableProblemText(problem, createTranslator('ru'))).toBe('Правила штрафов, строка 2, столбец «Штраф, МРП»: должно быть больше нуля.');
    expect(fineTableProblemText(problem, createTranslator('kk'))).toBe('Айыппұл ережелері, 2-жол, «Айыппұл, АЕК» бағаны: нөлден үлкен болуы керек.');
    expect(fineTableProblemText({ code: 'duplicateRule', table: 'rules', row: 3, params: { other: 1 } }, createTranslator('en'))).toBe(
      'Fine rules, row 3: a second rule for the same business category and offence (row 1 has one).',
    );
    expect(fineTableProblemText({ code: 'notJson' }, createTranslator('ru'))).toBe('Это не файл таблиц штрафов: его нельзя прочитать как JSON.');
  });

  it('has a sentence for every problem code in every language', () => {
    const codes = ['notJson', 'tooBigFile', 'notTables', 'newerFormat', 'notRow', 'tooManyRows', 'missing', 'notText', 'empty', 'tooLong', 'notNumber', 'notPositive', 'tooLarge', 'badYear', 'unknownValue', 'duplicateRule', 'duplicateYear'] as const;
    for (const language of ['kk', 'ru', 'en'] as const) {
      const t = createTranslator(language);
      for (const code of codes) expect(t(`inspection.fine.problem.${code}`)).not.toContain('inspection.fine');
      for (const column of ['article', 'part', 'entityCategory', 'offence', 'mci', 'per', 'year', 'kzt']) expect(t(`inspection.fine.column.${column}`)).not.toContain('inspection.fine');
    }
  });
});
