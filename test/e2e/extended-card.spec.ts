import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './fixtures.ts';
import { ApplicationsPage } from './pages/applications.ts';
import { DocumentAttachments, DocumentRegister, PhotoSlots } from './pages/attachments.ts';

function isoDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function certificatePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('CERTIFICATE OF CONFORMITY EAEU KZ 1100317.05.01.05103', { x: 50, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

test('with the network off after one refresh, a complete extended card in Kazakh and Russian with photos and a certificate passes every check and survives a reload', async ({ app }) => {
  test.setTimeout(150_000);
  const page = app.page;
  const applications = new ApplicationsPage(app);
  await app.chooseLanguage('kk');
  await applications.refreshDictionaries();

  // The network goes away: every catalogue call fails from here on.
  const attempts: string[] = [];
  await page.route(/\/gwp\/|\/api\/integration\//, async (route) => {
    attempts.push(route.request().url());
    await route.abort('internetdisconnected');
  });

  const register = new DocumentRegister(app);
  await register.open();
  const form = await register.add();
  await form.fill({
    number: 'ЕАЭС KZ 1100317.05.01.05103',
    regulation: 'ТР ТС 033/2013',
    issuer: '«Ұлттық сараптама және сертификаттау орталығы» АҚ',
    issuedOn: isoDay(-200),
    expiresOn: isoDay(700),
  });
  await form.choosePdf({ name: 'сертификат.pdf', mimeType: 'application/pdf', buffer: await certificatePdf() });
  await expect(form.pdfPreview).toBeVisible();
  await form.save();
  await expect(register.row('ЕАЭС KZ 1100317.05.01.05103')).toBeVisible();

  const editor = await applications.createApplication();
  await editor.pick('oktru', 'пастерленген', /Пастерленген ауыз сүт/);
  await page.getByTestId('is-gov').check();

  // The category's extended schema came with the refresh: its groups and rules are there offline.
  await expect(editor.field('enstrus')).toBeVisible();
  for (const field of ['enstrus', 'gross_weight', 'net_weight', 'package_dimensions', 'composition', 'brand', 'photos.front', 'photos.back']) {
    await expect(editor.problemFor(field), field).toHaveCount(1);
  }

  await editor.type('name_ru', 'Молоко питьевое пастеризованное 2,5% «Сүт Әлемі» 1 л');
  await editor.type('name_kk', 'Пастерленген ауыз сүт 2,5% «Сүт Әлемі» 1 л');
  await editor.type('short_name_ru', 'Молоко 2,5% 1 л');
  await editor.type('short_name_kk', 'Сүт 2,5% 1 л');
  await editor.type('brand', 'Сүт Әлемі');
  await editor.type('gtin', '4870000000012');
  await editor.pick('country', 'KZ', /^KZ/);
  await editor.pick('tnved', '0401', /^0401/);
  await editor.pick('measure-measure_unit', '112', /^112/);
  await editor.type('measure-quantity', '1');
  await editor.type('a4282e5d', 'ЖШС «Сүт Әлемі», Қостанай');

  await editor.type('enstrus', '105111.100.000001');
  await editor.type('gross_weight', '1,05 кг');
  await editor.type('net_weight', '1 кг');
  await editor.type('package_dimensions-width', '7');
  await editor.type('package_dimensions-height', '20');
  await editor.type('package_dimensions-length', '7');
  await editor.type('package_dimensions-dimension_measure', 'см');
  await editor.type('composition', 'Сүт, қаймағы алынбаған; майлылығы 2,5%. Құрамында ГМО жоқ.');

  const photos = new PhotoSlots(page);
  await photos.dropGenerated('front', { width: 1200, height: 1200, scene: 'plain', quality: 0.9, fileName: 'алды.jpg' });
  await expect(photos.thumbnail('front')).toBeVisible({ timeout: 20_000 });
  await photos.dropGenerated('back', { width: 1200, height: 1200, scene: 'plain', quality: 0.9, fileName: 'арты.jpg' });
  await expect(photos.thumbnail('back')).toBeVisible({ timeout: 20_000 });
  const attachments = new DocumentAttachments(page);
  await attachments.attach(/1100317/);
  await expect(attachments.rows()).toHaveCount(1);

  await expect.poll(() => page.getByTestId('problems').locator('li.error').allInnerTexts()).toEqual([]);
  await page.getByTestId('mark-ready').click();
  await expect(page.getByTestId('local-state')).toHaveText('Жіберуге дайын');

  await page.reload();
  await expect(editor.field('name_kk')).toHaveValue('Пастерленген ауыз сүт 2,5% «Сүт Әлемі» 1 л');
  await expect(editor.field('composition')).toHaveValue('Сүт, қаймағы алынбаған; майлылығы 2,5%. Құрамында ГМО жоқ.');
  await expect(editor.field('package_dimensions-dimension_measure')).toHaveValue('см');
  await expect(photos.thumbnail('front')).toBeVisible();
  await expect(photos.thumbnail('back')).toBeVisible();
  await expect(attachments.rows()).toHaveCount(1);
  await expect(page.getByTestId('local-state')).toHaveText('Жіберуге дайын');
  await expect(page.getByTestId('problems').locator('li.error')).toHaveCount(0);

  // The certificate cannot be deleted from the register while this application uses it.
  await register.open();
  await register.row('ЕАЭС KZ 1100317.05.01.05103').getByTestId('document-edit').click();
  await page.getByTestId('document-delete').click();
  await page.getByTestId('document-delete-confirm').click();
  await expect(page.getByTestId('document-delete-refused')).toContainText('1');
  await register.open();
  await expect(register.row('ЕАЭС KZ 1100317.05.01.05103')).toBeVisible();

  // Whatever the page tried to fetch from the catalogue while offline, none of it was needed.
  expect(attempts.every((url) => url.includes('gov-attributes'))).toBe(true);
});
