/**
 * pdf.js, loaded on first use (it is large and only documents need it), with its parser in a worker.
 *
 * CSP: the page allows `script-src 'self'` and `worker-src 'self' blob:` (Electron's app:// and the web twin
 * alike), so the worker must be a file of our own origin:
 * - Vite's `?url` import copies pdf.js's prebuilt module worker into the build as a same-origin asset, in the web
 *   build and in electron-vite's renderer build, and serves it from node_modules in dev and in Vitest; it runs as a
 *   module worker (it uses `import.meta.url`). The labels preview imports the very same URL, so the build ships
 *   this 1.2 MB file once. (`?worker&url` would re-bundle it as a second, IIFE copy.)
 * - The worker is handed to pdf.js as a port (`PDFWorker.create({ port })`) and passed per document, so pdf.js never
 *   builds a blob: wrapper or a "fake worker" on the page, and no global pdf.js setting is touched.
 * - `isEvalSupported: false` keeps pdf.js from trying `new Function` (no 'unsafe-eval'); `useWasm: false` from
 *   compiling WebAssembly (no 'wasm-unsafe-eval'): pdf.js then uses its JS decoders.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfJs = typeof PdfJsModule;
export type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

let loading: Promise<{ pdfjs: PdfJs; worker: PdfWorker }> | undefined;

/** pdf.js and one worker for the page's lifetime. */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; worker: PdfWorker }> {
  loading ??= import('pdfjs-dist').then((pdfjs) => ({
    pdfjs,
    worker: pdfjs.PDFWorker.create({ port: new Worker(pdfWorkerUrl, { type: 'module', name: 'pdfjs-documents' }) }),
  }));
  // A failed load (say, the chunk could not be fetched) is retried on the next call.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Options for every `getDocument` call of the documents: nothing the CSP forbids, nothing fetched from elsewhere. */
export const pdfOpenOptions = {
  isEvalSupported: false,
  useWasm: false,
  enableXfa: false,
  disableAutoFetch: true,
  disableStream: true,
} as const;
