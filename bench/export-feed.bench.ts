/**
 * The export feed at catalogue scale: 1,000,000 seed cards (generated lazily, so the sandbox holds none of
 * them in memory) read through `createExportClient` over loopback, following `next` page by page
 * (limit 5000), every row parsed with the zod row schema. Sandbox and client share this process.
 *
 * Figures: rows/s end to end (baseline: generating the same rows and `JSON.stringify`-ing them page by page,
 * no HTTP, no parsing), and peak RSS (baseline: RSS after start-up, before the feed is read).
 *
 *   node --import tsx bench/export-feed.bench.ts          (BENCH_CARDS=… to change the size)
 */
import { startSandbox } from '../src/sandbox/server.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { exportRow } from '../src/sandbox/views.ts';
import { createExportClient } from '../src/shared/catalogue/index.ts';
import { report, timeMs } from './report.ts';

const cards = Number(process.env['BENCH_CARDS'] ?? 1_000_000);
const limit = 5000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// Baseline: the same rows, serialised per page, without HTTP or parsing.
const seed = buildSeed({ cards });
const baseline = await timeMs(() => {
  let bytes = 0;
  for (let start = 0; start < cards; start += limit) {
    const page = [];
    for (let index = start; index < Math.min(cards, start + limit); index += 1) page.push(exportRow(seed.cards.summary(index)));
    bytes += JSON.stringify({ result: page, next: null }).length;
  }
  return bytes;
});

const sandbox = await startSandbox({ port: 0, cards });
const client = createExportClient({ baseUrl: sandbox.exportBaseUrl, token: sandbox.exportToken, fetch: (...args) => fetch(...args) });
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

let cursor = 0;
const run = await timeMs(async () => {
  let rows = 0;
  let pages = 0;
  for await (const page of client.pages({ from: 0, limit })) {
    rows += page.rows.length;
    pages += 1;
    for (const row of page.rows) cursor = Math.max(cursor, row.modified);
  }
  return { rows, pages };
});
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await sandbox.close();

if (run.result.rows !== cards) throw new Error(`read ${run.result.rows} rows, expected ${cards}`);

report({
  name: `export feed via createExportClient, ${cards} cards (limit ${limit}, following next)`,
  value: Math.round((run.result.rows / run.ms) * 1000),
  unit: 'rows/s',
  n: run.result.rows,
  baseline: { name: 'generate + JSON.stringify the same pages, no HTTP', value: Math.round((cards / baseline.ms) * 1000), unit: 'rows/s' },
  notes: `${run.result.pages} pages in ${Math.round(run.ms)} ms; ${mb(baseline.result)} MB of JSON; last cursor ${cursor}`,
});
report({
  name: `export feed peak RSS while reading ${cards} cards (sandbox + client in one process)`,
  value: mb(peakRss),
  unit: 'MB',
  n: run.result.rows,
  baseline: { name: 'RSS after start-up, before reading', value: mb(rssBefore), unit: 'MB' },
  notes: 'sampled every 50 ms',
});
