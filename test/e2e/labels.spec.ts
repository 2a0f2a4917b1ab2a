import type { APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { codesMessages } from '../../src/shared/codes/messages.ts';
import { labelsMessages } from '../../src/shared/labels/messages.ts';
import { defineTemplate, findTemplate, slotOrigin, type LabelTemplate } from '../../src/shared/labels/templates.ts';
import { expect, test } from './fixtures.ts';
import { LabelsQueuePage } from './pages/labels.ts';

/** One row of the sandbox's export feed (catalogue-api.md §10.3), the fields this spec reads. */
interface ExportRow {
  name_kk: string;
  name_ru: string;
  gtin: string;
  ntin_code: string;
}

const kazakhLetter = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;

/** Real cards of the sandbox the served app talks to, read from its export feed (the seed is deterministic). */
async function sandboxCards(request: APIRequestContext): Promise<ExportRow[]> {
  const config = (await (await request.get('web-twin.json')).json()) as { exportBaseUrl: string; exportToken?: string };
  const feed = await request.get(`${config.exportBaseUrl}/ofd/?from=0&limit=30`, { headers: { Authorization: `JWT ${config.exportToken ?? 'sandbox-demo-token'}` } });
  expect(feed.ok()).toBe(true);
  return ((await feed.json()) as { result: ExportRow[] }).result;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The EAN-13 of each of the first `count` labels of a one-page sheet job, in slot order. Each label is cut
 * out and decoded on its own: zbar reports a symbol once per image, so identical copies on one page would
 * count once. Poppler rasterises at 300 dpi in grey, as a scanner-like check of the real output.
 */
function decodeLabels(pdfPath: string, folder: string, templateOrId: string | LabelTemplate, count: number): string[] {
  const template = typeof templateOrId === 'string' ? findTemplate(templateOrId) : templateOrId;
  if (!template) throw new Error(`no template ${String(templateOrId)}`);
  const px = (mm: number) => String(Math.round((mm / 25.4) * 300));
  return Array.from({ length: count }, (_, slot) => {
    const { xMm, yMm } = slotOrigin(template, slot);
    const image = join(folder, `label-${String(slot)}`);
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', '-x', px(xMm), '-y', px(yMm), '-W', px(template.labelWidthMm), '-H', px(template.labelHeightMm), '-singlefile', pdfPath, image]);
    try {
      return execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sean13.enable', `${image}.pgm`], { encoding: 'utf8' }).trim();
    } catch {
      return '(no barcode)'; // zbarimg exits 4 when the image holds no symbol
    }
  });
}

test('scans products into a queue that survives a reload, refuses a bad check digit, and saves a PDF whose barcodes are the queued codes × copies', async ({ app, request, shell }, testInfo) => {
  test.skip(shell !== 'web', 'reads the served web-twin.json and captures Save PDF as a browser download');
  test.setTimeout(90_000);
  const cards = await sandboxCards(request);
  // Two cards with Kazakh letters in short names (a long name is cut with "…" on a 63.5 mm label) and a GTIN.
  const [first, second] = cards.filter((card) => kazakhLetter.test(card.name_kk) && card.name_kk.length <= 40 && card.gtin !== '');
  if (!first || !second) throw new Error('the sandbox feed has no two cards with short Kazakh names and a GTIN');

  const cspViolations: string[] = [];
  app.page.on('console', (message) => {
    if (/Content Security Policy/iu.test(message.text())) cspViolations.push(message.text());
  });

  await app.chooseLanguage('kk');
  const labels = new LabelsQueuePage(app);
  await labels.open();

  // A wrong check digit is refused with the localised reason, before anything is searched or queued.
  const good = first.ntin_code;
  const lastDigit = Number(good.slice(-1));
  const bad = `${good.slice(0, -1)}${String((lastDigit + 1) % 10)}`;
  await labels.scan(bad);
  await expect(labels.scanRefusal).toContainText(fill(codesMessages.kk.ntin.badCheckDigit, { expected: lastDigit, actual: (lastDigit + 1) % 10 }));
  await expect(labels.candidates).toHaveCount(0);

  // First product: scanned by NTIN, three copies. The refused code is still selected, so the scan replaces it.
  await labels.scan(first.ntin_code);
  await expect(labels.candidate(first.ntin_code)).toBeVisible();
  await expect(labels.candidate(first.ntin_code)).toContainText(first.name_kk);
  await labels.addSelected(3);

  // Second product: scanned by its GTIN (which several cards may share), printed under its GTIN, two copies.
  await labels.scan(second.gtin);
  const secondCard = labels.candidate(second.ntin_code);
  await expect(secondCard).toBeVisible();
  await secondCard.getByTestId('label-code-gtin').check();
  await labels.addSelected(2);

  await expect(labels.entries).toHaveCount(2);
  await expect(labels.entry(first.ntin_code).getByTestId('queue-copies')).toHaveValue('3');
  await expect(labels.entry(second.gtin).getByTestId('queue-copies')).toHaveValue('2');

  // Thermal stock offers ZPL; the web twin cannot open a socket and says so in Kazakh.
  await labels.chooseTemplate('thermal-58x40');
  await app.page.getByTestId('zpl-host').fill('127.0.0.1');
  await app.page.getByTestId('send-zpl').click();
  await expect(labels.outputMessage).toContainText('ZPL-ді тікелей принтерге тек жұмыс үстелі қолданбасы жібере алады');

  // Avery L7160: the preview is the PDF itself, drawn by pdf.js under the app's CSP.
  await labels.chooseTemplate('avery-l7160');
  await expect(labels.renderStatus).toContainText('Заттаңбалар: 5, беттер: 1');
  await expect(labels.previewPages).toHaveCount(1);
  await expect.poll(() => labels.previewPages.first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 80) dark += 1;
    return dark;
  })).toBeGreaterThan(1000);

  const download = await labels.savePdf();
  expect(download.suggestedFilename()).toMatch(/^labels-avery-l7160-.*\.pdf$/u);
  const folder = testInfo.outputPath('labels');
  const pdfPath = join(folder, 'labels.pdf');
  await download.saveAs(pdfPath);

  // Queue order, copies in a row: the first product's NTIN three times, then the second's GTIN twice.
  expect(decodeLabels(pdfPath, folder, 'avery-l7160', 6)).toEqual([
    ...Array<string>(3).fill(first.ntin_code),
    ...Array<string>(2).fill(second.gtin),
    '(no barcode)',
  ]);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toContain(first.name_kk);
  expect(text).toContain(second.name_kk);

  // The queue and the chosen template survive a reload.
  await app.page.reload();
  await labels.open();
  await expect(labels.entries).toHaveCount(2);
  await expect(labels.entry(first.ntin_code).getByTestId('queue-copies')).toHaveValue('3');
  await expect(labels.entry(second.gtin).getByTestId('queue-copies')).toHaveValue('2');
  await expect(labels.template).toHaveValue('avery-l7160');

  expect(cspViolations).toEqual([]);
});

