import { editProductToDraft } from '../../../shared/application/mapping.ts';
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { validateNtin } from '../../../shared/codes/index.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { draftSearchWords } from '../../db/search-words.ts';
import { loadAttributeSchemas } from './use-attribute-schemas.ts';

export type EditCardOutcome = { ok: true; id: string } | { ok: false; key: string; params?: Record<string, string | number> };

/**
 * Starts an edit of a published card: the catalogue opens an edit request (POST …/{ntin}/edit-product) and
 * answers its editable body, which becomes a local draft with the immutable fields remembered and locked.
 */
export async function startCardEdit(bridge: Bridge, db: NcgDatabase, rawNtin: string, now = Date.now()): Promise<EditCardOutcome> {
  const check = validateNtin(rawNtin);
  if (!check.valid) return { ok: false, key: check.reason.key, params: check.reason.params };
  const answer = await callCatalogue(bridge, 'createRequestForProductEdit', { ntin: check.normalized });
  const schemas = await loadAttributeSchemas(db, answer.oktru ?? '');
  if (!schemas) return { ok: false, key: 'ui.editor.noSchemas' };
  const draft = editProductToDraft(answer, schemas, { id: crypto.randomUUID(), ntin: check.normalized });
  await db.drafts.add({
    id: draft.id,
    localState: 'draft',
    draft,
    catalogue: { requestId: answer.productRequestId, statusCode: 'new', ntin: check.normalized },
    createdAt: now,
    updatedAt: now,
    searchWords: draftSearchWords(draft),
  });
  return { ok: true, id: draft.id };
}

/**
 * Downloads a category's extended schema when the officer picks it while online, so the extended card
 * can then be filled offline. Offline it quietly does nothing: the editor says what is missing.
 */
export async function fetchGovSchemaIfMissing(bridge: Bridge, db: NcgDatabase, oktru: string): Promise<boolean> {
  if (!oktru || (await db.attributeSchemas.get(`gov:${oktru}`))) return false;
  try {
    const gov = await callCatalogue(bridge, 'getGovCategoryAttributes', { oktru });
    await db.attributeSchemas.put({ key: `gov:${oktru}`, definitions: gov, fetchedAt: Date.now() });
    return true;
  } catch {
    return false;
  }
}
