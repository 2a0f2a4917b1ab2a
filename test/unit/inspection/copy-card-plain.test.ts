/** The copy's fast reader of plain feed rows gives exactly the card the schema path gives, and hands back the rest. */
import { describe, expect, it } from 'vitest';
import { exportRowSchema } from '../../../src/shared/catalogue/export-dto.ts';
import { copyCardFromPlainRow, copyCardFromRow, supersedes } from '../../../src/shared/inspection/copy-card.ts';

const usual = {
  id: 7,
  name_ru: 'Молоко 3,2 %',
  name_kk: 'Сүт 3,2 % Қазақстан',
  gtin: '4870001234561',
  ntin_code: '0200000000017',
  is_social: true,
  is_markedeac: false,
  ntin_isdeactivated: false,
  modified: 1_760_000_000.5,
  measure: { code: '796', name: 'штука', short_name: 'шт' },
};

describe('copyCardFromPlainRow', () => {
  const plainShapes: Record<string, Record<string, unknown>> = {
    usual,
    'measure as text': { ...usual, measure: 'кг' },
    'no measure': { ...usual, measure: undefined },
    'measure without short name': { ...usual, measure: { code: '166', name: 'килограмм' } },
    'measure with only a code': { ...usual, measure: { code: '166' } },
    'no GTIN': { ...usual, gtin: '' },
    'UPC-A GTIN with spaces': { ...usual, gtin: ' 036000291452 ' },
    'EAN-8 GTIN': { ...usual, gtin: '96385074' },
    'an invalid GTIN': { ...usual, gtin: '4870001234560' },
    'no NTIN, a GTIN': { ...usual, ntin_code: '' },
    'neither code': { ...usual, ntin_code: ' ', gtin: '' },
    'deactivated, no is_markedeac': { ...usual, ntin_isdeactivated: true, is_markedeac: undefined },
    'extra fields': { ...usual, reason: 'withdrawn', extra: { a: 1 } },
  };
  for (const [name, row] of Object.entries(plainShapes)) {
    it(`reads ${name} as the schema does`, () => {
      const fast = copyCardFromPlainRow(row);
      expect(fast).not.toBe('unusual');
      expect(fast).toEqual(copyCardFromRow(exportRowSchema.parse(row)));
    });
  }

  const unusualShapes: Record<string, unknown> = {
    'id as text': { ...usual, id: '7' },
    'modified as text': { ...usual, modified: '1760000000' },
    'modified not finite': { ...usual, modified: Number.NaN },
    'flags as numbers': { ...usual, is_social: 1 },
    'a null name': { ...usual, name_kk: null },
    'a numeric GTIN': { ...usual, gtin: 4870001234561 },
    'a null measure': { ...usual, measure: null },
    'a measure with a numeric code': { ...usual, measure: { code: 796 } },
    'not an object': 'row',
    null: null,
  };
  for (const [name, row] of Object.entries(unusualShapes)) {
    it(`hands ${name} to the schema`, () => {
      expect(copyCardFromPlainRow(row)).toBe('unusual');
    });
  }
});

describe('supersedes', () => {
  const card = (modified: number) => ({ key: '0200000000017', id: 1, ntin: '0200000000017', gtin: '', nameRu: 'Сүт', nameKk: 'Сүт', unit: 'шт', deactivated: false, social: false, modified });
  it('the later modified wins, a tie goes to the incoming card, and a card without a time (0) replaces the held one', () => {
    expect(supersedes(card(200), card(100))).toBe(true);
    expect(supersedes(card(100), card(100))).toBe(true);
    expect(supersedes(card(50), card(100))).toBe(false);
    expect(supersedes(card(0), card(100))).toBe(true);
  });
});
