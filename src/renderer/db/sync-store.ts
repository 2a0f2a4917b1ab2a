/**
 * The sync engine's store in the page (schema v6): one row per application in `syncRecords`, written in
 * one IndexedDB transaction per step (committed before the engine starts the next step), next to the
 * drafts. The files to upload are the drafts' own blobs (photos) and the register's PDFs.
 *
 * `queueDraftsForSending` is how any part of the page asks for applications to be sent: it checks each one
 * (the editor's validation, then the engine's own refusals: size, type, missing files, twins) and writes
 * the accepted ones as pending records; the engine (features/sync) picks them up.
 */
import type { EntityTable } from 'dexie';
import { requestDetailsToDraft } from '../../shared/application/mapping.ts';
import { validateDraft } from '../../shared/application/validate.ts';
import type { RequestDetails } from '../../shared/catalogue/dto.ts';
import { candidateFromDraft, labelProductFor } from '../../shared/labels/product-records.ts';
import { addToQueue } from '../../shared/labels/queue.ts';
import { jobFromDraft } from '../../shared/sync/from-draft.ts';
import { draftKey, checkBatch, type Refusal, type EnqueueEntry } from '../../shared/sync/preflight.ts';
import { newRecord } from '../../shared/sync/engine.ts';
import type { SyncFile, SyncJob, SyncRecord, SyncStore } from '../../shared/sync/types.ts';
import { loadAttributeSchemas } from './attribute-schemas.ts';
import type { NcgDatabase } from './database.ts';
import { getDictionaryItems } from './dictionaries.ts';
import { getRegisterDocument } from './documents.ts';
import { updateLabelQueue } from './label-queue.ts';
import { addDraftRecord, getDraftRecords } from './drafts.ts';
import { withUploadedPhotoNames, type DraftRecord, type StoredSyncRecord } from './records.ts';
import { buildValidationContext } from './validation-context.ts';

declare module './database.ts' {
  interface NcgTables {
    syncRecords: EntityTable<StoredSyncRecord, 'applicationId'>;
  }
}

/**
 * Writes a sync record with its `uploadedPhotoNames` derived from `uploaded` (schema v10's index, read by
 * db/photos.ts): every writer that may change `uploaded` writes through here.
 */
export async function putSyncRecord(db: NcgDatabase, record: SyncRecord): Promise<void> {
  await db.syncRecords.put(withUploadedPhotoNames(record));
}

/** The blob a job's file points at: `photo:<slot>:<blobId>` or `doc:<documentId>:<blobId>`. */
function blobIdOf(file: SyncFile): string {
  const [, , ...rest] = file.id.split(':');
  return rest.join(':');
}

/** What the applications list and the labels read of a sent application (`DraftRecord.catalogue`). */
export function catalogueSummary(record: SyncRecord): NonNullable<DraftRecord['catalogue']> {
  const statusCode = record.remote?.code ?? 'new';
  const ntin = record.remote?.ntin;
  return { ...(record.requestId === undefined ? {} : { requestId: record.requestId }), statusCode, ...(ntin ? { ntin } : {}) };
}

export function createDexieSyncStore(db: NcgDatabase): SyncStore {
  return {
    list: () => db.syncRecords.toArray(),
    get: (applicationId) => db.syncRecords.get(applicationId),
    put: async (record) => {
      // The step and the application's catalogue summary (list filter, labels by NTIN) commit together.
      await db.transaction('rw', db.syncRecords, db.drafts, async () => {
        await putSyncRecord(db, record);
        if (record.requestId !== undefined) await db.drafts.update(record.applicationId, { catalogue: catalogueSummary(record) });
        else if (record.history.at(-1)?.code === 'deleted') await db.drafts.update(record.applicationId, { catalogue: undefined });
      });
    },
    readFile: async (_job, file) => {
      const row = await db.blobs.get(blobIdOf(file));
      if (!row) throw new Error(`the file ${file.name} is no longer stored`);
      return new Uint8Array(await row.data.arrayBuffer());
    },
  };
}

export interface QueueOutcome {
  queued: string[];
  /** Applications refused, with why (validation keys are listed in `sync.errors.notReady`'s `reasons`). */
  refused: Refusal[];
}

async function jobFor(db: NcgDatabase, draftId: string, options: { publish: boolean; revision: number }): Promise<EnqueueEntry | Refusal> {
  const [record] = await getDraftRecords(db, [draftId]);
  if (!record) return { applicationId: draftId, problems: [{ code: 'sync.errors.notReady', params: { reasons: 'gone' } }] };
  const draft = record.draft;
  const schemas = await loadAttributeSchemas(db, draft.oktru);
  if (!schemas) return { applicationId: draftId, problems: [{ code: 'sync.errors.notReady', params: { reasons: 'oktru' } }] };
  const context = await buildValidationContext(db, draft, schemas);
  const errors = validateDraft(draft, context).filter((problem) => problem.severity === 'error');
  const sizes = new Map<string, number>();
  for (const row of await db.blobs.where('ownerId').equals(draftId).toArray()) sizes.set(row.id, row.data.size);
  const documents = new Map<string, Awaited<ReturnType<typeof getRegisterDocument>>>();
  for (const ref of draft.documents) {
    if (ref.documentId === undefined) continue;
    const entry = await getRegisterDocument(db, ref.documentId);
    documents.set(ref.documentId, entry);
    if (entry?.blobId) sizes.set(entry.blobId, (await db.blobs.get(entry.blobId))?.data.size ?? 0);
  }
  const job: SyncJob = jobFromDraft(draft, schemas, { blobSize: (id) => sizes.get(id), document: (id) => documents.get(id) ?? undefined }, options);
  return { job, notReady: [...new Set(errors.map((problem) => problem.field))] };
}

