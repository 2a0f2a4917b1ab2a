/**
 * Photos of a published card (issue 12, item 8): thumbnails, never UUID file names, in the web twin against its
 * sandbox.
 * - An application with a photo is sent, published, then its card edited by NTIN: the photo shows from this
 *   computer's own upload, with no request to the catalogue. The published application itself is read-only: its
 *   photo slots take no drop and say why.
 * - With the local file gone, the same photo is fetched from the sandbox's media route (the site's
 *   `/media/products/<fileName>`) and kept, so the next look needs no network.
 * - A request made elsewhere (straight through the portal API with the same key) is adopted; opened while the
 *   network is cut, its photo says so with "Try again", which then shows it.
 * - A seed card's photo, which the site does not have, gets a clear placeholder in Kazakh.
 */
import type { Page } from '@playwright/test';
import { buildSeed } from '../../src/sandbox/seed/index.ts';
import { expect, test } from './fixtures.ts';
import { activeCard } from './sandbox-feed.ts';
import { ApplicationsPage, Editor } from './pages/applications.ts';
import { ImportPage } from './pages/import.ts';

const seed = buildSeed({ cards: 0 });
const foodLeaf = seed.leaves.find((leaf) => leaf.sectionKey === 'food' && !leaf.isDeleted)!;
const columns = ['oktru', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d'];
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/u;

function csv(name: string): Buffer {
  const row = [foodLeaf.code, name, `Айран Әже ${name}`, 'Айран', 'Сүт Әлемі', foodLeaf.tnvedCodes[0]!, 'KZ', '112', '1', 'ТОО «Сүт Әлемі»'].join(';');
  return Buffer.from(`${columns.join(';')}\r\n${row}\r\n`, 'utf8');
}

/** A real JPEG drawn by the browser (a product on a plain light background), as bytes. */
async function photoJpeg(page: Page, colour: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (fill) => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#f6f6f4';
    context.fillRect(0, 0, 1200, 900);
    context.fillStyle = fill;
    context.fillRect(420, 180, 360, 540);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, colour);
  return Buffer.from(base64, 'base64');
}

