/**
 * Selected applications → XLSX bytes in the import's default layout (the core's `exportDraftsToXlsx`, which
 * writes every cell as text and escapes formula-looking values), with the columns of the stored schemas of
 * their categories. Runs in the worker: 10,000 drafts take a while to write.
 */
import { exportDraftsToXlsx, prepareSchemas } from '../../../shared/application/import/index.ts';
import type { ApplicationDraft } from '../../../shared/application/draft.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { getDraftRecords } from '../../db/drafts.ts';
import type { ExportResult } from './import-protocol.ts';
import { loadSchemaSource } from './local-schemas.ts';

export class ExportRefusal extends Error {
  constructor(readonly code: 'noSchemas') {
    super(code);
  }
}

export async function exportApplications(db: NcgDatabase, ids: readonly string[]): Promise<ExportResult> {
  const local = await loadSchemaSource(db);
  if (!local) throw new ExportRefusal('noSchemas');
  // In the order the officer saw them selected; ids deleted meanwhile are left out.
  const drafts: ApplicationDraft[] = (await getDraftRecords(db, ids)).map((record) => record.draft);
  const schemas = await prepareSchemas(local.source, drafts.map((draft) => draft.oktru));
  const written = await exportDraftsToXlsx(drafts, { schemas: schemas.union, sheetName: 'applications' });
  // A buffer of its own, so the worker can hand it to the page without a copy.
  const bytes = new Uint8Array(written.byteLength);
  bytes.set(written);
  return { bytes, count: drafts.length };
}
