import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const windows = vi.hoisted(() => [] as { options: unknown; loaded?: string; loadedBytes?: Buffer; destroyed: boolean; printOptions?: unknown }[]);

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly record: (typeof windows)[number];
    constructor(options: unknown) {
      this.record = { options, destroyed: false };
      windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded = url;
      this.record.loadedBytes = readFileSync(fileURLToPath(url));
    }
    get webContents() {
      return {
        print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
          this.record.printOptions = options;
          callback(true, '');
        },
      };
    }
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

const { printPdfInHiddenWindow } = await import('../../../src/main/print-window.ts');

describe('printing a label PDF from the host', () => {
  it('loads the bytes in a hidden sandboxed window, prints at the stock size, then cleans up', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 labels');
    expect(await printPdfInHiddenWindow(pdf, { printerName: 'Zebra_ZD421', pageWidthMm: 58, pageHeightMm: 40, copies: 3 })).toEqual({ printed: true });
    const [window] = windows;
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window?.loaded).toMatch(/^file:\/\/.*ncg-print-.*\/labels\.pdf$/);
    expect(window?.loadedBytes?.toString()).toBe('%PDF-1.7 labels');
    expect(window?.printOptions).toMatchObject({ silent: true, deviceName: 'Zebra_ZD421', copies: 3, pageSize: { width: 58_000, height: 40_000 }, margins: { marginType: 'none' } });
    expect(window?.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(window!.loaded!))).toBe(false);
  });
});
