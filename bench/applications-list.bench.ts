/**
 * The applications list with 10,000 applications in IndexedDB, in Debian's Chromium against the built web
 * twin: how long until the first rows are painted after navigating to the list, and how long a search takes
 * from typing the query until the list shows the filtered rows (its count and every rendered row).
 *
 * Baseline, same page, same database, same run, timed the same way: plain Dexie and bare DOM, no framework.
 * For the first rows, `orderBy('updatedAt').reverse().limit(rows)` and `count()` painted as as many rows as the
 * app rendered; for a search, `where('searchWords').startsWith(first word)` filtered by the other words, sorted
 * newest first, its first screen and count painted. Each size runs in a fresh browser context (a fresh
 * database); 100 applications show how each side grows.
 *
 * The drafts are realistic (names in Russian and Kazakh across the seed's categories, GTINs, ТН ВЭД,
 * measures) and are written straight into the app's IndexedDB store by a page.evaluate that imports nothing,
 * so filling takes seconds, not a UI import. Timing runs inside the page (performance.now, a MutationObserver
 * for the moment the rows exist, then the next frame for the paint), free of the test driver's round trips.
 *
 * Run: npm run build:web && node --import tsx bench/applications-list.bench.ts
 * (NCG_WEB_DIST=<dir> measures a build elsewhere, e.g. `vite build --config vite.web.config.ts --outDir <dir>`.)
 */
import { readFileSync } from 'node:fs';
import type { Dexie as DexieClass } from 'dexie';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { emptyDraft, type ApplicationDraft } from '../src/shared/application/draft.ts';
import { gs1CheckDigit } from '../src/shared/codes/gs1.ts';
import { formatNumber } from '../src/shared/i18n/format.ts';
import { queryWords, searchWords } from '../src/shared/search-words.ts';
import { report } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const size = 10_000;
const baselineSize = 100;
const runs = Number(process.env.BENCH_RUNS ?? 20);
const fillChunk = 1_000;

// ------------------------------------------------------------------------------------------ the data

/** A row of the `drafts` store, as the app writes it (src/renderer/db/records.ts). */
interface StoredDraft {
  id: string;
  localState: 'draft' | 'ready';
  draft: ApplicationDraft;
  createdAt: number;
  updatedAt: number;
  searchWords: string[];
}

const seed = buildSeed({ cards: 0 });
const leaves = seed.leaves.filter((leaf) => !leaf.isDeleted);

/** The words the list's search index holds for a draft: the same attributes as src/renderer/db/search-words.ts. */
function indexWords(draft: ApplicationDraft): string[] {
  const text = (code: string) => {
    const value = draft.values.base[code];
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
  };
  return searchWords(text('name_ru'), text('name_kk'), text('short_name_ru'), text('short_name_kk'), text('gtin'), text('ntin'), text('tnved'), draft.editOfNtin);
}

function makeDrafts(count: number, now: number): StoredDraft[] {
  return Array.from({ length: count }, (_, i) => {
    const leaf = leaves[i % leaves.length]!;
    const pack = leaf.sizes[i % leaf.sizes.length] ?? { quantity: '1', unit: '796', ru: '1 шт', kk: '1 дана' };
    const brand = leaf.section.brands[i % leaf.section.brands.length] ?? 'Бренд';
    const body = `487${String(100_000_000 + i)}`;
    const draft = emptyDraft({ id: `bench-${String(i)}`, oktru: leaf.code });
    draft.values.base = {
      gtin: `${body}${gs1CheckDigit(body)}`,
      name_ru: `${leaf.nameRu} ${brand} ${pack.ru} №${String(i)}`,
      name_kk: `${leaf.nameKk} ${brand} ${pack.kk} №${String(i)}`,
      short_name_ru: `${leaf.nameRu.slice(0, 40)} ${pack.ru}`,
      short_name_kk: `${leaf.nameKk.slice(0, 40)} ${pack.kk}`,
      brand,
      country: 'KZ',
      tnved: [leaf.tnvedCodes[i % leaf.tnvedCodes.length] ?? '9999999999'],
      measure: { measure_unit: pack.unit, quantity: pack.quantity },
      a4282e5d: `ТОО «${brand}»`,
      producer_identifier: '070940001230',
    };
    const updatedAt = now - i * 60_000;
    return { id: draft.id, localState: i % 3 === 0 ? 'ready' : 'draft', draft, createdAt: updatedAt, updatedAt, searchWords: indexWords(draft) };
  });
}

