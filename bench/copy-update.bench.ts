/**
 * Updating a held catalogue copy from a `.ncgsnap` file, in real Chromium against the web twin, as an inspector does
 * it: Inspection → Catalogue copy → Import a file, twice.
 *
 * 1. The app's copy is filled with BENCH_CARDS cards (default 1,000,000) by importing a snapshot of the sandbox's
 *    whole feed (written in Node by the CLI's code, as bench/lookup.bench.ts does); timed, in the notes.
 * 2. A second snapshot holds BENCH_CHANGED of those cards (default 200,000), every (cards / changed)-th card of the
 *    feed, so spread over every block and every index bucket: a later `modified`, new Russian and Kazakh names (with
 *    Kazakh letters), every tenth one deactivated. Importing it into the held copy is the merge path, including the
 *    compaction it leaves to do: timed from setInputFiles to the "complete" outcome, and split by the phases the
 *    tab's progress line shows (`copy-progress[data-phase]`: import, then compact); also how long until the tab
 *    stops showing a compaction, should one outlive the outcome.
 * 3. Checked afterwards: the copy's count is unchanged (copy-status), and a sample of the changed NTINs scanned on
 *    the Scan tab shows their new names and state, a few unchanged ones their old names.
 *
 * Baseline, same run, same server, its own browser context: a plain page holding the same cards in a plain Dexie
 * table (`cards: 'key, gtin'`, filled from the same feed pages with bulkPut; timed apart, in the notes) that
 * fetches the same changed cards as JSON, parses them and bulkPuts them, 5000 a transaction, timed whole.
 *
 *   npm run build:web && node --import tsx bench/copy-update.bench.ts
 *   (BENCH_CARDS=…, BENCH_CHANGED=…, BENCH_WEB_ROOT=… a web twin built elsewhere, BENCH_DEBUG=1: the page's console)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { serveWithSandbox } from '../src/cli/commands/web.ts';
import { createSandboxHandler } from '../src/sandbox/server.ts';
import { createExportClient } from '../src/shared/catalogue/index.ts';
import { advanceCopyInfo, createSnapshotWriter, emptyCopyInfo, pullSnapshot, type CopyCard } from '../src/shared/inspection/index.ts';
import { plainFillSource } from './plain-copy.ts';
import { report } from './report.ts';

const cards = Number(process.env['BENCH_CARDS'] ?? 1_000_000);
const changedCount = Number(process.env['BENCH_CHANGED'] ?? 200_000);
if (!(Number.isInteger(cards) && Number.isInteger(changedCount) && changedCount > 0 && changedCount <= cards)) throw new Error('BENCH_CHANGED must be a whole number between 1 and BENCH_CARDS');
const limit = 5000;
const timeout = 60 * 60_000;
const scannedChanged = 40;
const scannedUnchanged = 10;

/**
 * The page-side record of the Catalogue copy tab: each change of the progress line's phase and of the outcome line,
 * with the page's clock, so a phase that lasts less than a poll is not missed.
 */
const tabProbeScript = `(() => {
  const probe = { phases: [], outcomes: [], phase: '', outcomeElement: null, outcome: '' };
  window.__copyProbe = probe;
  const look = () => {
    const progress = document.querySelector('[data-testid="copy-progress"]');
    const phase = progress ? progress.getAttribute('data-phase') || 'unknown' : '';
    const at = performance.now();
    if (phase !== probe.phase) { probe.phase = phase; probe.phases.push({ phase, at }); }
    const element = document.querySelector('[data-testid="copy-outcome"], [data-testid="copy-error"]');
    const outcome = !element ? '' : element.getAttribute('data-testid') === 'copy-error' ? 'error ' + element.getAttribute('data-error') : element.getAttribute('data-outcome') || 'unknown';
    if (element !== probe.outcomeElement || outcome !== probe.outcome) { probe.outcomeElement = element; probe.outcome = outcome; probe.outcomes.push({ outcome, at }); }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-outcome', 'data-error'] });
})();`;

interface TabProbe {
  phases: { phase: string; at: number }[];
  outcomes: { outcome: string; at: number }[];
}

