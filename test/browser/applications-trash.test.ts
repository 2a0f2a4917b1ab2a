/**
 * Deleting applications in real IndexedDB (schema v9 `trash`): by the catalogue's rules (a `new` request is
 * deleted there, one on moderation withdrawn first, others refused), restored as they were, purged after 30
 * days with their photos while register documents stay. Also: a new application is stored on its first change.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/renderer/db/database.ts';
import { addDraftRecord, DraftGoneError, matchingDraftIds, saveDraftChanges } from '../../src/renderer/db/drafts.ts';
import { latestSchemaVersion } from '../../src/renderer/db/schema.ts';
import { moveToTrash, purgeExpiredTrash, restoreFromTrash, type DeletionCatalogue } from '../../src/renderer/db/trash.ts';
import { emptyDraft, type ApplicationDraft } from '../../src/shared/application/draft.ts';
import { newRecord } from '../../src/shared/sync/engine.ts';
import type { SyncJob, SyncRecord } from '../../src/shared/sync/types.ts';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('applications-trash');
const day = 24 * 60 * 60 * 1000;

function draftNamed(id: string, name: string): ApplicationDraft {
  const draft = emptyDraft({ id, oktru: '1020-0001-0001-100770539' });
  draft.values.base = { name_ru: name, name_kk: `${name} — Әә Ққ Іі` };
  draft.photos = { front: { blobId: `photo:${id}` } };
  draft.documents = [{ documentId: 'doc-1' }];
  return draft;
}

/** The catalogue calls made, in order; `failing` makes the next call fail as a lost connection would. */
function recordingCatalogue(): DeletionCatalogue & { calls: string[]; failing: boolean } {
  const port = {
    calls: [] as string[],
    failing: false,
    deleteRequest: async (id: number) => {
      if (port.failing) throw new TypeError('Failed to fetch');
      port.calls.push(`delete ${id}`);
    },
    cancelRequest: async (id: number) => {
      if (port.failing) throw new TypeError('Failed to fetch');
      port.calls.push(`cancel ${id}`);
    },
  };
  return port;
}

function sent(draft: ApplicationDraft, requestId: number, code: string, phase: SyncRecord['phase'] = 'sent'): SyncRecord {
  const job: SyncJob = { applicationId: draft.id, body: { oktru: draft.oktru, isGov: false, attributes: [{ code: 'name_ru', value: 'x' }] } as SyncJob['body'], files: [], revision: 1 };
  return { ...newRecord(job, 1), phase, step: phase === 'pending' ? 'update' : 'sent', requestId, createStarted: true, remote: { code, checkedAt: 1 }, history: [{ code, at: 1 }] };
}

async function seed(db: ReturnType<typeof scratch>, id: string, name: string) {
  const draft = draftNamed(id, name);
  await addDraftRecord(db, draft, undefined, 1);
  await db.blobs.bulkPut([
    { id: `photo:${id}`, ownerId: id, mimeType: 'image/jpeg', data: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]) },
    { id: `photo:${id}:thumbnail`, ownerId: id, mimeType: 'image/jpeg', data: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]) },
  ]);
  return draft;
}

