/**
 * Finding "the photo this computer uploaded under a catalogue file name" (db/photos.ts
 * `findUploadedPhotoThumbnail`, asked by each photo slot of an editor showing a card's catalogue photos) with
 * 10,000 applications' sync records held, in Debian's Chromium, on real IndexedDB.
 *
 * The records are realistic in shape and size (a job body of a dozen attributes in Russian and Kazakh, three
 * photos and a certificate each; two in three sent, their uploads named with a UUID as the portal names them)
 * and are written into a schema v9 database by the app's own code; then the app opens it, which runs the v10
 * upgrade (the `uploadedPhotoNames` index filled for every record).
 *
 * 1. Look-up by name, the app's path (one keyed read of the index, then the thumbnail row), for names uploaded
 *    here and names that are not (a card edited elsewhere). Baseline, same page, same database, same run: bare
 *    IndexedDB (no Dexie) doing the same two reads in one transaction: the index's `getAll(name)` and the
 *    thumbnail's `get`.
 *    Ablation, not a baseline: the code before v10, one pass over every sync record building the name → photo
 *    map (its result was then reused for 5 s by the slots of one editor).
 * 2. The v10 upgrade of the 10,000 records, timed from opening the database to open. Baseline, same run: plain
 *    Dexie `bulkPut` of the same 10,000 records with the names already derived, into a table with the same
 *    indexes (the floor of writing them with the index).
 *
 * The app's modules are bundled for the page by esbuild (as Vite would); timing runs inside the page.
 *
 * Run: node --import tsx bench/uploaded-photo-lookup.bench.ts     (BENCH_RECORDS=… to change the size)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { newRecord } from '../src/shared/sync/engine.ts';
import type { SyncFile, SyncJob, SyncRecord } from '../src/shared/sync/types.ts';
import { report } from './report.ts';

const size = Number(process.env['BENCH_RECORDS'] ?? 10_000);
const lookups = 200;
const missingLookups = 50;
const ablationRuns = 5;
const fillChunk = 1_000;

// ------------------------------------------------------------------------------------------ the data

const seed = buildSeed({ cards: 0 });
const leaves = seed.leaves.filter((leaf) => !leaf.isDeleted);
const slots = ['front', 'back', 'left'] as const;

/** The name the portal gives an upload: a UUID, made reproducible here. */
function portalName(index: number, slot: string): string {
  const hex = (index * 2_654_435_761 + (slots as readonly string[]).indexOf(slot) * 97).toString(16).padStart(12, '0').slice(-12);
  return `3f2b8c1e-9d4a-4b7e-8f6a-${hex}.jpg`;
}

function makeRecord(index: number, now: number): SyncRecord {
  const leaf = leaves[index % leaves.length]!;
  const brand = leaf.section.brands[index % leaf.section.brands.length] ?? 'Бренд';
  const applicationId = `bench-${String(index)}`;
  const files: SyncFile[] = [
    ...slots.map((slot) => ({ id: `photo:${slot}:photo:${applicationId}-${slot}`, kind: 'photo' as const, slot, name: `${slot}.jpg`, size: 850_000 })),
    { id: `doc:cert-${String(index % 300)}:document-pdf:${String(index % 300)}`, kind: 'document', name: 'Сертификат.pdf', size: 420_000 },
  ];
  const job: SyncJob = {
    applicationId,
    revision: 1,
    files,
    body: {
      oktru: leaf.code,
      autoPublication: false,
      attributes: [
        { code: 'name_ru', value: `${leaf.nameRu} ${brand} №${String(index)}` },
        { code: 'name_kk', value: `${leaf.nameKk} ${brand} №${String(index)}` },
        { code: 'short_name_ru', value: leaf.nameRu.slice(0, 40) },
        { code: 'short_name_kk', value: leaf.nameKk.slice(0, 40) },
        { code: 'brand', value: brand },
        { code: 'country', value: 'KZ' },
        { code: 'tnved', value: leaf.tnvedCodes[index % leaf.tnvedCodes.length] ?? '9999999999' },
        { code: 'measure', attributes: [{ code: 'measure_unit', value: '796' }, { code: 'quantity', value: '1' }] },
        { code: 'a4282e5d', value: `ТОО «${brand}»` },
        { code: 'producer_identifier', value: '070940001230' },
        { code: 'gtin', value: `487${String(100_000_000 + index)}0` },
        { code: 'description_kk', value: 'Қазақстанда өндірілген, сапасы тексерілген өнім. Ә Ғ Қ Ң Ө Ұ Ү Һ І' },
      ],
    } as SyncJob['body'],
  };
  const at = now - index * 60_000;
  const record = newRecord(job, at);
  if (index % 3 === 0) return record; // queued, nothing uploaded yet
  const uploaded: Record<string, string> = Object.fromEntries(files.map((file) => [file.id, file.kind === 'photo' ? portalName(index, file.slot ?? '') : `${String(index)}-cert.pdf`]));
  return { ...record, phase: 'sent', step: 'sent', uploaded, requestId: 10_000 + index, createStarted: true, sentRevision: 1, remote: { code: 'onModeration', checkedAt: at }, history: [{ code: 'onModeration', at }] };
}

