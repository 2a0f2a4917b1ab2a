/**
 * The import worker through the one worker channel, in real Chromium over a scratch IndexedDB filled with the
 * sandbox seed's schemas and the dictionary entries the rows use (fixtures/import-offline-copy.json): one call from file to preview, an import cut off mid-save (the worker
 * ended, as by a crash or a closed page) rolled back whole, and a second import of the same file adding nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dictionaryItemSchema } from '../../src/shared/catalogue/dto.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { govSchemaKey, putAttributeSchema } from '../../src/renderer/db/attribute-schemas.ts';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { putDictionaryItems } from '../../src/renderer/db/dictionaries.ts';
import { importsToReport, recoverInterruptedImports } from '../../src/renderer/db/import-batches.ts';
import { connectImportWorker, type ImportWorker } from '../../src/renderer/features/import/import-client.ts';
import type { ImportProgress } from '../../src/renderer/features/import/import-protocol.ts';
import { WorkerError } from '../../src/renderer/workers/rpc.ts';
import offline from './fixtures/import-offline-copy.json';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('import-worker');
const workers: ImportWorker[] = [];
// Registered after the scratch databases, so it runs before they are deleted: no worker keeps one open.
afterEach(() => {
  for (const worker of workers.splice(0)) worker.dispose();
});

async function offlineCopy(db: NcgDatabase): Promise<void> {
  await putAttributeSchema(db, 'base', offline.base);
  await putAttributeSchema(db, govSchemaKey(offline.oktru), offline.gov);
  for (const [code, items] of Object.entries(offline.dictionaries)) {
    await putDictionaryItems(db, code, items.map((item) => dictionaryItemSchema.parse(item)), 'seed');
  }
}

function csv(count: number): File {
  const header = ['oktru', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'gtin', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d'];
  const rows = Array.from({ length: count }, (_, index) => {
    const body = `4872${String(index).padStart(8, '0')}`;
    return [offline.oktru, `Сүт өнімі партия ${String(index)}`, `Сүт өнімі топтама ${String(index)}`, 'Сүт', 'Сүт Әлемі', `${body}${gs1CheckDigit(body)}`, offline.tnved, 'KZ', '112', '1', 'ТОО «Сүт Әлемі»'];
  });
  return new File([[header, ...rows].map((cells) => cells.join(';')).join('\r\n')], 'сүт.csv', { type: 'text/csv' });
}

function start(): ImportWorker {
  const worker = connectImportWorker();
  workers.push(worker);
  return worker;
}

describe('the import worker (real worker, real IndexedDB)', () => {
  it('goes from the file to the preview in one call, reporting its phases', async () => {
    const db = scratch();
    await offlineCopy(db);
    const phases = new Set<string>();
    const outcome = await start().api.open({ database: db.name, file: csv(50), today: '2026-03-01' }, { onProgress: (progress) => phases.add(progress.phase) });
    if (outcome.kind !== 'preview') throw new Error(JSON.stringify(outcome).slice(0, 400));
    expect(outcome.source).toBe('default');
    expect(outcome.preview.counts).toMatchObject({ rows: 50, rowsWithErrors: 0, alreadyImported: 0, validNew: 50 });
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'checking']));
  });

  it('an import whose worker ends mid-save is rolled back whole', async () => {
    const db = scratch();
    await offlineCopy(db);
    const worker = start();
    const outcome = await worker.api.open({ database: db.name, file: csv(3000), today: '2026-03-01' });
    expect(outcome.kind).toBe('preview');
    let saved = 0;
    const saving = worker.api.commit(
      { database: db.name, onlyValid: true, reimport: false, now: Date.now() },
      {
        onProgress: (progress: ImportProgress) => {
          saved = progress.done;
          // Ended as a crash or a closed page would end it, with some chunks stored and more to come.
          if (progress.done >= 500 && progress.done < progress.total) worker.dispose();
        },
      },
    );
    const failure = await saving.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkerError);
    expect((failure as WorkerError).code).toBe('disposed');
    expect(saved).toBeGreaterThanOrEqual(500);
    expect(await db.drafts.count()).toBeGreaterThanOrEqual(500);

    await recoverInterruptedImports(db);
    expect(await db.drafts.count()).toBe(0);
    const [report] = await importsToReport(db);
    expect(report).toMatchObject({ fileName: 'сүт.csv', state: 'rolledBack', rollback: { reason: 'interrupted' } });
    expect(report?.rollback?.removed).toBeGreaterThanOrEqual(500);
  });

  it('importing the same file again adds nothing unless asked', async () => {
    const db = scratch();
    await offlineCopy(db);
    const worker = start();
    const file = csv(120);
    await worker.api.open({ database: db.name, file, today: '2026-03-01' });
    expect(await worker.api.commit({ database: db.name, onlyValid: true, reimport: false, now: Date.now() })).toEqual({ imported: 120, skipped: 0, alreadyImported: 0, stopped: false });

    const again = await worker.api.open({ database: db.name, file, today: '2026-03-01' });
    if (again.kind !== 'preview') throw new Error(again.kind);
    expect(again.preview.counts).toMatchObject({ rows: 120, alreadyImported: 120, validNew: 0 });
    expect(again.preview.rows.every((row) => row.alreadyImported)).toBe(true);
    expect(await worker.api.commit({ database: db.name, onlyValid: true, reimport: false, now: Date.now() })).toEqual({ imported: 0, skipped: 0, alreadyImported: 120, stopped: false });
    expect(await db.drafts.count()).toBe(120);

    await worker.api.open({ database: db.name, file, today: '2026-03-01' });
    expect(await worker.api.commit({ database: db.name, onlyValid: true, reimport: true, now: Date.now() })).toMatchObject({ imported: 120 });
    expect(await db.drafts.count()).toBe(240);
  });
});
