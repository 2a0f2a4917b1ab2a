/**
 * The screenshot tour: every screen and its main states in Kazakh, Russian and English, saved as full-page
 * screenshots under `screenshots/<language>/` (git-ignored), each screen's visible text judged by
 * `visible-text.ts`: no translation keys, no raw codes, no words in another script than the UI's. Catalogue
 * and user data are left out by the convention documented there. Run with `npm run tour`.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeed } from '../../src/sandbox/seed/index.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { expect, test } from './fixtures.ts';
import { ApplicationsPage } from './pages/applications.ts';
import { DocumentRegister } from './pages/attachments.ts';
import { ImportPage, type TestFile } from './pages/import.ts';
import { LabelsQueuePage } from './pages/labels.ts';
import { collectVisibleText, describeViolations, findViolations, type UiLanguage, type Violation } from './visible-text.ts';

const screenshotRoot = join(import.meta.dirname, '../../screenshots');
const seed = buildSeed({ cards: 0 });
const foodLeaf = seed.leaves.find((leaf) => leaf.sectionKey === 'food' && !leaf.isDeleted)!;
const withCheck = (body: string) => body + String(gs1CheckDigit(body));

interface FeedRow {
  name_kk: string;
  name_ru: string;
  gtin: string;
  ntin_code: string;
  ntin_isdeactivated: boolean;
}

async function sandboxFeed(request: APIRequestContext): Promise<FeedRow[]> {
  const config = (await (await request.get('web-twin.json')).json()) as { exportBaseUrl: string; exportToken?: string };
  const answer = await request.get(`${config.exportBaseUrl}/ofd/?from=0&limit=200`, { headers: { Authorization: `JWT ${config.exportToken ?? 'sandbox-demo-token'}` } });
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { result: FeedRow[] }).result;
}

/** Products the tour imports: Kazakh and Russian names typed by the test are user data, not UI text. */
/** Column names of the import's own file layout: the import screens name them as the officer writes them. */
const fileColumnNames = ['photo_front', 'photo_back', 'photo_left', 'photo_right', 'photo_top', 'photo_bottom', 'document_files', 'isGov', 'autoPublication'];
const importColumns = ['oktru', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'gtin', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d'] as const;
function importCsv(run: string): TestFile {
  const row = (index: number, gtin: string, nameKk: string) =>
    [foodLeaf.code, `Молоко ${run} №${String(index)}`, nameKk, 'Молоко', 'Сүт Әлемі', gtin, foodLeaf.tnvedCodes[0]!, 'KZ', '112', '1', 'ТОО «Сүт Әлемі»'].join(';');
  const rows = [
    row(1, withCheck(`487300${run.slice(-6).replace(/\D/gu, '7').padStart(6, '1')}`), `Сүт ${run} №1`),
    row(2, withCheck('487300000002'), `Сүт ${run} №2`),
    // Problems for the preview: a wrong check digit, and no Kazakh name.
    row(3, '4870000000014', `Сүт ${run} №3`),
    row(4, withCheck('487300000004'), ''),
  ];
  return { name: `tour-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${importColumns.join(';')}\r\n${rows.join('\r\n')}\r\n`, 'utf8') };
}

