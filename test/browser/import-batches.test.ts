import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDraft, type ApplicationDraft } from '../../src/shared/application/draft.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import {
  finishImportBatch,
  importBatchLockName,
  importsToReport,
  markImportReported,
  productIdentityKeys,
  recoverInterruptedImports,
  reserveImportChunk,
  rollBackImportBatch,
  startImportBatch,
  storedProductKeys,
  writeImportChunk,
} from '../../src/renderer/db/import-batches.ts';
import type { DraftRecord } from '../../src/renderer/db/records.ts';
import { latestSchemaVersion } from '../../src/renderer/db/schema.ts';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('import-batches');
const oktru = '1020-0011-0003-100006374';

function application(id: string, values: { name_ru?: string; gtin?: string } = {}, category = oktru): ApplicationDraft {
  const draft = emptyDraft({ id, oktru: category });
  draft.values.base = { name_ru: values.name_ru ?? `Қымыз «Әсел» ${id}`, ...(values.gtin ? { gtin: values.gtin } : {}) };
  return draft;
}

function record(id: string, values: { name_ru?: string; gtin?: string } = {}): DraftRecord {
  return { id, localState: 'draft', draft: application(id, values), createdAt: 1, updatedAt: 1 };
}

/** What the importer does per chunk: record the ids first, then store the drafts. */
async function writeChunk(db: NcgDatabase, batchId: string, records: DraftRecord[]): Promise<number> {
  await reserveImportChunk(db, batchId, records.map((entry) => entry.id));
  return writeImportChunk(db, batchId, records);
}

async function allDraftIds(db: NcgDatabase): Promise<string[]> {
  return (await db.drafts.toCollection().primaryKeys()).sort();
}

