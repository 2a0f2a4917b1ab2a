import { expect, test } from './fixtures.ts';

test('downloads schemas and dictionaries from the sandbox through the bridge and keeps them after a reload', async ({ app }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  await expect(app.page.getByTestId('last-refresh')).toHaveText('never');
  await app.page.getByTestId('refresh-dictionaries').click();
  // Progress is shown while it runs: parts downloaded of parts known so far.
  await expect(app.page.getByTestId('refresh-progress')).toContainText(/\d+ of \d+ parts/);
  // Wait for the refresh's own end state (an idle machine needs about a second; a busy one more).
  await expect(app.page.getByTestId('dictionaries-panel')).toHaveAttribute('data-refresh-state', 'done', { timeout: 60_000 });
  await expect(app.page.getByTestId('refresh-progress')).toHaveCount(0);
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never');
  for (const dictionary of ['OKTRU', 'TNVED', 'COUNTRY']) {
    await expect(app.page.getByTestId(`dictionary-count-${dictionary}`)).toHaveText(/^[1-9]/);
  }
  const countries = await app.page.getByTestId('dictionary-count-COUNTRY').innerText();

  await app.page.reload();
  await app.open('settings');
  await expect(app.page.getByTestId('dictionary-count-COUNTRY')).toHaveText(countries);
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never');
});
