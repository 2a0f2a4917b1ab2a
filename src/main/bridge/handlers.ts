import type { BridgeHandlers } from '../../shared/bridge.ts';
import { runCatalogueCall } from '../../shared/catalogue-call.ts';
import { runExportPage } from '../../shared/catalogue-export-call.ts';
import { runCatalogueUpload } from '../../shared/sync/upload-channel.ts';
import type { ConnectionManager } from '../catalogue-connection.ts';
import type { PdfPrintJob, PrinterSummary } from '../printing.ts';
import { openExternalChecked } from '../security.ts';

/** What the handlers need from Electron and Node, injected so they are unit-testable with plain fakes. */
export interface HostServices {
  version: string;
  platform: string;
  catalogue: Pick<ConnectionManager, 'connection' | 'configure' | 'portalClient'> & Partial<Pick<ConnectionManager, 'exportClient' | 'fetchMedia'>>;
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save; undefined when the user cancels. */
  chooseSaveLocation: (suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  listPrinters: () => Promise<PrinterSummary[]>;
  printPdf: (bytes: Uint8Array, job: PdfPrintJob) => Promise<{ printed: boolean; failureReason?: string }>;
  /** The checked address to print to (only confirmed local-network printers), or a coded refusal. */
  authoriseRawPrinter: (host: string, port: number) => Promise<string>;
  sendRaw: (address: string, port: number, bytes: Uint8Array) => Promise<{ sentBytes: number }>;
}

export function createHostHandlers(services: HostServices): BridgeHandlers {
  return {
    'app:info': async () => ({ version: services.version, platform: services.platform, shell: 'electron' }),
    'catalogue:connection': () => services.catalogue.connection(),
    'catalogue:configure': (settings) => services.catalogue.configure(settings),
    'catalogue:call': async (request) => runCatalogueCall(await services.catalogue.portalClient(), request),
    'catalogue:upload': async (request) => runCatalogueUpload(await services.catalogue.portalClient(), request),
    'catalogue:exportPage': async (request) => {
      if (!services.catalogue.exportClient) throw new Error('The export feed is not configured in this host.');
      return runExportPage(await services.catalogue.exportClient(), request);
    },
    'catalogue:media': async (request) => {
      if (!services.catalogue.fetchMedia) throw new Error('Catalogue photos are not available in this host.');
      return services.catalogue.fetchMedia(request);
    },
    'print:printers': async () => ({ printers: await services.listPrinters() }),
    'print:pdf': ({ bytes, ...job }) => services.printPdf(bytes, job),
    'print:raw': async ({ host, port, bytes }) => services.sendRaw(await services.authoriseRawPrinter(host, port), port, bytes),
    'external:open': async ({ url }) => ({ opened: await openExternalChecked(url, services.openExternal) }),
    'files:save': async ({ suggestedName, bytes }) => {
      const location = await services.chooseSaveLocation(suggestedName);
      if (!location) return { saved: false };
      await services.writeFile(location, bytes);
      return { saved: true, location };
    },
  };
}