describe('an import as one recorded batch (real IndexedDB)', () => {
  it('records each chunk with its drafts; a rollback removes exactly them and nothing that was there before', async () => {
    const db = scratch();
    await db.drafts.put(record('typed-by-hand'));
    await startImportBatch(db, { id: 'b1', fileName: 'тауарлар.csv', total: 4, now: 10 });
    expect(await writeChunk(db, 'b1', [record('i1'), record('i2')])).toBe(2);
    expect(await writeChunk(db, 'b1', [record('i3')])).toBe(3);
    expect(await allDraftIds(db)).toEqual(['i1', 'i2', 'i3', 'typed-by-hand']);
    expect(await db.drafts.get('i1')).toMatchObject({ searchWords: expect.arrayContaining(['қымыз']) as unknown });

    expect(await rollBackImportBatch(db, 'b1', 'interrupted', 20)).toBe(3);
    expect(await allDraftIds(db)).toEqual(['typed-by-hand']);
    expect(await db.importBatches.get('b1')).toMatchObject({ state: 'rolledBack', rollback: { reason: 'interrupted', removed: 3 }, noticePending: true });
    expect(await db.importBatchChunks.count()).toBe(0);
    // A closed batch takes no more chunks.
    await expect(reserveImportChunk(db, 'b1', ['late'])).rejects.toMatchObject({ code: 'batchClosed' });
    await expect(writeImportChunk(db, 'b1', [record('late')])).rejects.toMatchObject({ code: 'batchClosed' });
    expect(await db.drafts.get('late')).toBeUndefined();
  });

  it('a chunk is all or nothing: a draft that cannot be stored leaves no drafts, and the rollback counts none', async () => {
    const db = scratch();
    await startImportBatch(db, { id: 'b2', fileName: 'x.csv', total: 2, now: 10 });
    const broken = { ...record('bad'), id: undefined } as unknown as DraftRecord;
    await reserveImportChunk(db, 'b2', ['good', 'bad']);
    await expect(writeImportChunk(db, 'b2', [record('good'), broken])).rejects.toBeDefined();
    expect(await allDraftIds(db)).toEqual([]);
    expect(await db.importBatches.get('b2')).toMatchObject({ state: 'running', saved: 0 });
    expect(await rollBackImportBatch(db, 'b2', 'failed', 20)).toBe(0);
    expect(await db.importBatchChunks.count()).toBe(0);
  });

  it('a crash after the photos of a chunk were stored, before its drafts, removes those photos on the next start', async () => {
    const db = scratch();
    const photo = (id: string, ownerId: string) => ({ id, ownerId, mimeType: 'image/jpeg', data: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }) });
    // An application typed by hand, with its photo: the rollback must not touch it.
    await db.drafts.put(record('typed-by-hand'));
    await db.blobs.put(photo('photo:kept', 'typed-by-hand'));
    await startImportBatch(db, { id: 'cut', fileName: 'фото.csv', total: 3, now: 10 });
    expect(await writeChunk(db, 'cut', [record('c1')])).toBe(1);
    await db.blobs.bulkPut([photo('photo:c1', 'c1'), photo('photo:c1:thumbnail', 'c1')]);
    // The second chunk: ids recorded, photos stored, then the window closed before its drafts were written.
    await reserveImportChunk(db, 'cut', ['c2', 'c3']);
    await db.blobs.bulkPut([photo('photo:c2', 'c2'), photo('photo:c2:thumbnail', 'c2'), photo('photo:c3', 'c3')]);

    await recoverInterruptedImports(db, 20);
    expect(await allDraftIds(db)).toEqual(['typed-by-hand']);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual(['photo:kept']);
    expect(await db.importBatches.get('cut')).toMatchObject({ state: 'rolledBack', rollback: { reason: 'interrupted', removed: 1 } });
  });

  it('on start, rolls back a running batch whose importer is gone, reports it once, and leaves a live one alone', async () => {
    const db = scratch();
    await startImportBatch(db, { id: 'gone', fileName: 'gone.csv', total: 2, now: 10 });
    await writeChunk(db, 'gone', [record('g1'), record('g2')]);
    await startImportBatch(db, { id: 'live', fileName: 'live.csv', total: 1, now: 11 });
    await writeChunk(db, 'live', [record('l1')]);
    await startImportBatch(db, { id: 'finished', fileName: 'done.csv', total: 1, now: 12 });
    await writeChunk(db, 'finished', [record('f1')]);
    await finishImportBatch(db, 'finished', 'done', 13);

    // The live importer holds its lock (as the worker does while saving).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let granted: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      granted = resolve;
    });
    const lock = navigator.locks.request(importBatchLockName('live'), () => {
      granted();
      return held;
    });
    await holding;

    // Settles only when every running batch is known: the live one is waited for, in the background.
    const recovering = recoverInterruptedImports(db, 20);
    await expect.poll(async () => (await db.importBatches.get('gone'))?.state).toBe('rolledBack');
    expect(await allDraftIds(db)).toEqual(['f1', 'l1']);
    expect(await db.importBatches.get('live')).toMatchObject({ state: 'running' });
    const reports = await importsToReport(db);
    expect(reports.map((batch) => [batch.fileName, batch.rollback?.removed])).toEqual([['gone.csv', 2]]);
    await markImportReported(db, 'gone');
    expect(await importsToReport(db)).toEqual([]);

    // The live importer finishes and lets go: its batch is kept.
    await finishImportBatch(db, 'live', 'done', 21);
    release();
    await lock;
    await recovering;
    expect(await allDraftIds(db)).toEqual(['f1', 'l1']);
    expect(await db.importBatches.get('live')).toMatchObject({ state: 'done' });
  });

  it('knows a product by its GTIN in any length, or by its Russian name (any case and spacing) in the same ОКТРУ', async () => {
    const db = scratch();
    await db.drafts.bulkPut([record('a', { name_ru: 'Сүт  «Әсел» 1 Л', gtin: '4870000000012' }), record('b', { name_ru: 'Айран' })]);
    const stored = await storedProductKeys(db);
    const known = (draft: ApplicationDraft) => productIdentityKeys(draft).some((key) => stored.has(key));
    expect(known(application('x', { name_ru: 'Басқа', gtin: '04870000000012' }))).toBe(true);
    expect(known(application('y', { name_ru: 'сүт «әсел» 1 л' }))).toBe(true);
    expect(known(application('z', { name_ru: 'айран' }, '1020-0011-0003-100006375'))).toBe(false);
    expect(known(application('w', { name_ru: 'Кефир', gtin: '4870000000029' }))).toBe(false);
  });
});

describe('schema v7 (import batches)', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  it('upgrades a database of the previous versions without losing its applications', async () => {
    const name = `import-batches-migration-${crypto.randomUUID()}`;
    names.push(name);
    const before = openDatabase(name, 5);
    await before.drafts.bulkPut([record('kept-1'), record('kept-2')]);
    before.close();
    const after = openDatabase(name);
    await after.open();
    expect(after.verno).toBe(latestSchemaVersion);
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(7);
    expect(await allDraftIds(after)).toEqual(['kept-1', 'kept-2']);
    await startImportBatch(after, { id: 'b', fileName: 'f.csv', total: 1, now: 1 });
    expect(await after.importBatches.count()).toBe(1);
    after.close();
  });
});
