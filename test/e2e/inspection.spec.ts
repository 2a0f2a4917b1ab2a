/**
 * Inspection offline: take the catalogue copy from the sandbox, cut the network, then scan codes of every verdict
 * by wedge bursts (typed anywhere on the screen) and by typing.
 */
import type { APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.ts';
import { main } from '../../src/cli/main.ts';
import { kzIdCheckDigit } from '../../src/shared/codes/bin.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { expect, test } from './fixtures.ts';
import { scanByCameraOffline, takeCopy } from './pages/inspection.ts';
import { sandboxFeed, type FeedRow } from './sandbox-feed.ts';

// Each test takes a full catalogue copy first: on a busy machine that alone may take tens of seconds.
test.describe.configure({ timeout: 120_000 });


const withCheck = (body: string) => body + String(gs1CheckDigit(body));


/** Codes of every verdict, picked from the catalogue the app will copy. */
function codesOfEveryVerdict(rows: FeedRow[]) {
  const perGtin = new Map<string, FeedRow[]>();
  for (const row of rows) if (row.gtin) perGtin.set(row.gtin, [...(perGtin.get(row.gtin) ?? []), row]);
  const registered = rows.find((row) => !row.ntin_isdeactivated && row.gtin && perGtin.get(row.gtin)?.length === 1);
  const several = [...perGtin.values()].find((cards) => cards.filter((card) => !card.ntin_isdeactivated).length > 1)?.[0]?.gtin;
  const deactivated = rows.find((row) => row.ntin_isdeactivated)?.ntin_code;
  const maxSerial = Math.max(...rows.map((row) => Number(row.ntin_code.slice(4, 12))));
  if (!registered || !several || !deactivated) throw new Error('the sandbox feed lacks a verdict kind');
  const unknown = withCheck('460999999999');
  const invalidBase = withCheck('487000000123');
  return {
    registered,
    codes: {
      registered: registered.ntin_code,
      registeredUpcA: registered.ntin_code.slice(1),
      registeredGtin: registered.gtin,
      several,
      deactivated,
      'not-found': unknown,
      'not-yet-in-copy': withCheck(`0200${String(maxSerial + 100).padStart(8, '0')}`),
      invalid: invalidBase.slice(0, -1) + String((Number(invalidBase.slice(-1)) + 1) % 10),
    },
  };
}

test('takes the copy, then answers every verdict offline by wedge and by typing', async ({ app, appPage: page, request, context }) => {
  const rows = await sandboxFeed(request);
  const { registered, codes } = codesOfEveryVerdict(rows);
  await app.chooseLanguage('en');
  await app.open('inspection');
  await takeCopy(page);
  await expect(page.getByTestId('copy-status')).toContainText(new Intl.NumberFormat('en').format(rows.length));

  await context.setOffline(true);
  await page.getByTestId('tab-scan').click();
  const verdicts = page.getByTestId('verdict');

  // Wedge: a fast burst and Enter, with the focus on no field.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(`${codes.registered}\n`);
  await expect(verdicts.first()).toHaveAttribute('data-verdict', 'registered');
  await expect(verdicts.first()).toContainText(registered.name_kk);
  await expect(verdicts.first()).toContainText(registered.name_ru);
  await expect(verdicts.first()).toContainText('Registered');

  // Typing into the code field.
  const expected: [string, string][] = [
    [codes.registeredUpcA, 'registered'],
    [codes.registeredGtin, 'registered'],
    [codes.several, 'several'],
    [codes.deactivated, 'deactivated'],
    [codes['not-found'], 'not-found'],
    [codes['not-yet-in-copy'], 'not-yet-in-copy'],
    [codes.invalid, 'invalid'],
  ];
  for (const [code, verdict] of expected) {
    await page.getByTestId('scan-input').fill(code);
    await page.getByTestId('scan-input').press('Enter');
    await expect(verdicts.first()).toHaveAttribute('data-code', code);
    await expect(verdicts.first()).toHaveAttribute('data-verdict', verdict);
  }
  const invalid = verdicts.first();
  await expect(invalid).toContainText(`should be ${withCheck('487000000123').slice(-1)}`);
  await expect(page.getByTestId('copy-age').first()).toContainText(new Intl.NumberFormat('en').format(rows.length));

  // 20 codes in one burst, each a wedge scan: none lost, none merged, in order.
  await page.getByTestId('scan-clear').click();
  const burst = rows.slice(0, 20).map((row) => row.ntin_code);
  await page.getByRole('heading', { level: 1 }).click();
  const started = Date.now();
  for (const code of burst) await page.keyboard.type(`${code}\n`);
  const typedMs = Date.now() - started;
  await expect(verdicts).toHaveCount(20);
  expect(await verdicts.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')).reverse())).toEqual(burst);
  test.info().annotations.push({ type: 'burst', description: `20 codes typed in ${typedMs} ms` });
  await context.setOffline(false);
});

test('says so when a copy is older than the configured days', async ({ app, appPage: page }) => {
  await app.chooseLanguage('ru');
  await app.open('inspection');
  await takeCopy(page);
  await page.getByTestId('stale-days').fill('1');
  await page.getByTestId('stale-days').blur();
  // Two days later: the clock moves, the copy does not.
  await page.clock.install({ time: Date.now() + 2 * 86_400_000 + 60_000 });
  await page.getByTestId('tab-scan').click();
  await page.getByTestId('tab-copy').click();
  await expect(page.getByTestId('copy-stale').first()).toContainText('2 дн.');
});

/** A BIN with a valid check digit (resident legal entity, head office). */
function validBin(): string {
  for (let serial = 12345; ; serial += 1) {
    const first11 = `190340${serial}`;
    const check = kzIdCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

test('records an inspection offline, keeps it through a reload, and produces the act in Kazakh and Russian', async ({ app, appPage: page, request, context }) => {
  const rows = await sandboxFeed(request);
  const { registered, codes } = codesOfEveryVerdict(rows);
  await app.chooseLanguage('kk');
  await app.open('inspection');
  await takeCopy(page);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);

  await page.getByTestId('tab-session').click();
  await page.getByTestId('session-start').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-status', 'open');
  await page.getByTestId('org-id').fill('123456789012');
  await expect(page.getByTestId('org-id-problem')).toContainText('БСН немесе ЖСН');
  const bin = validBin();
  await page.getByTestId('org-id').fill(bin);
  await expect(page.getByTestId('org-id-problem')).toHaveCount(0);
  await page.getByTestId('org-name').fill('ТОО «Ұлы Дала Сауда»');
  await page.getByTestId('org-address').fill('Алматы, Абай даңғылы 1');
  await page.getByTestId('org-category').selectOption('medium');
  await page.getByTestId('offence').selectOption('repeat');
  await page.getByTestId('place').fill('Дүкен №3');
  await page.getByTestId('inspector').fill('Әлиев Ғ. Қ.');

  // Wedge scans land in the open inspection, the record stays on screen.
  await page.getByRole('heading', { level: 1 }).click();
  const scanned = [codes.registered, codes['not-found'], codes.deactivated, codes.invalid, codes.several];
  for (const code of scanned) await page.keyboard.type(`${code}\n`);
  const items = page.getByTestId('session-item');
  await expect(items).toHaveCount(scanned.length);
  expect(await items.evaluateAll((rowsOnScreen) => rowsOnScreen.map((row) => row.getAttribute('data-verdict')))).toEqual(['registered', 'not-found', 'deactivated', 'invalid', 'several']);
  await items.nth(1).getByTestId('item-quantity').fill('7');
  await items.nth(1).getByTestId('item-note').fill('Сөреде, бағасы бар');
  await items.nth(0).getByTestId('item-quantity').fill('0');
  await expect(items.nth(0).getByRole('alert')).toBeVisible();
  await items.nth(0).getByTestId('item-quantity').fill('3');

  // Paused: scans are still answered but not recorded.
  await page.getByTestId('session-pause').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-status', 'paused');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(`${codes.registeredGtin}\n`);
  await page.getByTestId('tab-scan').click();
  await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-code', codes.registeredGtin);
  await page.getByTestId('tab-session').click();
  await expect(items).toHaveCount(scanned.length);

  // A reload (the page is served from cache-less localhost: bring the network back only for the reload itself).
  await context.setOffline(false);
  await page.reload();
  await app.open('inspection');
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('org-name')).toHaveValue('ТОО «Ұлы Дала Сауда»');
  await expect(items.nth(1).getByTestId('item-quantity')).toHaveValue('7');
  await expect(items.nth(1).getByTestId('item-note')).toHaveValue('Сөреде, бағасы бар');
  await page.getByTestId('session-resume').click();
  await expect(page.getByTestId('session-totals')).toContainText('Каталогта жоқ (бұзушылық): 1 (7)');
  await expect(page.getByTestId('session-fine')).toContainText(/129\D?750 тг \(30 АЕК × 4325 тг, 2026\)/u);
  await page.getByTestId('org-category').selectOption('large');
  await expect(page.getByTestId('session-fine')).toContainText('40 АЕК');
  await page.getByTestId('org-category').selectOption('medium');
  await expect(page.getByTestId('session-fine')).toContainText('30 АЕК');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-act').click()]);
  const pdfPath = test.info().outputPath('act.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  for (const expected of ['Ұлттық тауарлар каталогындағы', 'Акт проверки наличия', 'ТОО «Ұлы Дала Сауда»', bin, 'Әлиев Ғ. Қ.', registered.name_kk, registered.name_ru, 'Сөреде, бағасы бар']) {
    expect(text, expected).toContain(expected);
  }
  expect(text).toContain('Нет в каталоге (нарушение): позиций 1, количество 7');
  expect(text).toContain('Тіркелген: 1 позиция, саны 3');
  expect(text).toContain(`Оценка штрафа: ${30 * 4325} тг`);
  expect(text).toContain(new Intl.NumberFormat('en').format(rows.length).replace(/,/gu, '') + ' карточек');

  // A photo of the violating line (a real PNG: the act's first page, rasterised), kept through a reload, in the act's annex.
  execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', pdfPath, test.info().outputPath('photo')]);
  await items.nth(1).getByTestId('item-photo-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
  await expect(items.nth(1).getByRole('alert')).toContainText('JPEG');
  await items.nth(1).getByTestId('item-photo-input').setInputFiles(test.info().outputPath('photo.png'));
  await expect(items.nth(1).getByTestId('item-photo')).toHaveCount(1);
  await context.setOffline(false);
  await page.reload();
  await app.open('inspection');
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.getByTestId('tab-session').click();
  await expect(items.nth(1).getByTestId('item-photo')).toHaveCount(1);
  const [withPhoto] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-act').click()]);
  const annexPath = test.info().outputPath('act-photo.pdf');
  await withPhoto.saveAs(annexPath);
  expect(execFileSync('pdfimages', ['-list', annexPath], { encoding: 'utf8' }).trim().split('\n').slice(2)).toHaveLength(1);
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', annexPath, '-'], { encoding: 'utf8' })).toContain('Приложение: фотографии');

  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-xlsx').click()]);
  expect(sheet.suggestedFilename()).toBe(`act-${bin}-${new Date().toISOString().slice(0, 10)}.xlsx`);

  await page.getByTestId('session-close').click();
  await page.getByTestId('tab-history').click();
  await page.getByTestId('history-search').fill('ұлы дала');
  await expect(page.getByTestId('history-item')).toHaveCount(1);
  await page.getByTestId('history-search').fill('жоқ-ұйым');
  await expect(page.getByTestId('history-item')).toHaveCount(0);
  await context.setOffline(false);
});

// ---- the camera: Chromium's fake capture device plays a video of one of our own printed labels.

const cameraVideo = join(tmpdir(), `ncg-e2e-camera-${process.pid}.y4m`);

/** A y4m video (what Chromium's fake camera plays) of a grey image centred on a white 640×480 frame. */
function writeY4m(pgm: Buffer, path: string): void {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [whole, w, h] = header as unknown as [string, string, string];
  const width = Number(w);
  const height = Number(h);
  const pixels = pgm.subarray(whole.length);
  const [W, H] = [640, 480];
  const luma = Buffer.alloc(W * H, 235);
  const left = Math.max(0, Math.floor((W - width) / 2));
  const top = Math.max(0, Math.floor((H - height) / 2));
  for (let y = 0; y < Math.min(height, H); y += 1) {
    for (let x = 0; x < Math.min(width, W); x += 1) luma[(top + y) * W + left + x] = 16 + Math.round(((pixels[y * width + x] ?? 255) * 219) / 255);
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 20 }, () => frame)]));
}

