import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/shared/i18n/locales.ts';
import { coreResources } from '../../../src/shared/i18n/resources.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';
import { LabelError, checkLabelItem, defineTemplate, labelsMessages, layoutLabels, type LayoutOptions } from '../../../src/shared/labels/index.ts';
import { distinctItems, metrics, product } from './helpers.ts';

function errorOf(work: () => unknown): LabelError {
  try {
    work();
  } catch (error) {
    if (error instanceof LabelError) return error;
    throw error;
  }
  throw new Error('expected a LabelError');
}

const layoutError = (options: LayoutOptions) => errorOf(() => layoutLabels(distinctItems(1), options, metrics));

describe('labels messages', () => {
  it('are registered as the `labels` namespace in every language', () => {
    for (const locale of locales) expect(coreResources(locale).labels).toBe(labelsMessages[locale]);
  });

  it('translate every refusal with all its figures filled in, in kk, ru and en', () => {
    const errors = [
      layoutError({ template: 'avery-l7651', fields: { nameKk: true, nameRu: true } }),
      layoutError({ template: defineTemplate({ kind: 'thermal', pageWidthMm: 30, pageHeightMm: 20, columns: 1, rows: 1, labelWidthMm: 30, labelHeightMm: 20 }) }),
      layoutError({ template: 'thermal-58x40', barHeightMm: 10 }),
      layoutError({ template: 'avery-l7160', moduleMm: 1 }),
      layoutError({ template: 'avery-l7160', maxMagnification: 3 }),
      layoutError({ template: 'avery-l7160', startPosition: 40 }),
      layoutError({ template: 'avery-l7160', calibration: { scaleY: 2 } }),
      layoutError({ template: 'x' }),
      layoutError({ template: 'thermal-58x40', dpi: 150 }),
      errorOf(() => defineTemplate({ kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297, columns: 4, rows: 1, labelWidthMm: 60, labelHeightMm: 30 })),
      errorOf(() => defineTemplate({ kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297, columns: 1, rows: 1, labelWidthMm: 60, labelHeightMm: 30, pitchYMm: 20 })),
    ];
    const row = checkLabelItem(product('96385074', { copies: '-1', nameRu: '漢' }), { metrics });
    const problems = row.ok ? [] : row.problems.map((p) => p.problem);
    expect(problems.map((p) => p.key)).toEqual(['labels.code.gtin8', 'labels.record.badCopies', 'labels.record.missingGlyph']);
    for (const locale of locales) {
      const t = createTranslator(locale);
      for (const { key, params } of [...errors.map((e) => e.problem), ...problems]) {
        const text = t(key, params);
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(text, `${locale} ${key}`).not.toMatch(/\{\{/u);
      }
    }
    expect(createTranslator('ru')(errors[0]?.key ?? '', errors[0]?.params)).toContain('name_kk, name_ru');
  });
});
