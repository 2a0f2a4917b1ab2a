import { expect, test } from './fixtures.ts';

const kazakhLetters = ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І'];

test('switches through Kazakh, Russian and English and keeps the choice after a reload', async ({ app }) => {
  await expect(app.sandboxBadge).toBeVisible();

  await app.chooseLanguage('ru');
  await expect(app.nav).toContainText('Заявки');
  await expect(app.nav.getByRole('link')).toHaveText(['Заявки', 'Документы', 'Этикетки', 'Проверка', 'Настройки']);
  await expect(app.sandboxBadge).toHaveText('Песочница, не настоящий каталог');

  await app.chooseLanguage('en');
  await expect(app.nav.getByRole('link')).toHaveText(['Applications', 'Documents', 'Labels', 'Inspection', 'Settings']);
  await expect(app.sandboxBadge).toHaveText('Sandbox, not the real catalogue');

  await app.chooseLanguage('kk');
  await expect(app.nav.getByRole('link')).toHaveText(['Өтінімдер', 'Құжаттар', 'Заттаңбалар', 'Тексеру', 'Баптаулар']);
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'kk');

  await app.page.reload();
  await expect(app.nav.getByRole('link')).toHaveText(['Өтінімдер', 'Құжаттар', 'Заттаңбалар', 'Тексеру', 'Баптаулар']);
});

test('Kazakh letters appear in visible UI text and render with real glyphs', async ({ app }) => {
  await app.chooseLanguage('kk');
  await app.open('applications');
  await expect(app.nav.getByRole('link').first()).toHaveText('Өтінімдер');
  await expect(app.page.getByRole('toolbar').first()).toBeVisible();
  const text = await app.visibleText();
  for (const letter of kazakhLetters) expect(text, `letter ${letter} visible`).toContain(letter);
  // Kazakh-specific letters inside translated strings, not only on the helper's buttons.
  expect(text).toMatch(/Өтінімдер/);
  expect(text).toMatch(/Қазақша/);

  // A letter missing from every font renders as the same "tofu" box as an unassigned code point;
  // a real glyph differs from it in shape, so its pixels differ.
  const missing = await app.page.evaluate((letters) => {
    const font = getComputedStyle(document.body).font;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 40;
      const context = canvas.getContext('2d')!;
      context.font = font.replace(/\d+(\.\d+)?px/, '28px');
      context.fillText(text, 4, 30);
      return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
    };
    const tofu = draw('\u{10FFFD}');
    return letters.filter((letter) => draw(letter) === tofu || draw(letter) === draw(' '));
  }, kazakhLetters);
  expect(missing).toEqual([]);
});

test('the Kazakh letter helper types into the search field', async ({ app }) => {
  await app.chooseLanguage('kk');
  const search = app.page.getByRole('searchbox');
  await search.fill('а');
  await app.page.getByRole('toolbar').getByRole('button', { name: 'Қ', exact: true }).click();
  await app.page.getByRole('toolbar').getByRole('button', { name: 'Ұ', exact: true }).click();
  await expect(search).toHaveValue('ақұ');
});

test('settings show the sandbox connection and the storage figures', async ({ app, shell }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  await expect(app.heading).toHaveText('Settings');
  await expect(app.page.getByTestId('connection-kind')).toHaveText('Sandbox');
  await expect(app.page.getByTestId('connection')).toContainText('/gwp');
  await expect(app.page.getByTestId('connection')).toContainText('/api/integration/ofd');
  await expect(app.page.getByTestId('storage-used')).toHaveText(/\d/);
  await expect(app.page.getByTestId('storage-quota')).toHaveText(/\d/);
  await expect(app.page.getByTestId('storage-persisted')).toHaveText(/^(yes|no)/);
  // The web twin cannot hold a real key: it says so up front, in the user's language, instead of offering the real catalogue.
  if (shell === 'web') {
    await expect(app.page.getByTestId('connection-remote')).toBeDisabled();
    const scope = app.page.getByTestId('web-twin-scope');
    await expect(scope).toContainText('only to its built-in sandbox');
    await expect(scope).toContainText('desktop app');
    // Said before the choices, not after a failed save.
    expect(await scope.evaluate((note) => Boolean(note.compareDocumentPosition(document.querySelector('[data-testid="connection-remote"]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    await app.chooseLanguage('kk');
    await expect(scope).toContainText('тек өзіне кірістірілген');
    await expect(scope).toContainText('жұмыс үстелі қолданбасы');
    await expect(scope).not.toContainText('desktop');
    await app.chooseLanguage('ru');
    await expect(scope).toContainText('только к встроенной песочнице');
  } else {
    await expect(app.page.getByTestId('connection-remote')).toBeEnabled();
    await expect(app.page.getByTestId('web-twin-scope')).toHaveCount(0);
  }
});
