/**
 * Finding label products in the catalogue, through the host's bridge (the page's local applications are
 * searched by its data layer): by code with the portal (`getProductByTin`), by words with the export API's
 * name search (`search_ofd?q=`, catalogue-api.md §10), which a connection may not offer.
 */
import type { Bridge } from '../bridge.ts';
import { BridgeError } from '../bridge-client.ts';
import { callCatalogue } from '../catalogue-call.ts';
import { normaliseExportBaseUrl } from '../catalogue/base-url.ts';
import { CatalogueError, isCatalogueError } from '../catalogue/errors.ts';
import { exportRowSchema } from '../catalogue/export-dto.ts';
import { candidateFromCard, candidateFromExportRow, type ProductCandidate } from './product-records.ts';
import { completeCandidate } from './scan-query.ts';

/** Cards with the code (a GTIN may be shared by several cards). Throws the CatalogueError when offline. */
export async function findInCatalogue(bridge: Bridge, digits: string): Promise<ProductCandidate[]> {
  const cards = await callCatalogue(bridge, 'getProductByTin', { tin: digits });
  return cards.map(candidateFromCard);
}

const MAX_CATALOGUE_WORD_RESULTS = 20;

/**
 * Cards whose names contain the words. The page has no channel of its own for the name search: it asks the
 * host for one page of the export API at `search_ofd/?q=` (a URL under the configured export API, so the
 * host's token goes nowhere else). Rows of deactivated NTINs are left out.
 */
export async function findInCatalogueByWords(bridge: Bridge, words: string): Promise<ProductCandidate[]> {
  const connection = await bridge.catalogue.connection();
  const url = new URL(`${normaliseExportBaseUrl(connection.exportBaseUrl)}/search_ofd/`);
  url.searchParams.set('q', words.trim());
  const page = await bridge.catalogue.exportPage({ url: url.href });
  if (!page.ok) throw CatalogueError.fromData(page.error);
  return page.rows
    .flatMap((raw) => {
      const row = exportRowSchema.safeParse(raw);
      const candidate = row.success ? candidateFromExportRow(row.data) : null;
      return candidate ? [candidate] : [];
    })
    .slice(0, MAX_CATALOGUE_WORD_RESULTS);
}

/** A candidate found by words gets its card's details (quantity, producer, country) by its code. */
export async function completeFromCatalogue(bridge: Bridge, candidate: ProductCandidate): Promise<ProductCandidate> {
  const code = candidate.ntin ?? candidate.gtin;
  if (!candidate.partial || code === undefined) return candidate;
  return completeCandidate(candidate, await findInCatalogue(bridge, code));
}

/**
 * Whether a failed name search means the connection does not offer it (no export API configured in the host,
 * no or a wrong token, no such endpoint) rather than that the catalogue is unreachable right now.
 */
export function wordSearchUnavailable(error: unknown): boolean {
  if (error instanceof BridgeError) return error.code === 'failed' || error.code === 'invalid-request' || error.code === 'unknown-channel';
  if (isCatalogueError(error)) return error.kind === 'unauthorised' || error.kind === 'misconfigured' || error.kind === 'not-found' || error.kind === 'redirect-refused';
  return false;
}
