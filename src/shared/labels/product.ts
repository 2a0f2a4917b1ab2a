/**
 * The one product shape of the labels: what a label says about a product and how many copies to print.
 * The CSV of `ncg labels`, the page's print queue, the products found by a scan and the layout's checked
 * items are all this shape (or a part of it).
 */

/** The product's text, as printed (quantity and unit are joined on one line by the layout). */
export const labelTextFields = ['nameKk', 'nameRu', 'quantity', 'unit', 'producer', 'country'] as const;
export type LabelTextField = (typeof labelTextFields)[number];

export type LabelProductText = { readonly [field in LabelTextField]: string };

/** A complete product record: every text field filled ('' when unknown) and the copies counted. */
export interface LabelProduct extends LabelProductText {
  /** The NTIN or GTIN to print. */
  readonly code: string;
  readonly copies: number;
}

/** A product as it is typed or read from a CSV row: only the code is required; copies may still be text. */
export type LabelProductInput = { readonly code: string; readonly copies?: number | string } & { readonly [field in LabelTextField]?: string };

export type LabelProductField = keyof LabelProduct;
export const labelProductFields = ['code', ...labelTextFields, 'copies'] as const satisfies readonly LabelProductField[];

/** The CSV column of each field (`ncg labels`' documented layout, also used in messages). */
export const labelProductColumns: Readonly<Record<LabelProductField, string>> = {
  code: 'code',
  nameKk: 'name_kk',
  nameRu: 'name_ru',
  quantity: 'quantity',
  unit: 'unit',
  producer: 'producer',
  country: 'country',
  copies: 'copies',
};

/** The text of a product, every field present. */
export function labelProductText(source: Partial<LabelProductText>): LabelProductText {
  return Object.fromEntries(labelTextFields.map((field) => [field, source[field] ?? ''])) as LabelProductText;
}
