import type { BridgeHandlers, CatalogueConnection } from '../../shared/bridge.ts';
import { openExternalChecked } from '../security.ts';

/** What the handlers need from Electron and Node, injected so they are unit-testable with plain fakes. */
export interface HostServices {
  version: string;
  platform: string;
  connection: () => CatalogueConnection;
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save; undefined when the user cancels. */
  chooseSaveLocation: (suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
}

export function createHostHandlers(services: HostServices): BridgeHandlers {
  return {
    'app:info': async () => ({ version: services.version, platform: services.platform, shell: 'electron' }),
    'catalogue:connection': async () => services.connection(),
    'external:open': async ({ url }) => ({ opened: await openExternalChecked(url, services.openExternal) }),
    'files:save': async ({ suggestedName, bytes }) => {
      const location = await services.chooseSaveLocation(suggestedName);
      if (!location) return { saved: false };
      await services.writeFile(location, bytes);
      return { saved: true, location };
    },
  };
}
