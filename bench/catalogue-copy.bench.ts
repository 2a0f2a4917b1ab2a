/**
 * The inspections' catalogue copy at catalogue scale, in real Chromium against the web twin and its sandbox
 * (BENCH_CARDS seed cards, default 1,000,000):
 *
 * 1. download: the app's own path (Inspection → Catalogue copy → Download: bridge → worker → IndexedDB, one
 *    transaction per 5000-row page writing blocks of 512 cards, the bucket index merged in large steps; pages
 *    fetched ahead of the writes), timed from the click to "complete";
 *    baseline, same run, same server: a plain page that fetches the same feed pages, `JSON.parse`s them and
 *    `bulkPut`s the same rows into a plain Dexie table with the same indexes (no worker, no checks);
 * 2. storage used per 100,000 cards (navigator.storage.estimate after the download);
 * 3. import of the same cards from a `.ncgsnap` file written by the CLI's code from the same feed;
 *    baseline: the download of (1);
 * 4. the app saving its copy as a `.ncgsnap` (Catalogue copy → Save the copy to a file: worker reads the blocks,
 *    gzips, the web twin downloads it): time and size, against the bridge's cap on a saved file;
 *    baseline: the CLI's writing of the same cards from the feed (`ncg snapshot pull`'s code).
 * Lookup latency at this size is bench/lookup.bench.ts.
 *
 *   npm run build:web && node --import tsx bench/catalogue-copy.bench.ts      (BENCH_CARDS=… to change the size)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { serveWithSandbox } from '../src/cli/commands/web.ts';
import { createSandboxHandler } from '../src/sandbox/server.ts';
import { createExportClient } from '../src/shared/catalogue/index.ts';
import { maxSavedFileBytes } from '../src/shared/bridge.ts';
import { pullSnapshot, verifySnapshot } from '../src/shared/inspection/index.ts';
import { plainFillSource } from './plain-copy.ts';
import { report } from './report.ts';

const cards = Number(process.env['BENCH_CARDS'] ?? 1_000_000);
const limit = 5000;
const timeout = 30 * 60_000;

/** The plain way: fetch + JSON.parse + Dexie bulkPut, page by page, on the page's own thread. */
const baselineScript = `
import Dexie from './bench-dexie.mjs';
const config = await (await fetch('./web-twin.json')).json();
const db = new Dexie('bench-plain');
db.version(1).stores({ cards: 'key, gtin' });
await db.open();
const started = performance.now();
const stored = await (${plainFillSource(limit)})(db, config);
window.benchResult = { ms: performance.now() - started, stored };
`;

async function openInspection(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole('navigation').getByRole('link').nth(3).click();
  await page.getByTestId('tab-copy').click();
}

async function appDownload(browser: Browser, baseUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openInspection(page, baseUrl);
  const started = performance.now();
  await page.getByTestId('copy-download').click();
  await page.getByTestId('copy-outcome').and(page.locator('[data-outcome="complete"]')).waitFor({ timeout });
  const ms = performance.now() - started;
  const held = Number((await page.getByTestId('copy-status').innerText()).replace(/\D/gu, ''));
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const saveStarted = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByTestId('copy-save').click()]);
  const saved = join(folder, 'saved-by-app.ncgsnap');
  await download.saveAs(saved);
  const saveMs = performance.now() - saveStarted;
  const savedBytes = (await readFile(saved)).length;
  await context.close();
  return { ms, held, usage, saveMs, savedBytes };
}

