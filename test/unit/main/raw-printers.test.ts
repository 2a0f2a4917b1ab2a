/**
 * `print:raw` reaches only printers on this computer or the local network that the user confirmed in the
 * host's own dialog (Electron's dialog is a recording fake); payloads are capped by the contract.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));
import { createHostHandlers, type HostServices } from '../../../src/main/bridge/handlers.ts';
import { confirmPrinterWithDialog, hostLocale } from '../../../src/main/printer-dialog.ts';
import { createRawPrinterGate, isLocalNetworkAddress } from '../../../src/main/raw-printers.ts';
import { dispatchBridgeCall, maxPdfBytes, maxRawPrintBytes, maxSavedFileBytes } from '../../../src/shared/bridge.ts';
import type { Locale } from '../../../src/shared/i18n/locales.ts';

function memoryFile() {
  let contents: string | undefined;
  return { read: async () => contents, write: async (text: string) => { contents = text; }, peek: () => contents };
}

function setup(options: { answers?: number[]; dns?: Record<string, string[]>; locale?: Locale } = {}) {
  const answers = [...(options.answers ?? [])];
  const dialog = { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: answers.shift() ?? 1, checkboxChecked: false })) };
  const dns = { ...(options.dns ?? {}) };
  const file = memoryFile();
  const gate = createRawPrinterGate({
    file,
    resolve: async (host) => {
      const addresses = dns[host];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return addresses;
    },
    confirm: confirmPrinterWithDialog(dialog as never, () => undefined, () => options.locale ?? 'en'),
  });
  const sendRaw = vi.fn(async (_address: string, _port: number, bytes: Uint8Array) => ({ sentBytes: bytes.byteLength }));
  const handlers = createHostHandlers({ authoriseRawPrinter: (host, port) => gate.authorise(host, port), sendRaw } as Partial<HostServices> as HostServices);
  const print = (host: string, port = 9100, bytes = new TextEncoder().encode('^XA^FDҚазақ^FS^XZ')) => dispatchBridgeCall(handlers, 'print:raw', { host, port, bytes });
  return { dialog, dns, file, gate, sendRaw, print, handlers };
}

describe('raw printing reaches only confirmed local printers', () => {
  it('refuses internet addresses without asking and without opening a socket', async () => {
    const { print, dialog, sendRaw } = setup({
      answers: [0, 0, 0, 0],
      dns: { 'printer.example.com': ['93.184.216.34'], 'split.example.com': ['192.168.1.9', '8.8.8.8'] },
    });
    for (const host of ['8.8.8.8', '1.1.1.1', 'printer.example.com', 'split.example.com', 'unknown.invalid', '2001:4860:4860::8888', '172.32.0.1']) {
      expect(await print(host), host).toMatchObject({ ok: false, error: { code: 'printer-refused' } });
    }
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(sendRaw).not.toHaveBeenCalled();
  });

  it('asks the first time in the host\'s own dialog, remembers a yes, and honours a no', async () => {
    const { print, dialog, sendRaw, file } = setup({ answers: [1, 0], locale: 'kk' });
    expect(await print('192.168.1.50')).toMatchObject({ ok: false, error: { code: 'printer-declined' } });
    expect(sendRaw).not.toHaveBeenCalled();
    const [options] = dialog.showMessageBox.mock.calls[0] as [{ message: string; buttons: string[]; cancelId: number; defaultId: number }];
    expect(options.message).toContain('192.168.1.50');
    expect(options.message).toMatch(/[әғқңөұүһі]/); // in the user's language
    expect(options).toMatchObject({ cancelId: 1, defaultId: 1 }); // Enter does not send

    expect(await print('192.168.1.50', 9101)).toMatchObject({ ok: true, value: { sentBytes: expect.any(Number) } });
    expect(await print('192.168.1.50')).toMatchObject({ ok: true });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(sendRaw.mock.calls.map(([address, port]) => `${address}:${port}`)).toEqual(['192.168.1.50:9101', '192.168.1.50:9100']);
    expect(JSON.parse(file.peek() ?? '{}')).toEqual({ hosts: ['192.168.1.50'] });
  });

  it('sends to the checked address of a printer name, and refuses it once the name points at the internet', async () => {
    const { print, dns, sendRaw } = setup({ answers: [0], dns: { 'Zebra.local': ['10.0.0.7'], 'zebra.local': ['10.0.0.7'] } });
    expect(await print('Zebra.local')).toMatchObject({ ok: true });
    expect(sendRaw.mock.calls[0]?.[0]).toBe('10.0.0.7');
    dns['zebra.local'] = ['203.0.113.9']; // DNS rebinding after the user's confirmation
    expect(await print('zebra.local')).toMatchObject({ ok: false, error: { code: 'printer-refused' } });
    expect(sendRaw).toHaveBeenCalledTimes(1);
  });

  it('asks once when several jobs go to a new printer at the same moment', async () => {
    const { print, dialog, sendRaw } = setup({ answers: [0] });
    const results = await Promise.all([print('127.0.0.1'), print('127.0.0.1'), print('127.0.0.1')]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(sendRaw).toHaveBeenCalledTimes(3);
  });

  it('classifies loopback, private, link-local and CGNAT addresses as local, everything else not', () => {
    for (const local of ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.1.1', '100.64.0.1', '::1', '[::1]', 'fd12:3456::1', 'fe80::1', '::ffff:192.168.1.2']) {
      expect(isLocalNetworkAddress(local), local).toBe(true);
    }
    for (const remote of ['8.8.8.8', '172.15.0.1', '172.32.0.1', '192.169.0.1', '100.128.0.1', '0.0.0.0', '2001:db8::1', '::ffff:8.8.8.8', 'zebra.local', '']) {
      expect(isLocalNetworkAddress(remote), remote).toBe(false);
    }
  });

  it('uses the OS language for the dialog (Russian when it is neither Kazakh nor English)', () => {
    expect([hostLocale('kk-KZ'), hostLocale('en-US'), hostLocale('ru'), hostLocale('de-DE')]).toEqual(['kk', 'en', 'ru', 'ru']);
  });
});

describe('payload caps in the bridge contract', () => {
  const pdf = { pageWidthMm: 58, pageHeightMm: 40 };
  it('refuses a ZPL job over 16 MiB, a PDF over 64 MiB and a saved file over 128 MiB before any handler runs', async () => {
    const printPdf = vi.fn(async () => ({ printed: true }));
    const writeFile = vi.fn(async () => undefined);
    const sendRaw = vi.fn(async () => ({ sentBytes: 0 }));
    const authoriseRawPrinter = vi.fn(async () => '127.0.0.1');
    const handlers = createHostHandlers({ printPdf, writeFile, sendRaw, authoriseRawPrinter, chooseSaveLocation: async () => '/tmp/x' } as Partial<HostServices> as HostServices);
    const over = (bytes: number) => new Uint8Array(bytes + 1);
    expect(await dispatchBridgeCall(handlers, 'print:raw', { host: '127.0.0.1', port: 9100, bytes: over(maxRawPrintBytes) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatchBridgeCall(handlers, 'print:pdf', { ...pdf, bytes: over(maxPdfBytes) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatchBridgeCall(handlers, 'files:save', { suggestedName: 'a.xlsx', mimeType: 'application/octet-stream', bytes: over(maxSavedFileBytes) })).toMatchObject({ ok: false });
    expect(authoriseRawPrinter).not.toHaveBeenCalled();
    expect(sendRaw).not.toHaveBeenCalled();
    expect(printPdf).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
    // At the cap itself they pass.
    expect(await dispatchBridgeCall(handlers, 'print:raw', { host: '127.0.0.1', port: 9100, bytes: new Uint8Array(maxRawPrintBytes) })).toMatchObject({ ok: true });
    expect(await dispatchBridgeCall(handlers, 'print:pdf', { ...pdf, bytes: new Uint8Array(maxPdfBytes) })).toMatchObject({ ok: true });
  });
});
