import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { expect, test } from './fixtures.ts';
import { ApplicationsPage } from './pages/applications.ts';
import { DocumentAttachments, DocumentRegister, PhotoSlots, storedBlobs, type DocumentFields, type FilePayload } from './pages/attachments.ts';

const fiveMegabytes = 5 * 1024 * 1024;

/** A certificate-looking PDF made with pdf-lib (Latin text: the standard fonts have no Cyrillic). */
async function certificatePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 30, y: 30, width: 535, height: 782, borderColor: rgb(0.05, 0.3, 0.45), borderWidth: 6 });
  page.drawText('CERTIFICATE OF CONFORMITY', { x: 110, y: 740, size: 24, font, color: rgb(0.05, 0.3, 0.45) });
  page.drawText('EAEU KZ 1100317.05.01.05103', { x: 150, y: 700, size: 16, font });
  return Buffer.from(await pdf.save());
}

function isoDay(offsetDays: number): string {
  const now = new Date();
  const local = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays, 12);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

const pdfFile = (name: string, buffer: Buffer): FilePayload => ({ name, mimeType: 'application/pdf', buffer });
/** What an iPhone writes: an ISO-BMFF `ftyp` box with the `heic` brand, then (here) nothing useful. */
const heicBytes = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(2000, 7)]);

