import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
// The Playwright provider's types give the DevTools session its `send`.
import type {} from '@vitest/browser-playwright';
import type { Bridge } from '../../src/shared/bridge.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import type { Locale } from '../../src/shared/i18n/locales.ts';
import { newInspection } from '../../src/shared/inspection/new-inspection.ts';
import type { Verdict } from '../../src/shared/inspection/verdict.ts';
import { BridgeProvider } from '../../src/renderer/app/bridge-context.tsx';
import { createI18n } from '../../src/renderer/app/i18n.ts';
import { DatabaseProvider } from '../../src/renderer/db/context.tsx';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { createInspection, getInspection, setCurrentInspection } from '../../src/renderer/db/inspections.ts';
import { InspectionPage } from '../../src/renderer/features/inspection/InspectionPage.tsx';
import { useScannerLog } from '../../src/renderer/features/inspection/use-scanner-log.ts';
import { scratchDatabases } from './scratch-database.ts';

/**
 * The Inspection screen in real Chromium over real IndexedDB, driven by trusted key events (the DevTools protocol)
 * stamped with the times a person or a keyboard-wedge scanner would have typed them: the page tells the two apart
 * by those stamps, so the machine's load does not change what it sees.
 */
const scratch = scratchDatabases('inspection-wedge');
let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  localStorage.removeItem('ncg.language');
});

const inspectionId = 'inspection-under-test';
const withCheck = (body: string) => body + String(gs1CheckDigit(body));

async function openScreen(language: Locale): Promise<{ db: NcgDatabase; container: HTMLElement }> {
  const db = scratch();
  await createInspection(db, newInspection(inspectionId, new Date(), { date: undefined, count: 0 }));
  await setCurrentInspection(db, inspectionId);
  localStorage.setItem('ncg.language', language);
  await createI18n();
  const container = document.createElement('div');
  document.body.append(container);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The screen calls the host only for a download, and an empty copy has none to resume.
  const bridge = {} as Bridge;
  root = createRoot(container);
  root.render(createElement(QueryClientProvider, { client: queries }, createElement(BridgeProvider, { bridge, children: createElement(DatabaseProvider, { database: db, children: createElement(InspectionPage) }) })));
  await vi.waitFor(() => expect(container.querySelector('[data-testid="tab-session"]')).not.toBeNull());
  return { db, container };
}

interface Stroke {
  key: string;
  /** ms after the first key */
  at: number;
}

/**
 * Sends trusted keys (down and up, with the character a keyboard types) to the focused element, each stamped
 * `at` ms after a moment just past: all are sent at once, as a scanner's or a person's keys reach a busy page.
 */
async function typeKeys(strokes: readonly Stroke[], from = Date.now() - 5): Promise<void> {
  const session = cdp();
  for (const { key, at } of strokes) {
    const enter = key === 'Enter';
    const text = enter ? '\r' : key;
    const code = enter ? 'Enter' : /\d/u.test(key) ? `Digit${key}` : '';
    const virtual = enter ? 13 : /\d/u.test(key) ? 48 + Number(key) : key.toUpperCase().charCodeAt(0);
    const common = { key, code, windowsVirtualKeyCode: virtual, nativeVirtualKeyCode: virtual, timestamp: (from + at) / 1000 };
    await session.send('Input.dispatchKeyEvent', { type: 'keyDown', text, unmodifiedText: text, ...common });
    await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
  }
}

/** A person's typing: a key every `gapMs`. */
const personTypes = (text: string, gapMs = 150): Stroke[] => [...text].map((key, index) => ({ key, at: index * gapMs }));
/** A scanner's burst: a key every 4 ms, then Enter; `from` ms after the first stroke of the call. */
const scannerTypes = (code: string, from = 0): Stroke[] => [...code, 'Enter'].map((key, index) => ({ key, at: from + index * 4 }));

async function focusSelect(container: HTMLElement, testId: string): Promise<HTMLSelectElement> {
  container.querySelector<HTMLButtonElement>('[data-testid="tab-session"]')!.click();
  await vi.waitFor(() => expect(container.querySelector(`select[data-testid="${testId}"]`)).not.toBeNull());
  const select = container.querySelector<HTMLSelectElement>(`select[data-testid="${testId}"]`)!;
  select.focus();
  expect(document.activeElement).toBe(select);
  return select;
}

