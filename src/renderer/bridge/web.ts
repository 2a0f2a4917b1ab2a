/**
 * The web twin of the host: the same Bridge, implemented by browser means, and validated by the same
 * dispatcher as the Electron host, so the page cannot tell the two apart by behaviour.
 */
import { z } from 'zod';
import { buildBridge, dispatchBridgeCall, type Bridge, type BridgeHandlers } from '../../shared/bridge.ts';
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
  return {
    'app:info': async () => ({ version: __APP_VERSION__, platform: navigator.platform || 'web', shell: 'web' }),
    'catalogue:connection': async () => ({
      kind: 'sandbox',
      portalBaseUrl: config.portalBaseUrl,
      exportBaseUrl: config.exportBaseUrl,
      hasApiKey: Boolean(config.apiKey),
    }),
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

export async function createWebBridge(): Promise<Bridge> {
  const handlers = createWebHandlers(await loadWebTwinConfig());
  return buildBridge((channel, request) => dispatchBridgeCall(handlers, channel, request));
}
