import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../src/shared/bridge.ts';
import { formatNumber } from '../../src/shared/i18n/format.ts';
import type { Locale } from '../../src/shared/i18n/locales.ts';
import { BridgeProvider } from '../../src/renderer/app/bridge-context.tsx';
import { createI18n } from '../../src/renderer/app/i18n.ts';
import { DatabaseProvider } from '../../src/renderer/db/context.tsx';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { putDraftRecords } from '../../src/renderer/db/drafts.ts';
import { ApplicationsPage } from '../../src/renderer/features/applications/ApplicationsPage.tsx';
import { bruteForce, record } from './application-rows.ts';
// The app's layout: the list scrolls in a box of its own height, so only the rows on screen are rendered.
import '../../src/renderer/app/styles.css';
import { scratchDatabases } from './scratch-database.ts';

/**
 * The applications list as the officer sees it, over 1,234 applications in real IndexedDB: the count in the UI
 * language's digits, the rows newest first, and a search that shows exactly the matching applications.
 */
const scratch = scratchDatabases('applications-list-screen');
let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  localStorage.removeItem('ncg.language');
  window.location.hash = '';
});

const size = 10_234;
const base = 1_750_000_000_000;
const records = Array.from({ length: size }, (_, index) => record(index, base));

/** The count line as each language writes it, with our own number formatting. */
function countLine(language: Locale, shown: number, total: number): string {
  const [a, b] = [shown, total].map((value) => formatNumber(value, language, { maximumFractionDigits: 0 }));
  return { en: `${a!} of ${b!}`, ru: `${a!} из ${b!}`, kk: `${b!} ішінен ${a!}` }[language];
}

async function renderList(db: NcgDatabase, language: Locale): Promise<HTMLElement> {
  root?.unmount();
  document.body.replaceChildren();
  localStorage.setItem('ncg.language', language);
  await createI18n();
  window.location.hash = '#/applications';
  const container = document.createElement('div');
  document.body.append(container);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Nothing on the list calls the host until a button is pressed.
  const bridge = {} as Bridge;
  root = createRoot(container);
  root.render(createElement(QueryClientProvider, { client: queries }, createElement(BridgeProvider, { bridge, children: createElement(DatabaseProvider, { database: db, children: createElement(ApplicationsPage) }) })));
  return container;
}

/** The ids of the rows on screen, top first, once each has its record. */
function shownIds(container: HTMLElement): string[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="applications-list"] [role="row"]')]
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((row) => decodeURIComponent(row.querySelector('a')?.getAttribute('href')?.split('/').pop() ?? ''));
}

async function search(container: HTMLElement, text: string): Promise<void> {
  const input = container.querySelector<HTMLInputElement>('input[type="search"]')!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the applications list screen (real IndexedDB, 10,234 applications)', () => {
  it('counts in the digits of kk, ru and en and shows exactly the matches of a search, newest first', { timeout: 180_000 }, async () => {
    const db = scratch();
    await putDraftRecords(db, records);
    for (const language of ['kk', 'ru', 'en'] as const) {
      const container = await renderList(db, language);
      const count = () => container.querySelector('[data-testid="list-count"]')?.textContent;

      await vi.waitFor(() => expect(count(), language).toBe(countLine(language, size, size)), { timeout: 20_000 });
      const newest = bruteForce(records, { query: '' });
      await vi.waitFor(() => {
        const ids = shownIds(container);
        expect(ids.length).toBeGreaterThan(3);
        expect(ids.length, 'only the rows on screen are rendered').toBeLessThan(100);
        expect(ids).toEqual(newest.slice(0, ids.length));
      });

      // Upper-case Kazakh letters find the lower-case ones; two words narrow each other.
      for (const query of ['ҚЫМЫЗ әсел', 'сүт', 'ірімшік 0,5']) {
        await search(container, query);
        const expected = bruteForce(records, { query });
        expect(expected.length).toBeGreaterThan(0);
        await vi.waitFor(() => expect(count(), `${language}: ${query}`).toBe(countLine(language, expected.length, size)));
        await vi.waitFor(() => {
          const ids = shownIds(container);
          expect(ids.length).toBeGreaterThan(0);
          expect(ids).toEqual(expected.slice(0, ids.length));
        });
      }
      await search(container, 'ничего такого');
      await vi.waitFor(() => expect(count()).toBe(countLine(language, 0, size)));
      await vi.waitFor(() => expect(shownIds(container)).toEqual([]));
    }
  });
});
