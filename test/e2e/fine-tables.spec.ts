/**
 * The fine tables live in Settings: edited there (a wrong cell is named by table, row and column and nothing is
 * put in force), imported from a file (a broken file is refused and the tables in force stay as they were),
 * exported in the format the import reads; the Inspection screen shows them read-only and its estimate and act
 * use what Settings put in force.
 */
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { expect, test } from './fixtures.ts';
import { takeCopy } from './pages/inspection.ts';

// The act needs a catalogue copy first: on a busy machine that alone may take tens of seconds.
test.describe.configure({ timeout: 150_000 });

const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const jsonFile = (name: string, content: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)) });

function rulesEditor(page: Page) {
  const panel = page.getByTestId('fine-tables-panel');
  return {
    panel,
    rows: panel.getByTestId('fine-rule-row'),
    filledRows: panel.locator('[data-testid="fine-rule-row"][data-blank="false"]'),
    rule: (category: string, offence: string) => panel.locator(`[data-testid="fine-rule-row"][data-category="${category}"][data-offence="${offence}"]`),
    cell: (row: Locator, column: string) => row.locator(`[data-column="${column}"]`),
    years: panel.getByTestId('mci-value-row'),
    save: panel.getByTestId('fine-tables-save'),
    importInput: panel.getByTestId('fine-tables-import'),
    problems: panel.getByTestId('fine-tables-problems'),
    refused: panel.getByTestId('fine-tables-refused'),
    status: panel.getByTestId('fine-tables-status'),
  };
}

