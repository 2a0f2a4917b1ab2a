import { catalogueRoutes, expect, test } from './fixtures.ts';

// "Never refreshed" lasts where it really does: the catalogue was away at the first launch (which otherwise
// downloads the forms by itself); it is back before the officer asks for the refresh.
test.use({ catalogueAtLaunch: 'unreachable' });

test('downloads schemas and dictionaries from the sandbox through the bridge and keeps them after a reload', async ({ app }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  await expect(app.page.getByTestId('refresh-status')).toHaveAttribute('data-launch', 'unreachable', { timeout: 60_000 });
  await expect(app.page.getByTestId('last-refresh')).toHaveText('never');
  await app.page.unroute(catalogueRoutes);
  await app.page.getByTestId('refresh-dictionaries').click();
  // Wait for the refresh's own end state (an idle machine needs about a second; a busy one more).
  await expect(app.page.getByTestId('dictionaries-panel')).toHaveAttribute('data-refresh-state', 'done', { timeout: 60_000 });
  // Its progress ends as a summary: every part known was downloaded.
  const progress = app.page.getByTestId('refresh-progress');
  await expect(progress).toContainText(/Parts downloaded: \d+\u00a0\/\u00a0\d+; entries stored: [\d,]+/u);
  expect(Number(await progress.getAttribute('data-done'))).toBeGreaterThan(3);
  expect(await progress.getAttribute('data-done')).toBe(await progress.getAttribute('data-total'));
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never');
  for (const dictionary of ['OKTRU', 'TNVED', 'COUNTRY']) {
    await expect(app.page.getByTestId(`dictionary-count-${dictionary}`)).toHaveText(/^[1-9]/);
  }
  // Dictionaries are named for people, not by their codes.
  await expect(app.page.getByTestId('dictionary-name-OKTRU')).toHaveText('Product categories (OKTRU)');
  await expect(app.page.getByTestId('dictionary-name-COUNTRY')).toHaveText('Countries');
  const countries = await app.page.getByTestId('dictionary-count-COUNTRY').innerText();

  await app.page.reload();
  await app.open('settings');
  await expect(app.page.getByTestId('dictionary-count-COUNTRY')).toHaveText(countries);
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never');
});
