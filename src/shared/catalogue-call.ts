/**
 * One catalogue call across the bridge, both ends. The host runs it with its own client (and key); the page
 * gets the operation's typed output or the typed CatalogueError back.
 */
import type { Bridge, CatalogueCallResult } from './bridge.ts';
import { CatalogueError, isCatalogueError } from './catalogue/errors.ts';
import type { PortalCall, PortalInput, PortalOperationId, PortalOutput } from './catalogue/operations.ts';
import type { PortalClient } from './catalogue/portal-client.ts';

export async function runCatalogueCall(client: PortalClient, request: PortalCall): Promise<CatalogueCallResult> {
  try {
    const value: unknown = await client.call(request.operation, request.input as never);
    return { ok: true, value };
  } catch (error) {
    if (isCatalogueError(error)) return { ok: false, error: error.toData() };
    throw error;
  }
}

export async function callCatalogue<K extends PortalOperationId>(bridge: Bridge, operation: K, input: PortalInput<K>): Promise<PortalOutput<K>> {
  const result = await bridge.catalogue.call({ operation, input });
  if (!result.ok) throw CatalogueError.fromData(result.error);
  return result.value as PortalOutput<K>;
}