describe('the trash', () => {
  it('keeps a deleted application with its photos, restores it findable, and purges it after 30 days leaving the register alone', async () => {
    const db = scratch();
    await seed(db, 'a1', 'Молоко «Сүт Әлемі»');
    await seed(db, 'a2', 'Кефир «Сүт Әлемі»');
    await db.documents.put({ id: 'doc-1', type: 'certificate', number: 'KZ.7500361.22.01.00001', issuedOn: '2024-01-10', updatedAt: 1 } as never);
    await db.blobs.put({ id: 'document-pdf:1', ownerId: 'doc-1', mimeType: 'application/pdf', data: new Blob(['%PDF-1.7']) });
    const catalogue = recordingCatalogue();

    const outcome = await moveToTrash(db, ['a1', 'a2'], catalogue, 10 * day);
    expect(outcome).toEqual({ trashed: ['a1', 'a2'], refused: [], failed: [] });
    expect(catalogue.calls).toEqual([]); // never sent: nothing to ask the catalogue
    expect(await db.drafts.count()).toBe(0);
    expect(await matchingDraftIds(db, { query: 'сүт' })).toEqual([]);
    expect(await db.trash.count()).toBe(2);
    expect(await db.blobs.where('ownerId').equals('a1').count()).toBe(2); // kept for a restore

    expect(await restoreFromTrash(db, ['a1'])).toBe(1);
    expect(await matchingDraftIds(db, { query: 'сүт әлемі' })).toEqual(['a1']);
    expect((await db.drafts.get('a1'))?.draft.values.base?.name_ru).toBe('Молоко «Сүт Әлемі»');

    // 29 days later nothing goes; after 30 the entry goes for good with its photos.
    expect(await purgeExpiredTrash(db, 39 * day)).toBe(0);
    expect(await purgeExpiredTrash(db, 40 * day + 1)).toBe(1);
    expect(await db.trash.count()).toBe(0);
    expect(await db.blobs.where('ownerId').equals('a2').count()).toBe(0);
    expect(await db.blobs.where('ownerId').equals('a1').count()).toBe(2); // restored: untouched
    expect(await db.documents.get('doc-1')).toBeDefined();
    expect(await db.blobs.get('document-pdf:1')).toBeDefined();
  });

  it('follows the catalogue: deletes a `new` request, withdraws one on moderation, refuses the rest and keeps them', async () => {
    const db = scratch();
    const records = new Map<string, SyncRecord>();
    for (const [id, requestId, code, phase] of [
      ['new', 11, 'new', 'sent'],
      ['moderated', 12, 'onModeration', 'sent'],
      ['revision', 13, 'underRevision', 'sent'],
      ['published', 14, 'completed', 'sent'],
      ['sending', 15, 'new', 'pending'],
    ] as const) {
      const draft = await seed(db, id, `Товар ${id}`);
      const record = sent(draft, requestId, code, phase);
      records.set(id, record);
      await db.syncRecords.put(record);
    }
    const catalogue = recordingCatalogue();
    const outcome = await moveToTrash(db, ['new', 'moderated', 'revision', 'published', 'sending'], catalogue, 5);
    expect(catalogue.calls).toEqual(['delete 11', 'cancel 12']);
    expect(outcome.trashed).toEqual(['new', 'moderated']);
    expect(outcome.refused).toEqual([
      { id: 'revision', reason: 'inCatalogue' },
      { id: 'published', reason: 'inCatalogue' },
      { id: 'sending', reason: 'sending' },
    ]);
    expect((await db.drafts.toCollection().primaryKeys()).sort()).toEqual(['published', 'revision', 'sending']);
    expect(await db.syncRecords.get('revision')).toEqual(records.get('revision'));

    // The deleted request is gone for good: restored, the application is local again; the withdrawn one is `cancelled`.
    const trashed = new Map((await db.trash.toArray()).map((entry) => [entry.id, entry]));
    expect(trashed.get('new')?.sync?.requestId).toBeUndefined();
    expect(trashed.get('moderated')?.sync?.remote?.code).toBe('cancelled');
    // The withdrawn request stays in the catalogue: its record stays known (never offered as made elsewhere).
    expect((await db.syncRecords.get('moderated'))?.requestId).toBe(12);
    expect(await db.syncRecords.get('new')).toBeUndefined();
    await restoreFromTrash(db, ['new', 'moderated']);
    expect((await db.syncRecords.get('new'))?.requestId).toBeUndefined();
    expect((await db.syncRecords.get('moderated'))?.requestId).toBe(12);

    // Purged for good: the record goes too.
    await moveToTrash(db, ['moderated'], catalogue, 6);
    expect(catalogue.calls).toEqual(['delete 11', 'cancel 12']); // already withdrawn: nothing more to ask
    expect(await purgeExpiredTrash(db, 6 + 31 * day)).toBe(1);
    expect(await db.syncRecords.get('moderated')).toBeUndefined();
    expect(await db.blobs.where('ownerId').equals('moderated').count()).toBe(0);
  });

  it('keeps an application whose catalogue call failed, with the error', async () => {
    const db = scratch();
    const draft = await seed(db, 'x', 'Айран');
    await db.syncRecords.put(sent(draft, 21, 'new'));
    const catalogue = recordingCatalogue();
    catalogue.failing = true;
    const outcome = await moveToTrash(db, ['x'], catalogue);
    expect(outcome.trashed).toEqual([]);
    expect(outcome.failed.map((failure) => failure.id)).toEqual(['x']);
    expect(await db.drafts.get('x')).toBeDefined();
    expect((await db.syncRecords.get('x'))?.requestId).toBe(21);
    expect(await db.trash.count()).toBe(0);
  });
});

describe('a new application', () => {
  it('is stored by its first change only when asked to, else the save says it is gone', async () => {
    const db = scratch();
    await expect(saveDraftChanges(db, 'fresh', [{ field: 'values.base.name_ru', before: undefined, after: 'Қымыз' }])).rejects.toBeInstanceOf(DraftGoneError);
    expect(await db.drafts.count()).toBe(0);
    const saved = await saveDraftChanges(db, 'fresh', [{ field: 'values.base.name_ru', before: undefined, after: 'Қымыз' }], 5, { createIfMissing: true });
    expect(saved.conflicts).toEqual([]);
    const stored = await db.drafts.get('fresh');
    expect(stored?.draft.values.base?.name_ru).toBe('Қымыз');
    expect(stored?.localState).toBe('draft');
    expect(await matchingDraftIds(db, { query: 'қымыз' })).toEqual(['fresh']);
  });
});

it('schema v9 adds the trash and keeps every application of v8', async () => {
  expect(latestSchemaVersion).toBeGreaterThanOrEqual(9);
  const name = `applications-trash-migration-${crypto.randomUUID()}`;
  const old = openDatabase(name, 8);
  await addDraftRecord(old, draftNamed('kept', 'Сүт'), undefined, 1);
  old.close();
  const db = openDatabase(name);
  try {
    expect((await db.drafts.get('kept'))?.draft.values.base?.name_ru).toBe('Сүт');
    expect(await db.trash.count()).toBe(0);
  } finally {
    db.close();
    await Dexie.delete(name);
  }
});
