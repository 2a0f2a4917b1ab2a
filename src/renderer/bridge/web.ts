/**
 * The web twin of the host: the same Bridge, implemented by browser means, and validated by the same
 * dispatcher as the Electron host, so the page cannot tell the two apart by behaviour.
 */
import { z } from 'zod';
import { buildBridge, dispatchBridgeCall, type Bridge, type BridgeHandlers } from '../../shared/bridge.ts';
import { createExportClient, createPortalClient } from '../../shared/catalogue/index.ts';
import { runExportPage } from '../../shared/catalogue-export-call.ts';
import { runCatalogueCall } from '../../shared/catalogue-call.ts';
import { fetchCatalogueMedia } from '../../shared/catalogue-media.ts';
import { runCatalogueUpload } from '../../shared/sync/upload-channel.ts';
import { checkExternalUrl } from '../../shared/external-url.ts';

/** Written by `ncg web` beside the static files: where the sandbox catalogue runs. */
const webTwinConfigSchema = z.object({
  portalBaseUrl: z.string(),
  exportBaseUrl: z.string(),
  apiKey: z.string().optional(),
  exportToken: z.string().optional(),
});
export type WebTwinConfig = z.infer<typeof webTwinConfigSchema>;

export async function loadWebTwinConfig(): Promise<WebTwinConfig> {
  const response = await fetch('./web-twin.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`web-twin.json: HTTP ${response.status}`);
  return webTwinConfigSchema.parse(await response.json());
}

export function createWebHandlers(config: WebTwinConfig): BridgeHandlers {
  // The web twin talks only to its local sandbox, whose demo key it was given; a real key never reaches a page.
  const portal = createPortalClient({ baseUrl: config.portalBaseUrl, apiKey: config.apiKey ?? '', fetch: (input, init) => fetch(input, init) });
  const exportFeed = createExportClient({ baseUrl: config.exportBaseUrl, token: config.exportToken, fetch: (input, init) => fetch(input, init) });
  const connection = async () => ({
    kind: 'sandbox' as const,
    portalBaseUrl: config.portalBaseUrl,
    exportBaseUrl: config.exportBaseUrl,
    hasApiKey: Boolean(config.apiKey),
  });
  return {
    'app:info': async () => ({ version: __APP_VERSION__, platform: navigator.platform || 'web', shell: 'web' }),
    'catalogue:connection': connection,
    'catalogue:configure': async (settings) => {
      if (settings.kind === 'remote') throw new Error('The web twin works only with its sandbox catalogue; use the desktop app for the real one.');
      return connection();
    },
    'catalogue:call': (request) => runCatalogueCall(portal, request),
    'catalogue:upload': (request) => runCatalogueUpload(portal, request),
    'catalogue:exportPage': (request) => runExportPage(exportFeed, request),
    'catalogue:media': (request) => fetchCatalogueMedia({ exportBaseUrl: config.exportBaseUrl, fetch: (input, init) => fetch(input, init) }, request),
    'print:printers': async () => ({ printers: [] }), // the browser's own dialog chooses
    'print:pdf': async ({ bytes }) => printThroughBrowser(bytes),
    'print:raw': async () => {
      throw new Error('Sending ZPL to a printer needs the desktop app; save the ZPL file instead.');
    },
    'external:open': async ({ url }) => {
      const check = checkExternalUrl(url);
      if (!check.ok) return { opened: false };
      return { opened: window.open(check.url, '_blank', 'noopener,noreferrer') !== null };
    },
    'files:save': async ({ suggestedName, mimeType, bytes }) => {
      // A browser cannot choose a path: the file goes to the downloads folder.
      const href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
      const link = Object.assign(document.createElement('a'), { href, download: suggestedName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return { saved: true, location: suggestedName };
    },
  };
}

/**
 * Hands the PDF to the browser's own viewer in a new tab, where the user prints it at actual size. A hidden
 * frame would need the viewer's cross-origin window, which Chromium refuses; a blocked pop-up falls back to
 * a download.
 */
function printThroughBrowser(bytes: Uint8Array): { printed: boolean; failureReason?: string } {
  const href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  setTimeout(() => URL.revokeObjectURL(href), 10 * 60_000);
  if (window.open(href, '_blank')) return { printed: true };
  const link = Object.assign(document.createElement('a'), { href, download: 'labels.pdf' });
  document.body.append(link);
  link.click();
  link.remove();
  return { printed: false, failureReason: 'The browser blocked the new tab: the PDF was downloaded instead; print it at 100 % (actual size).' };
}

export async function createWebBridge(): Promise<Bridge> {
  const handlers = createWebHandlers(await loadWebTwinConfig());
  return buildBridge((channel, request) => dispatchBridgeCall(handlers, channel, request));
}