test('attaches photos and conformity documents offline; bad files are refused with a message and lose nothing; all survives a reload', async ({ app }) => {
  test.setTimeout(240_000);
  const page = app.page;
  const pageProblems: string[] = [];
  page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(`csp: ${message.text()}`);
  });

  const applications = new ApplicationsPage(app);
  await app.chooseLanguage('kk');
  await applications.refreshDictionaries();

  // ---------------------------------------------------------------- the register: one document, checked PDFs
  const register = new DocumentRegister(app);
  await register.open();
  const form = await register.add();
  const fields: DocumentFields = {
    number: 'eaэc kz 1100317.05.01.05103', // typed sloppily: Latin look-alikes, lower case
    regulation: 'ТР ТС 033/2013',
    issuer: '«Ұлттық сараптама және сертификаттау орталығы» АҚ, Алматы қ.',
    issuedOn: isoDay(-700),
    expiresOn: isoDay(20), // expires within 30 days: a warning everywhere
  };
  await form.fill(fields);
  await expect(form.numberCheck).toContainText('ЕАЭС KZ 1100317.05.01.05103');
  await expect(form.numberCheck).toContainText('Қазақстан');

  await form.choosePdf(pdfFile('сертификат.pdf', Buffer.from('Бұл PDF емес, жай мәтін.\n', 'utf8')));
  await expect(form.pdfError).toHaveAttribute('data-code', 'notPdf');
  await expect(form.pdfError).toContainText('PDF емес');
  await expect(form.pdfError).toContainText('мәтіндік файл');
  await form.expectFields(fields);

  const realPdf = await certificatePdf();
  await form.choosePdf(pdfFile('certificate-033.pdf', realPdf));
  await expect(form.pdfError).toHaveCount(0);
  await expect(form.pdfPreview).toBeVisible();
  await expect(form.pdfPreview).toHaveAttribute('src', /^blob:/);
  await expect(form.pdfFacts).toContainText('certificate-033.pdf');

  // A damaged and a password-protected PDF are refused; the accepted PDF and every field stay.
  await form.choosePdf(pdfFile('cut.pdf', realPdf.subarray(0, Math.floor(realPdf.length * 0.6))));
  await expect(form.pdfError).toHaveAttribute('data-code', 'truncated');
  await expect(form.pdfError).toContainText('толық емес PDF');
  await expect(form.pdfFacts).toContainText('certificate-033.pdf');
  await form.expectFields(fields);

  const encrypted = await readFile(new URL('../fixtures/attachments/encrypted-user-password.pdf', import.meta.url));
  await form.choosePdf(pdfFile('қорғалған.pdf', encrypted));
  await expect(form.pdfError).toHaveAttribute('data-code', 'passwordProtected');
  await expect(form.pdfError).toContainText('құпиясөзбен қорғалған');
  await expect(form.pdfFacts).toContainText('certificate-033.pdf');
  await expect(form.pdfPreview).toBeVisible();
  await form.expectFields(fields);

  await form.save();
  const documentRow = register.row('ЕАЭС KZ 1100317.05.01.05103');
  await expect(documentRow).toBeVisible();
  await expect(documentRow.getByTestId('document-expiry')).toHaveAttribute('data-state', 'soon');
  await expect(documentRow).toContainText(fields.issuer);
  await expect(documentRow.getByTestId('document-row-thumbnail')).toBeVisible();

  // ---------------------------------------------------------------- an application with photos and the document
  const editor = await applications.createApplication();
  // `#/applications/new/<id>` until the first change is stored, `#/applications/<id>` after: the id is the last part.
  const draftId = decodeURIComponent(page.url().split('#/applications/')[1]?.split('/').pop() ?? '');
  expect(draftId).not.toBe('');
  await editor.type('name_ru', 'Молоко питьевое пастеризованное 2,5% 1 л');
  await editor.type('name_kk', 'Пастерленген ауыз сүт 2,5% 1 л');
  await page.getByTestId('is-gov').check();
  const photos = new PhotoSlots(page);
  await expect(photos.slot('front')).toHaveClass(/missing/);
  await expect(photos.slot('back')).toHaveClass(/missing/);
  await expect(photos.slot('left')).not.toHaveClass(/missing/);

  // A small photo through drag and drop: kept as is, with a low-resolution warning (shorter side under 800 px).
  await photos.dropGenerated('front', { width: 640, height: 480, scene: 'plain', quality: 0.9, fileName: 'front.jpg' });
  await expect(photos.thumbnail('front')).toBeVisible({ timeout: 20_000 });
  await expect(photos.thumbnail('front')).toHaveAttribute('src', /^blob:/);
  await expect(photos.lowResolutionWarning('front')).toContainText('800');
  await expect(photos.busyBackgroundWarning('front')).toHaveCount(0);
  await expect(photos.reencoded('front')).toHaveCount(0);
  await expect(photos.slot('front')).not.toHaveClass(/missing/);

  // A ~40 MB photo: re-encoded in the worker to under 5 MB, original kept; its cluttered background is flagged.
  const bigBytes = await photos.dropGenerated('back', { width: 4400, height: 3300, scene: 'noise', quality: 1, fileName: 'IMG_2024_back.jpg' });
  expect(bigBytes).toBeGreaterThan(30 * 1024 * 1024);
  await expect(photos.reencoded('back')).toBeVisible({ timeout: 60_000 });
  await expect(photos.reencoded('back')).toHaveAttribute('data-original-kept', 'true');
  await expect(photos.busyBackgroundWarning('back')).toBeVisible();
  expect(Number(await photos.facts('back').getAttribute('data-bytes'))).toBeLessThanOrEqual(fiveMegabytes);
  const backWidth = Number(await photos.facts('back').getAttribute('data-width'));
  const backHeight = Number(await photos.facts('back').getAttribute('data-height'));
  expect(Math.abs(backWidth / backHeight - 4400 / 3300)).toBeLessThan(1 / backHeight);

  // A HEIC (also one renamed to .jpg) is refused with its own message; nothing entered earlier changes.
  await photos.choose('left', { name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heicBytes });
  await expect(photos.error('left')).toHaveAttribute('data-code', 'heic');
  await expect(photos.error('left')).toContainText('HEIC/HEIF');
  await photos.choose('front', { name: 'renamed.jpg', mimeType: 'image/jpeg', buffer: heicBytes });
  await expect(photos.error('front')).toHaveAttribute('data-code', 'heic');
  await expect(photos.thumbnail('front')).toBeVisible();
  await expect(photos.thumbnail('back')).toBeVisible();
  await expect(photos.thumbnail('left')).toHaveCount(0);
  await expect(editor.field('name_kk')).toHaveValue('Пастерленген ауыз сүт 2,5% 1 л');

  // The register document is attached; it expires within 30 days, which shows at the document and in the checklist.
  const attachments = new DocumentAttachments(page);
  await attachments.attach('ЕАЭС KZ 1100317.05.01.05103');
  await expect(attachments.rows()).toHaveCount(1);
  await expect(attachments.rows().first().getByTestId('document-expiry')).toHaveAttribute('data-state', 'soon');
  await expect(editor.problemFor('documents.0')).toHaveClass(/warning/);
  await expect(editor.problemFor('photos.front')).toHaveCount(0);
  await expect(editor.problemFor('photos.back')).toHaveCount(0);
  await editor.waitSaved();

  // What a reload will find: the back photo's upload under 5 MB and its ~40 MB original, owned by the draft.
  const blobs = await storedBlobs(page, draftId);
  const upload = blobs.find((blob) => /^photo:[^:]+$/.test(blob.id) && blob.size > 1_000_000);
  expect(upload?.size).toBeLessThanOrEqual(fiveMegabytes);
  expect(upload?.name).toBe('IMG_2024_back.jpg');
  expect(blobs.find((blob) => blob.id === `${upload?.id}:original`)?.size).toBe(bigBytes);

  // ---------------------------------------------------------------- reload: everything is still there
  await page.reload();
  await expect(editor.field('name_kk')).toHaveValue('Пастерленген ауыз сүт 2,5% 1 л');
  await expect(page.getByTestId('is-gov')).toBeChecked();
  await expect(photos.thumbnail('front')).toBeVisible();
  await expect(photos.thumbnail('back')).toBeVisible();
  await expect(photos.reencoded('back')).toBeVisible();
  await expect(photos.lowResolutionWarning('front')).toBeVisible();
  await expect(attachments.rows()).toHaveCount(1);
  await expect(attachments.rows().first()).toContainText('ТР ТС 033/2013');

  // The same screen in Russian and English.
  await app.chooseLanguage('ru');
  await expect(photos.reencoded('back')).toContainText('оригинал');
  await expect(page.getByTestId('photo-slots').getByRole('heading', { level: 2 })).toHaveText('Фотографии');
  await app.chooseLanguage('en');
  await expect(photos.lowResolutionWarning('front')).toContainText('shorter side is 480 px');

  // Removing a photo and undoing it brings the same photo back (its rows are kept for undo).
  await photos.remove('front');
  await expect(photos.thumbnail('front')).toHaveCount(0);
  await expect(photos.slot('front')).toHaveClass(/missing/);
  await page.getByTestId('undo').click();
  await expect(photos.thumbnail('front')).toBeVisible();

  await register.open();
  await expect(register.rows()).toHaveCount(1);
  await expect(register.row('ЕАЭС KZ 1100317.05.01.05103')).toContainText(fields.issuer);
  await expect(register.row('ЕАЭС KZ 1100317.05.01.05103').getByTestId('document-row-thumbnail')).toHaveAttribute('src', /^blob:/);

  expect(pageProblems).toEqual([]);
});