/** How many drafts the list's search shows for a query: every query word is a prefix of one of the draft's words. */
function expectedMatches(drafts: readonly StoredDraft[], query: string): number {
  const words = queryWords(query);
  return drafts.filter((record) => words.every((word) => record.searchWords.some((candidate) => candidate.startsWith(word)))).length;
}

/** Writes the rows into the app's own database (opened by the app already, so the store and indexes exist). */
async function fill(page: Page, drafts: readonly StoredDraft[]): Promise<void> {
  for (let start = 0; start < drafts.length; start += fillChunk) {
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('ncg-desk');
          opening.onerror = () => reject(opening.error ?? new Error('cannot open ncg-desk'));
          opening.onsuccess = () => {
            const db = opening.result;
            const transaction = db.transaction('drafts', 'readwrite');
            const store = transaction.objectStore('drafts');
            for (const row of rows) store.put(row);
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
          };
        }),
      drafts.slice(start, start + fillChunk),
    );
  }
}

// ------------------------------------------------------------------------------------------ measuring in the page

/** The list's count as the English UI shows it ("404 of 10,000"). */
function countText(shown: number, total: number): string {
  return `${formatNumber(shown, 'en', { maximumFractionDigits: 0 })} of ${formatNumber(total, 'en', { maximumFractionDigits: 0 })}`;
}

/** Waits until the list's count reads `expected` (digit grouping aside, so that builds before it compare too). */
async function countShown(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const plain = (text: string) => text.replace(/[,\s\u00a0\u202f]/gu, '');
    return plain(document.querySelector('[data-testid="list-count"]')?.textContent ?? '').startsWith(plain(wanted));
  }, expected);
}

/** From a hash change to the applications list until its first rows are painted, in ms. */
function navigateToListMs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const rowsShown = () => document.querySelector('[data-testid="applications-list"] [role="row"] a') !== null;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!rowsShown()) return;
          observer.disconnect();
          // The rows exist; the next frame paints them.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        window.location.hash = '#/applications';
      }),
  );
}

/** From typing the query until the count and the rows show the filtered list, in ms. */
function searchMs(page: Page, query: string, expectedCount: string): Promise<number> {
  return page.evaluate(
    ({ query, expectedCount }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!input || !setValue) {
          reject(new Error('no search box'));
          return;
        }
        const needle = query.toLocaleLowerCase('kk');
        const done = () => {
          const plain = (text: string) => text.replace(/[,\s\u00a0\u202f]/gu, '');
          const count = document.querySelector('[data-testid="list-count"]')?.textContent ?? '';
          if (!plain(count).startsWith(plain(expectedCount))) return false;
          const rows = [...document.querySelectorAll('[data-testid="applications-list"] [role="row"]')];
          // Every rendered row has its record, and they are the filtered ones.
          return rows.length > 0 && rows.every((row) => (row.querySelector('a')?.textContent ?? '').toLocaleLowerCase('kk').includes(needle));
        };
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        // As typing does: React listens to the input event of the native value setter.
        setValue.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { query, expectedCount },
  );
}

/**
 * The baseline: plain Dexie on the same database (opened by schema discovery, before the clock starts, as the
 * app's is open when the list is navigated to) and bare DOM rows, timed as above. `query` empty: the newest
 * `rows` applications and the count; otherwise the search's matches, newest first, their first `rows`.
 */