/** The application's photo rows gone from this computer (as after clearing the browser's storage). */
async function deleteLocalPhotos(page: Page, applicationId: string): Promise<number> {
  return page.evaluate(
    (ownerId) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('ncg-desk');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const transaction = db.transaction('blobs', 'readwrite');
          const keys = transaction.objectStore('blobs').index('ownerId').getAllKeys(ownerId);
          keys.onsuccess = () => {
            for (const key of keys.result) transaction.objectStore('blobs').delete(key);
          };
          transaction.oncomplete = () => {
            db.close();
            resolve(keys.result.length);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    applicationId,
  );
}

test('a published card’s photos: from this computer, then from the catalogue and kept; an adopted request’s after a cut network; read-only slots refuse drops', async ({ app, appPage: page, context, request, shell }) => {
  test.setTimeout(240_000);
  const run = `ph${Date.now().toString(36)}`;
  const name = `Айран фото ${run}`;
  // The web twin fetches photos from the page, where every request is seen; the desktop host fetches them in its
  // main process, out of the page's sight, so there the source attribute alone tells where a photo came from.
  const seesRequests = shell === 'web';
  const mediaRequests: string[] = [];
  page.on('request', (sent) => {
    const path = new URL(sent.url()).pathname;
    if (path.startsWith('/media/products/')) mediaRequests.push(path.slice('/media/products/'.length));
  });
  const applications = new ApplicationsPage(app);
  const importer = new ImportPage(app);
  const list = page.getByTestId('applications-list');
  await app.chooseLanguage('en');
  await applications.refreshDictionaries();

  // One application, with a front photo chosen in the editor.
  await importer.open();
  expect(await importer.choose({ name: `${run}.csv`, mimeType: 'text/csv', buffer: csv(name) })).toBe('preview');
  await importer.importRows('valid');
  await importer.openList();
  await page.getByRole('searchbox').fill(run);
  await list.getByRole('row').filter({ hasText: run }).locator('a[href^="#/applications/"]').click();
  const editor = new Editor(page);
  await expect(editor.field('name_ru')).toHaveValue(name);
  const sentId = new URL(page.url()).hash.replace('#/applications/', '');
  await page.getByTestId('photo-input-front').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(page, '#2a7') });
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible({ timeout: 60_000 });
  await editor.waitSaved();

  // Sent, accepted (instant moderation), published with an NTIN.
  await app.open('applications');
  await page.getByRole('searchbox').fill(run);
  await list.getByRole('row').filter({ hasText: run }).getByRole('checkbox').check();
  await page.getByTestId('send-to-catalogue').click();
  await page.getByTestId('open-sync-panel').click();
  const syncRow = page.getByTestId('sync-row').filter({ hasText: run });
  await expect(syncRow).not.toHaveAttribute('data-state', 'sending', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Check statuses now' }).click();
  await expect(syncRow).toHaveAttribute('data-state', 'readyToPublish', { timeout: 60_000 });
  await syncRow.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(syncRow).toHaveAttribute('data-state', 'hasNtin', { timeout: 60_000 });
  const ntin = /NTIN (0200\d{9})/u.exec(await syncRow.innerText())?.[1];
  expect(ntin).toBeDefined();

  // The published application is read-only: no file inputs, and a dropped photo is refused with the reason.
  await app.open('applications');
  await page.getByRole('searchbox').fill(run);
  await list.getByRole('row').filter({ hasText: run }).locator('a[href^="#/applications/"]').click();
  await expect(page.getByTestId('photos-locked')).toContainText('The photos cannot be changed now');
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible();
  await expect(page.getByTestId('photo-choose-back')).toHaveCount(0);
  await expect(page.getByTestId('photo-input-back')).toHaveCount(0);
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])], 'back.jpg', { type: 'image/jpeg' }));
    return transfer;
  });
  await page.getByTestId('photo-slot-back').dispatchEvent('dragover', { dataTransfer: dropped });
  await page.getByTestId('photo-slot-back').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('photo-locked-back')).toContainText('The photos cannot be changed now');
  await expect(page.getByTestId('photo-preparing-back')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('photo-slot-back')).toContainText('No photo');

  // Its card edited by NTIN: the draft knows the photo only by its catalogue file name; shown from this computer.
  await app.open('applications');
  await page.getByTestId('edit-ntin').fill(ntin!);
  await page.getByRole('button', { name: 'Edit the card' }).click();
  await expect(editor.field('name_ru')).toHaveValue(name);
  const editUrl = page.url();
  const front = page.getByTestId('photo-on-catalogue-front');
  await expect(front).toHaveAttribute('data-state', 'shown', { timeout: 30_000 });
  await expect(front).toHaveAttribute('data-source', 'local');
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible();
  const fileName = (await front.getAttribute('data-file-name'))!;
  expect(fileName).toMatch(/\.jpg$/u);
  if (seesRequests) expect(mediaRequests).toEqual([]);
  expect(await page.locator('.editor-form').innerText()).not.toMatch(uuidPattern);

  // The local file gone: fetched from the catalogue's media route, then kept (the next look asks nobody).
  expect(await deleteLocalPhotos(page, sentId)).toBeGreaterThan(0);
  await page.goto(editUrl);
  await page.reload(); // a hash-only navigation would keep the page (and its looked-up photo) as it was
  await expect(front).toHaveAttribute('data-state', 'shown', { timeout: 30_000 });
  await expect(front).toHaveAttribute('data-source', 'catalogue');
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible();
  if (seesRequests) expect(new Set(mediaRequests)).toEqual(new Set([fileName]));
  const fetches = mediaRequests.length;
  await page.reload();
  await expect(front).toHaveAttribute('data-source', 'cache', { timeout: 30_000 });
  await expect(page.getByTestId('photo-thumbnail-front')).toBeVisible();
  expect(mediaRequests).toHaveLength(fetches);

  // A request made elsewhere with the same key: a photo uploaded and a card published straight through the portal API.
  const config = (await (await request.get('./web-twin.json')).json()) as { portalBaseUrl: string; apiKey: string };
  const keyed = { 'X-API-KEY': config.apiKey };
  const upload = await request.post(`${config.portalBaseUrl}/portal/api/v1/storage/upload`, {
    headers: keyed,
    multipart: { file: { name: 'side.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(page, '#c53') } },
  });
  expect(upload.status()).toBe(200);
  const elsewherePhoto = ((await upload.json()) as { filename: string }).filename;
  const elsewhereName = `Айран сырттан ${run}`;
  const created = await request.post(`${config.portalBaseUrl}/portal/api/v1/products/requests`, {
    headers: keyed,
    data: {
      oktru: foodLeaf.code,
      autoPublication: true,
      attributes: [
        { code: 'name_ru', value: elsewhereName },
        { code: 'name_kk', value: `Айран Әже ${elsewhereName}` },
        { code: 'short_name_ru', value: 'Айран' },
        { code: 'short_name_kk', value: 'Айран' },
        { code: 'brand', value: 'Сүт Әлемі' },
        { code: 'country', value: 'KZ' },
        { code: 'tnved', value: foodLeaf.tnvedCodes[0]! },
        { code: 'measure', attributes: [{ code: 'measure_unit', value: '112' }, { code: 'quantity', value: '1' }] },
        { code: 'a4282e5d', value: 'ТОО «Сүт Әлемі»' },
      ],
      imageFiles: [{ fileName: elsewherePhoto, imageType: 'left' }],
    },
  });
  expect(created.status()).toBe(200);
  const requestId = ((await created.json()) as { id: number }).id;
  expect((await request.put(`${config.portalBaseUrl}/portal/api/v1/products/requests/${String(requestId)}/moderation`, { headers: keyed })).status()).toBe(200);

  await page.goto(new URL('#/applications/sync', page.url()).href);
  await page.getByRole('button', { name: 'Check statuses now' }).click();
  const foreign = page.getByTestId('sync-foreign').filter({ hasText: elsewhereName });
  await page.locator('.sync-foreign summary').click();
  await foreign.getByRole('button', { name: 'Adopt as a local application' }).click();
  await app.open('applications');
  await page.getByRole('searchbox').fill(elsewhereName);
  const adoptedLink = list.getByRole('row').filter({ hasText: elsewhereName }).locator('a[href^="#/applications/"]');
  await expect(adoptedLink).toBeVisible({ timeout: 30_000 });

  // Opened with the network cut: the slot says why and offers to try again, which shows the photo once back.
  await context.setOffline(true);
  await adoptedLink.click();
  const left = page.getByTestId('photo-on-catalogue-left');
  await expect(left).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('photo-catalogue-error-left')).toHaveAttribute('data-code', 'offline');
  await expect(page.getByTestId('photo-catalogue-error-left')).toContainText('the catalogue cannot be reached now');
  expect(await page.locator('.editor-form').innerText()).not.toContain(elsewherePhoto);
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(left).toHaveAttribute('data-state', 'shown', { timeout: 30_000 });
  await expect(left).toHaveAttribute('data-source', 'catalogue');
  await expect(page.getByTestId('photo-thumbnail-left')).toBeVisible();
  if (seesRequests) expect(mediaRequests).toContain(elsewherePhoto);
});

