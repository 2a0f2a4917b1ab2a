import { describe, expect, it } from 'vitest';
import { buildBridge, dispatchBridgeCall, BridgeError } from '../../src/shared/bridge.ts';
import { createWebHandlers } from '../../src/renderer/bridge/web.ts';

const config = { portalBaseUrl: 'http://127.0.0.1:1/gwp', exportBaseUrl: 'http://127.0.0.1:1/api/integration/ofd', apiKey: 'demo' };

describe('web twin of the bridge (in Chromium)', () => {
  const bridge = buildBridge((channel, request) => dispatchBridgeCall(createWebHandlers(config), channel, request));

  it('reports itself as the web shell on the sandbox', async () => {
    expect((await bridge.app.info()).shell).toBe('web');
    expect(await bridge.catalogue.connection()).toEqual({ kind: 'sandbox', portalBaseUrl: config.portalBaseUrl, exportBaseUrl: config.exportBaseUrl, hasApiKey: true });
  });

  it('validates messages exactly as the Electron host does', async () => {
    const failure = await bridge.files
      .save({ suggestedName: '../x.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(1) })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect((failure as BridgeError).code).toBe('invalid-request');
  });

  it('never opens non-http links', async () => {
    expect(await bridge.external.open({ url: 'javascript:alert(1)' })).toEqual({ opened: false });
  });

  it('saves a file as a download with the given name', async () => {
    const clicked: { download: string; href: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    };
    try {
      expect(await bridge.files.save({ suggestedName: 'заттаңба.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) })).toEqual({ saved: true, location: 'заттаңба.pdf' });
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('заттаңба.pdf');
    const bytes = new Uint8Array(await (await fetch(clicked[0]!.href)).arrayBuffer());
    expect(Array.from(bytes)).toEqual([37, 80, 68, 70]);
  });

  it('prints through the browser\'s own PDF viewer, or downloads the PDF when the tab is blocked', async () => {
    const opened: string[] = [];
    const clicked: string[] = [];
    const originalOpen = window.open;
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      window.open = ((url: string) => {
        opened.push(url);
        return {} as Window;
      }) as typeof window.open;
      const pdf = { bytes: new Uint8Array([37, 80, 68, 70]), pageWidthMm: 210, pageHeightMm: 297 };
      expect(await bridge.print.pdf(pdf)).toEqual({ printed: true });
      expect(opened[0]).toMatch(/^blob:/);
      expect(clicked).toEqual([]);

      window.open = (() => null) as typeof window.open;
      const blocked = await bridge.print.pdf(pdf);
      expect(blocked.printed).toBe(false);
      expect(blocked.failureReason).toMatch(/downloaded/);
      expect(clicked).toEqual(['labels.pdf']);
    } finally {
      window.open = originalOpen;
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });

  it('refuses raw printing in the browser with a clear reason', async () => {
    await expect(bridge.print.raw({ host: 'zebra.local', port: 9100, bytes: new Uint8Array(1) })).rejects.toThrow(/desktop app/);
  });
});
