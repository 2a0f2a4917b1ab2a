import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import { MM_PER_PT } from './units.ts';

export { mmToPt, ptToMm } from './units.ts';

/**
 * Font bytes come from outside (the core reads no files): a TTF that covers Kazakh and Russian, e.g. the
 * DejaVu Sans shipped in resources/fonts/. `bold` is optional (the regular face is used instead).
 */
export interface LabelFonts {
  readonly regular: Uint8Array;
  readonly bold?: Uint8Array;
}

export type { FaceName } from './layout-model.ts';

export type PathCommand =
  | { readonly command: 'moveTo' | 'lineTo'; readonly args: readonly number[] }
  | { readonly command: 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'; readonly args: readonly number[] };


/**
 * Metrics of one face, in font units unless the name says mm. Text is measured by the sum of glyph advances
 * without ligatures or kerning — exactly what the PDF renderer draws (it encodes glyph by glyph).
 */
export class FontFace {
  readonly unitsPerEm: number;
  /** Ascender above the baseline (positive) and descender (negative), font units. */
  readonly ascent: number;
  readonly descent: number;
  /** Height of the digits above the baseline (top of "0"), font units. */
  readonly digitHeight: number;
  /** Advance of the digit "0" (DejaVu's digits are tabular), font units. */
  readonly digitAdvance: number;
  private readonly font: FontkitFont;
  private readonly advances = new Map<number, number>();
  private readonly outlines = new Map<number, readonly PathCommand[]>();

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
    this.unitsPerEm = this.font.unitsPerEm;
    this.ascent = this.font.ascent;
    this.descent = this.font.descent;
    const zero = this.font.glyphForCodePoint(0x30);
    this.digitHeight = zero.bbox.maxY;
    this.digitAdvance = zero.advanceWidth;
  }

  has(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /** The first character of `text` that this face cannot draw, or undefined. */
  missing(text: string): string | undefined {
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (codePoint < 0x20) return char;
      if (!this.has(codePoint)) return char;
    }
    return undefined;
  }

  advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = this.font.glyphForCodePoint(codePoint).advanceWidth;
      this.advances.set(codePoint, width);
    }
    return width;
  }

  /** Width in mm of `text` at `sizePt`, with `letterSpacingMm` after every character but the last. */
  widthMm(text: string, sizePt: number, letterSpacingMm = 0): number {
    let units = 0;
    let count = 0;
    for (const char of text) {
      units += this.advance(char.codePointAt(0) ?? 0);
      count += 1;
    }
    return (units / this.unitsPerEm) * sizePt * MM_PER_PT + Math.max(0, count - 1) * letterSpacingMm;
  }

  ascentMm(sizePt: number): number {
    return (this.ascent / this.unitsPerEm) * sizePt * MM_PER_PT;
  }

  descentMm(sizePt: number): number {
    return (-this.descent / this.unitsPerEm) * sizePt * MM_PER_PT;
  }

  /** Outline of the glyph for a code point, font units, y up. */
  outline(codePoint: number): readonly PathCommand[] {
    let commands = this.outlines.get(codePoint);
    if (commands === undefined) {
      // fontkit's Path keeps its commands in `commands`; the published typings leave the field out.
      const path = this.font.glyphForCodePoint(codePoint).path as unknown as { commands?: readonly PathCommand[] };
      commands = path.commands ?? [];
      this.outlines.set(codePoint, commands);
    }
    return commands;
  }
}

/** The faces a layout measures with and the ZPL renderer rasterises; build once per job from the font bytes. */
export interface FontMetrics {
  readonly regular: FontFace;
  readonly bold: FontFace;
}

export function createFontMetrics(fonts: LabelFonts): FontMetrics {
  const regular = new FontFace(fonts.regular);
  const bold = fonts.bold ? new FontFace(fonts.bold) : regular;
  return { regular, bold };
}

