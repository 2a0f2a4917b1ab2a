/**
 * Local pre-checks of a product photo, run before anything is sent. The catalogue has no published rule on
 * resolution or background (domain-rules §3.5): it scores every photo with an AI and returns applications whose
 * photos fail (catalogue-api §6.3). These checks only warn about what most often fails such scoring and what
 * marketplaces state as rules: a small image, and a busy background instead of a plain one.
 */

/**
 * A photo whose shorter side is under 800 px gets a warning. Marketplaces that publish a rule ask for 64–6000 px
 * per side (domain-rules §3.5), which is too small to read a label; 800 px keeps the text on the packaging legible.
 */
export const minShorterSidePx = 800;

/** The picture is analysed scaled to at most this many pixels on its longer side: clutter survives, sensor noise does not. */
export const analysisSidePx = 256;
/**
 * The border band analysed, as a share of each side: where the background shows even when the product fills the
 * frame, as marketplaces ask, with a small margin. A product touching the very edge of the frame reads as a busy
 * border; that is a warning worth giving too (the AI sees a cut-off product).
 */
export const borderShare = 0.05;
/** Luminance step between neighbouring pixels (0–255) counted as an edge. */
export const edgeStep = 24;
/** More than this share of edge pixels in the border band reads as clutter (shelves, hands, text, patterns). */
export const maxEdgeDensity = 0.08;
/**
 * Large patches of different colours make fewer edges per pixel, but a wide spread of brightness. Spread alone is
 * not enough: a product that fills the frame reaches into the border band (that is what we ask for) and spreads
 * the brightness too, yet adds only its outline as edges. So a wide spread counts only together with some edges.
 */
export const maxLuminanceSpread = 40;
export const minEdgeDensityWithSpread = 0.03;

export interface BackgroundCheck {
  /** Share of border pixels on an edge, 0–1. */
  edgeDensity: number;
  /** Standard deviation of the border's luminance, 0–255. */
  luminanceSpread: number;
  /** Mean luminance of the border, 0–255 (a light background is above ~170). */
  meanLuminance: number;
  busy: boolean;
}

export interface PhotoChecks {
  width: number;
  height: number;
  lowResolution: boolean;
  background: BackgroundCheck;
}

export function isLowResolution(width: number, height: number): boolean {
  return Math.min(width, height) < minShorterSidePx;
}

/** Size that fits inside `maxSide` × `maxSide` with the same aspect ratio (never enlarged). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function luminanceOf(rgba: Uint8ClampedArray, width: number, height: number): Float32Array {
  const luminance = new Float32Array(width * height);
  for (let pixel = 0; pixel < luminance.length; pixel += 1) {
    const at = pixel * 4;
    // Transparent pixels of a PNG are shown (and sent as JPEG) on white.
    const alpha = (rgba[at + 3] ?? 255) / 255;
    const y = 0.299 * (rgba[at] ?? 0) + 0.587 * (rgba[at + 1] ?? 0) + 0.114 * (rgba[at + 2] ?? 0);
    luminance[pixel] = y * alpha + 255 * (1 - alpha);
  }
  return luminance;
}

/**
 * Heuristic over the border band of a (small) picture: how uniform the background is. A plain background has few
 * edges and little spread of brightness; a cluttered one has many edges. Smooth gradients and soft shadows raise the
 * spread a little but add no edges, so they pass.
 */
export function checkBackground(rgba: Uint8ClampedArray, width: number, height: number): BackgroundCheck {
  const luminance = luminanceOf(rgba, width, height);
  const bandX = Math.max(2, Math.round(width * borderShare));
  const bandY = Math.max(2, Math.round(height * borderShare));
  const inBorder = (x: number, y: number) => x < bandX || x >= width - bandX || y < bandY || y >= height - bandY;
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  let edges = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!inBorder(x, y)) continue;
      const value = luminance[y * width + x] ?? 0;
      count += 1;
      sum += value;
      sumOfSquares += value * value;
      const right = x + 1 < width ? (luminance[y * width + x + 1] ?? value) : value;
      const below = y + 1 < height ? (luminance[(y + 1) * width + x] ?? value) : value;
      if (Math.abs(right - value) + Math.abs(below - value) > edgeStep) edges += 1;
    }
  }
  const mean = count === 0 ? 0 : sum / count;
  const spread = count === 0 ? 0 : Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
  const edgeDensity = count === 0 ? 0 : edges / count;
  return {
    edgeDensity: Math.round(edgeDensity * 1000) / 1000,
    luminanceSpread: Math.round(spread * 10) / 10,
    meanLuminance: Math.round(mean),
    busy: edgeDensity > maxEdgeDensity || (edgeDensity > minEdgeDensityWithSpread && spread > maxLuminanceSpread),
  };
}

/** Draws the picture small (averaging, so per-pixel noise fades) and checks its size and background. */
export function checkPhotoPixels(source: ImageBitmap): PhotoChecks {
  const small = fitWithin(source.width, source.height, analysisSidePx);
  const canvas = new OffscreenCanvas(small.width, small.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas in this browser');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, small.width, small.height);
  const pixels = context.getImageData(0, 0, small.width, small.height);
  return {
    width: source.width,
    height: source.height,
    lowResolution: isLowResolution(source.width, source.height),
    background: checkBackground(pixels.data, small.width, small.height),
  };
}
