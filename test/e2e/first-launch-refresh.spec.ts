/**
 * A first launch downloads the catalogue's forms (schemas and dictionaries) by itself while the catalogue answers,
 * with its progress in the app's frame and without blocking any screen (issue 12, item 1); with the catalogue
 * away it starts nothing and the forms' offer stays; a failure is said in the officer's language and the offer
 * stays with "Try again"; two tabs of a fresh profile download once. Web twin against its sandbox.
 */
import type { Page, Request } from '@playwright/test';
import { catalogueRoutes, expect, test } from './fixtures.ts';
import { Editor } from './pages/applications.ts';
import { AppShell } from './pages/app-shell.ts';

const dictionaryItems = /\/portal\/api\/v1\/dictionaries\/[^/]+\/items/u;
const attributesCall = /\/portal\/api\/v1\/products\/requests\/attributes/u;
const isCatalogueCall = (request: Request) => catalogueRoutes.test(new URL(request.url()).pathname);

/** The catalogue calls a page makes from its start, by path. */
function recordCatalogueCalls(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (isCatalogueCall(request)) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test('a fresh profile with the catalogue reachable: the forms arrive without any click, with progress in the frame, no screen blocked', async ({ page, shell }) => {
  test.skip(shell !== 'web', 'holds catalogue answers with page routes, in the web twin');
  test.setTimeout(120_000);
  // The dictionaries' pages are held back until the screens were tried, so the download is seen under way.
  let releaseItems = () => {};
  const itemsReleased = new Promise<void>((resolve) => (releaseItems = resolve));
  await page.route(dictionaryItems, async (route) => {
    await itemsReleased;
    await route.continue();
  });
  await page.goto('./');
  const app = new AppShell(page);
  await app.chooseLanguage('kk');
  const status = page.getByTestId('refresh-status');
  await expect(status).toHaveAttribute('data-refresh-state', 'running');
  await expect(status).toContainText('Каталог нысандары жүктелуде');

  // Every screen opens and works meanwhile, with the status in the frame.
  await app.open('documents');
  await expect(app.heading).toBeVisible();
  await app.open('labels');
  await expect(app.heading).toBeVisible();
  await app.open('settings');
  await expect(page.getByTestId('dictionaries-panel')).toHaveAttribute('data-refresh-state', 'running'); // the same download
  await expect(page.getByTestId('refresh-dictionaries')).toBeDisabled();
  await app.chooseLanguage('ru');
  await expect(status).toContainText('Загружаются формы каталога');
  await expect(status).toHaveAttribute('data-refresh-state', 'running');

  releaseItems();
  await expect(status).toHaveAttribute('data-refresh-state', 'done', { timeout: 90_000 });
  await expect(status).toHaveAttribute('data-launch', 'start');
  await expect(status).toHaveText('Формы каталога загружены');
  expect(Number(await status.getAttribute('data-done'))).toBeGreaterThan(3);
  expect(await status.getAttribute('data-done')).toBe(await status.getAttribute('data-total'));
  // Stored: Settings says when, and counts the dictionaries.
  await expect(page.getByTestId('last-refresh')).not.toHaveText('ещё не было');
  await expect(page.getByTestId('dictionary-count-OKTRU')).toHaveText(/^[1-9]/u);

  // "New application" opens the form at once: no offer, nothing to download.
  await app.chooseLanguage('en');
  await expect(status).toHaveText('The catalogue’s forms are downloaded');
  await app.open('applications');
  await expect(page.getByTestId('first-refresh')).toHaveCount(0);
  await page.getByTestId('new-application').click();
  await expect(new Editor(page).field('name_ru')).toBeVisible();
  await expect(page.getByTestId('first-refresh')).toHaveCount(0);

  // A reload is no first launch any more: nothing is asked of the catalogue.
  const afterReload: string[] = recordCatalogueCalls(page);
  await page.reload();
  await expect(page.getByTestId('refresh-status')).toHaveAttribute('data-launch', 'refreshed-before');
  expect(afterReload.filter((path) => path.includes('/dictionaries'))).toEqual([]);
  await expect(page.getByTestId('refresh-status')).toHaveAttribute('data-refresh-state', 'idle');
});

test.describe('the catalogue unreachable at a first launch', () => {
  test.use({ catalogueAtLaunch: 'unreachable' });

  test('no refresh is started, the offer is shown, and it downloads when asked once the catalogue is back', async ({ app, appPage: page }) => {
    test.setTimeout(120_000);
    await app.chooseLanguage('kk');
    const status = page.getByTestId('refresh-status');
    // Only the catalogue's list of dictionaries was asked, and it did not answer: nothing started.
    await expect(status).toHaveAttribute('data-launch', 'unreachable', { timeout: 60_000 });
    const asked = (await page.requests()).filter(isCatalogueCall).map((request) => new URL(request.url()).pathname);
    expect(asked.length).toBeGreaterThan(0);
    for (const path of asked) expect(path).toMatch(/\/portal\/api\/v1\/dictionaries$/u);
    await expect(status).toHaveAttribute('data-refresh-state', 'idle');
    await expect(status).toBeEmpty();
    const offer = page.getByTestId('first-refresh');
    await expect(offer).toHaveAttribute('data-refresh-state', 'idle');
    await expect(offer).toContainText('Каталог нысандары бұл компьютерде әлі жоқ');
    await app.open('settings');
    await expect(page.getByTestId('last-refresh')).toHaveText('әлі болған жоқ');
    await expect(page.getByTestId('dictionaries-panel')).toHaveAttribute('data-refresh-state', 'idle');

    // The catalogue is back: the offer downloads when asked, and the frame shows it.
    await page.unroute(catalogueRoutes);
    await app.open('applications');
    await page.getByTestId('first-refresh-start').click();
    await expect(status).toHaveAttribute('data-refresh-state', /^(running|done)$/u);
    await expect(status).toHaveAttribute('data-refresh-state', 'done', { timeout: 90_000 });
    await expect(status).toHaveText('Каталог нысандары жүктелді');
    await expect(offer).toHaveCount(0);
  });
});

test('a download that fails after the catalogue answered: a translated error in the frame, the offer stays with its reason and "Try again"', async ({ page, shell }) => {
  test.skip(shell !== 'web', 'breaks catalogue answers with page routes, in the web twin');
  test.setTimeout(120_000);
  // The catalogue answers (its list of dictionaries), then the base schema's call fails.
  await page.route(attributesCall, (route) => route.abort('connectionreset'));
  await page.goto('./');
  const app = new AppShell(page);
  await app.chooseLanguage('ru');
  const status = page.getByTestId('refresh-status');
  await expect(status).toHaveAttribute('data-refresh-state', 'failed', { timeout: 90_000 });
  await expect(status).toHaveAttribute('data-launch', 'start');
  await expect(page.getByTestId('refresh-status-error')).toHaveText('Формы каталога не загружены.');
  await expect(page.getByTestId('refresh-status-error')).toHaveClass(/error-message/u);

  // From any screen, the frame leads to why and "Try again".
  await app.open('labels');
  await status.getByRole('link', { name: 'Почему, и повторить' }).click();
  await expect(page).toHaveURL(/#\/applications$/u);
  const offer = page.getByTestId('first-refresh');
  await expect(offer).toHaveAttribute('data-refresh-state', 'failed');
  await expect(page.getByTestId('first-refresh-error')).toHaveClass(/error-message/u);
  await expect(page.getByTestId('first-refresh-error')).toHaveAttribute('data-error', /^catalogue\.errors\./u);
  await expect(page.getByTestId('first-refresh-error')).toHaveText(/\p{Script=Cyrillic}/u);
  await expect(page.getByTestId('first-refresh-start')).toHaveText('Повторить');
  // Not started again by itself: the officer chooses.
  await page.unroute(attributesCall);
  await page.getByTestId('first-refresh-start').click();
  await expect(status).toHaveAttribute('data-refresh-state', 'done', { timeout: 90_000 });
  await expect(offer).toHaveCount(0);
});

test('two tabs of a fresh profile opened together download the forms once', async ({ context, shell }) => {
  test.skip(shell !== 'web', 'two tabs of the web twin');
  test.setTimeout(120_000);
  const baseCalls: string[] = [];
  context.on('request', (request) => {
    if (attributesCall.test(new URL(request.url()).pathname)) baseCalls.push(request.url());
  });
  const [first, second] = [await context.newPage(), await context.newPage()];
  await Promise.all([first.goto('./'), second.goto('./')]);
  const statuses = [first, second].map((tab) => tab.getByTestId('refresh-status'));
  // Each tab decided: one started the download, the other found it under way (or done).
  for (const status of statuses) await expect(status).toHaveAttribute('data-launch', /^(start|other-window|refreshed-before)$/u, { timeout: 90_000 });
  const decisions = await Promise.all(statuses.map((status) => status.getAttribute('data-launch')));
  expect(decisions.filter((decision) => decision === 'start')).toHaveLength(1);
  expect(baseCalls).toHaveLength(1);
  // The other tab has the forms too, from the same computer's storage.
  const other = decisions[0] === 'start' ? second : first;
  await other.reload();
  await other.getByTestId('new-application').click();
  await expect(new Editor(other).field('name_ru')).toBeVisible({ timeout: 60_000 });
  expect(baseCalls).toHaveLength(1);
});
