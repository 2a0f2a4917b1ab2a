/**
 * The portal client against a real sandbox with the real fetch: every one of the 22 operations, and every
 * branch of the status machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import {
  CatalogueError,
  collect,
  createPortalClient,
  portalOperationIds,
  portalOperations,
  type PortalClient,
} from '../../../src/shared/catalogue/index.ts';
import { admin, govBody, jpegBytes, pdfBytes, seed, validBody } from '../sandbox/fixtures.ts';

let sandbox: RunningSandbox;
let client: PortalClient;
const used = new Set<string>();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = createPortalClient({ baseUrl: sandbox.portalBaseUrl, apiKey: sandbox.apiKey, fetch: recordingFetch, sleep: async () => {} });
});

/** Which operations the tests exercise, recognised from method + path (literal paths before templates). */
const matchers = Object.values(portalOperations)
  .map((operation) => ({
    operation,
    regex: new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`),
    params: (operation.path.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

const recordingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const path = url.pathname.replace(/^\/gwp/, '');
  const method = init?.method ?? 'GET';
  const match = matchers.find((candidate) => candidate.operation.method === method && candidate.regex.test(path));
  if (match) used.add(match.operation.operationId);
  return fetch(input, init);
};
afterAll(async () => {
  await sandbox.close();
});

async function failure(promise: Promise<unknown>): Promise<CatalogueError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

const seedCard = (predicate: (card: ReturnType<typeof seed.cards.card>) => boolean) => {
  for (let index = 0; index < seed.cards.count; index += 1) {
    const card = seed.cards.card(index);
    if (predicate(card)) return card;
  }
  throw new Error('no such seed card');
};

describe('cards', () => {
  it('getCards (v2) returns an array, several for a shared GTIN, [] when unknown', async () => {
    const card = seedCard((c) => c.gtin !== undefined && seed.cards.indicesOfGtin(c.gtin).length > 1);
    const byGtin = await client.getCards(card.gtin as string);
    expect(byGtin.length).toBeGreaterThan(1);
    expect(byGtin.map((c) => c.ntin)).toContain(card.ntin);
    expect(byGtin[0]?.categoryAncestors).toHaveLength(4);
    expect(await client.getCards('0200999999993')).toEqual([]);
  });

  it('getCard (v1) returns one card with attribute values, null when unknown', async () => {
    const card = seedCard((c) => c.requestType === 'base');
    const found = await client.getCard(card.ntin);
    expect(found).toMatchObject({ id: card.id, ntin: card.ntin, nameRu: card.nameRu, requestType: 'base' });
    expect(found?.attributes.find((attribute) => attribute.code === 'country')?.values).toMatchObject({ code: card.country });
    expect(found?.imageData.imageFiles[0]).toMatchObject({ imageType: 'front' });
    expect(await client.getCard('0200999999993')).toBeNull();
  });

  it('refuses a malformed code before sending (validation error naming the input)', async () => {
    const error = await failure(client.getCards('12-34'));
    expect(error.kind).toBe('validation');
    expect(error.status).toBeUndefined();
    expect(error.attributeCodes).toContain('tin');
  });
});

describe('schemas and dictionaries', () => {
  it('reads the base schema and the gov schema of a category', async () => {
    const attributes = await client.getAttributes();
    expect(attributes.find((definition) => definition.code === 'measure')?.attributes?.map((child) => child.code)).toEqual(['measure_unit', 'quantity']);
    const gov = await client.getGovAttributes(validBody().oktru);
    expect(gov.mainAttributes.map((definition) => definition.code)).toContain('enstrus');
    expect((await failure(client.getGovAttributes('1020'))).kind).toBe('validation');
  });

  it('lists dictionaries, walks roots and children, and pages items (names read from properties)', async () => {
    const list = await client.listDictionaries();
    expect(list.map((dictionary) => dictionary.code)).toContain('COUNTRY');
    const roots = await client.getDictionaryRoots('OKTRU');
    expect(roots[0]).toMatchObject({ level: 1, hasChild: true, nameRu: 'Продукты пищевые, напитки', nameKk: 'Тамақ өнімдері, сусындар' });
    const children = await client.getDictionaryChildren('OKTRU', roots[0]?.id as number);
    expect(children.every((child) => child.parentId === roots[0]?.id)).toBe(true);
    const page = await client.getDictionaryItems({ dictionaryCode: 'COUNTRY', page: 1, size: 10 });
    expect(page.content).toHaveLength(10);
    expect(page.content[0]).toMatchObject({ code: 'KZ', nameRu: 'КАЗАХСТАН' });
    const all = await collect(client.iterateDictionaryItems('TNVED'));
    expect(all).toHaveLength(seed.dictionary('TNVED')?.items.length ?? -1);
    expect(all.filter((item) => item.isDeleted).length).toBeGreaterThan(0);
    const found = await client.getDictionaryItems({ dictionaryCode: 'COUNTRY', page: 1, size: 5, search: 'қазақ' });
    expect(found.content.map((item) => item.code)).toEqual(['KZ']);
    expect((await failure(client.getDictionaryItems({ dictionaryCode: 'TNVED', page: 0, size: 10 }))).kind).toBe('validation');
  });
});

describe('the status machine through the client', () => {
  it('new → update → delete; a deleted request is not-found', async () => {
    const id = await client.createRequest(validBody());
    expect(await client.getStatus(id)).toEqual({ code: 'new', value: 'Новая' });
    await client.updateRequest(id, validBody({ name: 'Переименованное молоко' }));
    expect((await client.getDetails(id)).attributes.find((attribute) => attribute.code === 'name_ru')?.value).toBe('Переименованное молоко');
    await client.deleteRequest(id);
    expect((await failure(client.getStatus(id))).kind).toBe('not-found');
  });

  it('wrong-status errors for publish/cancel/delete out of order, with retryable false', async () => {
    const id = await client.createRequest(validBody());
    for (const attempt of [client.publishRequest(id), client.cancelRequest(id), client.decideDuplicates(id, { decision: 'CONTINUE' })]) {
      const error = await failure(attempt);
      expect(error).toMatchObject({ kind: 'wrong-status', status: 422, code: 'UNEXPECTED_ERROR', retryable: false, messageKey: 'catalogue.errors.wrongStatus' });
    }
    await client.submitForModeration(id);
    expect((await failure(client.deleteRequest(id))).kind).toBe('wrong-status');
  });

  it('validation errors name the attribute codes', async () => {
    const body = validBody();
    const id = await client.createRequest({ ...body, attributes: body.attributes.filter((attribute) => attribute.code !== 'country') });
    const error = await failure(client.submitForModeration(id));
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: 'VALIDATION_ERROR', retryable: false });
    expect(error.attributeCodes).toContain('country');
    const xtin = await client.createRequest(validBody({ extra: [{ code: 'xtin', value: '1234567890123' }] }));
    const business = await failure(client.submitForModeration(xtin));
    expect(business).toMatchObject({ kind: 'wrong-status', code: 'BUSINESS_ERROR', messageKey: 'catalogue.errors.business' });
    expect(business.attributeCodes).toContain('xtin');
    const created = await failure(client.createRequest({ ...validBody(), attributes: [...validBody().attributes, { code: 'net_weight', value: '1 кг' }] }));
    expect(created.attributeCodes).toEqual(['net_weight']);
  });

  it('onModeration → cancelled → (update) new → onModeration → accepted → readyToPublish → completed (manual mode)', async () => {
    await admin(sandbox, 'PUT', '/moderation', { mode: 'manual' });
    try {
      const id = await client.createRequest(validBody());
      await client.submitForModeration(id);
      expect((await client.getStatus(id)).code).toBe('onModeration');
      await client.cancelRequest(id);
      expect((await client.getStatus(id)).code).toBe('cancelled');
      await client.updateRequest(id, validBody());
      expect((await client.getStatus(id)).code).toBe('new');
      await client.submitForModeration(id);
      await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'accept' });
      expect((await client.getStatus(id)).code).toBe('accepted');
      await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'approve' });
      expect((await client.getStatus(id)).code).toBe('readyToPublish');
      await client.publishRequest(id);
      const status = await client.getStatus(id);
      expect(status).toMatchObject({ code: 'completed', ntinCode: expect.stringMatching(/^0200\d{9}$/) });
      expect((await client.getDetails(id)).attributes.find((attribute) => attribute.code === 'ntin')?.value).toBe(status.ntinCode);
    } finally {
      await admin(sandbox, 'PUT', '/moderation', { mode: 'instant' });
    }
  });

  it('underRevision (moderator remarks) → update → resubmit → readyToPublish', async () => {
    const id = await client.createRequest(validBody({ name: `[revision] Кефир ${Date.now()}` }));
    await client.submitForModeration(id);
    const status = await client.getStatus(id);
    expect(status.code).toBe('underRevision');
    expect(status.revisionDetails?.[0]).toMatchObject({ attributeCode: 'name_kk' });
    await client.updateRequest(id, validBody({ name: `Кефир исправленный ${Date.now()}` }));
    await client.submitForModeration(id);
    expect((await client.getStatus(id)).code).toBe('readyToPublish');
  });

  it('underRevision (AI photo check) carries photoModeration', async () => {
    const id = await client.createRequest(validBody({ name: `[photo] Сметана ${Date.now()}` }));
    await client.submitForModeration(id);
    expect(await client.getStatus(id)).toMatchObject({ code: 'underRevision', photoModeration: { score: expect.any(Number) }, reason: expect.any(String) });
  });

  it('rejected by the moderator, and rejected because the card exists (with its NTIN)', async () => {
    const rejected = await client.createRequest(validBody({ name: `[reject] Йогурт ${Date.now()}` }));
    await client.submitForModeration(rejected);
    expect(await client.getStatus(rejected)).toMatchObject({ code: 'rejected', comment: expect.any(String) });
    expect((await client.getStatus(rejected)).ntinCode).toBeUndefined();
    const exists = await client.createRequest(validBody({ name: `[exists] Йогурт ${Date.now()}` }));
    await client.submitForModeration(exists);
    const status = await client.getStatus(exists);
    expect(status).toMatchObject({ code: 'rejected', ntinCode: expect.any(String), productUrl: expect.any(String) });
    expect(status.nextAction).toBeUndefined();
  });

  it('duplicates: USE_EXISTING → existingProductSelected with the chosen NTIN; CONTINUE → readyToPublish', async () => {
    const first = await client.createRequest(validBody({ name: `[similar] Творог ${Date.now()}` }));
    expect((await failure(client.getDuplicates(first))).kind).toBe('not-found');
    await client.submitForModeration(first);
    expect((await client.getStatus(first)).nextAction?.endpoint).toBe(`/gwp/portal/api/v1/products/requests/${first}/duplicates`);
    const duplicates = await client.getDuplicates(first);
    expect(duplicates[0]).toMatchObject({ orderNumber: 1, similarity: expect.any(Number) });
    expect((await failure(client.decideDuplicates(first, { decision: 'USE_EXISTING', ntin: '0200999999993' }))).kind).toBe('validation');
    await client.decideDuplicates(first, { decision: 'USE_EXISTING', ntin: duplicates[0]?.ntin as string });
    expect(await client.getStatus(first)).toMatchObject({ code: 'existingProductSelected', ntinCode: duplicates[0]?.ntin });

    const second = await client.createRequest(validBody({ name: `[similar] Творог ${Date.now()}` }));
    await client.submitForModeration(second);
    await client.decideDuplicates(second, { decision: 'CONTINUE' });
    expect((await client.getStatus(second)).code).toBe('readyToPublish');
  });

  it('autoPublication: true goes straight to completed', async () => {
    const id = await client.createRequest(validBody({ autoPublication: true }));
    await client.submitForModeration(id);
    expect((await client.getStatus(id)).code).toBe('completed');
  });

  it('an extended card: uploads, FRONT/BACK, completed with gzStatus', async () => {
    const front = await client.uploadPhoto({ file: jpegBytes(), fileName: 'front.jpg' });
    const back = await client.uploadPhoto({ file: new Blob([new Uint8Array(jpegBytes())], { type: 'image/jpeg' }), fileName: 'back.jpg' });
    const document = await client.uploadDocument({ file: pdfBytes(), fileName: 'Сертификат.pdf' });
    expect(front).toMatchObject({ filename: expect.stringMatching(/\.jpg$/), sizeBytes: 64 });
    expect(document.filename).toMatch(/\.pdf$/);
    const body = { ...govBody([{ fileName: front.filename, imageType: 'FRONT' }, { fileName: back.filename, imageType: 'back' }]), documents: [{ fileName: document.filename }] };
    const id = await client.createRequest(body);
    const details = await client.getDetails(id);
    expect(details.isGov).toBe(true);
    expect(details.imageData.imageFiles.map((file) => file.imageType)).toEqual(['front', 'back']);
    expect(details.documents.documents[0]?.fileName).toBe(document.filename);
    await client.submitForModeration(id);
    await client.publishRequest(id);
    expect(await client.getStatus(id)).toMatchObject({ code: 'completed', gzStatus: { code: 'publishingGz' } });
  });

  it('upload errors: a PDF as a photo and a JPEG as a document are validation errors', async () => {
    expect((await failure(client.uploadPhoto({ file: pdfBytes(), fileName: 'x.pdf' }))).kind).toBe('validation');
    expect((await failure(client.uploadDocument({ file: jpegBytes(), fileName: 'x.pdf' }))).kind).toBe('validation');
  });
});

describe('edit-product', () => {
  it('creates an edit draft, which is PUT back with a change and published over the same NTIN', async () => {
    const card = seedCard((c) => c.requestType === 'base' && !c.deactivated && !c.protectedByOwner);
    const draft = await client.editProduct(card.ntin);
    expect(draft.oktru).toBe(card.oktru);
    expect(draft.attributes.find((attribute) => attribute.code === 'name_ru')?.value).toBe(card.nameRu);
    const attributes = draft.attributes.map((attribute) => (attribute.code === 'article' ? { ...attribute, value: 'ART-EDITED' } : attribute));
    const renamed = attributes.map((attribute) => (attribute.code === 'name_ru' ? { ...attribute, value: 'Другое имя' } : attribute));
    const immutable = await failure(client.updateRequest(draft.productRequestId, { oktru: draft.oktru as string, autoPublication: true, attributes: renamed, imageFiles: draft.imageFiles }));
    expect(immutable.attributeCodes).toContain('name_ru');
    await client.updateRequest(draft.productRequestId, { oktru: draft.oktru as string, autoPublication: true, attributes, imageFiles: draft.imageFiles });
    await client.submitForModeration(draft.productRequestId);
    expect(await client.getStatus(draft.productRequestId)).toMatchObject({ code: 'completed', ntinCode: card.ntin });
    const updated = await client.getCard(card.ntin);
    expect(updated?.attributes.find((attribute) => attribute.code === 'article')?.value).toBe('ART-EDITED');
    expect(updated?.nameRu).toBe(card.nameRu);
  });

  it('maps 404 and the extended-card 422 to not-found and a business error', async () => {
    expect((await failure(client.editProduct('0200999999993'))).kind).toBe('not-found');
    const gov = seedCard((c) => c.requestType === 'gov');
    expect(await failure(client.editProduct(gov.ntin))).toMatchObject({ kind: 'wrong-status', code: 'BUSINESS_ERROR' });
  });
});

describe('request list', () => {
  it('lists, filters by status and iterates every page (newest first)', async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await client.createRequest(validBody()));
    const page = await client.listRequests({ page: 1, size: 2, status: 'new' });
    expect(page.content).toHaveLength(2);
    expect(page.totalPages).toBe(Math.ceil(page.totalElements / 2));
    expect(page.content[0]?.status).toEqual({ code: 'new', value: 'Новая' });
    expect(page.content[0]?.categoryAncestors).toHaveLength(4);
    const all = await collect(client.iterateRequests({ status: 'new', size: 2 }));
    expect(all.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(all).toHaveLength(page.totalElements);
    expect((await failure(client.listRequests({ page: 1, size: 101 }))).kind).toBe('validation');
  });
});

describe('coverage', () => {
  it('exercised all 22 portal operations', () => {
    expect(portalOperationIds).toHaveLength(22);
    expect([...used].sort()).toEqual([...portalOperationIds].sort());
  });
});

describe('configuration errors', () => {
  it('reports a base URL without /gwp as misconfigured (HTML answer), and a wrong key as unauthorised', async () => {
    const wrongBase = createPortalClient({ baseUrl: sandbox.origin, apiKey: sandbox.apiKey, fetch: (...args) => fetch(...args) });
    expect(await failure(wrongBase.getAttributes())).toMatchObject({ kind: 'misconfigured', retryable: false, messageKey: 'catalogue.errors.misconfigured' });
    const wrongKey = createPortalClient({ baseUrl: sandbox.portalBaseUrl, apiKey: 'wrong', fetch: (...args) => fetch(...args) });
    expect(await failure(wrongKey.getAttributes())).toMatchObject({ kind: 'unauthorised', status: 401, retryable: false });
  });
});