// ------------------------------------------------------------------------------------------ the page

/** What runs in the page: the app's own db modules, and the bare IndexedDB baseline. */
const pageEntry = `
import Dexie from 'dexie';
import { openDatabase } from './src/renderer/db/database.ts';
import { findUploadedPhotoThumbnail, photoBlobIds } from './src/renderer/db/photos.ts';
import { withUploadedPhotoNames, photoBlobIdOfSyncFile } from './src/renderer/db/records.ts';
import './src/renderer/db/sync-store.ts';
import './src/renderer/db/trash.ts';

const name = 'ncg-desk-bench';
let db;
const times = async (names, look) => {
  const out = [];
  let found = 0;
  for (const fileName of names) {
    const start = performance.now();
    if (await look(fileName)) found += 1;
    out.push(performance.now() - start);
  }
  return { ms: out, found };
};

window.bench = {
  async fillV9(records, thumbnails) {
    const v9 = openDatabase(name, 9);
    await v9.transaction('rw', v9.syncRecords, v9.blobs, async () => {
      await v9.syncRecords.bulkPut(records);
      await v9.blobs.bulkPut(thumbnails.map((blobId) => ({ id: photoBlobIds(blobId).thumbnail, ownerId: 'bench', mimeType: 'image/jpeg', data: new Blob([new Uint8Array(2_000)], { type: 'image/jpeg' }) })));
    });
    v9.close();
  },
  async upgrade() {
    const start = performance.now();
    db = openDatabase(name);
    await db.open();
    const ms = performance.now() - start;
    return { ms, version: db.verno, indexed: new Set(await db.syncRecords.where('uploadedPhotoNames').above('').primaryKeys()).size };
  },
  async plainBulkPut() {
    const records = await db.syncRecords.toArray();
    const derived = records.map((record) => withUploadedPhotoNames(record));
    const plain = new Dexie('bench-plain-bulkput');
    plain.version(1).stores({ records: 'applicationId, phase, requestId, updatedAt, *uploadedPhotoNames' });
    await plain.open();
    const start = performance.now();
    await plain.table('records').bulkPut(derived);
    const ms = performance.now() - start;
    plain.close();
    await Dexie.delete('bench-plain-bulkput');
    return { ms };
  },
  app: (names) => times(names, (fileName) => findUploadedPhotoThumbnail(db, fileName)),
  async bare(names) {
    const idb = await new Promise((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const result = await times(names, async (fileName) => {
      const transaction = idb.transaction(['syncRecords', 'blobs'], 'readonly');
      const records = await request(transaction.objectStore('syncRecords').index('uploadedPhotoNames').getAll(fileName));
      for (const record of records) {
        for (const [fileId, uploadedAs] of Object.entries(record.uploaded)) {
          if (uploadedAs !== fileName || !fileId.startsWith('photo:')) continue;
          const row = await request(transaction.objectStore('blobs').get(fileId.split(':').slice(2).join(':') + ':thumbnail'));
          if (row) return row.data;
        }
      }
      return undefined;
    });
    idb.close();
    return result;
  },
  // The code before v10: one pass over every sync record, then the thumbnails of the photos under that name.
  async ablation(names) {
    return times(names, async (fileName) => {
      const byFileName = new Map();
      await db.syncRecords.each((record) => {
        for (const [fileId, uploadedAs] of Object.entries(record.uploaded)) {
          const blobId = photoBlobIdOfSyncFile(fileId);
          if (blobId !== undefined) byFileName.set(uploadedAs, [...(byFileName.get(uploadedAs) ?? []), blobId]);
        }
      });
      const blobIds = byFileName.get(fileName) ?? [];
      if (blobIds.length === 0) return undefined;
      const rows = await db.blobs.bulkGet(blobIds.map((blobId) => photoBlobIds(blobId).thumbnail));
      return rows.find((row) => row !== undefined)?.data;
    });
  },
};
document.title = 'ready';
`;

