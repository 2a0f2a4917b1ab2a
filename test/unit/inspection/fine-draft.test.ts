import { describe, expect, it } from 'vitest';
import { defaultFineTables } from '../../../src/shared/inspection/fine-defaults.ts';
import { checkDraft, draftOf, fineRulePairs, numberFromCell } from '../../../src/shared/inspection/fine-draft.ts';
import type { FineTables } from '../../../src/shared/inspection/fines.ts';

const own: FineTables = {
  source: 'Order No. 12 of 2027',
  rules: [{ article: '204', part: '2', entityCategory: 'medium', offence: 'repeat', mci: 30, per: 'item' }],
  mciValues: [{ year: 2027, kzt: 4500.5 }],
};
const rowOf = (category: string, offence: string) => fineRulePairs.findIndex((pair) => pair.entityCategory === category && pair.offence === offence);

describe('fine tables draft', () => {
  it('shows a row for every category and offence, blank where there is no rule', () => {
    const draft = draftOf(own);
    expect(draft.rules).toHaveLength(8);
    expect(draft.rules.filter((rule) => rule.article !== '')).toEqual([{ entityCategory: 'medium', offence: 'repeat', article: '204', part: '2', mci: '30', per: 'item' }]);
  });

  it('round-trips tables unchanged through the editor’s text cells', () => {
    expect(checkDraft(draftOf(own))).toEqual({ ok: true, tables: own });
    expect(checkDraft(draftOf(defaultFineTables))).toEqual({ ok: true, tables: defaultFineTables });
  });

  it('reads numbers as people type them, and passes anything else on for the check to name', () => {
    expect(numberFromCell('4 325')).toBe(4325);
    expect(numberFromCell('4\u00A0325,5')).toBe(4325.5);
    expect(numberFromCell('')).toBeUndefined();
    expect(numberFromCell('  ')).toBeUndefined();
    expect(numberFromCell('20 МРП')).toBe('20 МРП');
    expect(numberFromCell('1e3')).toBe('1e3');
  });

  it('names a wrong cell by the row the editor shows, blank rows counted', () => {
    const draft = draftOf(own);
    const medium = rowOf('medium', 'repeat');
    const large = rowOf('large', 'first');
    draft.rules[medium]!.mci = 'twenty';
    draft.rules[large]!.article = '204';
    draft.mciValues.push({ key: 'new', year: '', kzt: '5000' });
    expect(checkDraft(draft)).toEqual({
      ok: false,
      problems: [
        { code: 'missing', table: 'rules', row: large + 1, column: 'mci' },
        { code: 'notNumber', table: 'rules', row: medium + 1, column: 'mci' },
        { code: 'missing', table: 'mciValues', row: 2, column: 'year', params: { min: 1990, max: 2200 } },
      ],
    });
  });

  it('drops a rule whose row is cleared', () => {
    const draft = draftOf(defaultFineTables);
    const small = draft.rules[rowOf('small', 'first')]!;
    Object.assign(small, { article: '', part: '', mci: '' });
    const check = checkDraft(draft);
    expect(check.ok && check.tables.rules.map((rule) => `${rule.entityCategory}|${rule.offence}`)).not.toContain('small|first');
    expect(check.ok && check.tables.rules).toHaveLength(7);
  });

  it('keeps the defaults’ "unconfirmed" note on an edit of them until a source is written', () => {
    const draft = draftOf(defaultFineTables);
    expect(draft).toMatchObject({ source: '', fromDefaults: true });
    draft.rules[0]!.mci = '12';
    expect(checkDraft(draft)).toMatchObject({ ok: true, tables: { source: defaultFineTables.source } });
    draft.source = 'Office order 7';
    expect(checkDraft(draft)).toMatchObject({ ok: true, tables: { source: 'Office order 7' } });
    const ownDraft = draftOf({ ...own, source: undefined });
    const check = checkDraft(ownDraft);
    expect(check.ok && check.tables).not.toHaveProperty('source');
  });
});
