/**
 * The catalogue for a worker: the page owns the bridge (the worker cannot reach it), so it hands the worker a
 * `MessagePort` that answers the bridge's `catalogue:call`. The worker then fetches what it needs itself instead
 * of returning to the page halfway through its work.
 *
 *     // page
 *     const catalogue = openCataloguePort(bridge.catalogue);
 *     await worker.api.run(transfer({ …, catalogue: catalogue.port }, [catalogue.port])).finally(catalogue.close);
 *     // worker
 *     const call = catalogueOverPort(input.catalogue);
 *     const gov = await call('getGovCategoryAttributes', { oktru });
 */
import * as Comlink from 'comlink';
import type { Bridge, CatalogueCallResult } from '../../shared/bridge.ts';
import { CatalogueError } from '../../shared/catalogue/errors.ts';
import type { PortalCall, PortalInput, PortalOperationId, PortalOutput } from '../../shared/catalogue/operations.ts';

interface CatalogueEndpoint {
  call(request: PortalCall): Promise<CatalogueCallResult>;
}

export interface OpenCataloguePort {
  /** Transfer this one to the worker. */
  readonly port: MessagePort;
  /** Stops answering (the worker's pending calls then never settle: close after the worker's call ended). */
  close(): void;
}

/** Page side: a port whose calls go through the bridge (and so through the host's key and checks). */
export function openCataloguePort(catalogue: Pick<Bridge['catalogue'], 'call'>): OpenCataloguePort {
  const channel = new MessageChannel();
  const endpoint: CatalogueEndpoint = { call: (request) => catalogue.call(request) };
  Comlink.expose(endpoint, channel.port1);
  return { port: channel.port2, close: () => channel.port1.close() };
}

/** One catalogue operation, typed; failures are the catalogue's typed `CatalogueError`. */
export type CatalogueCall = <K extends PortalOperationId>(operation: K, input: PortalInput<K>) => Promise<PortalOutput<K>>;

/** Worker side: the catalogue behind the port the page handed over. */
export function catalogueOverPort(port: MessagePort): CatalogueCall {
  const remote = Comlink.wrap<CatalogueEndpoint>(port);
  return async (operation, input) => {
    const result = await remote.call({ operation, input });
    if (!result.ok) throw CatalogueError.fromData(result.error);
    return result.value as PortalOutput<typeof operation>;
  };
}