/** The plain way: the same cards in a plain Dexie table, then the changed ones fetched, parsed and bulkPut. */
const baselineScript = `
import Dexie from './bench-dexie.mjs';
try {
  const config = await (await fetch('./web-twin.json')).json();
  const db = new Dexie('bench-plain');
  db.version(1).stores({ cards: 'key, gtin' });
  await db.open();
  const fillStarted = performance.now();
  const filled = await (${plainFillSource(limit)})(db, config);
  const fillMs = performance.now() - fillStarted;
  const started = performance.now();
  const changed = await (await fetch('./bench-changed.json')).json();
  const parsed = performance.now();
  for (let index = 0; index < changed.length; index += ${limit}) await db.cards.bulkPut(changed.slice(index, index + ${limit}));
  const ended = performance.now();
  const count = await db.cards.count();
  const last = changed[changed.length - 1];
  const held = await db.cards.get(last.key);
  window.benchResult = { fillMs, filled, ms: ended - started, putMs: ended - parsed, count, updated: held && held.nameKk === last.nameKk && held.modified === last.modified };
  db.close();
} catch (error) {
  window.benchResult = { error: String(error) };
}
`;

interface BaselineResult {
  fillMs: number;
  filled: number;
  ms: number;
  putMs: number;
  count: number;
  updated: boolean;
  error?: string;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** The card as the update changes it: later, renamed in both languages, every tenth one deactivated. */
function changedCard(card: CopyCard, serial: number, newest: number): CopyCard {
  return {
    ...card,
    nameRu: `Обновлённое наименование №${serial}`,
    nameKk: `Жаңартылған атауы №${serial}: ӘҒҚҢӨҰҮҺІ әғқңөұүһі`,
    deactivated: serial % 10 === 0 ? true : card.deactivated,
    // Spread over ten minutes after the newest card held, in the order of the file (as the feed would hand them on).
    modified: newest + 1 + Math.floor((serial * 600) / changedCount),
  };
}

async function snapshotFile(path: string, batches: Iterable<CopyCard[]>): Promise<void> {
  const writer = createSnapshotWriter();
  let info = emptyCopyInfo;
  for (const batch of batches) {
    writer.add(batch);
    info = advanceCopyInfo(info, batch, batch.length);
  }
  await writeFile(path, await writer.finish({ copyDate: new Date().toISOString(), cursor: info.cursor, maxNtinSerial: info.maxNtinSerial }));
}

function* inBatches(all: readonly CopyCard[]): Generator<CopyCard[]> {
  for (let index = 0; index < all.length; index += limit) yield all.slice(index, index + limit);
}

async function probe(page: Page): Promise<TabProbe> {
  return page.evaluate(() => {
    const { phases, outcomes } = (window as unknown as { __copyProbe: TabProbe }).__copyProbe;
    return { phases, outcomes };
  });
}

/** Imports a file through the tab; the page's clock at setInputFiles and at each phase and outcome after it. */
async function importThroughTab(page: Page, file: string) {
  const startedAt = await page.evaluate(() => performance.now());
  const loadBefore = load();
  await page.getByTestId('copy-import').setInputFiles(file);
  await page.waitForFunction(
    (since) => (window as unknown as { __copyProbe: TabProbe }).__copyProbe.outcomes.some((entry) => entry.at > since && entry.outcome !== ''),
    startedAt,
    { timeout, polling: 250 },
  );
  const seen = await probe(page);
  const outcome = seen.outcomes.find((entry) => entry.at > startedAt && entry.outcome !== '');
  if (outcome?.outcome !== 'complete') throw new Error(`the import ended with "${outcome?.outcome}"`);
  return { startedAt, outcomeAt: outcome.at, phases: seen.phases.filter((entry) => entry.at > startedAt), loadBefore, loadAfter: load() };
}

async function heldCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('copy-status').innerText()).replace(/\D/gu, ''));
}

