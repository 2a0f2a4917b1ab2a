import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printContents, type PdfPrintJob } from './printing.ts';

/**
 * Prints PDF bytes through Chromium's PDF viewer in a hidden, sandboxed window (Electron ≥ 32 prints PDFs
 * loaded this way). The file lives in a private temporary folder only for the job's duration.
 */
export async function printPdfInHiddenWindow(bytes: Uint8Array, job: PdfPrintJob): Promise<{ printed: boolean; failureReason?: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'ncg-print-'));
  const file = join(folder, 'labels.pdf');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, javascript: false },
  });
  try {
    await writeFile(file, bytes);
    await window.loadURL(pathToFileURL(file).href);
    return await printContents(window.webContents, job);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
