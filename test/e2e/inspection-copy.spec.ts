/**
 * The catalogue copy against the real sandbox feed: a download that loses the network, or the window, midway
 * goes on by itself from the last stored page and ends with every card of the catalogue exactly once; the copy
 * saved to a file from the app is a `.ncgsnap` the command line checks codes against.
 *
 * Pages are made small (the first request's `limit` is rewritten; the sandbox then hands out `next` links of the
 * same size) so that its 2,000-odd cards take a dozen pages and there is a middle to cut.
 */
import type { Page, Route } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { expect, test } from './fixtures.ts';
import { sandboxFeed, type FeedRow } from './sandbox-feed.ts';

test.describe.configure({ timeout: 180_000 });

const feedPattern = /\/api\/integration\/ofd\/ofd\//;
const pageSize = 150;



const keyOf = (row: FeedRow) => (row.ntin_code !== '' ? row.ntin_code : `gtin:${row.gtin}`);

/**
 * The copy as IndexedDB holds it: every live card's key, read straight from the blocks. Read when no run is under
 * way (mid-compaction a moved card is briefly in its old and its new block).
 */
function heldKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('ncg-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('copyBlocks', 'readonly').objectStore('copyBlocks').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const keys: string[] = [];
            for (const block of read.result as { ntins: string[]; gtins: string[]; flags: number[] }[]) {
              block.ntins.forEach((ntin, slot) => {
                // Bit 4 marks a slot whose card was replaced by a newer version.
                if (((block.flags[slot] ?? 0) & 4) === 0) keys.push(ntin !== '' ? ntin : `gtin:${block.gtins[slot] ?? ''}`);
              });
            }
            open.result.close();
            resolve(keys);
          };
        };
      }),
  );
}

async function expectEveryCardOnce(page: Page, rows: FeedRow[]): Promise<void> {
  const expected = new Set(rows.map(keyOf));
  const held = await heldKeys(page);
  expect(held.length).toBe(expected.size);
  expect(new Set(held).size).toBe(held.length);
  expect(held.filter((key) => !expected.has(key))).toEqual([]);
  await expect(page.getByTestId('copy-status')).toContainText(String(expected.size).replace(/\B(?=(\d{3})+$)/g, ','));
}

/** Rewrites the feed's page size; `hook` sees each request first and may answer it itself (returns true). */
async function smallPages(page: Page, hook: (route: Route, url: URL) => Promise<boolean> = async () => false): Promise<string[]> {
  const seen: string[] = [];
  await page.route(feedPattern, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', String(pageSize));
    seen.push(url.search);
    if (await hook(route, url)) return;
    await route.continue({ url: url.toString() }).catch(() => undefined);
  });
  return seen;
}

test('a download that loses the network waits, then completes from the last stored page: every card once', async ({ app, appPage: page, context, request }) => {
  const rows = await sandboxFeed(request);
  expect(rows.length).toBeGreaterThan(pageSize * 6);
  let cut = false;
  const requests = await smallPages(page, async (route) => {
    // The network goes away while the fifth page is on its way.
    if (requests.length === 5 && !cut) {
      cut = true;
      await context.setOffline(true);
      await route.abort('internetdisconnected');
      return true;
    }
    return false;
  });
  await app.chooseLanguage('en');
  await app.open('inspection');
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-download').click();

  const waiting = page.getByTestId('copy-waiting');
  await expect(waiting).toHaveAttribute('data-reason', 'offline', { timeout: 60_000 });
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'partial');
  const storedWhileOffline = (await heldKeys(page)).length;
  expect(storedWhileOffline).toBeGreaterThan(0);
  expect(storedWhileOffline).toBeLessThan(rows.length);
  // It really waits: nothing is asked of the feed while the network is down.
  const asked = requests.length;
  await expect(waiting).toBeVisible();
  expect(requests.length).toBe(asked);

  await context.setOffline(false);
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'complete');
  // The resumed run started from the stored `next` link (a cursor past the stored cards), not from the start.
  const resumed = requests.slice(asked);
  expect(resumed[0]).toContain('after=');
  await expectEveryCardOnce(page, rows);
});