async function bundle(): Promise<string> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const result = await build({
    stdin: { contents: pageEntry, resolveDir: root, loader: 'ts', sourcefile: 'uploaded-photo-lookup-page.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    define: { __APP_VERSION__: JSON.stringify('0.0.0-bench') },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

// ------------------------------------------------------------------------------------------ measuring

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

interface Timed {
  ms: number[];
  found: number;
}
declare global {
  interface Window {
    bench: {
      fillV9(records: SyncRecord[], thumbnails: string[]): Promise<void>;
      upgrade(): Promise<{ ms: number; version: number; indexed: number }>;
      plainBulkPut(): Promise<{ ms: number }>;
      app(names: string[]): Promise<Timed>;
      bare(names: string[]): Promise<Timed>;
      ablation(names: string[]): Promise<Timed>;
    };
  }
}

const script = await bundle();
const server = createServer((request, response) => {
  if (request.url === '/page.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/page.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const context = await browser.newContext();
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');

  const now = Date.now();
  const records = Array.from({ length: size }, (_, index) => makeRecord(index, now));
  for (let start = 0; start < records.length; start += fillChunk) {
    const chunk = records.slice(start, start + fillChunk);
    // The front photo's thumbnail is still stored for every sent application.
    const thumbnails = chunk.filter((record) => record.phase === 'sent').map((record) => `photo:${record.applicationId}-front`);
    await page.evaluate(([rows, blobIds]) => window.bench.fillV9(rows, blobIds), [chunk, thumbnails] as const);
  }
  const upgraded = await page.evaluate(() => window.bench.upgrade());
  const sent = records.filter((record) => record.phase === 'sent');
  if (upgraded.version < 10 || upgraded.indexed !== sent.length) throw new Error(`upgrade incomplete: v${String(upgraded.version)}, ${String(upgraded.indexed)} of ${String(sent.length)} records indexed`);
  const plain = await page.evaluate(() => window.bench.plainBulkPut());

  // Names uploaded here (front: thumbnail stored; back: its rows gone), and names this computer never uploaded.
  const uploadedNames = Array.from({ length: lookups }, (_, i) => {
    const index = Number(sent[(i * 7_919) % sent.length]!.applicationId.slice('bench-'.length));
    return portalName(index, i % 4 === 0 ? 'back' : 'front');
  });
  const missingNames = Array.from({ length: missingLookups }, (_, i) => `9a9a9a9a-0000-4000-8000-${String(i).padStart(12, '0')}.jpg`);
  const names = [...uploadedNames, ...missingNames];
  const expectedFound = uploadedNames.filter((_, i) => i % 4 !== 0).length;

  // Warm-up (JIT, IndexedDB's caches) for both sides, not counted; then app and bare, twice, interleaved.
  await page.evaluate((warm) => window.bench.app(warm), names.slice(0, 20));
  await page.evaluate((warm) => window.bench.bare(warm), names.slice(0, 20));
  const app: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    const a = await page.evaluate((list) => window.bench.app(list), names);
    const b = await page.evaluate((list) => window.bench.bare(list), names);
    if (a.found !== expectedFound || b.found !== expectedFound) throw new Error(`found ${String(a.found)} (app) and ${String(b.found)} (bare), expected ${String(expectedFound)}`);
    app.push(...a.ms);
    bare.push(...b.ms);
  }
  const ablationNames = uploadedNames.slice(1, 1 + ablationRuns);
  const ablation = await page.evaluate((list) => window.bench.ablation(list), ablationNames);
  if (ablation.found !== ablationNames.filter((_, i) => (i + 1) % 4 !== 0).length) throw new Error('the ablation found other photos than expected');

  report({
    name: `uploaded photo found by catalogue name, ${String(size)} sync records (median)`,
    value: round(percentile(app, 50)),
    unit: 'ms',
    n: app.length,
    baseline: { name: 'bare IndexedDB: index getAll(name) + thumbnail get, one transaction (median)', value: round(percentile(bare, 50)), unit: 'ms' },
    notes: `p95 ${String(round(percentile(app, 95)))} ms (bare ${String(round(percentile(bare, 95)))} ms), max ${String(round(Math.max(...app)))} ms; ${String(lookups)} uploaded names (1 in 4 whose thumbnail is gone) and ${String(missingLookups)} never uploaded, twice. Ablation, the pass over every record before v10: median ${String(round(percentile(ablation.ms, 50)))} ms, max ${String(round(Math.max(...ablation.ms)))} ms over ${String(ablationRuns)} look-ups; load average ${loadavg()[0]!.toFixed(2)}`,
  });
  report({
    name: `schema v10 upgrade of ${String(size)} sync records (uploadedPhotoNames filled)`,
    value: round(upgraded.ms),
    unit: 'ms',
    n: 1,
    baseline: { name: 'plain Dexie bulkPut of the same records, names derived, same indexes', value: round(plain.ms), unit: 'ms' },
    notes: `the upgrade reads all ${String(size)} records and rewrites the ${String(upgraded.indexed)} with photos uploaded (the baseline writes all ${String(size)}); it runs once, at the first start after the update; load average ${loadavg()[0]!.toFixed(2)}`,
  });
  await context.close();
} finally {
  await browser.close();
  server.close();
}
