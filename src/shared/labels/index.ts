/*
 * Barcode labels: GS1-correct EAN-13 labels of NTINs and GTINs on A4 sheets and thermal rolls.
 *
 *   const fonts = { regular: dejaVuSansBytes, bold: dejaVuSansBoldBytes };      // Uint8Array, from outside
 *   const metrics = createFontMetrics(fonts);
 *   const checks = inputs.map((input) => checkLabelItem(input, { metrics }));   // per-row problems
 *   const layout = layoutLabels(goodItems, { template: 'avery-l7160' }, metrics); // throws LabelError
 *   const pdf = await renderLabelsPdf(layout, fonts);                            // Uint8Array
 *   const zpl = renderLabelsZpl(layout, metrics);                                // thermal templates only
 */
export { ean13DigitsFor, ean13Modules, encodeEan13, type BarRun, type Ean13Source } from './ean13.ts';
export { LabelError, isLabelError, type LabelParams, type LabelProblem, type LabelProblemKey } from './errors.ts';
export { fieldColumns, resolveFields, textFieldNames, type FieldStyle, type FieldsConfig, type ResolvedField, type TextFieldName } from './fields.ts';
export { FontFace, createFontMetrics, mmToPt, ptToMm, type FaceName, type FontMetrics, type LabelFonts } from './font.ts';
export * as gs1Symbol from './gs1-symbol.ts';
export {
  LayoutBuilder,
  labelContent,
  layoutLabels,
  noCalibration,
  planLabelFrame,
  type Arrangement,
  type BarRect,
  type Box,
  type Calibration,
  type LabelContent,
  type LabelFrame,
  type LabelLayout,
  type LayoutOptions,
  type LayoutPage,
  type PlacedLabel,
  type SymbolGeometry,
  type TextRole,
  type TextRun,
} from './layout.ts';
export { labelsMessages, type LabelsMessageKey } from './messages.ts';
export { renderLabelsPdf, type PdfRenderOptions } from './pdf.ts';
export {
  DEFAULT_MAX_COPIES,
  checkLabelItem,
  productColumns,
  type FieldProblem,
  type ItemCheck,
  type LabelItem,
  type LabelProductInput,
  type ProductField,
} from './records.ts';
export {
  builtInTemplates,
  checkTemplate,
  defineTemplate,
  findTemplate,
  labelsPerPage,
  listTemplates,
  resolveTemplate,
  slotOrigin,
  type CustomTemplateInput,
  type Insets,
  type LabelTemplate,
  type TemplateKind,
} from './templates.ts';
export { compressGraphicRows, renderLabelsZpl, type ZplRenderOptions } from './zpl.ts';
