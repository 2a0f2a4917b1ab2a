/*
 * Barcode labels: GS1-correct EAN-13 labels of NTINs and GTINs on A4 sheets and thermal rolls.
 *
 *   const fonts = { regular: dejaVuSansBytes, bold: dejaVuSansBoldBytes };      // Uint8Array, from outside
 *   const metrics = createFontMetrics(fonts);
 *   const checks = inputs.map((input) => checkLabelItem(input, { metrics }));   // per-row problems
 *   const layout = layoutLabels(goodItems, { template: 'avery-l7160' }, metrics); // throws LabelError
 *   const pdf = await renderLabelsPdf(layout, fonts);                            // Uint8Array
 *   const zpl = renderLabelsZpl(layout, metrics);                                // thermal templates only
 *
 * Everything that needs no font (templates, the product shape, the queue, print options) is also in
 * light.ts, which the page thread imports without pulling fontkit and pdf-lib.
 */
export * from './light.ts';
export { ean13Modules, encodeEan13, type BarRun } from './ean13.ts';
export { FontFace, createFontMetrics, type FontMetrics, type LabelFonts } from './font.ts';
export * as gs1Symbol from './gs1-symbol.ts';
export { LayoutBuilder, labelContent, layoutLabels, planLabelFrame, type LabelFrame, type TextSlot } from './layout.ts';
export { renderLabelsPdf, type PdfRenderOptions } from './pdf.ts';
export { compressGraphicRows, renderLabelsZpl, type ZplRenderOptions } from './zpl.ts';
