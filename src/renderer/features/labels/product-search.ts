/**
 * Finding the product behind a scan in the catalogue, through the host (the local applications are searched
 * by the data layer, src/renderer/db/label-queue.ts).
 */
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { candidateFromCard, type ProductCandidate } from '../../../shared/labels/light.ts';

/** Catalogue cards with the code (a GTIN may be shared by several cards). Throws the CatalogueError when offline. */
export async function findInCatalogue(bridge: Bridge, digits: string): Promise<ProductCandidate[]> {
  const cards = await callCatalogue(bridge, 'getProductByTin', { tin: digits });
  return cards.map(candidateFromCard);
}
