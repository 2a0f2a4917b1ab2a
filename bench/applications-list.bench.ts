/**
 * The applications list with 10,000 applications in IndexedDB, in Debian's Chromium against the built web
 * twin: how long until the first rows are painted after navigating to the list, and how long a search takes
 * from typing the query until the list shows the filtered rows. Baseline in the same run: the same
 * measurements with 100 applications (a fresh browser context, so a fresh database, per size).
 *
 * The drafts are realistic (names in Russian and Kazakh across the seed's categories, GTINs, ТН ВЭД,
 * measures) and are written straight into the app's IndexedDB store by a page.evaluate that imports nothing,
 * so filling takes seconds, not a UI import. Timing runs inside the page (performance.now, a MutationObserver
 * for the moment the rows exist, then the next frame for the paint), free of the test driver's round trips.
 *
 * Run: npm run build:web && node --import tsx bench/applications-list.bench.ts
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { emptyDraft, type ApplicationDraft } from '../src/shared/application/draft.ts';
import { gs1CheckDigit } from '../src/shared/codes/gs1.ts';
import { queryWords, searchWords } from '../src/shared/search-words.ts';
import { report } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const size = 10_000;
const baselineSize = 100;
const runs = 7;
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
function searchMs(page: Page, query: string, shown: number, total: number): Promise<number> {
  return page.evaluate(
    ({ query, shown, total }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!input || !setValue) {
          reject(new Error('no search box'));
          return;
        }
        const needle = query.toLocaleLowerCase('kk');
        const done = () => {
          const count = document.querySelector('[data-testid="list-count"]')?.textContent ?? '';
          if (!count.startsWith(`${String(shown)} of ${String(total)}`)) return false;
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
    { query, shown, total },
  );
}

async function clearSearch(page: Page, total: number): Promise<void> {
  await page.getByRole('searchbox').fill('');
  await page.getByTestId('list-count').filter({ hasText: `${String(total)} of ${String(total)}` }).waitFor();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

interface Figures {
  firstRowsMs: number;
  searchMs: number;
  reloadMs: number;
  query: string;
  matches: number;
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

    const firstRows: number[] = [];
    const searches: number[] = [];
    const reloads: number[] = [];
    for (let run = 0; run <= runs; run += 1) {
      await page.evaluate(() => {
        window.location.hash = '#/settings';
      });
      await page.getByTestId('refresh-dictionaries').waitFor();
      const navigation = await navigateToListMs(page);
      await page.getByTestId('list-count').filter({ hasText: `${String(count)} of ${String(count)}` }).waitFor();
      const search = await searchMs(page, query, matches, count);
      await clearSearch(page, count);
      // Run 0 warms the caches and the JIT; it is not counted.
      if (run === 0) continue;
      firstRows.push(navigation);
      searches.push(search);
    }
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await page.reload();
      await page.locator('[data-testid="applications-list"] [role="row"] a').first().waitFor();
      reloads.push(performance.now() - started);
    }
    return { firstRowsMs: median(firstRows), searchMs: median(searches), reloadMs: median(reloads), query, matches };
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------------------------------ the run

const site = await serveWebTwin();

try {
  const small = await measure(site.url, baselineSize);
  const large = await measure(site.url, size);
  report({
    name: 'applications-list-first-rows-painted',
    value: large.firstRowsMs,
    unit: 'ms',
    n: size,
    baseline: { name: `applications-list-first-rows-painted-${String(baselineSize)}`, value: small.firstRowsMs, unit: 'ms' },
    notes: `median of ${String(runs)}; in-app navigation (hash change) to the list until its first rows exist and a frame has passed`,
  });
  report({
    name: 'applications-list-search-applied',
    value: large.searchMs,
    unit: 'ms',
    n: size,
    baseline: { name: `applications-list-search-applied-${String(baselineSize)}`, value: small.searchMs, unit: 'ms' },
    notes: `median of ${String(runs)}; query "${large.query}" (${String(large.matches)} of ${String(size)} match; ${String(small.matches)} of ${String(baselineSize)}) until the count and every rendered row show the filtered list`,
  });
  report({
    name: 'applications-list-reload-to-first-rows',
    value: Math.round(large.reloadMs),
    unit: 'ms',
    n: size,
    baseline: { name: `applications-list-reload-to-first-rows-${String(baselineSize)}`, value: Math.round(small.reloadMs), unit: 'ms' },
    notes: `median of ${String(runs)}; page reload on #/applications (app boot, database open, list query) until the first rows are visible, measured from the driver`,
  });
} finally {
  await site.close();
}