async function appUpdate(browser: Browser, baseUrl: string, fullFile: string, updateFile: string, samples: { changed: CopyCard[]; unchanged: CopyCard[] }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: tabProbeScript });
  if (process.env['BENCH_DEBUG']) page.on('console', (message) => console.error('page:', message.text().slice(0, 300)));
  await page.goto(baseUrl);
  await page.getByRole('navigation').getByRole('link').nth(3).click();
  await page.getByTestId('tab-copy').click();

  const fill = await importThroughTab(page, fullFile);
  const heldAfterFill = await heldCount(page);
  if (heldAfterFill !== cards) throw new Error(`the copy holds ${heldAfterFill} of ${cards} cards after the first import`);

  const update = await importThroughTab(page, updateFile);
  // A compaction still shown after the outcome (should the app ever run it after saying "complete") is waited for.
  await page.locator('[data-testid="copy-progress"][data-phase="compact"]').waitFor({ state: 'detached', timeout });
  const phases = (await probe(page)).phases.filter((entry) => entry.at > update.startedAt);
  const compactStart = phases.find((entry) => entry.phase === 'compact')?.at;
  const compactEnd = compactStart === undefined ? undefined : phases.find((entry) => entry.at > compactStart && entry.phase !== 'compact')?.at;
  // The count the tab shows, once it has caught up with the run (it reads the copy's state).
  const status = page.getByTestId('copy-status');
  await page
    .waitForFunction((expected) => (document.querySelector('[data-testid="copy-status"]')?.textContent ?? '').replace(/\D/gu, '') === String(expected), cards, { timeout: 60_000, polling: 250 })
    .catch(() => undefined);
  const heldAfterUpdate = await heldCount(page);
  if (heldAfterUpdate !== cards || (await status.getAttribute('data-status')) !== 'complete') throw new Error(`after the update the tab shows "${await status.innerText()}" (${cards} cards expected, complete)`);

  // The Scan tab: the new names and states of changed cards, the old ones of unchanged cards.
  await page.getByTestId('tab-scan').click();
  const field = page.getByTestId('scan-input');
  const scanMs: number[] = [];
  const problems: string[] = [];
  for (const [card, changed] of [...samples.changed.map((card) => [card, true] as const), ...samples.unchanged.map((card) => [card, false] as const)]) {
    await field.fill(card.ntin);
    await field.press('Enter');
    const verdict = page.locator(`[data-testid="verdict"][data-code="${card.ntin}"]`).first();
    await verdict.waitFor({ timeout: 60_000 });
    // textContent: a verdict card skips rendering until a frame has found it in view (content-visibility: auto), and innerText of a skipped card is empty.
    const text = (await verdict.textContent()) ?? '';
    const kind = await verdict.getAttribute('data-verdict');
    scanMs.push(Number(await verdict.getAttribute('data-ms')));
    const expectedKind = card.deactivated ? 'deactivated' : 'registered';
    if (!text.includes(card.nameKk) || !text.includes(card.nameRu) || kind !== expectedKind) {
      problems.push(`${changed ? 'changed' : 'unchanged'} ${card.ntin}: ${kind} (expected ${expectedKind}) "${text.replace(/\s+/gu, ' ').slice(0, 200)}"`);
    }
  }
  if (problems.length > 0) throw new Error(`after the update ${problems.length} scans show the wrong card:\n${problems.join('\n')}`);
  await context.close();
  return {
    fillMs: fill.outcomeAt - fill.startedAt,
    ms: update.outcomeAt - update.startedAt,
    mergeMs: (compactStart ?? update.outcomeAt) - update.startedAt,
    compactMs: compactStart === undefined ? undefined : (compactEnd ?? update.outcomeAt) - compactStart,
    compactShownUntilMs: compactStart === undefined ? undefined : (compactEnd ?? update.outcomeAt) - update.startedAt,
    phases: phases.map((entry) => `${entry.phase || 'none'} at ${((entry.at - update.startedAt) / 1000).toFixed(1)} s`),
    scanMs,
    loadBefore: update.loadBefore,
    loadAfter: update.loadAfter,
  };
}

