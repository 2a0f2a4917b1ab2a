import { labelProductColumns } from './product.ts';

/**
 * The text fields a label can show besides the barcode and its digits, and how they are styled.
 * A value too long for its line wraps over two lines (names, producer, country) where the label has room,
 * else shrinks down to `minSizePt`, and is cut with "…" only as the last resort.
 */
export const textFieldNames = ['nameKk', 'nameRu', 'quantity', 'producer', 'country'] as const;
export type TextFieldName = (typeof textFieldNames)[number];

/** Names go across the label; the details may go beside the symbol. */
export const nameFields: readonly TextFieldName[] = ['nameKk', 'nameRu'];

export interface FieldStyle {
  /** Preferred size, pt. */
  readonly sizePt?: number;
  /** Auto-fit never goes below this size, pt; text still too long is cut with an ellipsis. */
  readonly minSizePt?: number;
  readonly bold?: boolean;
  /** Written before the value, e.g. "Өндіруші / Производитель: ". */
  readonly prefix?: string;
  /**
   * Lines a value too long for one may take: it wraps over two before it shrinks, and takes more (up to
   * this) only when two lines at the minimum size would still cut it. 1 = never wraps.
   */
  readonly maxLines?: 1 | 2 | 3;
}

/** `false` hides a field, `true` shows it with the default style, an object adjusts the style. */
export type FieldsConfig = Partial<Record<TextFieldName, boolean | FieldStyle>>;

export interface ResolvedField {
  readonly name: TextFieldName;
  readonly sizePt: number;
  readonly minSizePt: number;
  readonly bold: boolean;
  readonly prefix: string;
  readonly maxLines: 1 | 2 | 3;
}

/** The CSV column that feeds each field (used in messages too). */
export const fieldColumns: Readonly<Record<TextFieldName, string>> = Object.fromEntries(textFieldNames.map((name) => [name, labelProductColumns[name]])) as Record<TextFieldName, string>;

const defaults: Readonly<Record<TextFieldName, Required<FieldStyle>>> = {
  nameKk: { sizePt: 8, minSizePt: 5, bold: true, prefix: '', maxLines: 2 },
  nameRu: { sizePt: 8, minSizePt: 5, bold: false, prefix: '', maxLines: 2 },
  quantity: { sizePt: 7.5, minSizePt: 5, bold: true, prefix: '', maxLines: 1 },
  // A legal entity's name cut short is useless: beside the symbol there is room for a third line.
  producer: { sizePt: 6.5, minSizePt: 4.5, bold: false, prefix: '', maxLines: 3 },
  country: { sizePt: 6.5, minSizePt: 4.5, bold: false, prefix: '', maxLines: 2 },
};

/** The smallest text the layout will print, pt (about 1.6 mm tall capitals). */
export const ABSOLUTE_MIN_SIZE_PT = 4;

/**
 * Merges the template's defaults and the caller's configuration (caller wins), in the fixed field order.
 * Hidden fields are left out.
 */
export function resolveFields(templateDefaults: FieldsConfig | undefined, config: FieldsConfig | undefined): ResolvedField[] {
  const out: ResolvedField[] = [];
  for (const name of textFieldNames) {
    const fromConfig = config?.[name];
    const fromTemplate = templateDefaults?.[name];
    const chosen = fromConfig ?? fromTemplate ?? true;
    if (chosen === false) continue;
    const base = defaults[name];
    const templateStyle = typeof fromTemplate === 'object' ? fromTemplate : {};
    const configStyle = typeof chosen === 'object' ? chosen : {};
    const style = { ...base, ...templateStyle, ...configStyle };
    const sizePt = Math.max(ABSOLUTE_MIN_SIZE_PT, style.sizePt);
    const minSizePt = Math.min(sizePt, Math.max(ABSOLUTE_MIN_SIZE_PT, style.minSizePt));
    out.push({ name, sizePt, minSizePt, bold: style.bold, prefix: style.prefix, maxLines: style.maxLines === 1 || style.maxLines === 2 || style.maxLines === 3 ? style.maxLines : base.maxLines });
  }
  return out;
}
