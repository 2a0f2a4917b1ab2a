import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../app/format.ts';
import type { LabelProblem } from '../../../shared/labels/light.ts';

/**
 * The locale numbers are written in. Kazakh writes a decimal comma (CLDR `kk`), but Chromium's bundled ICU
 * data formats `kk` with a point; the Russian rules give the same digits, comma and spaces.
 */
export function numberLocale(language: string): string {
  return language === 'kk' ? 'ru' : language;
}

/**
 * Translates a refusal of the label core (`labels.*`) or of a code validator (`codes.*`) with its figures.
 * Numbers are shown the way the reader writes them (a decimal comma in Kazakh and Russian).
 */
export function useProblemText(): (problem: LabelProblem) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (problem: LabelProblem) => {
      const format = numberFormat(i18n.language, { maximumFractionDigits: 3, useGrouping: false });
      const params = Object.fromEntries(Object.entries(problem.params ?? {}).map(([name, value]) => [name, typeof value === 'number' ? format.format(value) : value]));
      return t(problem.key, params);
    },
    [t, i18n.language],
  );
}