test('fine tables are edited, imported and exported in Settings, and the act estimates from them', async ({ app, appPage: page }) => {
  await app.chooseLanguage('ru');
  await app.open('settings');
  const editor = rulesEditor(page);
  await expect(editor.rows).toHaveCount(8);

  // ---- an edit: a wrong cell is named and blocks saving; a right one is put in force and survives a reload
  const mediumRepeat = editor.rule('medium', 'repeat');
  const mediumRepeatRow = await mediumRepeat.getAttribute('data-row');
  await editor.cell(mediumRepeat, 'mci').fill('тридцать три');
  await expect(editor.problems).toContainText(`Правила штрафов, строка ${mediumRepeatRow}, столбец «Штраф, МРП»: должно быть числом.`);
  await expect(editor.cell(mediumRepeat, 'mci')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.save).toBeDisabled();
  await editor.cell(mediumRepeat, 'mci').fill('33');
  await expect(editor.problems).toHaveCount(0);
  await editor.save.click();
  await expect(editor.status).toContainText('Таблицы действуют');
  await page.reload();
  await expect(editor.cell(editor.rule('medium', 'repeat'), 'mci')).toHaveValue('33');

  // ---- broken files: refused with the place of each problem, the tables in force untouched
  const broken = {
    rules: [
      { article: '777', part: '4', entityCategory: 'medium', offence: 'repeat', mci: 50 },
      { article: '777', part: '4', entityCategory: 'large', offence: 'repeat', mci: -5 },
    ],
    mciValues: [
      { year: 2026, kzt: 5000 },
      { year: 2026, kzt: 5100 },
    ],
  };
  await editor.importInput.setInputFiles(jsonFile('broken.json', broken));
  await expect(editor.refused).toContainText('broken.json не импортирован; действующие таблицы не изменились.');
  await expect(editor.refused).toContainText('Правила штрафов, строка 2, столбец «Штраф, МРП»: должно быть больше нуля.');
  await expect(editor.refused).toContainText('МРП по годам, строка 2, столбец «Год»: второе значение за этот год (оно уже есть в строке 1).');
  await expect(editor.filledRows).toHaveCount(8);
  await expect(editor.cell(editor.rule('medium', 'repeat'), 'mci')).toHaveValue('33');
  await editor.importInput.setInputFiles(jsonFile('notes.json', '{"rules": [ oops'));
  await expect(editor.refused).toContainText('Это не файл таблиц штрафов: его нельзя прочитать как JSON.');
  await expect(editor.filledRows).toHaveCount(8);
  // The same refusal in Kazakh.
  await app.chooseLanguage('kk');
  await editor.importInput.setInputFiles(jsonFile('broken.json', broken));
  await expect(editor.refused).toContainText('Айыппұл ережелері, 2-жол, «Айыппұл, АЕК» бағаны: нөлден үлкен болуы керек.');
  await expect(editor.filledRows).toHaveCount(8);
  await app.chooseLanguage('ru');

  // ---- a good file replaces both tables; then one of its rules is edited
  const year = new Date().getFullYear();
  const office = {
    source: 'Приказ № 12 / Бұйрық № 12',
    rules: [
      { article: '777', part: '4', entityCategory: 'medium', offence: 'repeat', mci: 50 },
      { article: '777', part: '3', entityCategory: 'small', offence: 'first', mci: 5 },
    ],
    mciValues: [{ year, kzt: 5000 }],
  };
  await editor.importInput.setInputFiles(jsonFile('office.json', office));
  await expect(editor.status).toContainText('Импортировано из office.json и введено в действие: правил — 2, значений МРП — 1.');
  await expect(editor.filledRows).toHaveCount(2);
  await expect(editor.rows).toHaveCount(8);
  await expect(editor.cell(editor.rule('large', 'repeat'), 'mci')).toHaveValue('');
  await expect(editor.years).toHaveCount(1);
  await editor.cell(editor.rule('medium', 'repeat'), 'mci').fill('60');
  await editor.save.click();
  await expect(editor.status).toContainText('Таблицы действуют');

  // ---- the export writes what is in force, in the format the import reads
  const [download] = await Promise.all([page.waitForEvent('download'), editor.panel.getByTestId('fine-tables-export').click()]);
  const exportedPath = test.info().outputPath('fine-tables.json');
  await download.saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as Record<string, unknown>;
  expect(exported).toEqual({
    format: 'ncg-fine-tables',
    version: 1,
    source: office.source,
    // In the editor's order: first offences before repeat ones.
    rules: [
      { ...office.rules[1], per: 'inspection' },
      { ...office.rules[0], mci: 60, per: 'inspection' },
    ],
    mciValues: office.mciValues,
  });
  await editor.importInput.setInputFiles(exportedPath);
  await expect(editor.status).toContainText('Импортировано из');
  await expect(editor.cell(editor.rule('medium', 'repeat'), 'mci')).toHaveValue('60');

  // ---- the Inspection screen shows them read-only and links to Settings
  await app.open('inspection');
  await page.getByTestId('tab-fines').click();
  const summary = page.getByTestId('fines');
  await expect(summary.getByTestId('fine-rule')).toHaveCount(2);
  await expect(summary.locator('[data-testid="fine-rule"][data-category="medium"][data-offence="repeat"]').getByTestId('fine-rule-mci')).toHaveText('60');
  await expect(summary.locator('input, select')).toHaveCount(0);
  await summary.getByTestId('fines-edit-in-settings').click();
  await expect(page).toHaveURL(/#\/settings\/fine-tables$/u);
  await expect(editor.panel).toBeInViewport();

  // ---- the estimate and the act use the tables as edited
  await app.open('inspection');
  await takeCopy(page);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('session-start').click();
  await page.getByTestId('org-category').selectOption('medium');
  await page.getByTestId('offence').selectOption('repeat');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(`${withCheck('460999999999')}\n`);
  await expect(page.getByTestId('session-item')).toHaveCount(1);
  const fine = page.getByTestId('session-fine');
  await expect(fine).toContainText(/300\D?000 тг \(60 МРП × 5000 тг/u);
  await expect(fine).toContainText('ст. 777 ч. 4');
  await expect(fine).toContainText('Это оценка, а не решение.');
  await expect(fine).toContainText(office.source);

  const [act] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-act').click()]);
  const actPath = test.info().outputPath('act.pdf');
  await act.saveAs(actPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', actPath, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toContain(`Оценка штрафа: ${60 * 5000} тг (60 МРП × 5000 тг, ${year}), по ст. 777 ч. 4`);
  expect(text).toContain('Айыппұлдың бағасы');
  expect(text).toContain(office.source);

  // A category with no rule in these tables says so and leads to Settings.
  await page.getByTestId('org-category').selectOption('large');
  await expect(fine).toContainText('Нет правила штрафа');
  await page.getByTestId('session-fine-settings').click();
  await expect(page).toHaveURL(/#\/settings\/fine-tables$/u);
});

test('restoring the defaults asks first; a rule is cleared or completed in the grid', async ({ app, appPage: page }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  const editor = rulesEditor(page);
  await editor.importInput.setInputFiles(jsonFile('one.json', { rules: [{ article: '1', part: '1', entityCategory: 'small', offence: 'first', mci: 5 }], mciValues: [{ year: 2026, kzt: 4325 }] }));
  await expect(editor.filledRows).toHaveCount(1);
  await editor.panel.getByTestId('fine-tables-reset').click();
  await editor.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.filledRows).toHaveCount(1);
  await editor.panel.getByTestId('fine-tables-reset').click();
  await editor.panel.getByTestId('fine-tables-reset-yes').click();
  await expect(editor.status).toHaveText('The defaults are in force again.');
  await expect(editor.filledRows).toHaveCount(8);
  await expect(editor.panel).toContainText('These are unconfirmed defaults');

  // A cleared row is no rule; a half-filled one is named by its row and column and blocks saving.
  const smallFirst = editor.rule('small', 'first');
  await smallFirst.getByTestId('fine-rule-clear').click();
  await expect(smallFirst).toHaveAttribute('data-blank', 'true');
  const largeFirst = editor.rule('large', 'first');
  const largeRow = await largeFirst.getAttribute('data-row');
  await largeFirst.getByTestId('fine-rule-clear').click();
  await editor.cell(largeFirst, 'article').fill('204');
  await expect(editor.problems).toContainText(`Fine rules, row ${largeRow}, column “Fine, MCI”: empty; enter a value.`);
  await expect(editor.save).toBeDisabled();
  await editor.cell(largeFirst, 'part').fill('1');
  await editor.cell(largeFirst, 'mci').fill('25');
  await editor.cell(largeFirst, 'per').selectOption('item');
  await expect(editor.problems).toHaveCount(0);
  await page.getByTestId('mci-value-add').click();
  const newYear = editor.years.nth(2);
  await editor.cell(newYear, 'year').fill('2027');
  await editor.cell(newYear, 'kzt').fill('4 500');
  await editor.save.click();
  await expect(editor.status).toHaveText('The tables are in force: new estimates and acts use them.');

  await app.open('inspection');
  await page.getByTestId('tab-fines').click();
  const summary = page.getByTestId('fines');
  await expect(summary.getByTestId('fine-rule')).toHaveCount(7);
  await expect(summary.locator('[data-testid="fine-rule"][data-category="small"][data-offence="first"]')).toHaveCount(0);
  await expect(summary.locator('[data-testid="fine-rule"][data-category="large"][data-offence="first"]')).toContainText('per line in violation');
  await expect(summary.locator('[data-testid="fine-rule"][data-category="large"][data-offence="first"]').getByTestId('fine-rule-mci')).toHaveText('25');
  await expect(summary.locator('[data-testid="mci-value"][data-year="2027"]')).toContainText('4,500');
});

test('an edit in progress is kept, and said, when the tables in force change in another window', async ({ app, appPage: page, context }) => {
  await app.chooseLanguage('en');
  await app.open('settings');
  const editor = rulesEditor(page);
  await expect(editor.rows).toHaveCount(8);
  const mediumFirst = editor.rule('medium', 'first');
  await editor.cell(mediumFirst, 'mci').fill('44');
  await expect(editor.panel.getByTestId('fine-tables-unsaved')).toBeVisible();

  const other = await context.newPage();
  await other.goto(page.url());
  const otherEditor = rulesEditor(other);
  await otherEditor.importInput.setInputFiles(jsonFile('office.json', { rules: [{ article: '1', part: '1', entityCategory: 'small', offence: 'first', mci: 5 }], mciValues: [{ year: 2026, kzt: 4325 }] }));
  await expect(otherEditor.filledRows).toHaveCount(1);

  // This window keeps what was typed and says the tables in force changed; discarding shows them.
  await expect(editor.panel.getByTestId('fine-tables-changed-elsewhere')).toBeVisible();
  await expect(editor.cell(mediumFirst, 'mci')).toHaveValue('44');
  await editor.panel.getByTestId('fine-tables-discard').click();
  await expect(editor.filledRows).toHaveCount(1);
  await expect(editor.panel.getByTestId('fine-tables-changed-elsewhere')).toHaveCount(0);
  // An untouched form simply follows the next change.
  await otherEditor.panel.getByTestId('fine-tables-reset').click();
  await otherEditor.panel.getByTestId('fine-tables-reset-yes').click();
  await expect(editor.filledRows).toHaveCount(8);
  await expect(editor.panel.getByTestId('fine-tables-changed-elsewhere')).toHaveCount(0);
  await other.close();
});