test('a download cut off by a reload goes on by itself when the Inspection screen opens again', async ({ app, appPage: page, request }) => {
  const rows = await sandboxFeed(request);
  let holding = true;
  const held: Route[] = [];
  const requests = await smallPages(page, async (route) => {
    // After four pages, the feed stops answering until the window has been reloaded.
    if (holding && requests.length > 4) {
      held.push(route);
      return true;
    }
    return false;
  });
  await app.chooseLanguage('en');
  await app.open('inspection');
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-download').click();
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'partial', { timeout: 60_000 });
  await expect.poll(() => held.length, { timeout: 60_000 }).toBeGreaterThan(0);
  const before = (await heldKeys(page)).length;
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(rows.length);

  const asked = requests.length;
  holding = false;
  await page.reload();
  for (const route of held) await route.abort().catch(() => undefined);
  await app.open('inspection');
  // Nothing pressed: the copy tab only watches (the run ends once the copy is complete and tidied).
  await page.getByTestId('tab-copy').click();
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'complete');
  const resumed = requests.slice(asked);
  expect(resumed.length).toBeGreaterThan(0);
  expect(resumed[0]).toContain('after=');
  await expectEveryCardOnce(page, rows);
});

test('a download the user stops stays stopped until they continue it', async ({ app, appPage: page, request }) => {
  const rows = await sandboxFeed(request);
  let release: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const requests = await smallPages(page, async () => {
    if (requests.length > 3) await gate;
    return false;
  });
  await app.chooseLanguage('en');
  await app.open('inspection');
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-download').click();
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'partial', { timeout: 60_000 });
  await page.getByTestId('copy-stop').click();
  release?.();
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'stopped', { timeout: 60_000 });
  const stoppedAt = (await heldKeys(page)).length;

  await page.reload();
  await app.open('inspection');
  await page.getByTestId('tab-copy').click();
  await expect(page.getByTestId('copy-download')).toBeEnabled();
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'partial');
  expect((await heldKeys(page)).length).toBe(stoppedAt);

  await page.getByTestId('copy-download').click();
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });
  await expectEveryCardOnce(page, rows);
});

test('the copy saved to a file from the app is a snapshot the command line checks codes against', async ({ app, appPage: page, request }) => {
  const rows = await sandboxFeed(request);
  await app.chooseLanguage('en');
  await app.open('inspection');
  await page.getByTestId('tab-copy').click();
  await expect(page.getByTestId('copy-save')).toBeDisabled();
  await page.getByTestId('copy-download').click();
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('copy-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^catalogue-\d{4}-\d{2}-\d{2}\.ncgsnap$/);
  const file = join(mkdtempSync(join(tmpdir(), 'ncg-e2e-snap-')), download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('copy-saved')).toHaveAttribute('data-saved', 'true');

  const out: string[] = [];
  const io = { stdout: (line: string) => void out.push(line), stderr: (line: string) => void out.push(line), isTTY: false };
  expect(await main(['snapshot', 'info', file], io)).toBe(0);
  const info = JSON.parse(out.pop() ?? '{}') as { count: number };
  expect(info.count).toBe(new Set(rows.map(keyOf)).size);

  const active = rows.find((row) => !row.ntin_isdeactivated && row.ntin_code !== '');
  const deactivated = rows.find((row) => row.ntin_isdeactivated);
  if (!active || !deactivated) throw new Error('the sandbox feed lacks an active or a deactivated card');
  expect(await main(['check', active.ntin_code, deactivated.ntin_code, '--snapshot', file, '--json'], io)).toBe(1);
  const verdicts = out.slice(-2).map((line) => JSON.parse(line) as { code: string; verdict: string; ntins: string[] });
  expect(verdicts[0]).toMatchObject({ code: active.ntin_code, verdict: 'registered', ntins: [active.ntin_code] });
  expect(verdicts[1]).toMatchObject({ code: deactivated.ntin_code, verdict: 'deactivated' });
});