test('a custom sheet template is checked, chosen, printed with a readable barcode, kept over a reload and deletable', async ({ app, request, shell }, testInfo) => {
  test.skip(shell !== 'web', 'reads the served web-twin.json and captures Save PDF as a browser download');
  test.setTimeout(90_000);
  const card = (await sandboxCards(request)).find((row) => row.ntin_code !== '' && row.name_ru.length <= 40);
  if (!card) throw new Error('the sandbox feed has no card with an NTIN and a short Russian name');

  await app.chooseLanguage('ru');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await labels.scan(card.ntin_code);
  await expect(labels.candidate(card.ntin_code)).toBeVisible();
  await labels.addSelected(1);

  // Five 48.5 mm columns need 242.5 mm: refused with the core's reason, in Russian figures, and not stored.
  await labels.defineTemplate('Слишком широкий', { columns: 5, rows: 10, labelWidthMm: 48.5, labelHeightMm: 25.4 });
  await expect(labels.customTemplateMessage).toHaveText(fill(labelsMessages.ru.template.offPage, { axis: 'x', needed: '242,5', page: 210 }));
  await expect(labels.customTemplateEntries).toHaveCount(0);

  // A4, 4 × 10 labels of 48.5 × 25.4 mm: 8 + 4 × 48.5 = 202 mm wide, 21.5 + 10 × 25.4 = 275.5 mm tall.
  const figures = { columns: 4, rows: 10, labelWidthMm: 48.5, labelHeightMm: 25.4, marginLeftMm: 8, marginTopMm: 21.5, pitchXMm: 48.5, pitchYMm: 25.4 };
  await labels.defineTemplate('Склад 40', figures);
  await expect(labels.customTemplateMessage).toContainText('Склад 40');
  await expect(labels.customTemplateEntries).toHaveCount(1);
  const customId = (await labels.customTemplateEntries.getAttribute('data-template-id')) ?? '';
  expect(customId).toMatch(/^custom-/u);

  // Listed in the picker beside the built-in templates, and chosen from there.
  await labels.chooseTemplate('avery-l7160');
  await expect(labels.template.locator(`option[value="${customId}"]`)).toHaveText('Склад 40 — 40 этикеток 48,5 × 25,4 мм');
  await labels.chooseTemplate(customId);
  await expect(labels.renderStatus).toContainText('Этикеток: 1, страниц: 1');

  const download = await labels.savePdf();
  expect(download.suggestedFilename()).toMatch(/^labels-custom-.*\.pdf$/u);
  const folder = testInfo.outputPath('custom');
  const pdfPath = join(folder, 'labels.pdf');
  await download.saveAs(pdfPath);
  const template = defineTemplate({ kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297, ...figures });
  expect(decodeLabels(pdfPath, folder, template, 2)).toEqual([card.ntin_code, '(no barcode)']);

  // The template and the choice survive a reload; deleting it falls back to the default template.
  await app.page.reload();
  await labels.open();
  await expect(labels.template).toHaveValue(customId);
  await expect(labels.customTemplateEntries).toHaveCount(1);
  await labels.customTemplates.locator('summary').click();
  await labels.customTemplateEntries.getByTestId('custom-template-delete').click();
  await expect(labels.customTemplateEntries).toHaveCount(0);
  await expect(labels.template).toHaveValue('avery-l7160');
  await expect(labels.template.locator(`option[value="${customId}"]`)).toHaveCount(0);
});

