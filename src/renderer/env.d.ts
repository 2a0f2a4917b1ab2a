/// <reference types="vite/client" />
import type { Bridge } from '../shared/bridge.ts';

declare global {
  /** Set by Vite's `define` from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    /** Present in Electron (exposed by the preload); absent in the web twin. */
    readonly ncg?: Bridge;
  }
}