async function stored(db: NcgDatabase) {
  const inspection = await getInspection(db, inspectionId);
  if (!inspection) throw new Error('the inspection is gone');
  return inspection;
}

describe('a drop-down list of the Inspection screen with the focus on it', () => {
  it('keeps its type-ahead for a person: several letters typed at a person’s pace choose the option they begin', async () => {
    const { db, container } = await openScreen('ru');
    const category = await focusSelect(container, 'org-category');
    expect(category.value).toBe('small');
    // Every category starts "субъект": only the letters after it choose one ("субъект крупного…").
    await typeKeys(personTypes('субъект к'));
    await vi.waitFor(async () => expect((await stored(db)).organisation.category).toBe('large'), { timeout: 10_000 });
    // The list shows what is stored (its value follows the record).
    await vi.waitFor(() => expect(category.value).toBe('large'));
    expect(document.activeElement).toBe(category);
  });

  it('plays a single Kazakh letter through the type-ahead too', async () => {
    const { db, container } = await openScreen('kk');
    const offence = await focusSelect(container, 'offence');
    expect(offence.value).toBe('first');
    await typeKeys(personTypes('қ'));
    await vi.waitFor(async () => expect((await stored(db)).offence).toBe('repeat'), { timeout: 10_000 });
    await vi.waitFor(() => expect(offence.value).toBe('repeat'));
  });

  it('reads a wedge burst typed on it as a scan: a verdict line in the inspection, the list’s value untouched', async () => {
    const { db, container } = await openScreen('en');
    const category = await focusSelect(container, 'org-category');
    expect(category.value).toBe('small');
    const changes: string[] = [];
    category.addEventListener('change', () => changes.push(category.value));
    const ean = withCheck('487000000123');
    // A code whose first character would choose "large business" if the list's type-ahead saw it.
    const labelled = 'L48700012';
    await typeKeys([...scannerTypes(labelled), ...scannerTypes(ean, 200)]);
    await vi.waitFor(async () => expect((await stored(db)).items.map((item) => item.input)).toEqual([labelled, ean]), { timeout: 10_000 });
    expect((await stored(db)).items.map((item) => item.verdict)).toEqual(['invalid', 'not-found']);
    expect((await stored(db)).organisation.category).toBe('small');
    expect(category.value).toBe('small');
    expect(changes).toEqual([]);
    // The person's typing right after the scans still reaches the list.
    await typeKeys(personTypes('m'));
    await vi.waitFor(async () => expect((await stored(db)).organisation.category).toBe('medium'), { timeout: 10_000 });
  });

  it('takes back a burst’s first character that a busy page played on the list before the next one was handled', async () => {
    const { db, container } = await openScreen('en');
    const category = await focusSelect(container, 'org-category');
    const typedFrom = Date.now() - 5;
    const [head, ...rest] = scannerTypes('L48700012');
    // The page handles the first key, then nothing for longer than a burst's gap: its timer plays it on the list.
    await typeKeys([head!], typedFrom);
    await vi.waitFor(() => expect(category.value).toBe('large'));
    // The burst's next keys were typed 4 ms apart all along: they arrive late, stamped as typed.
    await typeKeys(rest, typedFrom);
    await vi.waitFor(async () => expect((await stored(db)).items.map((item) => item.input)).toEqual(['L48700012']), { timeout: 10_000 });
    expect(category.value).toBe('small');
    await vi.waitFor(async () => expect((await stored(db)).organisation.category).toBe('small'), { timeout: 10_000 });
  });
});

/**
 * Holds every store of the catalogue copy in a read-write transaction, as the copy's writer does while it stores a
 * page: lookups wait until `release` is called.
 */
function holdCopyStores(db: NcgDatabase): { release: () => Promise<void> } {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].filter((name) => name.startsWith('copy'));
  expect(names.length).toBeGreaterThan(0);
  const transaction = idb.transaction(names, 'readwrite');
  const store = transaction.objectStore(names[0]!);
  let holding = true;
  // A transaction stays open while it has requests: one more each time the last answers.
  const keepBusy = () => {
    if (holding) store.count().onsuccess = keepBusy;
  };
  keepBusy();
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('the holding transaction aborted'));
  });
  return {
    release: () => {
      holding = false;
      return done;
    },
  };
}