async function plainDownload(browser: Browser, baseUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}bench-baseline.html`);
  await page.waitForFunction(() => (window as { benchResult?: unknown }).benchResult !== undefined, undefined, { timeout, polling: 500 });
  const result = (await page.evaluate(() => (window as unknown as { benchResult: { ms: number; stored: number } }).benchResult));
  await context.close();
  return result;
}

async function appImport(browser: Browser, baseUrl: string, file: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openInspection(page, baseUrl);
  const started = performance.now();
  await page.getByTestId('copy-import').setInputFiles(file);
  await page.getByTestId('copy-outcome').and(page.locator('[data-outcome="complete"]')).waitFor({ timeout });
  const ms = performance.now() - started;
  await context.close();
  return { ms };
}

/** The snapshot file as `ncg snapshot pull` writes it. */
async function writeSnapshot(exportBaseUrl: string, token: string, path: string) {
  const client = createExportClient({ baseUrl: exportBaseUrl, token, fetch: (...args) => fetch(...args) });
  const { bytes } = await pullSnapshot(client, { limit });
  await writeFile(path, bytes);
  return bytes.length;
}

const root = new URL('../dist/web/', import.meta.url).pathname;
const dexieModule = await readFile(new URL('../node_modules/dexie/dist/dexie.mjs', import.meta.url), 'utf8');
const sandbox = await createSandboxHandler({ host: '127.0.0.1', cards });
const site = await serveWithSandbox({
  root,
  host: '127.0.0.1',
  port: 0,
  sandbox,
  extraFiles: {
    '/bench-dexie.mjs': { body: dexieModule, contentType: 'text/javascript; charset=utf-8' },
    '/bench-baseline.js': { body: baselineScript, contentType: 'text/javascript; charset=utf-8' },
    '/bench-baseline.html': { body: '<!doctype html><meta charset="utf-8"><script type="module" src="./bench-baseline.js"></script>', contentType: 'text/html; charset=utf-8' },
  },
});
const baseUrl = site.url.endsWith('/') ? site.url : `${site.url}/`;
const folder = await mkdtemp(join(tmpdir(), 'ncg-bench-copy-'));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const plain = await plainDownload(browser, baseUrl);
  const app = await appDownload(browser, baseUrl);
  if (app.held !== cards || plain.stored !== cards) throw new Error(`stored ${app.held} (app) and ${plain.stored} (plain) of ${cards}`);
  report({
    name: `catalogue copy download into IndexedDB, ${cards} cards (app: bridge → worker → card blocks + bucket index)`,
    value: Math.round(app.ms / 100) / 10,
    unit: 's',
    n: cards,
    baseline: { name: 'plain page: fetch + JSON.parse + Dexie bulkPut of the same rows, same indexes', value: Math.round(plain.ms / 100) / 10, unit: 's' },
    notes: `${Math.round((cards / app.ms) * 1000)} cards/s (app) vs ${Math.round((cards / plain.ms) * 1000)} cards/s (plain); goal < 60 s and ≥ 2× the plain way`,
  });
  report({
    name: 'storage used per 100,000 cards of the copy (navigator.storage.estimate, whole origin)',
    value: Math.round((app.usage / cards) * 100_000 / 1024 / 1024 * 10) / 10,
    unit: 'MB',
    n: cards,
    notes: `${Math.round(app.usage / 1024 / 1024)} MB for ${cards} cards`,
  });
  const file = join(folder, 'catalogue.ncgsnap');
  const cliStarted = performance.now();
  const size = await writeSnapshot(`${baseUrl}api/integration/ofd`, sandbox.exportToken, file);
  const cliMs = performance.now() - cliStarted;
  const savedHeader = (await verifySnapshot(new Uint8Array(await readFile(join(folder, 'saved-by-app.ncgsnap'))))).header;
  if (savedHeader.count !== cards) throw new Error(`the app saved ${savedHeader.count} of ${cards} cards`);
  report({
    name: `the app saving its copy of ${cards} cards as a .ncgsnap (${Math.round(app.savedBytes / 1024 / 1024)} MB; the bridge saves at most ${maxSavedFileBytes / 1024 / 1024} MB)`,
    value: Math.round(app.saveMs / 100) / 10,
    unit: 's',
    n: cards,
    // No peer saves this copy: the CLI's pull (our own code, which also downloads) is a reference, not a baseline.
    notes: `app file ${app.savedBytes} bytes; for reference, our own ncg snapshot pull code fetching and writing the same cards in-process took ${Math.round(cliMs / 100) / 10} s (${size} bytes)`,
  });
  const imported = await appImport(browser, baseUrl, file);
  report({
    name: `import of the same ${cards} cards from a .ncgsnap file (${Math.round(size / 1024 / 1024)} MB)`,
    value: Math.round(imported.ms / 100) / 10,
    unit: 's',
    n: cards,
    baseline: { name: 'the app’s download of the same cards (above)', value: Math.round(app.ms / 100) / 10, unit: 's' },
  });
} finally {
  await browser.close();
  await site.close();
  await sandbox.close();
  await rm(folder, { recursive: true, force: true });
}
