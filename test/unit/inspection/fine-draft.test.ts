import { describe, expect, it } from 'vitest';
import { defaultFineTables } from '../../../src/shared/inspection/fine-defaults.ts';
import { candidateOf, draftOf, numberFromCell } from '../../../src/shared/inspection/fine-draft.ts';
import { checkFineTables, type FineTables } from '../../../src/shared/inspection/fines.ts';

const own: FineTables = {
  source: 'Order No. 12 of 2027',
  rules: [{ article: '204', part: '2', entityCategory: 'medium', offence: 'repeat', mci: 30, per: 'item' }],
  mciValues: [{ year: 2027, kzt: 4500.5 }],
};

describe('fine tables draft', () => {
  it('round-trips tables unchanged through the editor’s text cells', () => {
    expect(checkFineTables(candidateOf(draftOf(own)))).toEqual({ ok: true, tables: own });
    expect(checkFineTables(candidateOf(draftOf(defaultFineTables)))).toEqual({ ok: true, tables: defaultFineTables });
  });

  it('reads numbers as people type them, and passes anything else on for the check to name', () => {
    expect(numberFromCell('4 325')).toBe(4325);
    expect(numberFromCell('4\u00A0325,5')).toBe(4325.5);
    expect(numberFromCell('')).toBeUndefined();
    expect(numberFromCell('  ')).toBeUndefined();
    expect(numberFromCell('20 МРП')).toBe('20 МРП');
    expect(numberFromCell('1e3')).toBe('1e3');
  });

  it('names the row and column of a cell typed wrong', () => {
    const draft = draftOf(own);
    draft.rules[0]!.mci = 'twenty';
    draft.mciValues.push({ key: 'new', year: '', kzt: '5000' });
    expect(checkFineTables(candidateOf(draft))).toEqual({
      ok: false,
      problems: [
        { code: 'notNumber', table: 'rules', row: 1, column: 'mci' },
        { code: 'missing', table: 'mciValues', row: 2, column: 'year', params: { min: 1990, max: 2200 } },
      ],
    });
  });

  it('keeps the defaults’ "unconfirmed" note on an edit of them until a source is written', () => {
    const draft = draftOf(defaultFineTables);
    expect(draft).toMatchObject({ source: '', fromDefaults: true });
    draft.rules[0]!.mci = '12';
    expect(candidateOf(draft)).toMatchObject({ source: defaultFineTables.source });
    draft.source = 'Office order 7';
    expect(candidateOf(draft)).toMatchObject({ source: 'Office order 7' });
    const ownDraft = draftOf({ ...own, source: undefined });
    expect(candidateOf(ownDraft)).not.toHaveProperty('source');
  });
});