function bareDexieMs(page: Page, options: { query: string; rows: number; expectedCount: string }): Promise<number> {
  return page.evaluate(async ({ query, rows, expectedCount, dexieUrl }) => {
    interface Row {
      id: string;
      updatedAt: number;
      searchWords: string[];
      draft: { values: { base: Record<string, unknown> } };
    }
    const { Dexie } = (await import(dexieUrl)) as { Dexie: typeof DexieClass };
    const db = new Dexie('ncg-desk');
    await db.open();
    const drafts = db.table<Row, string>('drafts');
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;overflow:hidden;background:#fff;z-index:99';
    document.body.append(host);
    const words = query.toLocaleLowerCase('kk').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    try {
      return await new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!host.querySelector('[role="row"] a') || !(host.querySelector('p')?.textContent ?? '').startsWith(expectedCount)) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        });
        observer.observe(host, { childList: true, subtree: true, characterData: true });
        const read = async (): Promise<{ shown: Row[]; matches: number; total: number }> => {
          const total = await drafts.count();
          if (words.length === 0) return { shown: await drafts.orderBy('updatedAt').reverse().limit(rows).toArray(), matches: total, total };
          const [first, ...rest] = words;
          const found = await drafts
            .where('searchWords')
            .startsWith(first!)
            .distinct()
            .filter((row) => rest.every((word) => row.searchWords.some((candidate) => candidate.startsWith(word))))
            .toArray();
          found.sort((a, b) => b.updatedAt - a.updatedAt);
          return { shown: found.slice(0, rows), matches: found.length, total };
        };
        read()
          .then(({ shown, matches, total }) => {
            const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '');
            const list = document.createElement('div');
            for (const row of shown) {
              const line = document.createElement('div');
              line.setAttribute('role', 'row');
              const link = document.createElement('a');
              link.href = `#/applications/${row.id}`;
              link.textContent = text(row.draft.values.base['name_ru']);
              const gtin = document.createElement('span');
              gtin.textContent = text(row.draft.values.base['gtin']);
              const tnved = document.createElement('span');
              tnved.textContent = text(row.draft.values.base['tnved']);
              line.append(link, gtin, tnved);
              list.append(line);
            }
            const count = document.createElement('p');
            count.textContent = `${matches.toLocaleString('en')} of ${total.toLocaleString('en')}`;
            host.append(list, count);
          })
          .catch(reject);
      });
    } finally {
      host.remove();
      db.close();
    }
  }, { ...options, dexieUrl: '/bench-dexie.mjs' });
}

async function clearSearch(page: Page, total: number): Promise<void> {
  await page.getByRole('searchbox').fill('');
  await countShown(page, countText(total, total));
}

