import type { Bridge } from '../../shared/bridge.ts';

/**
 * The page's only way to the host. In Electron the preload has exposed `window.ncg`; in a plain browser the
 * web twin is loaded instead (its code is not fetched at all in Electron).
 */
export async function loadBridge(): Promise<Bridge> {
  if (window.ncg) return window.ncg;
  const { createWebBridge } = await import('./web.ts');
  return createWebBridge();
}