test('offline, a scan says the catalogue cannot be reached and shows what this computer has', async ({ app, shell }) => {
  test.skip(shell !== 'web', 'the web twin reaches the sandbox with fetch, which the test can cut; Electron calls it from the host');
  // Every call to the catalogue fails as with no network (the client retries a few times first).
  await app.page.route('**/gwp/**', (route) => route.abort('internetdisconnected'));
  await app.chooseLanguage('ru');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await labels.scan('0200000000011');
  await expect(app.page.getByTestId('scan-offline')).toContainText('Каталог недоступен', { timeout: 20_000 });
  await expect(app.page.getByTestId('scan-nothing')).toContainText('на этом компьютере ничего не найдено');
  await expect(labels.scanInput).toBeFocused();
});

test('with quick add on, one scan of a known code queues it at once with the copies set beforehand', async ({ app }) => {
  await app.chooseLanguage('en');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await app.page.getByTestId('label-quick-add').check();
  // Copies typed ahead of the scan; Enter there goes back to the scan field.
  await labels.copies.fill('2');
  await labels.copies.press('Enter');
  await labels.scan('0200000000011');
  await expect(labels.entry('0200000000011').getByTestId('queue-copies')).toHaveValue('2');
  // The same product scanned again (copies are back to 1) adds to its entry instead of queueing a second run.
  await labels.scan('0200000000011');
  await expect(labels.entry('0200000000011').getByTestId('queue-copies')).toHaveValue('3');
  await expect(labels.entries).toHaveCount(1);
});

/** The served web twin's catalogue settings (the sandbox it talks to). */
async function webTwinConfig(request: APIRequestContext): Promise<{ portalBaseUrl: string; exportBaseUrl: string; apiKey?: string }> {
  return (await (await request.get('web-twin.json')).json()) as { portalBaseUrl: string; exportBaseUrl: string; apiKey?: string };
}

test('words find catalogue cards too ("сүт"), and the card’s producer and country reach the label', async ({ app, request, shell }, testInfo) => {
  test.skip(shell !== 'web', 'reads the served web-twin.json and captures Save PDF as a browser download');
  test.setTimeout(90_000);
  const config = await webTwinConfig(request);
  // What the catalogue's name search answers for "сүт": the page must show these cards.
  const search = await request.get(`${config.exportBaseUrl}/search_ofd/?q=${encodeURIComponent('сүт')}`);
  const rows = ((await search.json()) as { result: (ExportRow & { ntin_isdeactivated: boolean })[] }).result.filter((row) => !row.ntin_isdeactivated && row.ntin_code !== '');
  const [milk] = rows;
  if (!milk) throw new Error('the sandbox has no milk card for "сүт"');

  await app.chooseLanguage('kk');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await labels.scan('сүт');
  await expect(labels.candidate(milk.ntin_code)).toBeVisible();
  await expect(labels.candidate(milk.ntin_code)).toContainText('Каталогтан (саны, өндірушісі және елі қосқан кезде карточкадан алынады)');
  await expect(app.page.getByTestId('scan-words-local-only')).toHaveCount(0);
  await expect(labels.candidates).toHaveCount(Math.min(rows.length, 20));

  // Chosen and added: the card is read by its NTIN for what the name search does not give.
  await labels.candidate(milk.ntin_code).getByRole('radio').first().check();
  await labels.addSelected(1);
  await expect(labels.scanAdded).not.toHaveClass(/notice/u);
  await expect(labels.entry(milk.ntin_code)).toHaveCount(1);

  const card = (await (await request.get(`${config.portalBaseUrl}/portal/api/v2/products/${milk.ntin_code}`, { headers: config.apiKey ? { 'X-API-KEY': config.apiKey } : {} })).json()) as { attributes: { code: string; value?: string; values?: { nameKk?: string } | { nameKk?: string }[] }[] }[];
  const attributes = card[0]?.attributes ?? [];
  const producer = attributes.find((attribute) => attribute.code === 'a4282e5d')?.value ?? '';
  const countryValues = attributes.find((attribute) => attribute.code === 'country')?.values;
  const countryKk = (Array.isArray(countryValues) ? countryValues[0] : countryValues)?.nameKk ?? '';
  expect(`${producer}${countryKk}`).not.toBe('');

  await labels.chooseTemplate('thermal-58x40');
  const download = await labels.savePdf();
  const pdfPath = join(testInfo.outputPath('words'), 'labels.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  // On 58 × 40 stock the producer and the country wrap rather than being cut: every word is printed.
  for (const word of `${producer} ${countryKk}`.split(/\s+/u).filter(Boolean)) expect(text).toContain(word);
  expect(text).not.toContain('…');
});

test('a connection without the catalogue’s name search says so, and offline words still search this computer', async ({ app, shell }) => {
  test.skip(shell !== 'web', 'the web twin reaches the sandbox with fetch, which the test can cut; Electron calls it from the host');
  // The export API refuses us (as with no export token): the page says words search only this computer.
  await app.page.route('**/search_ofd/**', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ detail: 'Invalid token.' }) }));
  await app.chooseLanguage('ru');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await labels.scan('молоко');
  await expect(app.page.getByTestId('scan-words-local-only')).toContainText('Это подключение к каталогу не даёт искать по названию');
  await expect(app.page.getByTestId('scan-nothing')).toContainText('на этом компьютере ничего не найдено');
  await expect(app.page.getByTestId('scan-offline')).toHaveCount(0);

  // No network at all: that is "unreachable", not "not offered".
  await app.page.unroute('**/search_ofd/**');
  await app.page.route('**/search_ofd/**', (route) => route.abort('internetdisconnected'));
  await labels.scan('қымыз');
  await expect(app.page.getByTestId('scan-offline')).toContainText('Каталог недоступен', { timeout: 20_000 });
  await expect(app.page.getByTestId('scan-words-local-only')).toHaveCount(0);
});