/** A file whose headers are not ours, so the import asks for the mapping. */
function unmappedCsv(run: string): TestFile {
  const text = `Категория,Товар,Тауар,Штрихкод,Ел\r\n${foodLeaf.code},Кефир ${run},Айран ${run},${withCheck('487300000009')},KZ\r\n`;
  return { name: `mapping-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function certificatePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('CERTIFICATE OF CONFORMITY', { x: 50, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

/** Takes the screenshots and collects what the judge finds, screen by screen; fails once, at the end, with all of it. */
class Tour {
  private readonly violations: (Violation & { screen: string })[] = [];
  /** Screens wider than the window: something is cut off or pushed out of its box. */
  private readonly overflows: string[] = [];
  private step = 0;
  readonly knownData: string[] = [];

  constructor(
    readonly page: Page,
    readonly language: UiLanguage,
  ) {
    // A fresh folder per run, so no picture of an earlier run is taken for this one's.
    rmSync(join(screenshotRoot, language), { recursive: true, force: true });
    mkdirSync(join(screenshotRoot, language), { recursive: true });
  }

  /** `screenData`: what this screen shows of the test's own input (a file's headers), besides `knownData`. */
  async shot(screen: string, screenData: readonly string[] = [], extraAllowed: readonly string[] = []): Promise<void> {
    this.step += 1;
    const name = `${String(this.step).padStart(2, '0')}-${screen}`;
    // Fonts settled, so the picture shows the real glyphs.
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await this.page.screenshot({ path: join(screenshotRoot, this.language, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
    const overflow = await this.page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth + 1) return undefined;
      // The innermost box of the page's content whose content is wider than itself: where the overflow starts.
      const culprit = [...(document.querySelector('main') ?? document.body).querySelectorAll('*')].filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0).at(-1);
      const testId = culprit?.closest('[data-testid]')?.getAttribute('data-testid');
      const what = culprit ? ` (${culprit.tagName.toLowerCase()}${testId ? ` inside [data-testid=${testId}]` : ''})` : '';
      return `${String(root.scrollWidth)} px wide in a ${String(root.clientWidth)} px window${what}`;
    });
    if (overflow) this.overflows.push(`layout: ${name}: ${overflow}`);
    const texts = await this.page.evaluate(collectVisibleText, this.language);
    for (const violation of findViolations(texts, this.language, { knownData: [...this.knownData, ...screenData], extraAllowed })) {
      if (!this.violations.some((seen) => seen.token === violation.token && seen.text === violation.text)) this.violations.push({ ...violation, screen: name });
    }
  }

  /** The findings, also written next to the screenshots so they can be read with them. */
  report(): string {
    const report = [describeViolations(this.violations.map((violation) => ({ ...violation, where: `${violation.screen}: ${violation.where}` }))), ...this.overflows].filter(Boolean).join('\n');
    writeFileSync(join(screenshotRoot, this.language, 'violations.txt'), report === '' ? 'none\n' : `${report}\n`);
    return report;
  }
}

test.describe.configure({ timeout: 420_000 });
// A step that waits longer than this is stuck, not slow: fail with its own message instead of the test's timeout.
test.use({ actionTimeout: 60_000 });

for (const language of ['kk', 'ru', 'en'] as const) {
  test(`screenshot tour in ${language}: every screen without raw codes, keys or foreign script`, async ({ app, appPage: page, request, shell }) => {
    test.skip(shell !== 'web', 'reads the sandbox feed through the served web-twin.json; the screens are the same in both shells');
    const run = `t${Date.now().toString(36)}`;
    const tour = new Tour(page, language);
    const feed = await sandboxFeed(request);
    const card = feed.find((row) => !row.ntin_isdeactivated && row.gtin !== '')!;
    const deactivated = feed.find((row) => row.ntin_isdeactivated);
    tour.knownData.push(run, ...[1, 2, 3, 4].flatMap((index) => [`Молоко ${run} №${String(index)}`, `Сүт ${run} №${String(index)}`]), 'Сүт Әлемі', 'ТОО «Сүт Әлемі»', 'ЖШС «Сүт Әлемі»');
    await app.chooseLanguage(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);

    // ---- applications: empty list
    await app.open('applications');
    await expect(page.getByTestId('new-application')).toBeVisible();
    await tour.shot('applications-empty');

    // ---- settings before and after the offline copy of schemas and dictionaries
    await app.open('settings');
    await expect(page.getByTestId('storage-used')).toHaveText(/\d/);
    await tour.shot('settings-fresh');
    const applications = new ApplicationsPage(app);
    await applications.refreshDictionaries();
    await tour.shot('settings-refreshed');

    // ---- documents: the register, the form, a saved document
    const register = new DocumentRegister(app);
    await register.open();
    await tour.shot('documents-empty');
    const form = await register.add();
    await tour.shot('documents-form');
    const documentNumber = 'ЕАЭС KZ 1100317.05.01.05103';
    tour.knownData.push(documentNumber, 'ТР ТС 033/2013', '«Ұлттық сараптама орталығы» АҚ', 'сертификат.pdf');
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await form.fill({ number: documentNumber, regulation: 'ТР ТС 033/2013', issuer: '«Ұлттық сараптама орталығы» АҚ', issuedOn: day(-200), expiresOn: day(700) });
    await form.choosePdf({ name: 'сертификат.pdf', mimeType: 'application/pdf', buffer: await certificatePdf() });
    await expect(form.pdfPreview).toBeVisible();
    await tour.shot('documents-form-filled');
    await form.save();
    await expect(register.row(documentNumber)).toBeVisible();
    await tour.shot('documents-register');

    // ---- the editor: base card, then the extended card with photos, documents and the checklist
    const editor = await applications.createApplication();
    await expect(editor.problems().first()).toBeVisible();
    await tour.shot('editor-base');
    await editor.pick('oktru', 'пастерленген', /Пастерленген ауыз сүт|Молоко питьевое пастеризованное|пастер/iu);
    await page.getByTestId('is-gov').check();
    await expect(editor.field('enstrus')).toBeVisible();
    const nameRu = `Молоко ${run} пастеризованное 1 л`;
    const nameKk = `Сүт ${run} пастерленген 1 л`;
    tour.knownData.push(nameRu, nameKk);
    await editor.type('name_ru', nameRu);
    await editor.type('name_kk', nameKk);
    await editor.type('gtin', '4870000000014'); // a wrong check digit, for the checklist
    await expect(editor.problemFor('gtin')).toBeVisible();
    await editor.waitSaved();
    await expect(page.getByTestId('photo-slots')).toBeVisible();
    await expect(page.getByTestId('document-attachments')).toBeVisible();
    await tour.shot('editor-extended');
    await page.getByTestId('photo-slots').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotRoot, language, 'editor-photos-viewport.png') });
    await page.getByTestId('problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotRoot, language, 'editor-checklist-viewport.png') });

    // ---- import: file step, mapping, preview with problems, then the list with a few drafts
    const importer = new ImportPage(app);
    await importer.open();
    await tour.shot('import-file', [], fileColumnNames);
    expect(await importer.choose(unmappedCsv(run))).toBe('mapping');
    tour.knownData.push('Категория', 'Товар', 'Тауар', 'Штрихкод', 'Ел', `Кефир ${run}`, `Айран ${run}`);
    // The targets' codes are the column names of the import's own layout, shown so the officer can match them.
    const targetCodes = await page.getByTestId('mapping-0').locator('option').evaluateAll((options) => options.map((option) => option.textContent?.split(' — ')[0]?.trim() ?? ''));
    await tour.shot('import-mapping', [`mapping-${run}.csv`], [...fileColumnNames, ...targetCodes.filter((code) => !code.includes('.'))]);
    await importer.open();
    expect(await importer.choose(importCsv(run))).toBe('preview');
    await expect(page.getByTestId('count-errors')).not.toHaveText('0');
    // The file's own headers (the default layout's codes) are its data, quoted in the problems.
    await tour.shot('import-preview-problems', [...importColumns.map((code) => `«${code}»`), ...importColumns.map((code) => `“${code}”`), `tour-${run}.csv`]);
    await importer.importRows('valid');
    await tour.shot('import-done');
    await importer.openList();
    await page.getByRole('searchbox').fill(run);
    await expect.poll(async () => page.getByTestId('applications-list').getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('searchbox').fill('');
    await tour.shot('applications-drafts');

    // ---- sync panel: two imported drafts sent to the sandbox
    await page.getByRole('searchbox').fill(run);
    for (const number of ['№1', '№2']) {
      await page.getByTestId('applications-list').getByRole('row').filter({ hasText: `${run} ${number}` }).getByRole('checkbox').check();
    }
    await expect(page.getByTestId('selected-count')).toBeVisible();
    await tour.shot('applications-selected');
    await page.getByTestId('send-to-catalogue').click();
    await page.getByTestId('open-sync-panel').click();
    await expect(page.getByTestId('sync-row').first()).toBeVisible();
    await expect(page.locator('[data-testid="sync-row"][data-state="sending"]')).toHaveCount(0, { timeout: 60_000 });
    await tour.shot('sync-panel-sent');
    // Every fold open: the rows' histories and the requests made elsewhere.
    const closed = page.locator('main details:not([open])');
    // Each click opens one; the next closed fold is then the first again (bounded, in case one never stays open).
    for (let opened = 0; opened < 50 && (await closed.count()) > 0; opened += 1) await closed.first().locator('summary').first().click();
    await expect(closed).toHaveCount(0);
    await tour.shot('sync-panel-details');

    // ---- labels: empty queue, a found card, the queue with items, print settings and output
    const labels = new LabelsQueuePage(app);
    await labels.open();
    await tour.shot('labels-empty');
    tour.knownData.push(card.name_kk, card.name_ru);
    await labels.scan(card.ntin_code);
    await expect(labels.candidate(card.ntin_code)).toBeVisible();
    await tour.shot('labels-found');
    await labels.addSelected(2);
    await labels.scan(withCheck('460999999999').slice(0, -1) + String((Number(withCheck('460999999999').slice(-1)) + 1) % 10));
    await expect(labels.scanRefusal).toBeVisible();
    await labels.waitRendered();
    await tour.shot('labels-queue-output');
    await labels.chooseTemplate('thermal-58x40');
    await labels.customTemplates.evaluate((details) => {
      if (details instanceof HTMLDetailsElement) details.open = true;
    });
    await tour.shot('labels-thermal-settings');

    // ---- inspection: copy, scan with verdicts, session, history, fines
    await app.open('inspection');
    await page.getByTestId('tab-copy').click();
    await tour.shot('inspection-copy-empty');
    await page.getByTestId('copy-download').click();
    await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });
    await tour.shot('inspection-copy-complete');
    await page.getByTestId('tab-scan').click();
    const scanned = [card.ntin_code, withCheck('460999999999'), '4870000000014', ...(deactivated ? [deactivated.ntin_code] : [])];
    if (deactivated) tour.knownData.push(deactivated.name_kk, deactivated.name_ru);
    for (const code of scanned) {
      await page.getByTestId('scan-input').fill(code);
      await page.getByTestId('scan-input').press('Enter');
      await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-code', code);
    }
    await tour.shot('inspection-scan-verdicts');
    await page.getByTestId('tab-session').click();
    await tour.shot('inspection-session-none');
    await page.getByTestId('session-start').click();
    await expect(page.getByTestId('session')).toHaveAttribute('data-status', 'open');
    const org = 'ТОО «Ұлы Дала Сауда»';
    tour.knownData.push(org, 'Алматы, Абай даңғылы 1', 'Әлиев Ғ. Қ.');
    await page.getByTestId('org-id').fill('123456789012');
    await expect(page.getByTestId('org-id-problem')).toBeVisible();
    await page.getByTestId('org-name').fill(org);
    await page.getByTestId('org-address').fill('Алматы, Абай даңғылы 1');
    await page.getByTestId('inspector').fill('Әлиев Ғ. Қ.');
    for (const code of scanned.slice(0, 2)) {
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.type(`${code}\n`);
    }
    await expect(page.getByTestId('session-item')).toHaveCount(2);
    await tour.shot('inspection-session-open');
    await page.getByTestId('session-close').click();
    await page.getByTestId('tab-history').click();
    await expect(page.getByTestId('history-item')).toHaveCount(1);
    await tour.shot('inspection-history');
    await page.getByTestId('tab-fines').click();
    await expect(page.getByTestId('fine-rule').first()).toBeVisible();
    await tour.shot('inspection-fines');

    // ---- settings at the end: storage holds the photos, PDFs and the copy
    await app.open('settings');
    await expect(page.getByTestId('storage-used')).toHaveText(/\d/);
    await tour.shot('settings-after');
    // The fine tables in Settings: a wrong cell named by row and column, and a file refused.
    const fineTables = page.getByTestId('fine-tables-panel');
    await fineTables.locator('[data-testid="fine-rule-row"][data-category="medium"][data-offence="repeat"] [data-column="mci"]').fill('-30');
    await expect(fineTables.getByTestId('fine-tables-problems')).toBeVisible();
    await fineTables.getByTestId('fine-tables-import').setInputFiles({ name: 'fines.json', mimeType: 'application/json', buffer: Buffer.from('{"rules": [') });
    await expect(fineTables.getByTestId('fine-tables-refused')).toBeVisible();
    await tour.shot('settings-fine-tables', ['fines.json']);

    const report = tour.report();
    expect(report, `Visible strings in ${language} that are keys, raw codes or in another script, and screens wider than the window:\n${report}`).toBe('');
  });
}
