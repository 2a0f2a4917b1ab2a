/**
 * Sending from the web twin: imported applications selected in the list, sent through a network that is cut
 * before the first call and back after, the page reloaded while they go out, then followed through
 * moderation (the sandbox's instant mode) and published from the sync panel. The sandbox's own request list
 * is the judge: each application exactly once.
 */
import { buildSeed } from '../../src/sandbox/seed/index.ts';
import { expect, test } from './fixtures.ts';
import { ApplicationsPage } from './pages/applications.ts';
import { ImportPage } from './pages/import.ts';

const seed = buildSeed({ cards: 0 });
const foodLeaf = seed.leaves.find((leaf) => leaf.sectionKey === 'food' && !leaf.isDeleted)!;
const columns = ['oktru', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d'];

function csv(run: string, count: number, names: (index: number) => string = (index) => `Қымыз ${run} №${String(index + 1)}`): Buffer {
  const rows = Array.from({ length: count }, (_, index) =>
    [foodLeaf.code, names(index), `Қымыз Әже ${run} №${String(index + 1)}`, 'Қымыз', 'Сүт Әлемі', foodLeaf.tnvedCodes[0]!, 'KZ', '112', '1', 'ТОО «Сүт Әлемі»'].join(';'),
  );
  return Buffer.from(`${columns.join(';')}\r\n${rows.join('\r\n')}\r\n`, 'utf8');
}

test('sends selected applications exactly once through a cut network and a reload, then publishes them', async ({ app, appPage: page, context }) => {
  test.setTimeout(180_000);
  const count = 50;
  const run = `s${Date.now().toString(36)}`;
  const applications = new ApplicationsPage(app);
  const importer = new ImportPage(app);
  await app.chooseLanguage('ru');
  await applications.refreshDictionaries();

  await importer.open();
  expect(await importer.choose({ name: `${run}.csv`, mimeType: 'text/csv', buffer: csv(run, count) })).toBe('preview');
  await importer.importRows('valid');
  await importer.openList();
  await page.getByRole('searchbox').fill(run);
  // The list is virtualised: count by its "shown of total", not by rendered rows.
  await expect.poll(async () => (await importer.listCounts()).shown).toBe(count);
  await page.getByRole('checkbox', { name: 'Выбрать все показанные' }).check();
  await expect(page.getByTestId('selected-count')).toContainText(String(count));

  // The network goes before the first call: the applications are queued locally and wait.
  await context.setOffline(true);
  await page.getByTestId('send-to-catalogue').click();
  await expect(page.getByRole('status').filter({ hasText: String(count) })).toBeVisible();
  await page.getByTestId('open-sync-panel').click();
  await expect(page.getByTestId('sync-row')).toHaveCount(count);
  await expect(page.locator('[data-testid="sync-row"][data-state="sending"]')).toHaveCount(count);

  // Back online; cut again once some are out (the engine waits, offline), back again, and the page reloaded
  // while they go out: the engine resumes from the stored steps.
  await context.setOffline(false);
  const sending = page.locator('[data-testid="sync-row"][data-state="sending"]');
  await expect.poll(() => sending.count(), { timeout: 60_000 }).toBeLessThan(count);
  await context.setOffline(true);
  if ((await sending.count()) > 0) await expect(page.getByTestId('sync-engine-state')).toHaveText('Нет сети: продолжит сама');
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator('[data-testid="sync-row"][data-state="sending"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-testid="sync-row"][data-state="failed"]')).toHaveCount(0);

  // Moderation (instant) → ready to publish → published with an NTIN each.
  await page.getByRole('button', { name: 'Проверить статусы' }).click();
  await expect(page.locator('[data-testid="sync-row"][data-state="readyToPublish"]')).toHaveCount(count, { timeout: 30_000 });
  await page.getByRole('button', { name: `Опубликовать все готовые (${String(count)})` }).click();
  await expect(page.locator('[data-testid="sync-row"][data-state="hasNtin"]')).toHaveCount(count, { timeout: 30_000 });
  await expect(page.locator('[data-testid="sync-row"][data-state="hasNtin"]').first()).toContainText(/НТИН 0200\d{9}/u);

  // The sandbox holds each application exactly once.
  const names = await page.evaluate(async (prefix) => {
    const config = (await (await fetch('/web-twin.json')).json()) as { portalBaseUrl: string; apiKey: string };
    const found: string[] = [];
    for (let pageNumber = 1; pageNumber < 1000; pageNumber += 1) {
      const answer = (await (
        await fetch(`${config.portalBaseUrl}/portal/api/v1/products/requests?page=${String(pageNumber)}&size=100`, { headers: { 'X-API-KEY': config.apiKey } })
      ).json()) as { content: { productData?: { nameRu?: string } }[]; totalPages: number };
      for (const item of answer.content) if (item.productData?.nameRu?.includes(prefix)) found.push(item.productData.nameRu);
      if (pageNumber >= answer.totalPages) break;
    }
    return found;
  }, run);
  expect(names).toHaveLength(count);
  expect(new Set(names).size).toBe(count);
});

test('shows the moderator’s remarks and resolves a duplicate review through the panel', async ({ app, appPage: page }) => {
  test.setTimeout(120_000);
  const run = `d${Date.now().toString(36)}`;
  const names = [`Айран ${run} обычный`, `[similar] Айран ${run} похожий`, `[revision] Айран ${run} на доработку`];
  const applications = new ApplicationsPage(app);
  const importer = new ImportPage(app);
  await app.chooseLanguage('en');
  await applications.refreshDictionaries();
  await importer.open();
  expect(await importer.choose({ name: `${run}.csv`, mimeType: 'text/csv', buffer: csv(run, 3, (index) => names[index]!) })).toBe('preview');
  await importer.importRows('valid');
  await importer.openList();
  await page.getByRole('searchbox').fill(run);
  await expect(page.getByTestId('applications-list').getByRole('row')).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByTestId('send-to-catalogue').click();
  await page.getByTestId('open-sync-panel').click();
  const row = (name: string) => page.locator('[data-testid="sync-row"]', { hasText: name });
  await expect(page.locator('[data-testid="sync-row"][data-state="sending"]')).toHaveCount(0, { timeout: 60_000 });

  await page.getByRole('button', { name: 'Check statuses now' }).click();
  await expect(row(names[0]!)).toHaveAttribute('data-state', 'readyToPublish');
  await expect(row(names[2]!)).toHaveAttribute('data-state', 'needsRework');
  await expect(row(names[2]!).getByRole('list', { name: 'Moderator’s remarks' })).toBeVisible();
  const similar = row(names[1]!);
  await expect(similar).toHaveAttribute('data-state', 'duplicateReview');
  await similar.getByRole('button', { name: 'Review duplicates' }).click();
  await expect(similar.getByText(/% similar/u).first()).toBeVisible();
  await similar.getByRole('button', { name: 'Continue with a new card' }).click();
  await expect(similar).toHaveAttribute('data-state', 'readyToPublish');
});
