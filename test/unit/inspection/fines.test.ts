import { describe, expect, it } from 'vitest';
import { defaultFineTables } from '../../../src/shared/inspection/fine-defaults.ts';
import { estimateFine, fineMessage, parseFineTables, type FineTables } from '../../../src/shared/inspection/fines.ts';
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
  it('imports a valid file and fills defaults', () => {
    const parsed = parseFineTables(JSON.stringify({ rules: [{ article: '1', part: '', entityCategory: 'small', offence: 'first', mci: 5 }], mciValues: [{ year: 2027, kzt: 4500 }] }));
    expect(parsed).toMatchObject({ ok: true, tables: { rules: [{ per: 'inspection' }] } });
  });

  it('refuses bad files with the place of the problem', () => {
    expect(parseFineTables('{not json')).toMatchObject({ ok: false, problem: { params: { detail: 'not JSON' } } });
    const twoYears = parseFineTables(JSON.stringify({ rules: [], mciValues: [{ year: 2026, kzt: 1 }, { year: 2026, kzt: 2 }] }));
    expect(twoYears).toMatchObject({ ok: false });
    if (!twoYears.ok) expect(twoYears.problem.params.detail).toContain('mciValues.1');
    const negative = parseFineTables(JSON.stringify({ rules: [{ article: '1', part: '1', entityCategory: 'small', offence: 'first', mci: -5 }], mciValues: [] }));
    expect(negative).toMatchObject({ ok: false });
    expect(parseFineTables(JSON.stringify({ rules: [{ article: '1', part: '1', entityCategory: 'huge', offence: 'first', mci: 5 }], mciValues: [] }))).toMatchObject({ ok: false });
  });
});
