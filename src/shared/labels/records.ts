import { ean13DigitsFor } from './ean13.ts';
import type { LabelProblem } from './errors.ts';
import type { FontMetrics } from './font.ts';
import { labelProductColumns, labelTextFields, type LabelProduct, type LabelProductField, type LabelProductInput, type LabelTextField } from './product.ts';

export type { LabelProductInput } from './product.ts';

/** A checked product, ready for the layout: the product with the 13 digits its EAN-13 encodes. */
export interface LabelItem extends LabelProduct {
  /** The code as entered (trimmed). */
  readonly code: string;
  /** The 13 digits the EAN-13 encodes. */
  readonly digits: string;
  readonly kind: 'ntin' | 'gtin';
}

/** Kept under their first names for the command line; the same as `LabelProductField` and `labelProductColumns`. */
export type ProductField = LabelProductField;
export const productColumns = labelProductColumns;

export interface FieldProblem {
  readonly field: ProductField;
  readonly problem: LabelProblem;
}

export type ItemCheck = { readonly ok: true; readonly item: LabelItem } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export const DEFAULT_MAX_COPIES = 10_000;

function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Checks one product: the code (NTIN or GTIN, with its check digit) must make an EAN-13, copies must be a
 * whole number from 1 to `maxCopies` (empty = 1), and — when font metrics are given — every character of the
 * text fields must exist in the label font. Every problem is reported, not only the first.
 */
export function checkLabelItem(input: LabelProductInput, options: { metrics?: FontMetrics; maxCopies?: number } = {}): ItemCheck {
  const problems: FieldProblem[] = [];
  const source = ean13DigitsFor(input.code);
  if (!source.ok) problems.push({ field: 'code', problem: source.problem });
  const maxCopies = options.maxCopies ?? DEFAULT_MAX_COPIES;
  let copies = 1;
  const rawCopies = typeof input.copies === 'number' ? String(input.copies) : clean(input.copies);
  if (rawCopies !== '') {
    copies = /^\d+$/u.test(rawCopies) ? Number(rawCopies) : Number.NaN;
    if (!Number.isInteger(copies) || copies < 1 || copies > maxCopies) {
      problems.push({ field: 'copies', problem: { key: 'labels.record.badCopies', params: { value: rawCopies, max: maxCopies } } });
    }
  }
  const texts = Object.fromEntries(labelTextFields.map((field) => [field, clean(input[field])])) as Record<LabelTextField, string>;
  if (options.metrics) {
    const faces = options.metrics.bold === options.metrics.regular ? [options.metrics.regular] : [options.metrics.regular, options.metrics.bold];
    for (const field of labelTextFields) {
      for (const face of faces) {
        const missing = face.missing(texts[field]);
        if (missing !== undefined) {
          const codePoint = `U+${(missing.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
          problems.push({ field, problem: { key: 'labels.record.missingGlyph', params: { char: missing, codePoint } } });
          break;
        }
      }
    }
  }
  if (problems.length > 0 || !source.ok) return { ok: false, problems };
  return { ok: true, item: { code: input.code.trim(), digits: source.digits, kind: source.kind, ...texts, copies } };
}
