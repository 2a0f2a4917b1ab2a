import { describe, expect, it } from 'vitest';
import { checkPhotoPixels, isLowResolution, minShorterSidePx } from '../../src/renderer/workers/photo-checks.ts';

/** A seeded generator, so the "random" pictures are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function canvas(width: number, height: number): { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D } {
  const surface = new OffscreenCanvas(width, height);
  const context = surface.getContext('2d');
  if (!context) throw new Error('no canvas');
  return { canvas: surface, context };
}

/** A product (dark box with a label) in the middle of a plain light background, with a soft shadow. */
function productOnPlainBackground(width: number, height: number): OffscreenCanvas {
  const { canvas: surface, context } = canvas(width, height);
  context.fillStyle = '#f4f4f2';
  context.fillRect(0, 0, width, height);
  context.shadowColor = 'rgba(0,0,0,0.25)';
  context.shadowBlur = 30;
  context.fillStyle = '#2b4a7a';
  context.fillRect(width * 0.3, height * 0.2, width * 0.4, height * 0.6);
  context.shadowBlur = 0;
  context.fillStyle = '#ffffff';
  context.fillRect(width * 0.35, height * 0.4, width * 0.3, height * 0.15);
  return surface;
}

/** The same product on a cluttered background: random coloured blocks (shelves, boxes, hands…). */
function productOnClutter(width: number, height: number, block: number): OffscreenCanvas {
  const { canvas: surface, context } = canvas(width, height);
  const random = seeded(7);
  for (let y = 0; y < height; y += block) {
    for (let x = 0; x < width; x += block) {
      context.fillStyle = `rgb(${Math.floor(random() * 256)},${Math.floor(random() * 256)},${Math.floor(random() * 256)})`;
      context.fillRect(x, y, block, block);
    }
  }
  context.fillStyle = '#2b4a7a';
  context.fillRect(width * 0.3, height * 0.2, width * 0.4, height * 0.6);
  return surface;
}

/** A plain background with per-pixel sensor noise (±12 levels): not clutter. */
function plainWithSensorNoise(width: number, height: number): OffscreenCanvas {
  const { canvas: surface, context } = canvas(width, height);
  const pixels = context.createImageData(width, height);
  const random = seeded(11);
  for (let at = 0; at < pixels.data.length; at += 4) {
    const value = 235 + Math.round((random() - 0.5) * 24);
    pixels.data[at] = value;
    pixels.data[at + 1] = value;
    pixels.data[at + 2] = value;
    pixels.data[at + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return surface;
}

/** A smooth light gradient, as a studio backdrop lit from one side. */
function gradientBackdrop(width: number, height: number): OffscreenCanvas {
  const { canvas: surface, context } = canvas(width, height);
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#ffffff');
  gradient.addColorStop(1, '#c8c8c8');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  return surface;
}

async function check(surface: OffscreenCanvas) {
  const bitmap = await createImageBitmap(surface);
  try {
    return checkPhotoPixels(bitmap);
  } finally {
    bitmap.close();
  }
}

describe('photo pre-checks (canvas-generated pictures, real Chromium)', () => {
  it('finds a product on a plain light background fine', async () => {
    const result = await check(productOnPlainBackground(1600, 1200));
    expect(result.background.busy, JSON.stringify(result.background)).toBe(false);
    expect(result.background.meanLuminance).toBeGreaterThan(200);
    expect(result.lowResolution).toBe(false);
  });

  it('flags a cluttered background, whatever the size of the clutter', async () => {
    for (const block of [12, 40, 120]) {
      const result = await check(productOnClutter(1600, 1200, block));
      expect(result.background.busy, `block ${block}: ${JSON.stringify(result.background)}`).toBe(true);
    }
  });

  it('does not take a product filling the frame with a small margin for clutter', async () => {
    const { canvas: surface, context } = canvas(1600, 1200);
    context.fillStyle = '#f7f7f7';
    context.fillRect(0, 0, 1600, 1200);
    context.fillStyle = '#1d2b44';
    context.fillRect(100, 80, 1400, 1040); // a margin of 6–7 % on every side
    const result = await check(surface);
    expect(result.background.busy, JSON.stringify(result.background)).toBe(false);
  });

  it('does not take sensor noise or a smooth gradient for clutter', async () => {
    const noise = await check(plainWithSensorNoise(2000, 1500));
    expect(noise.background.busy, JSON.stringify(noise.background)).toBe(false);
    const gradient = await check(gradientBackdrop(1600, 1200));
    expect(gradient.background.busy, JSON.stringify(gradient.background)).toBe(false);
  });

  it(`warns when the shorter side is under ${minShorterSidePx} px`, async () => {
    expect(isLowResolution(1200, minShorterSidePx - 1)).toBe(true);
    expect(isLowResolution(minShorterSidePx, minShorterSidePx)).toBe(false);
    const small = await check(productOnPlainBackground(640, 480));
    expect(small).toMatchObject({ width: 640, height: 480, lowResolution: true });
  });
});
