import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ApplicationsPage } from './pages/applications.ts';
import { DocumentRegister } from './pages/attachments.ts';

type Language = 'kk' | 'ru' | 'en';

/** What each language's forms look like: written-out dates, size units, the names of two dictionaries. */
const expected: Record<Language, { dateTime: RegExp; size: RegExp; countries: string; units: string; datePattern: string; shortDate: string; invalidDate: RegExp }> = {
  kk: {
    dateTime: /^\d{4} ж\. \d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан), \d{2}:\d{2}$/u,
    size: /^\d[\d\u00a0]*(,\d)?\u00a0(Б|КБ|МБ|ГБ)$/u,
    countries: 'Елдер',
    units: 'Өлшем бірліктері',
    datePattern: 'КК.АА.ЖЖЖЖ',
    shortDate: '28.11.2026',
    invalidDate: /Бұл күн емес: .*КК\.АА\.ЖЖЖЖ/u,
  },
  ru: {
    dateTime: /^\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\., \d{2}:\d{2}$/u,
    size: /^\d[\d\u00a0]*(,\d)?\u00a0(Б|КБ|МБ|ГБ)$/u,
    countries: 'Страны',
    units: 'Единицы измерения',
    datePattern: 'ДД.ММ.ГГГГ',
    shortDate: '28.11.2026',
    invalidDate: /Это не дата: .*ДД\.ММ\.ГГГГ/u,
  },
  en: {
    dateTime: /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}$/u,
    size: /^\d[\d,]*(\.\d)?\u00a0(B|KB|MB|GB)$/u,
    countries: 'Countries',
    units: 'Units of measure',
    datePattern: 'DD/MM/YYYY',
    shortDate: '28/11/2026',
    invalidDate: /Not a date: .*DD\/MM\/YYYY/u,
  },
};

async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('DECLARATION OF CONFORMITY', { x: 120, y: 740, size: 22, font });
  return Buffer.from(await pdf.save());
}

/** The stored register entry with this number, read straight from IndexedDB. */
function storedDocument(page: Page, number: string): Promise<{ issuedOn?: string; expiresOn?: string } | undefined> {
  return page.evaluate(
    (wanted) =>
      new Promise<{ issuedOn?: string; expiresOn?: string } | undefined>((resolve, reject) => {
        const opening = indexedDB.open('ncg-desk');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          const request = database.transaction('documents').objectStore('documents').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            database.close();
            resolve((request.result as { number: string; issuedOn?: string; expiresOn?: string }[]).find((row) => row.number === wanted));
          };
        };
      }),
    number,
  );
}

test('dates, sizes, dictionary names and progress are written in the UI language (kk, ru, en)', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page;
  await app.chooseLanguage('kk');
  await new ApplicationsPage(app).refreshDictionaries();
  const panel = page.getByTestId('dictionaries-panel');
  const progress = page.getByTestId('refresh-progress');

  // A PDF in the register, so the storage figures have something of ours to count.
  const register = new DocumentRegister(app);
  await register.open();
  const form = await register.add();
  await form.number.fill('ЕАЭС KZ 1100317.05.01.05103');
  await form.choosePdf({ name: 'declaration.pdf', mimeType: 'application/pdf', buffer: await samplePdf() });
  await expect(form.pdfPreview).toBeVisible();
  await form.save();
  await expect(register.row('ЕАЭС KZ 1100317.05.01.05103')).toBeVisible();

  for (const language of ['kk', 'ru', 'en'] as const) {
    const want = expected[language];
    await app.chooseLanguage(language);
    await app.open('settings');
    await expect(page.getByTestId('last-refresh')).toHaveText(want.dateTime);
    await expect(page.getByTestId('dictionary-name-COUNTRY')).toHaveText(want.countries);
    await expect(page.getByTestId('dictionary-name-MEASURE_UNIT')).toHaveText(want.units);
    // No dictionary is named by its bare code (COLOR, OKTRU, SZPT, …).
    const names = await panel.locator('[data-testid^="dictionary-name-"]').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(name).not.toMatch(/^[A-Z_]+$/u);
    // The refresh's summary counts parts as "n / n", not "n ішінен n".
    await expect(progress).toContainText(/\d+\u00a0\/\u00a0\d+/u);
    await expect(progress).not.toContainText('ішінен');
    await expect(page.getByTestId('storage-own-files')).toHaveText(want.size);
    await expect(page.getByTestId('storage-own-files')).not.toHaveText(/^0\u00a0/u);
    // What the browser estimates may lag behind our writes; the figure never reads less than our own files.
    await expect(page.getByTestId('storage-used')).toHaveText(want.size);
    await expect(page.getByTestId('storage-used')).not.toHaveText(/^0\u00a0/u);
    const text = await app.visibleText();
    expect(text).not.toMatch(/\bM\d{1,2}\b/u);
  }
});

