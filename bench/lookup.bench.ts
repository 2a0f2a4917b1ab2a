/**
 * Scan-to-verdict lookup latency with a large catalogue copy held (BENCH_CARDS, default 1,000,000), in real
 * Chromium: the copy is filled through the app's own snapshot import, then codes are typed into the Inspection
 * screen and the time of each verdict's lookup (normalise + IndexedDB read, as the screen measures it) is read
 * from the verdict. 60 % NTINs, 40 % GTINs (all cards of a GTIN); both through the copy's bucket index (one
 * bucket read, a binary search, one block read per card; db/catalogue-copy.ts).
 * Baseline, same page, same database: the same two reads with bare IndexedDB (no Dexie, no transaction wrapper,
 * no normalisation or verdict) for as many other NTINs not read before — the floor our lookup stands on.
 *
 *   npm run build:web && node --import tsx bench/lookup.bench.ts      (BENCH_CARDS=… , BENCH_LOOKUPS=…)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { serveWithSandbox } from '../src/cli/commands/web.ts';
import { createSandboxHandler } from '../src/sandbox/server.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { createExportClient } from '../src/shared/catalogue/index.ts';
import { blockSize, bucketOf } from '../src/shared/inspection/copy-index.ts';
import { advanceCopyInfo, copyCardFromRow, createSnapshotWriter, emptyCopyInfo, type CopyCard } from '../src/shared/inspection/index.ts';
import { report } from './report.ts';

const cards = Number(process.env['BENCH_CARDS'] ?? 1_000_000);
const lookups = Number(process.env['BENCH_LOOKUPS'] ?? 500);
const timeout = 30 * 60_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

// Codes spread over the whole copy, chosen with a fixed LCG so runs compare.
const seed = buildSeed({ cards });
let state = 12345;
const next = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state % cards;
};
const codes: string[] = [];
while (codes.length < lookups) {
  const card = seed.cards.summary(next());
  if (codes.length % 5 < 3) codes.push(card.ntin);
  else if (card.gtin) codes.push(card.gtin);
}
const ntins = codes.filter((code) => code.startsWith('020'));
// The baseline reads as many other NTINs, never read before in this run: cold like the app's, not re-reads of them.
const baselineNtins: string[] = [];
while (baselineNtins.length < ntins.length) {
  const ntin = seed.cards.summary(next()).ntin;
  if (!codes.includes(ntin)) baselineNtins.push(ntin);
}

const folder = await mkdtemp(join(tmpdir(), 'ncg-bench-lookup-'));
const sandbox = await createSandboxHandler({ host: '127.0.0.1', cards });
const site = await serveWithSandbox({ root: new URL('../dist/web/', import.meta.url).pathname, host: '127.0.0.1', port: 0, sandbox });
const baseUrl = site.url.endsWith('/') ? site.url : `${site.url}/`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const client = createExportClient({ baseUrl: `${baseUrl}api/integration/ofd`, token: sandbox.exportToken, fetch: (...args) => fetch(...args) });
  const writer = createSnapshotWriter();
  let info = emptyCopyInfo;
  for await (const page of client.pages({ from: 0, limit: 5000 })) {
    const batch = page.rows.map(copyCardFromRow).filter((card): card is CopyCard => card !== undefined);
    writer.add(batch);
    info = advanceCopyInfo(info, batch, batch.length);
  }
  const file = join(folder, 'catalogue.ncgsnap');
  await writeFile(file, await writer.finish({ copyDate: new Date().toISOString(), cursor: info.cursor, maxNtinSerial: info.maxNtinSerial }));

  const page = await (await browser.newContext()).newPage();
  await page.goto(baseUrl);
  await page.getByRole('navigation').getByRole('link').nth(3).click();
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-import').setInputFiles(file);
  await page.getByTestId('copy-outcome').and(page.locator('[data-outcome="complete"]')).waitFor({ timeout });
  await page.getByTestId('tab-scan').click();

  const appMs: number[] = [];
  const field = page.getByTestId('scan-input');
  for (const code of codes) {
    await field.fill(code);
    await field.press('Enter');
    const verdict = page.getByTestId('verdict').first();
    await verdict.and(page.locator(`[data-code="${code}"]`)).waitFor();
    appMs.push(Number(await verdict.getAttribute('data-ms')));
  }
  const unexpected = await page.locator('[data-testid="verdict"]:not([data-verdict="registered"]):not([data-verdict="several"]):not([data-verdict="deactivated"])').count();
  if (unexpected > 0) throw new Error(`${unexpected} of the last verdicts are not found: the copy is incomplete`);

  const bareMs = await page.evaluate(
    async ({ keys, size }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ncg-desk');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const times: number[] = [];
      for (const { code, bucket } of keys) {
        const started = performance.now();
        const transaction = db.transaction(['copyBuckets', 'copyBlocks'], 'readonly');
        // Requests written out in place: a named helper here would need the bundler's name shim in the page.
        const found = await new Promise<{ keys: string[]; refs: number[] } | undefined>((resolve, reject) => {
          const request = transaction.objectStore('copyBuckets').get(bucket);
          request.onsuccess = () => resolve(request.result as { keys: string[]; refs: number[] } | undefined);
          request.onerror = () => reject(request.error);
        });
        let low = 0;
        let high = found?.keys.length ?? 0;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if ((found?.keys[middle] ?? '') < code) low = middle + 1;
          else high = middle;
        }
        const ref = found?.keys[low] === code ? found.refs[low] : undefined;
        if (ref === undefined) throw new Error(`${code} is not in the index`);
        const block = await new Promise<{ ntins: string[] } | undefined>((resolve, reject) => {
          const request = transaction.objectStore('copyBlocks').get(Math.floor(ref / size));
          request.onsuccess = () => resolve(request.result as { ntins: string[] } | undefined);
          request.onerror = () => reject(request.error);
        });
        if (block?.ntins[ref % size] !== code) throw new Error(`${code}: the index points elsewhere`);
        times.push(performance.now() - started);
      }
      db.close();
      return times;
    },
    { keys: baselineNtins.map((code) => ({ code, bucket: bucketOf(code) })), size: blockSize },
  );

  const app = [...appMs].sort((a, b) => a - b);
  const bare = [...bareMs].sort((a, b) => a - b);
  for (const p of [50, 99]) {
    report({
      name: `scan-to-verdict lookup p${p} with ${cards} cards held (${codes.length} codes: ${ntins.length} NTIN, ${codes.length - ntins.length} GTIN)`,
      value: Math.round(percentile(app, p) * 100) / 100,
      unit: 'ms',
      n: codes.length,
      baseline: { name: `bare IndexedDB bucket + block reads of ${baselineNtins.length} other NTINs (no Dexie, no verdict), p${p}`, value: Math.round(percentile(bare, p) * 100) / 100, unit: 'ms' },
      notes: p === 99 ? `goal: p99 < 5 ms; max ${Math.round((app.at(-1) ?? 0) * 100) / 100} ms` : undefined,
    });
  }
} finally {
  await browser.close();
  await site.close();
  await sandbox.close();
  await rm(folder, { recursive: true, force: true });
}
