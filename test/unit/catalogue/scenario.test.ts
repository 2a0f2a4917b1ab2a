/**
 * The whole journey of one card, through the client against the sandbox (manual moderation, so every state
 * is visible): create → upload photos and a PDF → moderation → duplicate review → CONTINUE → readyToPublish
 * → publish → completed with an NTIN, which the v2 lookup and the export feed then return.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { collect, createExportClient, createPortalClient } from '../../../src/shared/catalogue/index.ts';
import { hasValidGs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { admin, jpegBytes, pdfBytes, pngBytes, validBody } from '../sandbox/fixtures.ts';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, moderation: 'manual' });
});
afterAll(() => sandbox.close());

it('takes a request from draft to a published card found by NTIN and in the export feed', async () => {
  const portal = createPortalClient({ baseUrl: sandbox.portalBaseUrl, apiKey: sandbox.apiKey, fetch: (...args) => fetch(...args) });
  const exporter = createExportClient({ baseUrl: sandbox.exportBaseUrl, token: sandbox.exportToken, fetch: (...args) => fetch(...args) });
  const startedAt = Math.floor(Date.now() / 1000);

  // 1. Files first: the request references the returned `filename`s.
  const front = await portal.uploadPhoto({ file: jpegBytes(4096), fileName: 'front.jpg', contentType: 'image/jpeg' });
  const back = await portal.uploadPhoto({ file: pngBytes(), fileName: 'back.png', contentType: 'image/png' });
  const declaration = await portal.uploadDocument({ file: pdfBytes(), fileName: 'Декларация ЕАЭС.pdf' });

  // 2. The draft, created exactly once.
  const name = `[similar] Молоко «Сүт Әлемі» 2,5% ${Date.now()}`;
  const body = {
    ...validBody({ name }),
    imageFiles: [
      { fileName: front.filename, imageType: 'front' },
      { fileName: back.filename, imageType: 'back' },
    ],
    documents: [{ fileName: declaration.filename }],
  };
  const { id, reconciled } = await portal.createRequestOnce(body);
  expect(reconciled).toBe(false);
  expect(await portal.getStatus(id)).toEqual({ code: 'new', value: 'Новая' });

  // 3. Moderation: submitted, taken by the moderator, returned for duplicate review.
  await portal.submitForModeration(id);
  expect((await portal.getStatus(id)).code).toBe('onModeration');
  await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'accept' });
  expect((await portal.getStatus(id)).code).toBe('accepted');
  await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'auto' });
  const review = await portal.getStatus(id);
  expect(review).toMatchObject({ code: 'underRevision', reason: expect.any(String) });
  expect(review.nextAction).toMatchObject({ method: 'GET', endpoint: `/gwp/portal/api/v1/products/requests/${id}/duplicates` });

  // 4. Duplicate review: similarity is advisory; a human chooses to continue with a new card.
  const duplicates = await portal.getDuplicates(id);
  expect(duplicates.length).toBeGreaterThan(0);
  expect(duplicates.every((match) => match.similarity > 0 && match.similarity <= 100)).toBe(true);
  await portal.decideDuplicates(id, { decision: 'CONTINUE' });
  expect((await portal.getStatus(id)).code).toBe('onModeration');
  await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'auto' });
  expect(await portal.getStatus(id)).toEqual({ code: 'readyToPublish', value: 'Готов к публикации' });

  // 5. Publication assigns the NTIN.
  await portal.publishRequest(id);
  const done = await portal.getStatus(id);
  expect(done.code).toBe('completed');
  const ntin = done.ntinCode as string;
  expect(ntin).toMatch(/^0200\d{9}$/);
  expect(hasValidGs1CheckDigit(ntin)).toBe(true);
  expect(done.productUrl).toMatch(/^https:\/\/nationalcatalog\.kz\/product\/\d+$/);

  // 6. The card is in the catalogue: v2 lookup by NTIN…
  const [card] = await portal.getCards(ntin);
  expect(card).toMatchObject({ ntin, nameRu: name, requestType: 'base' });
  expect(done.productUrl).toBe(`https://nationalcatalog.kz/product/${card?.id}`);
  expect(card?.imageData.imageFiles.map((file) => file.fileName)).toEqual([front.filename, back.filename]);

  // …and the export feed from a cursor a few minutes back.
  const rows = await collect(exporter.rows({ from: startedAt - 300, limit: 1000 }));
  const row = rows.find((candidate) => candidate.ntin_code === ntin);
  expect(row).toMatchObject({ name_ru: name, ntin_isdeactivated: false });
  expect(row?.modified).toBeGreaterThanOrEqual(startedAt);
  expect(await exporter.lookup(ntin)).toHaveLength(1);

  // The request list agrees.
  const listed = (await portal.listRequests({ page: 1, size: 10, status: 'completed' })).content.find((item) => item.id === id);
  expect(listed?.productData.nameRu).toBe(name);
});