test('the date field follows the UI language: 28.11.2026 in Kazakh is stored as 2026-11-28; an impossible day is refused and kept', async ({ app }) => {
  const page = app.page;
  await app.chooseLanguage('kk');
  const register = new DocumentRegister(app);
  await register.open();
  const form = await register.add();
  const number = 'ЕАЭС KZ 1100317.05.01.05103';
  await form.number.fill(number);
  await expect(form.expiresOn).toHaveAttribute('placeholder', expected.kk.datePattern);
  await expect(form.expiresOn).toHaveAttribute('type', 'text');

  // An impossible day: a Kazakh error under the field once it is left, the text stays, Save refuses.
  await form.issuedOn.fill('31.02.2024');
  await form.expiresOn.click();
  const issuedError = page.getByTestId('document-issued-on-error');
  await expect(issuedError).toHaveText(expected.kk.invalidDate);
  await expect(form.issuedOn).toHaveValue('31.02.2024');
  await expect(form.issuedOn).toHaveAttribute('aria-invalid', 'true');
  await form.save();
  await expect(page.getByTestId('document-form')).toBeVisible();
  expect(await storedDocument(page, number)).toBeUndefined();

  // Fixed: a day typed loosely settles into the field's form.
  await form.issuedOn.fill('1.2.2024');
  await expect(issuedError).toHaveCount(0);
  await form.expiresOn.fill('28.11.2026');
  await form.issuedOn.click();
  await expect(form.issuedOn).toHaveValue('01.02.2024');
  await expect(form.expiresOn).toHaveAttribute('data-value', '2026-11-28');

  // The other languages show the same day in their own form, and their own error.
  await app.chooseLanguage('en');
  await expect(form.expiresOn).toHaveValue(expected.en.shortDate);
  await expect(form.expiresOn).toHaveAttribute('placeholder', expected.en.datePattern);
  await app.chooseLanguage('ru');
  await expect(form.expiresOn).toHaveValue(expected.ru.shortDate);
  await form.expiresOn.fill('30.13.2026');
  await form.issuedOn.click();
  await expect(page.getByTestId('document-expires-on-error')).toHaveText(expected.ru.invalidDate);
  await form.expiresOn.fill('28.11.2026');
  await app.chooseLanguage('kk');
  await expect(form.expiresOn).toHaveValue(expected.kk.shortDate);

  await form.save();
  const row = register.row(number);
  await expect(row).toBeVisible();
  await expect(row).toContainText('28.11.2026');
  expect(await storedDocument(page, number)).toMatchObject({ issuedOn: '2024-02-01', expiresOn: '2026-11-28' });

  // The search field is wide enough for its Kazakh placeholder.
  const search = page.getByRole('searchbox');
  await expect(search).toBeVisible();
  const fits = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });
  expect(fits).toBe(true);
});

test('a wrong document number is explained once, also after Save', async ({ app }) => {
  const page = app.page;
  await app.chooseLanguage('en');
  const register = new DocumentRegister(app);
  await register.open();
  const form = await register.add();
  await form.number.fill('ЕАЭС KZ 12');
  await expect(form.numberCheck).toHaveAttribute('role', 'alert');
  const explanation = await form.numberCheck.innerText();
  await form.save();
  await expect(form.number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('document-error-number')).toHaveCount(0);
  await expect(page.getByTestId('document-form').getByText(explanation, { exact: true })).toHaveCount(1);
});
