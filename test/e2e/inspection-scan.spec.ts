/**
 * Scanning in an inspection, offline: a GS1 DataMatrix made by an outside encoder (zint) read through Chromium's
 * fake camera, and a keyboard-wedge scanner's bursts typed while the focus is in a note or quantity field (the
 * field keeps exactly what the person typed, every code reaches the scanner).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { gs1DataMatrixModules, writeModulesVideo } from './camera-video.ts';
import { expect, test } from './fixtures.ts';
import { scanByCameraOffline, takeCopy } from './pages/inspection.ts';
import { sandboxFeed, type FeedRow } from './sandbox-feed.ts';
import { WedgeScanner } from './wedge.ts';

// Each test takes a full catalogue copy first: on a busy machine that alone may take tens of seconds.
test.describe.configure({ timeout: 120_000 });



/** An active card that is the only card of its GTIN: its GTIN's verdict is "registered". */
function soleCardOfGtin(rows: readonly FeedRow[]): FeedRow {
  const perGtin = new Map<string, number>();
  for (const row of rows) if (row.gtin) perGtin.set(row.gtin, (perGtin.get(row.gtin) ?? 0) + 1);
  const found = rows.find((row) => !row.ntin_isdeactivated && row.gtin && perGtin.get(row.gtin) === 1 && gs1CheckDigit(row.gtin.slice(0, -1)) === Number(row.gtin.slice(-1)));
  if (!found) throw new Error('the sandbox feed has no active card alone under its GTIN');
  return found;
}

// ---- the camera: Chromium's fake capture device plays a video of a GS1 DataMatrix made by zint.

const cameraVideo = join(tmpdir(), `ncg-e2e-datamatrix-${process.pid}.y4m`);

// Chromium opens the fake camera's file only when the page asks for the camera, so the test writes it first.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraVideo}`],
  },
  permissions: ['camera'],
});

test('reads a GS1 DataMatrix carrying a registered GTIN through the camera, offline', async ({ app, appPage: page, context, request }) => {
  const card = soleCardOfGtin(await sandboxFeed(request));
  const gtin14 = card.gtin.padStart(14, '0');
  // A serial number after the GTIN, as on a marked product: the verdict is the GTIN's.
  writeModulesVideo(gs1DataMatrixModules(`[01]${gtin14}[21]NCG0001`), 8, cameraVideo);

  await app.chooseLanguage('en');
  await app.open('inspection');
  await takeCopy(page);
  const verdict = await scanByCameraOffline(page, context);
  await expect(verdict).toHaveAttribute('data-code', new RegExp(`^\\(01\\)${gtin14}`, 'u'), { timeout: 30_000 });
  await expect(verdict).toHaveAttribute('data-verdict', 'registered');
  await expect(verdict).toContainText(card.name_kk);
  await expect(verdict).toContainText(card.ntin_code);
  // The symbol stays in front of the camera: it is not counted again.
  await expect(page.getByTestId('verdict')).toHaveCount(1);
  await page.getByTestId('camera-stop').click();
  await context.setOffline(false);
});

// ---- the wedge scanner with the focus in a field of the inspection record.

test('wedge bursts typed into a note field reach the scanner; the note keeps exactly what the person typed', async ({ app, appPage: page, context, request }) => {
  const rows = (await sandboxFeed(request)).filter((row) => !row.ntin_isdeactivated);
  const first = rows[0]?.ntin_code ?? '';
  const burst = rows.slice(1, 21).map((row) => row.ntin_code);
  expect(burst).toHaveLength(20);
  await app.chooseLanguage('kk');
  await app.open('inspection');
  await takeCopy(page);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);

  await page.getByTestId('tab-session').click();
  await page.getByTestId('session-start').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-status', 'open');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(`${first}\n`);
  const items = page.getByTestId('session-item');
  await expect(items).toHaveCount(1);

  // A person writes the note: Kazakh letters (entered as text) and digits typed key by key at a person's pace.
  const note = items.first().getByTestId('item-note');
  await note.click();
  await page.keyboard.insertText('Сөреде, ');
  await page.keyboard.type('shelf 12', { delay: 120 });
  await expect(note).toHaveValue('Сөреде, shelf 12');

  // Twenty codes in two seconds from the scanner, the focus still in the note.
  const scanner = await WedgeScanner.attach(page);
  const burstMs = await scanner.burst(burst, 100);
  test.info().annotations.push({ type: 'burst', description: `20 codes scanned into the note field in ${burstMs} ms` });
  await expect(items).toHaveCount(21);
  expect(await items.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-code')))).toEqual([first, ...burst]);
  await expect(note).toBeFocused();
  // The person goes on typing: it lands after what was there, nothing between.
  await page.keyboard.type(' ok', { delay: 120 });
  await expect(note).toHaveValue('Сөреде, shelf 12 ok');

  // A quantity field: the person's digits stay, the scan is read.
  const quantity = items.first().getByTestId('item-quantity');
  await quantity.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5', { delay: 120 });
  await scanner.scan(burst[0] ?? '');
  await expect(items).toHaveCount(22);
  await expect(quantity).toHaveValue('5');

  // What is stored is what is shown: the record read back from the database.
  await page.getByTestId('tab-scan').click();
  await expect(page.getByTestId('verdict')).toHaveCount(22);
  expect(await page.getByTestId('verdict').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-code')).reverse())).toEqual([first, ...burst, burst[0]]);

  // The code field itself: a person's half-typed code stays, the scanner's code is checked.
  const codeField = page.getByTestId('scan-input');
  await codeField.click();
  await page.keyboard.type('487', { delay: 120 });
  await scanner.scan(first);
  await expect(page.getByTestId('verdict')).toHaveCount(23);
  await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-code', first);
  await expect(codeField).toHaveValue('487');

  await page.getByTestId('tab-session').click();
  await expect(items.first().getByTestId('item-note')).toHaveValue('Сөреде, shelf 12 ok');
  await expect(items.first().getByTestId('item-quantity')).toHaveValue('5');
  await context.setOffline(false);
});
