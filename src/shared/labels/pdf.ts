import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PrintScaling, type PDFFont } from 'pdf-lib';
import type { FaceName, LabelFonts } from './font.ts';
import type { LabelLayout, TextRun } from './layout.ts';

export interface PdfRenderOptions {
  /** Deflate the page content (default true). */
  readonly compress?: boolean;
  /** Thin grey label outlines, for a calibration print or a preview on plain paper (default false). */
  readonly outlines?: boolean;
  readonly title?: string;
  /** Fixed dates make the output byte-for-byte reproducible. */
  readonly creationDate?: Date;
}

const PT_PER_MM = 72 / 25.4;

/** Shortest decimal with at most 3 places: PDF numbers, never exponent notation. */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Turns text into the hex glyph string of the embedded subset font, one code point at a time (cached), so
 * that no ligature or shaping changes the width the layout measured. Registering a glyph here also puts it
 * in the subset.
 */
class GlyphEncoder {
  private readonly cache = new Map<number, string>();
  constructor(private readonly font: PDFFont) {}

  hex(text: string): string {
    let out = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      let hex = this.cache.get(codePoint);
      if (hex === undefined) {
        hex = this.font.encodeText(char).toString().slice(1, -1);
        this.cache.set(codePoint, hex);
      }
      out += hex;
    }
    return out;
  }
}

/**
 * Draws a layout into a PDF whose page size is exactly the template's, with no scaling (PrintScaling=None).
 * Bars are raw `re` operators with one `f` per page; text is drawn with the embedded subset TTF (Kazakh and
 * Russian need it: the standard PDF fonts are WinAnsi only). The calibration becomes one `cm` per page.
 *
 * Call from a page or a worker: `renderLabelsPdf(layoutLabels(items, options, createFontMetrics(fonts)), fonts)`.
 */
export async function renderLabelsPdf(layout: LabelLayout, fonts: LabelFonts, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const features = { liga: false, clig: false, dlig: false, calt: false, kern: false };
  // Subset fonts are named with a six-letter tag and "+" (PDF 32000 §9.6.4), which tools such as pdffonts read.
  const subsetName = (bytes: Uint8Array, tag: string) => `${tag}+${fontkit.create(bytes).postscriptName ?? 'LabelFont'}`;
  const regular = await doc.embedFont(fonts.regular, { subset: true, features, customName: subsetName(fonts.regular, 'NCGLBA') });
  const usesBold = fonts.bold !== undefined && layout.pages.some((page) => page.labels.some((label) => label.content.texts.some((t) => t.face === 'bold')));
  const bold = usesBold && fonts.bold ? await doc.embedFont(fonts.bold, { subset: true, features, customName: subsetName(fonts.bold, 'NCGLBB') }) : regular;
  const regularEncoder = new GlyphEncoder(regular);
  const encoders: Record<FaceName, GlyphEncoder> = { regular: regularEncoder, bold: bold === regular ? regularEncoder : new GlyphEncoder(bold) };

  doc.catalog.getOrCreateViewerPreferences().setPrintScaling(PrintScaling.None);
  doc.setTitle(options.title ?? `Labels — ${layout.template.name}`);
  doc.setCreator('NCG Desk');
  doc.setProducer('NCG Desk (pdf-lib)');
  if (options.creationDate) {
    doc.setCreationDate(options.creationDate);
    doc.setModificationDate(options.creationDate);
  }

  const widthPt = layout.pageWidthMm * PT_PER_MM;
  const heightPt = layout.pageHeightMm * PT_PER_MM;
  const { offsetXMm, offsetYMm, scaleX, scaleY } = layout.calibration;
  const calibrated = offsetXMm !== 0 || offsetYMm !== 0 || scaleX !== 1 || scaleY !== 1;
  // Page coordinates are measured from the top-left; the calibration scales about that corner and then moves.
  const cm = `${num(scaleX)} 0 0 ${num(scaleY)} ${num(offsetXMm * PT_PER_MM)} ${num((1 - scaleY) * heightPt - offsetYMm * PT_PER_MM)} cm\n`;
  const fontKey: Record<FaceName, string> = { regular: 'F1', bold: bold === regular ? 'F1' : 'F2' };

  for (const page of layout.pages) {
    const pdfPage = doc.addPage([widthPt, heightPt]);
    pdfPage.node.setFontDictionary(PDFName.of('F1'), regular.ref);
    if (bold !== regular) pdfPage.node.setFontDictionary(PDFName.of('F2'), bold.ref);
    const parts: string[] = ['q\n'];
    if (calibrated) parts.push(cm);
    if (options.outlines) {
      parts.push('0.6 G 0.2 w\n');
      for (const label of page.labels) {
        parts.push(`${num(label.xMm * PT_PER_MM)} ${num(heightPt - (label.yMm + label.heightMm) * PT_PER_MM)} ${num(label.widthMm * PT_PER_MM)} ${num(label.heightMm * PT_PER_MM)} re\n`);
      }
      parts.push('S\n');
    }
    parts.push('0 g\n');
    for (const label of page.labels) {
      const ox = label.xMm;
      const oy = label.yMm;
      for (const bar of label.content.bars) {
        const x = (ox + bar.xMm) * PT_PER_MM;
        const y = heightPt - (oy + bar.yMm + bar.heightMm) * PT_PER_MM;
        parts.push(`${num(x)} ${num(y)} ${num(bar.widthMm * PT_PER_MM)} ${num(bar.heightMm * PT_PER_MM)} re\n`);
      }
    }
    parts.push('f\nBT\n');
    let currentFont = '';
    let currentSpacing = 0;
    for (const label of page.labels) {
      for (const run of label.content.texts) {
        parts.push(textOps(run, label.xMm, label.yMm, heightPt, fontKey, encoders, currentFont, currentSpacing));
        currentFont = `${fontKey[run.face]} ${num(run.sizePt)}`;
        currentSpacing = run.letterSpacingMm;
      }
    }
    parts.push('ET\nQ\n');
    const content = parts.join('');
    const stream = options.compress === false ? doc.context.stream(content) : doc.context.flateStream(content);
    pdfPage.node.addContentStream(doc.context.register(stream));
  }
  return doc.save({ useObjectStreams: true, objectsPerTick: 2000 });
}

function textOps(
  run: TextRun,
  labelX: number,
  labelY: number,
  heightPt: number,
  fontKey: Record<FaceName, string>,
  encoders: Record<FaceName, GlyphEncoder>,
  currentFont: string,
  currentSpacing: number,
): string {
  let ops = '';
  const font = `${fontKey[run.face]} ${num(run.sizePt)}`;
  if (font !== currentFont) ops += `/${font} Tf\n`;
  if (run.letterSpacingMm !== currentSpacing) ops += `${num(run.letterSpacingMm * PT_PER_MM)} Tc\n`;
  const x = (labelX + run.xMm) * PT_PER_MM;
  const y = heightPt - (labelY + run.baselineMm) * PT_PER_MM;
  ops += `1 0 0 1 ${num(x)} ${num(y)} Tm\n<${encoders[run.face].hex(run.text)}> Tj\n`;
  return ops;
}