async function plainUpdate(browser: Browser, baseUrl: string): Promise<BaselineResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}bench-baseline.html`);
  await page.waitForFunction(() => (window as { benchResult?: unknown }).benchResult !== undefined, undefined, { timeout, polling: 500 });
  const result = await page.evaluate(() => (window as unknown as { benchResult: BaselineResult }).benchResult);
  await context.close();
  if (result.error) throw new Error(`the baseline page failed: ${result.error}`);
  return result;
}

const webRoot = process.env['BENCH_WEB_ROOT'] ?? new URL('../dist/web/', import.meta.url).pathname;
const dexieModule = await readFile(new URL('../node_modules/dexie/dist/dexie.mjs', import.meta.url), 'utf8');
let changedJson = '[]';
const sandbox = await createSandboxHandler({ host: '127.0.0.1', cards });
const site = await serveWithSandbox({
  root: webRoot.endsWith('/') ? webRoot : `${webRoot}/`,
  host: '127.0.0.1',
  port: 0,
  sandbox,
  extraFiles: {
    '/bench-dexie.mjs': { body: dexieModule, contentType: 'text/javascript; charset=utf-8' },
    '/bench-baseline.js': { body: baselineScript, contentType: 'text/javascript; charset=utf-8' },
    '/bench-baseline.html': { body: '<!doctype html><meta charset="utf-8"><script type="module" src="./bench-baseline.js"></script>', contentType: 'text/html; charset=utf-8' },
    // Written once the feed has been read (below).
    '/bench-changed.json': { body: () => changedJson, contentType: 'application/json; charset=utf-8' },
  },
});
const baseUrl = site.url.endsWith('/') ? site.url : `${site.url}/`;
const folder = await mkdtemp(join(tmpdir(), 'ncg-bench-copy-update-'));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  // The whole feed as `ncg snapshot pull` writes it; the changed cards picked evenly along it.
  const client = createExportClient({ baseUrl: `${baseUrl}api/integration/ofd`, token: sandbox.exportToken, fetch: (...args) => fetch(...args) });
  const picked: CopyCard[] = [];
  const unchanged: CopyCard[] = [];
  const unchangedEvery = Math.max(1, Math.floor(cards / scannedUnchanged));
  let position = 0;
  let wantUnchanged = false;
  const { bytes: fullBytes, info } = await pullSnapshot(client, {
    limit,
    onCards: (batch) => {
      for (const card of batch) {
        const chosen = Math.floor(((position + 1) * changedCount) / cards) > Math.floor((position * changedCount) / cards);
        if (chosen) picked.push(card);
        if (position % unchangedEvery === Math.floor(unchangedEvery / 2)) wantUnchanged = true;
        if (wantUnchanged && !chosen && card.ntin !== '' && unchanged.length < scannedUnchanged) {
          unchanged.push(card);
          wantUnchanged = false;
        }
        position += 1;
      }
    },
  });
  if (info.count !== cards) throw new Error(`the feed gave ${info.count} of ${cards} cards`);
  const fullFile = join(folder, 'catalogue.ncgsnap');
  await writeFile(fullFile, fullBytes);
  const changed = picked.map((card, serial) => changedCard(card, serial, Math.ceil(info.cursor)));
  const updateFile = join(folder, 'update.ncgsnap');
  await snapshotFile(updateFile, inBatches(changed));
  changedJson = JSON.stringify(changed);
  const sampleEvery = Math.max(1, Math.floor(changed.length / scannedChanged));
  // Offset by the sample's number so the sample mixes deactivated (every tenth serial) and active cards.
  const changedSample = Array.from({ length: Math.min(scannedChanged, changed.length) }, (_, index) => changed[Math.min(changed.length - 1, index * sampleEvery + (index % 10))] as CopyCard);

  const app = await appUpdate(browser, baseUrl, fullFile, updateFile, { changed: changedSample, unchanged });
  const loadBeforePlain = load();
  const plain = await plainUpdate(browser, baseUrl);
  const loadAfterPlain = load();
  if (plain.filled !== cards || plain.count !== cards || !plain.updated) throw new Error(`the plain table filled ${plain.filled}, holds ${plain.count} of ${cards}, last card updated: ${plain.updated}`);

  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
  const scans = [...app.scanMs].sort((a, b) => a - b);
  report({
    name: `update of a held copy of ${cards} cards with ${changed.length} changed cards from a .ncgsnap (app: Catalogue copy → Import, merge + the compaction it leaves; setInputFiles → "complete")`,
    value: seconds(app.ms),
    unit: 's',
    n: changed.length,
    baseline: { name: `plain page: fetch + JSON.parse + Dexie bulkPut (${limit} a transaction) of the same ${changed.length} changed rows into a plain table 'key, gtin' holding the same ${cards} cards`, value: seconds(plain.ms), unit: 's' },
    notes:
      `${rate(changed.length, app.ms)} cards/s (app) vs ${rate(changed.length, plain.ms)} cards/s (plain; bulkPut alone ${seconds(plain.putMs)} s). ` +
      `App phases: merge ${seconds(app.mergeMs)} s, compaction ${app.compactMs === undefined ? 'none shown' : `${seconds(app.compactMs)} s, shown until ${seconds(app.compactShownUntilMs ?? 0)} s after setInputFiles`} (progress line: ${app.phases.join(', ')}). ` +
      `Before: the app's import of all ${cards} cards ${seconds(app.fillMs)} s, the plain table's fill from the feed ${seconds(plain.fillMs)} s. ` +
      `Checked: count unchanged; ${scans.length} scans (${scannedChanged} changed, ${unchanged.length} unchanged) show the right names and state, lookup (data-ms) max ${scans.at(-1)?.toFixed(1)} ms, first ${app.scanMs[0]?.toFixed(1)} ms. ` +
      `Load average before / after: app update ${app.loadBefore} / ${app.loadAfter}, plain ${loadBeforePlain} / ${loadAfterPlain}; web twin ${webRoot}`,
  });
} finally {
  await browser.close();
  await site.close();
  await sandbox.close();
  await rm(folder, { recursive: true, force: true });
}
