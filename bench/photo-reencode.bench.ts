/**
 * Re-encoding a 20-megapixel JPEG photo to fit the catalogue's 5 MB upload limit, in Chromium, with the production
 * photo worker from the built web twin (dist/web/assets/photo.worker-*.js: decode, pre-checks, thumbnail, fit).
 * Baselines measured in the same run, in a worker of the same page: decoding the same JPEG with createImageBitmap
 * (the floor of any re-encode), and one plain JPEG encode at the original size (what a naive single pass costs).
 * The input is drawn in the page: a product-like scene with sensor-like noise, encoded at quality 0.95.
 */
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../src/cli/static-server.ts';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { report } from './report.ts';

const runs = 5;
const width = 5472; // 5472 × 3648 ≈ 20.0 MP, a common 20 MP sensor size (3:2)
const height = 3648;
const maxBytes = 5 * 1024 * 1024;

const root = new URL('../dist/web/', import.meta.url).pathname;
const workerFile = existsSync(`${root}assets`) ? readdirSync(`${root}assets`).find((name) => /^photo\.worker-.*\.js$/.test(name)) : undefined;
if (!workerFile) {
  console.error('dist/web has no photo worker: run `npm run build:web` first.');
  process.exit(1);
}

const site = await startStaticServer({
  root,
  host: '127.0.0.1',
  port: 0,
  virtualFiles: { '/bench.html': { body: '<!doctype html><title>photo bench</title><p id="ready">ready</p>', contentType: 'text/html' } },
});

interface RunFigures {
  prepareMs: number[];
  decodeMs: number[];
  singleEncodeMs: number[];
  inputBytes: number;
  outputBytes: number;
  output: { width: number; height: number; quality: number; encodes: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  // tsx (esbuild with keepNames) wraps named functions in `__name(…)`; the page code below is serialised by
  // Playwright and runs in the page, where that helper does not exist.
  await page.addInitScript('globalThis.__name = (target) => target;');
  await page.goto(`${site.url}bench.html`);
  const figures = await page.evaluate(
    async ({ workerUrl, width, height, maxBytes, runs }): Promise<RunFigures> => {
      // ---- the input: a light backdrop with a product, and noise like a phone sensor's at ISO 400
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#f4f2ee');
      gradient.addColorStop(1, '#c9c6c0');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#1f4e79';
      context.fillRect(width * 0.32, height * 0.15, width * 0.36, height * 0.7);
      context.fillStyle = '#ffffff';
      context.font = `${Math.round(height / 20)}px sans-serif`;
      context.fillText('Сүт 2,5% 1 л', width * 0.36, height * 0.45);
      const pixels = context.getImageData(0, 0, width, height);
      let state = 7;
      for (let at = 0; at < pixels.data.length; at += 4) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const noise = ((state >>> 24) - 128) >> 3; // ±16 levels
        pixels.data[at] = (pixels.data[at] ?? 0) + noise;
        pixels.data[at + 1] = (pixels.data[at + 1] ?? 0) + noise;
        pixels.data[at + 2] = (pixels.data[at + 2] ?? 0) + noise;
      }
      context.putImageData(pixels, 0, 0);
      const input = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });

      // ---- the production worker, called as the app calls it: the one worker channel (workers/rpc.ts over
      // Comlink), spoken here on the wire because this page imports nothing: APPLY `dispatch` with the call.
      const photoWorker = new Worker(workerUrl, { type: 'module' });
      let nextId = 1;
      type Prepared = { upload: Blob; width: number; height: number; reencoded: { quality: number; encodes: number } | null };
      type Answer = { id: string; value?: { ok: boolean; value?: Prepared; message?: string } };
      const prepare = (file: Blob) =>
        new Promise<Prepared>((resolve, reject) => {
          const id = `bench-${String(nextId++)}`;
          const onAnswer = (event: MessageEvent<Answer>) => {
            if (event.data.id !== id) return;
            photoWorker.removeEventListener('message', onAnswer);
            const answer = event.data.value;
            if (answer?.ok && answer.value) resolve(answer.value);
            else reject(new Error(answer?.message ?? 'failed'));
          };
          photoWorker.addEventListener('message', onAnswer);
          const channel = new MessageChannel();
          const request = { method: 'prepare', input: { file, maxBytes, thumbnailSide: 320 }, port: channel.port2 };
          photoWorker.postMessage({ id, type: 'APPLY', path: ['dispatch'], argumentList: [{ type: 'RAW', value: request }] }, [channel.port2]);
        });