/** The value at fraction `p` of the sorted values (nearest rank), to 0.1 ms. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}

interface Series {
  median: number;
  p95: number;
}

function series(values: readonly number[]): Series {
  return { median: percentile(values, 0.5), p95: percentile(values, 0.95) };
}

interface Figures {
  firstRows: Series;
  bareFirstRows: Series;
  search: Series;
  bareSearch: Series;
  reload: Series;
  query: string;
  matches: number;
  rowsOnScreen: number;
}

async function measure(siteUrl: string, count: number): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx compiles this file with esbuild's keepNames, which wraps the in-page functions' inner helpers in a
    // `__name(…)` call; the page has no such function, so give it the identity.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.getByTestId('language').selectOption('en');
    // The list opens the database on start: the drafts store and its indexes exist from then on.
    await page.getByRole('heading', { level: 1 }).waitFor();
    const drafts = makeDrafts(count, Date.now());
    await fill(page, drafts);
    // A brand: a word an officer types, shared by a slice of the catalogue.
    const query = drafts[0]!.draft.values.base.brand as string;
    const matches = expectedMatches(drafts, query);
    const all = countText(count, count);
    const filtered = countText(matches, count);

    const firstRows: number[] = [];
    const bareFirstRows: number[] = [];
    const searches: number[] = [];
    const bareSearches: number[] = [];
    const reloads: number[] = [];
    let rowsOnScreen = 0;
    for (let run = 0; run <= runs; run += 1) {
      await page.evaluate(() => {
        window.location.hash = '#/settings';
      });
      await page.getByTestId('refresh-dictionaries').waitFor();
      const navigation = await navigateToListMs(page);
      await countShown(page, all);
      rowsOnScreen = await page.locator('[data-testid="applications-list"] [role="row"]').count();
      const search = await searchMs(page, query, filtered);
      await clearSearch(page, count);
      // The baseline in between, on the same rows: what plain Dexie and bare DOM need for the same screens.
      const bareNavigation = await bareDexieMs(page, { query: '', rows: rowsOnScreen, expectedCount: all });
      const bareSearch = await bareDexieMs(page, { query, rows: rowsOnScreen, expectedCount: filtered });
      // Run 0 warms the caches and the JIT; it is not counted.
      if (run === 0) continue;
      firstRows.push(navigation);
      searches.push(search);
      bareFirstRows.push(bareNavigation);
      bareSearches.push(bareSearch);
    }
    for (let run = 0; run < Math.min(runs, 7); run += 1) {
      const started = performance.now();
      await page.reload();
      await page.locator('[data-testid="applications-list"] [role="row"] a').first().waitFor();
      reloads.push(performance.now() - started);
    }
    return {
      firstRows: series(firstRows),
      bareFirstRows: series(bareFirstRows),
      search: series(searches),
      bareSearch: series(bareSearches),
      reload: series(reloads),
      query,
      matches,
      rowsOnScreen,
    };
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------------------------------ the run

const dexieModule = readFileSync(new URL('../node_modules/dexie/dist/dexie.mjs', import.meta.url), 'utf8');
const site = await serveWebTwin({ '/bench-dexie.mjs': { body: dexieModule, contentType: 'text/javascript' } });

try {
  for (const count of [baselineSize, size]) {
    const figures = await measure(site.url, count);
    const spread = (ours: Series, bare: Series) => `median ${String(ours.median)} ms, p95 ${String(ours.p95)} ms; plain Dexie median ${String(bare.median)} ms, p95 ${String(bare.p95)} ms`;
    report({
      name: 'applications-list-first-rows-painted',
      value: figures.firstRows.median,
      unit: 'ms',
      n: count,
      baseline: { name: 'plain-dexie-newest-rows-painted', value: figures.bareFirstRows.median, unit: 'ms' },
      notes: `${spread(figures.firstRows, figures.bareFirstRows)} over ${String(runs)} runs; in-app navigation (hash change) to the list until its first rows exist and a frame has passed; baseline orderBy('updatedAt').reverse().limit(${String(figures.rowsOnScreen)}) + count() as bare DOM rows`,
    });
    report({
      name: 'applications-list-search-applied',
      value: figures.search.median,
      unit: 'ms',
      n: count,
      baseline: { name: 'plain-dexie-search-painted', value: figures.bareSearch.median, unit: 'ms' },
      notes: `${spread(figures.search, figures.bareSearch)} over ${String(runs)} runs; query "${figures.query}" (${String(figures.matches)} of ${String(count)} match) until the count and every rendered row show the filtered list; baseline where('searchWords').startsWith(first word) filtered by the others, sorted newest first, its first screen and count as bare DOM`,
    });
    report({
      name: 'applications-list-reload-to-first-rows',
      value: Math.round(figures.reload.median),
      unit: 'ms',
      n: count,
      notes: `median of ${String(Math.min(runs, 7))}, p95 ${String(Math.round(figures.reload.p95))} ms; page reload on #/applications (app boot, database open, list query) until the first rows are visible, measured from the driver`,
    });
  }
} finally {
  await site.close();
}