/** Checks the drafts and stores the sendable ones as pending sync records (nothing is sent here). */
export async function queueDraftsForSending(db: NcgDatabase, draftIds: readonly string[], options: { publish?: boolean; now?: number } = {}): Promise<QueueOutcome> {
  const store = createDexieSyncStore(db);
  const existing = new Map((await db.syncRecords.bulkGet([...draftIds])).filter((record): record is SyncRecord => record !== undefined).map((record) => [record.applicationId, record]));
  const entries: EnqueueEntry[] = [];
  const refused: Refusal[] = [];
  for (const id of draftIds) {
    const before = existing.get(id);
    if (before && (before.phase === 'pending' || (before.phase === 'sent' && !['underRevision', 'underRevisionGz', 'cancelled', 'new'].includes(before.remote?.code ?? '')))) {
      continue; // being sent, or in moderation: nothing to do
    }
    const entry = await jobFor(db, id, { publish: options.publish ?? false, revision: (before?.job.revision ?? 0) + 1 });
    if ('problems' in entry) refused.push(entry);
    else entries.push(entry);
  }
  const taken = new Map<string, string>();
  for (const record of await db.syncRecords.toArray()) {
    const key = draftKey(record.job);
    if (key !== undefined && record.phase !== 'cancelled') taken.set(key, record.applicationId);
  }
  refused.push(...(await checkBatch(entries, store, taken)));
  const refusedIds = new Set(refused.map((refusal) => refusal.applicationId));
  const now = options.now ?? Date.now();
  const queued: string[] = [];
  await db.transaction('rw', db.syncRecords, async () => {
    for (const { job } of entries) {
      if (refusedIds.has(job.applicationId)) continue;
      const before = existing.get(job.applicationId);
      // A re-send keeps the request id and the accepted uploads: only the newest content goes out again.
      const record: SyncRecord = before
        ? { ...before, job, phase: 'pending', step: 'upload', attempts: 0, problem: undefined, updatedAt: now }
        : newRecord(job, now);
      await putSyncRecord(db, record);
      queued.push(job.applicationId);
    }
  });
  return { queued, refused };
}

/**
 * Adopts a request made elsewhere with the same key (the portal's cabinet, another system): a local
 * application with its attributes, files and status, followed by the engine like the others. `null` when
 * it is already adopted or the category's schema is not stored yet.
 */
export async function adoptCatalogueRequest(db: NcgDatabase, details: RequestDetails, now = Date.now()): Promise<string | null> {
  if ((await db.syncRecords.where('requestId').equals(details.id).count()) > 0) return null;
  const oktru = [...details.categoryAncestors].sort((a, b) => b.level - a.level)[0]?.code ?? '';
  const schemas = await loadAttributeSchemas(db, oktru);
  if (!schemas) return null;
  const draft = requestDetailsToDraft(details, schemas, { id: `adopted-${String(details.id)}` });
  const job = jobFromDraft(draft, schemas, { blobSize: () => undefined, document: () => undefined }, { revision: 1 });
  const at = now;
  const record: SyncRecord = {
    ...newRecord(job, at),
    phase: 'sent',
    step: 'sent',
    requestId: details.id,
    createStarted: true,
    sentRevision: 1,
    remote: { code: details.status.code, checkedAt: at },
    history: [{ code: details.status.code, at }],
  };
  await db.transaction('rw', db.syncRecords, db.drafts, async () => {
    await addDraftRecord(db, draft, catalogueSummary(record), at);
    await putSyncRecord(db, record);
  });
  return draft.id;
}

/**
 * Offers a published application to the label print queue, under the NTIN the catalogue assigned. Returns
 * false when the application has no NTIN yet.
 */
export async function offerToLabelQueue(db: NcgDatabase, applicationId: string, copies = 1): Promise<boolean> {
  const [record] = await getDraftRecords(db, [applicationId]);
  const ntin = record?.catalogue?.ntin;
  if (!record || !ntin) return false;
  // First pass learns which dictionary names the label needs, the second fills them in.
  const wanted: [string, string][] = [];
  candidateFromDraft(record.id, record.draft, ntin, (dictionary, code) => {
    wanted.push([dictionary, code]);
    return undefined;
  });
  const items = await getDictionaryItems(db, wanted);
  const found = new Map(items.filter((item) => item !== undefined).map((item) => [`${item.dictionary}|${item.code}`, item]));
  const candidate = candidateFromDraft(record.id, record.draft, ntin, (dictionary, code) => found.get(`${dictionary}|${code}`));
  await updateLabelQueue(db, (queue) => addToQueue(queue, labelProductFor(candidate, ntin, copies), crypto.randomUUID()));
  return true;
}
