import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listPrinters, pdfPrintOptions, printContents, sendRaw } from '../../../src/main/printing.ts';

describe('PDF printing options', () => {
  it('prints at actual size on the label stock: microns, no margins, no scaling', () => {
    const options = pdfPrintOptions({ printerName: 'Zebra_ZD421', pageWidthMm: 58, pageHeightMm: 40 });
    expect(options).toMatchObject({
      silent: true,
      deviceName: 'Zebra_ZD421',
      scaleFactor: 100,
      margins: { marginType: 'none' },
      pageSize: { width: 58_000, height: 40_000 },
      usePrinterDefaultPageSize: false,
    });
  });

  it('asks with the system dialog when no printer is chosen', () => {
    const options = pdfPrintOptions({ pageWidthMm: 210, pageHeightMm: 297 });
    expect(options.silent).toBe(false);
    expect(options).not.toHaveProperty('deviceName');
    expect(options.pageSize).toEqual({ width: 210_000, height: 297_000 });
  });

  it('never asks Chromium for less than its 353 µm minimum', () => {
    expect(pdfPrintOptions({ pageWidthMm: 0.1, pageHeightMm: 0.2 }).pageSize).toEqual({ width: 353, height: 353 });
  });

  it('reports the driver\'s failure reason', async () => {
    const failing = { print: (_options: unknown, callback: (ok: boolean, reason: string) => void) => callback(false, 'Invalid printer settings') };
    expect(await printContents(failing, { printerName: 'x', pageWidthMm: 58, pageHeightMm: 40 })).toEqual({ printed: false, failureReason: 'Invalid printer settings' });
    const working = { print: (_options: unknown, callback: (ok: boolean, reason: string) => void) => callback(true, '') };
    expect(await printContents(working, { pageWidthMm: 58, pageHeightMm: 40 })).toEqual({ printed: true });
  });

  it('lists printers with a display name', async () => {
    const printers = await listPrinters({ getPrintersAsync: async () => [{ name: 'zebra', displayName: '', isDefault: true }, { name: 'hp', displayName: 'HP LaserJet' }] });
    expect(printers).toEqual([
      { name: 'zebra', displayName: 'zebra', isDefault: true },
      { name: 'hp', displayName: 'HP LaserJet', isDefault: false },
    ]);
  });
});

describe('raw printing over TCP', () => {
  it('delivers every byte to a listening printer port (a real loopback socket)', async () => {
    const received: Buffer[] = [];
    const server = createServer((socket) => socket.on('data', (chunk) => received.push(chunk)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const zpl = new TextEncoder().encode('^XA^CI28^FO20,20^FDҚазақ^FS^XZ');
    const closed = new Promise<void>((resolve) => server.on('connection', (socket) => socket.on('end', () => resolve())));
    expect(await sendRaw('127.0.0.1', port, zpl)).toEqual({ sentBytes: zpl.byteLength });
    await closed;
    server.close();
    expect(new TextDecoder().decode(Buffer.concat(received))).toBe('^XA^CI28^FO20,20^FDҚазақ^FS^XZ');
  });

  it('fails clearly when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(sendRaw('127.0.0.1', port, new Uint8Array(1), 2000)).rejects.toThrow(/ECONNREFUSED/);
  });
});