// Chromium opens the fake camera's file only when the page asks for the camera, so the test writes it first.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraVideo}`],
  },
  permissions: ['camera'],
});

/** One of our own thermal labels for a registered card, printed to PDF by `ncg labels`, as the fake camera's video. */
async function filmLabel(request: APIRequestContext): Promise<FeedRow> {
  const rows = await sandboxFeed(request);
  const labelled = rows.find((row) => !row.ntin_isdeactivated && row.gtin === '') ?? rows.find((row) => !row.ntin_isdeactivated);
  if (!labelled) throw new Error('no active card');
  const folder = mkdtempSync(join(tmpdir(), 'ncg-e2e-label-'));
  writeFileSync(join(folder, 'products.csv'), `code,name_ru\n${labelled.ntin_code},Товар\n`);
  const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  expect(await main(['labels', '--input', join(folder, 'products.csv'), '--template', 'thermal-58x40', '--out', join(folder, 'label.pdf')], io)).toBe(0);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-singlefile', join(folder, 'label.pdf'), join(folder, 'label')]);
  writeY4m(readFileSync(join(folder, 'label.pgm')), cameraVideo);
  return labelled;
}

test('reads a printed label through the camera, offline', async ({ app, appPage: page, context, request }) => {
  const labelled = await filmLabel(request);
  await app.chooseLanguage('en');
  await app.open('inspection');
  await takeCopy(page);
  const verdict = await scanByCameraOffline(page, context);
  await expect(verdict).toHaveAttribute('data-code', labelled.ntin_code, { timeout: 30_000 });
  await expect(verdict).toHaveAttribute('data-verdict', 'registered');
  await expect(verdict).toContainText(labelled.name_kk);
  // The label stays in front of the camera: it is not counted again.
  await expect(page.getByTestId('verdict')).toHaveCount(1);
  await page.getByTestId('camera-stop').click();
  await context.setOffline(false);
});