      // ---- the baselines, in a worker too (same thread kind, same decoder)
      const baselineSource = `onmessage = async (event) => {
        const start = performance.now();
        const bitmap = await createImageBitmap(event.data, { imageOrientation: 'from-image' });
        const decoded = performance.now();
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        bitmap.close();
        postMessage({ decodeMs: decoded - start, encodeMs: performance.now() - decoded, bytes: blob.size });
      };`;
      const baselineWorker = new Worker(URL.createObjectURL(new Blob([baselineSource], { type: 'text/javascript' })));
      const baseline = (file: Blob) =>
        new Promise<{ decodeMs: number; encodeMs: number }>((resolve) => {
          baselineWorker.onmessage = (event: MessageEvent<{ decodeMs: number; encodeMs: number }>) => resolve(event.data);
          baselineWorker.postMessage(file);
        });

      // One warm-up of each (worker start, decoder and encoder initialisation), then the measured runs.
      await prepare(input);
      await baseline(input);
      const figures: RunFigures = { prepareMs: [], decodeMs: [], singleEncodeMs: [], inputBytes: input.size, outputBytes: 0, output: { width: 0, height: 0, quality: 0, encodes: 0 } };
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        const result = await prepare(input);
        figures.prepareMs.push(performance.now() - start);
        figures.outputBytes = result.upload.size;
        figures.output = { width: result.width, height: result.height, quality: result.reencoded?.quality ?? 1, encodes: result.reencoded?.encodes ?? 0 };
        const plain = await baseline(input);
        figures.decodeMs.push(plain.decodeMs);
        figures.singleEncodeMs.push(plain.encodeMs);
      }
      photoWorker.terminate();
      baselineWorker.terminate();
      return figures;
    },
    { workerUrl: `${site.url}assets/${workerFile}`, width, height, maxBytes, runs },
  );

  const mib = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 100) / 100;
  const decodeMedian = Math.round(median(figures.decodeMs));
  report({
    name: 'photo-prepare-20mp-jpeg',
    value: Math.round(median(figures.prepareMs)),
    unit: 'ms',
    n: runs,
    baseline: { name: 'decode-only-createImageBitmap-20mp-jpeg', value: decodeMedian, unit: 'ms' },
    notes: `median; ${width}×${height} JPEG of ${mib(figures.inputBytes)} MiB → ${figures.output.width}×${figures.output.height} at quality ${figures.output.quality} after ${figures.output.encodes} encode(s); includes decode, pre-checks, thumbnail`,
  });
  report({
    name: 'photo-single-encode-20mp-q092',
    value: Math.round(median(figures.singleEncodeMs)),
    unit: 'ms',
    n: runs,
    baseline: { name: 'decode-only-createImageBitmap-20mp-jpeg', value: decodeMedian, unit: 'ms' },
    notes: 'one OffscreenCanvas.convertToBlob at the original size: the cost of each step of the fitting loop at full size',
  });
  report({
    name: 'photo-reencoded-size',
    value: mib(figures.outputBytes),
    unit: 'MiB',
    n: 1,
    baseline: { name: 'input-jpeg-size', value: mib(figures.inputBytes), unit: 'MiB' },
    notes: `limit ${mib(maxBytes)} MiB (5 × 1024 × 1024 bytes)`,
  });
} finally {
  await browser.close();
  await site.close();
}