const first = withCheck('487000000123');
const waiting = withCheck('487000000130');
const later = withCheck('487000000154');
const badCheckBody = '487000000147';
const badCheck = badCheckBody + String((gs1CheckDigit(badCheckBody) + 1) % 10);

const leavingWays = {
  pagehide: () => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })),
  hidden: () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      // Back to the document's own (prototype) getter.
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }
  },
};

/** Leaves the page from a task of its own, as the browser sends the event (not inside this test's database calls). */
const leavePage = (way: () => void) => new Promise<void>((resolve) => setTimeout(() => resolve(way()), 0));

describe('scans answered while an earlier one still waits for the copy, when the page leaves', () => {
  for (const [way, leave] of Object.entries(leavingWays)) {
    it(`are handed on at ${way}, skipping only the one unanswered, which follows when it answers`, async () => {
      const db = scratch();
      const handedOn: string[] = [];
      let check: ((code: string) => Promise<unknown>) | undefined;
      function Scanner() {
        check = useScannerLog((entry) => handedOn.push(`${entry.verdict.input} ${entry.verdict.kind}`)).check;
        return null;
      }
      const container = document.createElement('div');
      document.body.append(container);
      root = createRoot(container);
      root.render(createElement(DatabaseProvider, { database: db, children: createElement(Scanner) }));
      await vi.waitFor(() => expect(check).toBeDefined());
      const scan = (code: string) => check!(code);

      await scan(first);
      await vi.waitFor(() => expect(handedOn).toEqual([`${first} not-found`]));
      const writer = holdCopyStores(db);
      let waitingAnswered: Promise<unknown> | undefined;
      try {
        waitingAnswered = scan(waiting);
        expect((await scan(badCheck)) as Verdict).toMatchObject({ kind: 'invalid' });
        await leavePage(leave);
        // At once, while the copy is still held: the lines go to the record before the page is gone.
        expect(handedOn).toEqual([`${first} not-found`, `${badCheck} invalid`]);
      } finally {
        await writer.release();
      }
      await waitingAnswered;
      await vi.waitFor(() => expect(handedOn).toEqual([`${first} not-found`, `${badCheck} invalid`, `${waiting} not-found`]));
      // Normal order goes on: a later invalid code waits for the scan before it as before.
      const writerAgain = holdCopyStores(db);
      let laterAnswered: Promise<unknown> | undefined;
      try {
        laterAnswered = scan(later);
        await scan(badCheck);
      } finally {
        await writerAgain.release();
      }
      await laterAnswered;
      await vi.waitFor(() => expect(handedOn.slice(3)).toEqual([`${later} not-found`, `${badCheck} invalid`]));
    });
  }

  it('go on record in the open inspection (IndexedDB) ahead of the scan that waited', async () => {
    const { db, container } = await openScreen('en');
    const lines = async () => (await stored(db)).items.map((item) => `${item.input} ${item.verdict}`);
    // The focus on no field (a tab button), as after a click on the screen.
    container.querySelector<HTMLButtonElement>('[data-testid="tab-scan"]')!.focus();
    await typeKeys(scannerTypes(first));
    await vi.waitFor(async () => expect(await lines()).toEqual([`${first} not-found`]), { timeout: 10_000 });

    const writer = holdCopyStores(db);
    try {
      // The next scan's lookup waits for the copy; the one after it (a bad check digit) needs no lookup.
      await typeKeys([...scannerTypes(waiting), ...scannerTypes(badCheck, 200)]);
      await vi.waitFor(() => expect(container.querySelector(`[data-testid="verdict"][data-code="${badCheck}"]`)?.getAttribute('data-verdict')).toBe('invalid'), { timeout: 10_000 });
      expect(container.querySelector(`[data-testid="verdict"][data-code="${waiting}"]`)).toBeNull();
      await leavePage(leavingWays.pagehide);
    } finally {
      // Chromium runs one read-write transaction of a database at a time, so the line's write waits for the copy's
      // writer too; it was asked for at the leaving, before the waiting scan could answer, so it lands first.
      await writer.release();
    }
    await vi.waitFor(async () => expect(await lines()).toEqual([`${first} not-found`, `${badCheck} invalid`, `${waiting} not-found`]), { timeout: 10_000 });
  });
});
