/**
 * Checks a PDF before it enters the register: that it is one (by its bytes, not its name), fits the catalogue's
 * 5 MB limit (catalogue-api §4.18), is complete, is not encrypted, and opens in pdf.js (whose parser runs in its
 * worker, see pdfjs.ts); then draws its first page as a thumbnail.
 */
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { sniffSignature, type FileSignature } from './file-signature.ts';
import { loadPdfJs, pdfOpenOptions } from './pdfjs.ts';

export type PdfProblem =
  | { code: 'empty' }
  | { code: 'notPdf'; actual: FileSignature }
  | { code: 'tooLarge'; bytes: number; maxBytes: number }
  /** Cut off (no end-of-file marker) or unreadable by pdf.js. */
  | { code: 'corrupt'; truncated: boolean; detail: string }
  /** Needs a password to open. */
  | { code: 'passwordProtected' }
  /** Opens without a password but is encrypted (an owner password restricting printing or copying). */
  | { code: 'encrypted' }
  | { code: 'noPages' };

export interface PdfFacts {
  pages: number;
  /** First page size in PDF points (1/72 in). */
  firstPage: { width: number; height: number };
  thumbnail: Blob;
}

export type PdfInspection = { ok: true; facts: PdfFacts } | { ok: false; problem: PdfProblem };

export interface InspectOptions {
  maxBytes: number;
  thumbnailWidth?: number;
  /** A pathological file must not keep the form waiting. */
  timeoutMs?: number;
}

/** Readers look for the header within the first 1024 bytes (ISO 32000-1 §7.5.2 leaves room for leading junk). */
const headerWindow = 1024;
/** …and for the end-of-file marker near the end; a file cut off while downloading or copying has none. */
const trailerWindow = 2048;

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const codes = Array.from(text, (char) => char.charCodeAt(0));
  outer: for (let at = 0; at + codes.length <= bytes.length; at += 1) {
    for (let offset = 0; offset < codes.length; offset += 1) if (bytes[at + offset] !== codes[offset]) continue outer;
    return at;
  }
  return -1;
}

/** The cheap checks that need no parser: header, size, end-of-file marker. */
export async function checkPdfEnvelope(file: Blob, maxBytes: number): Promise<PdfProblem | null> {
  if (file.size === 0) return { code: 'empty' };
  const head = new Uint8Array(await file.slice(0, headerWindow).arrayBuffer());
  if (indexOfAscii(head, '%PDF-') < 0) return { code: 'notPdf', actual: sniffSignature(head.subarray(0, 64)) };
  if (file.size > maxBytes) return { code: 'tooLarge', bytes: file.size, maxBytes };
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - trailerWindow)).arrayBuffer());
  if (indexOfAscii(tail, '%%EOF') < 0) return { code: 'corrupt', truncated: true, detail: 'no %%EOF marker at the end' };
  return null;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function renderThumbnail(page: PDFPageProxy, width: number): Promise<Blob> {
  const natural = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / natural.width });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(viewport.width));
  canvas.height = Math.max(1, Math.round(viewport.height));
  await page.render({ canvas, viewport }).promise;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the thumbnail could not be encoded');
  return blob;
}

async function openAndRender(file: Blob, thumbnailWidth: number, started: (task: PDFDocumentLoadingTask) => void): Promise<PdfInspection> {
  const { pdfjs, worker } = await loadPdfJs();
  // pdf.js moves the buffer to its worker: a fresh copy of the file's bytes.
  const task = pdfjs.getDocument({ ...pdfOpenOptions, worker, data: new Uint8Array(await file.arrayBuffer()) });
  started(task);
  try {
    let pdf: PDFDocumentProxy;
    try {
      pdf = await task.promise;
    } catch (error) {
      if (errorName(error) === 'PasswordException') return { ok: false, problem: { code: 'passwordProtected' } };
      return { ok: false, problem: { code: 'corrupt', truncated: false, detail: `${errorName(error) || 'Error'}: ${errorMessage(error)}` } };
    }
    const { info } = await pdf.getMetadata();
    if (typeof info === 'object' && info !== null && 'EncryptFilterName' in info && info.EncryptFilterName) {
      return { ok: false, problem: { code: 'encrypted' } };
    }
    if (pdf.numPages < 1) return { ok: false, problem: { code: 'noPages' } };
    try {
      const page = await pdf.getPage(1);
      const natural = page.getViewport({ scale: 1 });
      const thumbnail = await renderThumbnail(page, thumbnailWidth);
      return { ok: true, facts: { pages: pdf.numPages, firstPage: { width: Math.round(natural.width), height: Math.round(natural.height) }, thumbnail } };
    } catch (error) {
      return { ok: false, problem: { code: 'corrupt', truncated: false, detail: `page 1: ${errorMessage(error)}` } };
    }
  } finally {
    void task.destroy();
  }
}

export async function inspectPdf(file: Blob, options: InspectOptions): Promise<PdfInspection> {
  const envelope = await checkPdfEnvelope(file, options.maxBytes);
  if (envelope) return { ok: false, problem: envelope };
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let task: PDFDocumentLoadingTask | undefined;
  const timeout = new Promise<PdfInspection>((resolve) => {
    timer = setTimeout(() => {
      void task?.destroy(); // stops the parser's work on this file; the worker stays for the next one
      resolve({ ok: false, problem: { code: 'corrupt', truncated: false, detail: `not opened within ${timeoutMs} ms` } });
    }, timeoutMs);
  });
  try {
    return await Promise.race([openAndRender(file, options.thumbnailWidth ?? 240, (started) => (task = started)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
