import { editProductToDraft } from '../../../shared/application/mapping.ts';
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { validateNtin } from '../../../shared/codes/index.ts';
import { loadAttributeSchemas } from '../../db/attribute-schemas.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { addDraftRecord } from '../../db/drafts.ts';

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
  await addDraftRecord(db, draft, { requestId: answer.productRequestId, statusCode: 'new', ntin: check.normalized }, now);
  return { ok: true, id: draft.id };
}

