import { expect, test } from './fixtures.ts';

test('downloads schemas and dictionaries from the sandbox through the bridge and keeps them after a reload', async ({ app }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  await expect(app.page.getByTestId('last-refresh')).toHaveText('never');
  await app.page.getByTestId('refresh-dictionaries').click();
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never', { timeout: 20_000 });
  for (const dictionary of ['OKTRU', 'TNVED', 'COUNTRY']) {
    await expect(app.page.getByTestId(`dictionary-count-${dictionary}`)).toHaveText(/^[1-9]/);
  }
  const countries = await app.page.getByTestId('dictionary-count-COUNTRY').innerText();

  await app.page.reload();
  await app.open('settings');
  await expect(app.page.getByTestId('dictionary-count-COUNTRY')).toHaveText(countries);
  await expect(app.page.getByTestId('last-refresh')).not.toHaveText('never');
});
