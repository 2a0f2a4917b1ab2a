/**
 * pdf.js for the preview, set up for the app's CSP (`script-src 'self'; worker-src 'self' blob:`), which is
 * the same in Electron (app://) and in the web twin:
 * - its worker is our own module worker from our own origin (the worker file is copied into the build by
 *   Vite's `?url`), handed to pdf.js as a port, so pdf.js never builds a blob: wrapper or falls back to a
 *   "fake worker" that would run on the page;
 * - `isEvalSupported: false`: no `new Function` for glyph outlines (there is no 'unsafe-eval');
 * - `disableFontFace: true`: glyphs are drawn as paths from the embedded font instead of being loaded as a
 *   FontFace, so `font-src` never matters and the preview shows the embedded DejaVu glyphs, as printed.
 * Why not an <iframe>/<object> of a blob: URL: the CSP has `object-src 'none'` and no blob: frames, and
 * Electron shows PDFs in frames only with its PDF viewer plugin enabled for the main window.
 * pdf.js is loaded on first use only: it is large and only this page needs it.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

let loading: Promise<{ pdfjs: PdfJs; worker: PdfWorker }> | undefined;

function loadPdfJs(): Promise<{ pdfjs: PdfJs; worker: PdfWorker }> {
  loading ??= import('pdfjs-dist').then((pdfjs) => ({
    pdfjs,
    // One worker for the page's lifetime, passed per document so no global pdf.js setting is touched.
    worker: pdfjs.PDFWorker.create({ port: new Worker(pdfWorkerUrl, { type: 'module' }) }),
  }));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export interface PreviewPage {
  readonly canvas: HTMLCanvasElement;
  /** Size on screen, CSS pixels. */
  readonly cssWidth: number;
  readonly cssHeight: number;
}

export interface PreviewRequest {
  readonly bytes: Uint8Array;
  readonly maxPages: number;
  /** The page is fitted into this box, CSS pixels. */
  readonly maxCssWidth: number;
  readonly maxCssHeight: number;
  readonly pixelRatio: number;
}

/**
 * Draws the first pages of the PDF into new canvases. `signal` stops the work between pages (a newer PDF
 * arrived); the canvases are only handed back when every page is drawn, so the screen never shows half a job.
 */
export async function drawPdfPages(request: PreviewRequest, signal: AbortSignal): Promise<PreviewPage[]> {
  const { pdfjs, worker } = await loadPdfJs();
  // pdf.js moves the buffer to its worker; the caller's bytes must stay usable for printing and saving.
  const task = pdfjs.getDocument({ data: request.bytes.slice(), worker, isEvalSupported: false, disableFontFace: true, useWasm: false, enableXfa: false });
  try {
    const document = await task.promise;
    const pages: PreviewPage[] = [];
    for (let number = 1; number <= Math.min(request.maxPages, document.numPages); number += 1) {
      signal.throwIfAborted();
      const page = await document.getPage(number);
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.min(request.maxCssWidth / natural.width, request.maxCssHeight / natural.height);
      const viewport = page.getViewport({ scale: fit * request.pixelRatio });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport, background: '#ffffff' }).promise;
      pages.push({ canvas, cssWidth: Math.round(natural.width * fit), cssHeight: Math.round(natural.height * fit) });
    }
    return pages;
  } finally {
    void task.destroy();
  }
}
