/**
 * Printing from the host: PDFs at actual size through Chromium's print pipeline, and raw printer language
 * (ZPL) over TCP to a network printer's port 9100. Electron and the socket come in as parameters. Which
 * hosts may be used is decided before (`raw-printers.ts`); the port range is the contract's (`src/shared/printers.ts`).
 */
import { Socket } from 'node:net';

export interface PrinterSummary {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintableContents {
  getPrintersAsync(): Promise<{ name: string; displayName: string; isDefault?: boolean }[]>;
}

export async function listPrinters(contents: PrintableContents): Promise<PrinterSummary[]> {
  const printers = await contents.getPrintersAsync();
  return printers.map((printer) => ({ name: printer.name, displayName: printer.displayName || printer.name, isDefault: Boolean(printer.isDefault) }));
}

export interface PdfPrintJob {
  /** System printer name (not the display name); undefined = ask with the system dialog. */
  printerName?: string;
  pageWidthMm: number;
  pageHeightMm: number;
  copies?: number;
}

/** The options Chromium needs to print a label PDF at 100 %: page size in microns, no margins, no scaling. */
export function pdfPrintOptions(job: PdfPrintJob) {
  const microns = (mm: number) => Math.max(353, Math.round(mm * 1000)); // Chromium's minimum is 353 µm a side
  return {
    silent: job.printerName !== undefined,
    ...(job.printerName !== undefined ? { deviceName: job.printerName } : {}),
    printBackground: true,
    color: false,
    landscape: false,
    scaleFactor: 100,
    copies: job.copies ?? 1,
    margins: { marginType: 'none' as const },
    pageSize: { width: microns(job.pageWidthMm), height: microns(job.pageHeightMm) },
    // The label stock is the driver's paper; the explicit pageSize wins so Chromium never shrinks to fit.
    usePrinterDefaultPageSize: false,
  };
}

export type PrintCallbackContents = {
  print(options: ReturnType<typeof pdfPrintOptions>, callback: (success: boolean, failureReason: string) => void): void;
};

export function printContents(contents: PrintCallbackContents, job: PdfPrintJob): Promise<{ printed: boolean; failureReason?: string }> {
  return new Promise((resolve) => {
    contents.print(pdfPrintOptions(job), (success, failureReason) =>
      resolve(success ? { printed: true } : { printed: false, failureReason: failureReason || 'Print job failed' }),
    );
  });
}

export function sendRaw(host: string, port: number, bytes: Uint8Array, timeoutMs = 10_000): Promise<{ sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`Printer ${host}:${port} did not answer within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.connect(port, host, () => {
      socket.end(bytes, () => resolve({ sentBytes: bytes.byteLength }));
    });
  });
}