test('a seed card’s photo the site does not have: a placeholder in the user’s language with “Try again”, never its file name', async ({ app, appPage: page, request }) => {
  test.setTimeout(90_000);
  const applications = new ApplicationsPage(app);
  await app.chooseLanguage('kk');
  await applications.refreshDictionaries();
  const card = await activeCard(request);
  await app.open('applications');
  await page.getByTestId('edit-ntin').fill(card.ntin_code);
  await page.getByRole('button', { name: 'Карточканы өзгерту' }).click();
  await expect(new Editor(page).field('name_ru')).toHaveValue(card.name_ru);

  const front = page.getByTestId('photo-on-catalogue-front');
  await expect(front).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('photo-catalogue-error-front')).toHaveAttribute('data-code', 'notFound');
  await expect(page.getByTestId('photo-catalogue-error-front')).toContainText('Фотосурет каталогта бар');
  await expect(front.getByRole('img', { name: /Фото \(Алдыңғы жағы\) көрсетілмеді/u })).toBeVisible();
  await expect(front.getByRole('button', { name: 'Қайталау' })).toBeVisible();
  const fileName = (await front.getAttribute('data-file-name'))!;
  const shown = await page.locator('.editor-form').innerText();
  expect(shown).not.toContain(fileName);
  expect(shown).not.toMatch(uuidPattern);
});