test('errors on the page are sentences in the reader’s language, styled as errors', async ({ app, shell }) => {
  test.skip(shell !== 'web', 'the web twin cannot open a socket, which this spec relies on');
  await app.chooseLanguage('en');
  const labels = new LabelsQueuePage(app);
  await labels.open();
  await labels.scan('0200000000011');
  await labels.addSelected(1);
  await labels.chooseTemplate('thermal-58x40');
  // An address that is not a host name: refused before anything is sent.
  await app.page.getByTestId('zpl-host').fill('printer; rm -rf /');
  await app.page.getByTestId('send-zpl').click();
  await expect(labels.outputMessage).toHaveText('Enter the printer’s IP address or host name (Latin letters, digits, dots, hyphens).');
  await expect(labels.outputMessage).toHaveClass(/labels-error/u);
  await expect(labels.outputMessage).toHaveAttribute('role', 'alert');
  const look = await labels.outputMessage.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(look).not.toBe('rgba(0, 0, 0, 0)');
  // A good address: the web twin says in English (not the host's words) that this needs the desktop app.
  await app.page.getByTestId('zpl-host').fill('192.168.1.20');
  await app.page.getByTestId('send-zpl').click();
  await expect(labels.outputMessage).toContainText('Sending ZPL straight to a printer works only in the desktop app');
});

for (const language of ['kk', 'ru', 'en'] as const) {
  test(`the label template picker shows its whole choice (${language})`, async ({ app }) => {
    const labels = new LabelsQueuePage(app);
    for (const width of [1280, 1201, 1100]) {
      await app.page.setViewportSize({ width, height: 900 });
      await app.chooseLanguage(language);
      await labels.open();
      for (const id of ['avery-l7160', 'avery-l7163', 'avery-l7651', 'thermal-58x40', 'thermal-58x30', 'thermal-100x150']) {
        await labels.template.selectOption(id);
        // The chosen option's text, measured in the select's own font, against the room left of the arrow.
        const fit = await labels.template.evaluate((select: HTMLSelectElement) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d');
          if (!context) return { text: '', needed: Infinity, room: 0 };
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.options[select.selectedIndex]?.text ?? '';
          const arrow = 24;
          return { text, needed: context.measureText(text).width, room: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow };
        });
        expect(fit.needed, `${language} ${String(width)} px: "${fit.text}"`).toBeLessThanOrEqual(fit.room);
        if (id.startsWith('avery-')) await expect(app.page.getByTestId('label-template-details')).toBeVisible();
      }
      // The scan field's placeholder is not cut either.
      const placeholder = await labels.scanInput.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return { needed: Infinity, room: 0 };
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return { needed: context.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
      });
      expect(placeholder.needed, `${language} ${String(width)} px placeholder`).toBeLessThanOrEqual(placeholder.room);
    }
  });
}
