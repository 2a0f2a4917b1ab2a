import type { FontFace } from './font.ts';

/** A 1-bit image, row-major, one byte per pixel (0 white, 1 black), `width × height` dots. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

interface Edge {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Segments per curve: enough for glyphs a few millimetres tall at 203–300 dpi. */
const CURVE_STEPS = 8;

/**
 * Rasterises a line of text at a printer resolution, for ZPL `^GF` fields (the printer's own fonts lack the
 * Kazakh letters). Glyph outlines come from the same TTF as the PDF; pixels are set where the pixel centre
 * is inside the outline (non-zero winding), the way a thermal head prints.
 *
 * `originX` is the sub-dot offset of the text start inside the bitmap, `baseline` the baseline row.
 */
export function rasterizeText(
  face: FontFace,
  text: string,
  sizePt: number,
  dpi: number,
  letterSpacingDots: number,
  originX: number,
  baseline: number,
  width: number,
  height: number,
): Bitmap {
  const scale = (sizePt / 72) * (dpi / face.unitsPerEm);
  const edges: Edge[] = [];
  let penX = originX;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    addGlyphEdges(edges, face, codePoint, penX, baseline, scale);
    penX += face.advance(codePoint) * scale + letterSpacingDots;
  }
  return fill(edges, width, height);
}

function addGlyphEdges(edges: Edge[], face: FontFace, codePoint: number, penX: number, baseline: number, scale: number): void {
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  const to = (fx: number, fy: number): [number, number] => [penX + fx * scale, baseline - fy * scale];
  const line = (nx: number, ny: number) => {
    if (ny !== y) edges.push({ x0: x, y0: y, x1: nx, y1: ny });
    x = nx;
    y = ny;
  };
  for (const { command, args } of face.outline(codePoint)) {
    const a = args;
    if (command === 'moveTo') {
      if (x !== startX || y !== startY) line(startX, startY);
      [x, y] = to(a[0] ?? 0, a[1] ?? 0);
      startX = x;
      startY = y;
    } else if (command === 'lineTo') {
      const [nx, ny] = to(a[0] ?? 0, a[1] ?? 0);
      line(nx, ny);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy] = to(a[0] ?? 0, a[1] ?? 0);
      const [ex, ey] = to(a[2] ?? 0, a[3] ?? 0);
      const sx = x;
      const sy = y;
      for (let i = 1; i <= CURVE_STEPS; i += 1) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        line(u * u * sx + 2 * u * t * cx + t * t * ex, u * u * sy + 2 * u * t * cy + t * t * ey);
      }
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y] = to(a[0] ?? 0, a[1] ?? 0);
      const [c2x, c2y] = to(a[2] ?? 0, a[3] ?? 0);
      const [ex, ey] = to(a[4] ?? 0, a[5] ?? 0);
      const sx = x;
      const sy = y;
      for (let i = 1; i <= CURVE_STEPS; i += 1) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        line(
          u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex,
          u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ey,
        );
      }
    } else if (command === 'closePath') {
      line(startX, startY);
    }
  }
  if (x !== startX || y !== startY) line(startX, startY);
}

/**
 * Scanline fill with the non-zero winding rule, sampling pixel centres. Each edge adds its crossing to the
 * rows it spans (no per-row scan of every edge), then each row is filled between crossings.
 */
function fill(edges: readonly Edge[], width: number, height: number): Bitmap {
  const pixels = new Uint8Array(width * height);
  const rows: number[][] = Array.from({ length: height }, () => []);
  for (const e of edges) {
    const down = e.y1 > e.y0;
    const top = down ? e.y0 : e.y1;
    const bottom = down ? e.y1 : e.y0;
    // Rows whose centre (row + 0.5) lies in [top, bottom).
    const first = Math.max(0, Math.ceil(top - 0.5));
    const last = Math.min(height - 1, Math.ceil(bottom - 0.5) - 1);
    const slope = (e.x1 - e.x0) / (e.y1 - e.y0);
    for (let row = first; row <= last; row += 1) {
      // Crossing x, packed with the direction in one number pair.
      rows[row]?.push(e.x0 + (row + 0.5 - e.y0) * slope, down ? 1 : -1);
    }
  }
  const order: number[] = [];
  for (let row = 0; row < height; row += 1) {
    const crossings = rows[row] ?? [];
    const count = crossings.length / 2;
    if (count < 2) continue;
    order.length = 0;
    for (let i = 0; i < count; i += 1) order.push(i);
    order.sort((a, b) => (crossings[a * 2] ?? 0) - (crossings[b * 2] ?? 0));
    let winding = 0;
    for (let k = 0; k < count - 1; k += 1) {
      const here = order[k] ?? 0;
      const next = order[k + 1] ?? 0;
      winding += crossings[here * 2 + 1] ?? 0;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil((crossings[here * 2] ?? 0) - 0.5));
      const to = Math.min(width - 1, Math.ceil((crossings[next * 2] ?? 0) - 0.5) - 1);
      if (to >= from) pixels.fill(1, row * width + from, row * width + to + 1);
    }
  }
  return { width, height, pixels };
}

/** Packs a bitmap into bytes, 8 pixels per byte, most significant bit first; each row padded to whole bytes. */
export function packBitmap(bitmap: Bitmap): { bytesPerRow: number; rows: Uint8Array[] } {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const rows: Uint8Array[] = [];
  for (let row = 0; row < bitmap.height; row += 1) {
    const bytes = new Uint8Array(bytesPerRow);
    for (let col = 0; col < bitmap.width; col += 1) {
      if (bitmap.pixels[row * bitmap.width + col]) bytes[col >> 3] = (bytes[col >> 3] ?? 0) | (0x80 >> (col & 7));
    }
    rows.push(bytes);
  }
  return { bytesPerRow, rows };
}
