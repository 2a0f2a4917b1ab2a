/**
 * The sandbox against expectations written from catalogue-api.md, with raw fetch: status codes, bodies,
 * omitted fields, paging bounds, auth, HTML misconfiguration, CORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { govBody, portal, requestsPath, seed, validBody } from './fixtures.ts';

let sandbox: RunningSandbox;
let call: ReturnType<typeof portal>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  call = portal(sandbox);
});
afterAll(() => sandbox.close());

async function create(body = validBody()): Promise<number> {
  const response = await call('POST', requestsPath, { body });
  expect(response.status, response.text).toBe(200);
  return (response.json as unknown as { id: number }).id;
}

describe('transport rules (§2, §13.1–3)', () => {
  it.each([
    ['no key', null],
    ['a wrong key', 'not-the-key'],
  ])('answers 401 with a non-JSON body to %s', async (_label, key) => {
    const response = await call('GET', `${requestsPath}/attributes`, { key });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/json/);
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('answers 200 HTML for /portal/... without /gwp', async () => {
    const response = await fetch(`${sandbox.origin}/portal/api/v1/products/requests/attributes`, { headers: { 'X-API-KEY': sandbox.apiKey } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/^<!doctype html>/i);
  });

  // CORS (only for allowed origins) is covered in security.test.ts.

  it('answers 404 NOT_FOUND as ApiErrorDto for unknown API paths', async () => {
    const response = await call('GET', '/portal/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});

describe('paging bounds (§2.6, §13.9)', () => {
  it.each([
    ['page and size missing', ''],
    ['size missing', '?page=1'],
    ['page 0', '?page=0&size=10'],
    ['size 0', '?page=1&size=0'],
    ['size 101', '?page=1&size=101'],
    ['page not a number', '?page=x&size=10'],
  ])('request list: 400 VALIDATION_ERROR when %s', async (_label, query) => {
    const response = await call('GET', `${requestsPath}${query}`);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it.each([
    ['size 101', '?page=1&size=101'],
    ['page 0', '?page=0&size=5'],
  ])('dictionary items: 400 when %s', async (_label, query) => {
    const response = await call('GET', `/portal/api/v1/dictionaries/TNVED/items${query}`);
    expect(response.status).toBe(400);
  });

  it('pages dictionary items 1-based with the PageDto envelope', async () => {
    const first = await call('GET', '/portal/api/v1/dictionaries/tnved/items?page=1&size=100');
    expect(first.status).toBe(200);
    const page = first.json as unknown as { content: { code: string; properties: { nameRu: string } }[]; totalElements: number; totalPages: number };
    expect(page.content).toHaveLength(100);
    expect(page.totalElements).toBe(seed.dictionary('TNVED')?.items.length);
    expect(page.totalPages).toBe(Math.ceil(page.totalElements / 100));
    expect(page.content[0]?.code).toMatch(/^\d{10}$/);
    expect(page.content[0]?.properties.nameRu).toBeTruthy();
    const beyond = await call('GET', `/portal/api/v1/dictionaries/TNVED/items?page=${page.totalPages + 1}&size=100`);
    expect((beyond.json as unknown as { content: unknown[] }).content).toEqual([]);
  });

  it('accepts size 100 on the request list and returns the envelope', async () => {
    const response = await call('GET', `${requestsPath}?page=1&size=100`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ content: expect.any(Array), totalElements: expect.any(Number), totalPages: expect.any(Number) });
  });
});

describe('create: basic check only (§4.4, §13.5)', () => {
  it('returns 200 {id} (not 201) for a minimal draft', async () => {
    const response = await call('POST', requestsPath, {
      body: { oktru: validBody().oktru, autoPublication: false, attributes: [{ code: 'name_ru', value: 'Черновик' }] },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: expect.any(Number) });
  });

  it.each([
    ['oktru missing', { autoPublication: false, attributes: [{ code: 'name_ru', value: 'x' }] }, 'oktru'],
    ['name_ru missing', { oktru: '1020', autoPublication: false, attributes: [{ code: 'name_kk', value: 'x' }] }, 'name_ru'],
    ['an extended attribute in attributes', { ...validBody(), attributes: [...validBody().attributes, { code: 'gross_weight', value: '1 кг' }] }, 'gross_weight'],
    ['isGov: true on a base attribute', { ...validBody(), attributes: [...validBody().attributes, { code: 'article', value: 'A-1', isGov: true }] }, 'article'],
    ['a base attribute in mainExtendedAttributes', { ...validBody(), isGov: true, mainExtendedAttributes: [{ code: 'brand', value: 'X' }] }, 'brand'],
    ['a custom attribute with a code', { ...validBody(), isGov: true, customExtendedAttributes: [{ code: 'season', nameRu: 'С', nameKk: 'М', value: 'Лето' }] }, 'season'],
    ['a document that is not .pdf', { ...validBody(), documents: [{ fileName: 'scan.jpg' }] }, 'documents'],
    ['an unknown image type', { ...validBody(), imageFiles: [{ fileName: 'a.jpg', imageType: 'inside' }] }, 'imageFiles'],
  ])('400 VALIDATION_ERROR naming the code when %s', async (_label, body, code) => {
    const response = await call('POST', requestsPath, { body });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(String((response.json as unknown as { message: string }).message)).toContain(`'${code}'`);
  });

  it('accepts szpt_category and is_domestic with isGov: true inside attributes', async () => {
    const body = validBody({ extra: [{ code: 'szpt_category', value: 'SZPT-002', isGov: true }, { code: 'is_domestic', value: 'true', isGov: true }] });
    await create(body);
  });

  it('accepts FRONT/BACK in upper case and echoes what it stored', async () => {
    const id = await create({ ...validBody(), imageFiles: [{ fileName: 'x.jpg', imageType: 'FRONT' }] });
    const details = await call('GET', `${requestsPath}/${id}/details`);
    expect(details.json).toMatchObject({ imageData: { imageFiles: [{ fileName: 'x.jpg', imageType: 'FRONT' }] } });
  });
});

describe('status machine preconditions (§4.5–§4.9, §13.4)', () => {
  it('shows a new draft as a short status object with empty fields omitted', async () => {
    const id = await create();
    const status = await call('GET', `${requestsPath}/${id}/status`);
    expect(status.json).toEqual({ code: 'new', value: 'Новая' });
  });

  it.each([
    ['publish', 'PUT', 'publish'],
    ['cancel', 'PUT', 'cancel'],
    ['duplicate-decision', 'POST', 'duplicate-decision'],
  ])('refuses %s on a new draft with 422', async (_label, method, action) => {
    const id = await create();
    const response = await call(method, `${requestsPath}/${id}/${action}`, action === 'duplicate-decision' ? { body: { decision: 'CONTINUE' } } : {});
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'UNEXPECTED_ERROR' });
  });

  it('answers successful mutations with 200 and an empty body', async () => {
    const id = await create();
    const update = await call('PUT', `${requestsPath}/${id}`, { body: validBody() });
    expect([update.status, update.text]).toEqual([200, '']);
    const submit = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect([submit.status, submit.text]).toEqual([200, '']);
    const publish = await call('PUT', `${requestsPath}/${id}/publish`);
    expect([publish.status, publish.text]).toEqual([200, '']);
    const other = await create();
    const remove = await call('DELETE', `${requestsPath}/${other}`);
    expect([remove.status, remove.text]).toEqual([200, '']);
  });

  it('deletes only drafts, and a deleted draft is gone from the list', async () => {
    const id = await create();
    await call('PUT', `${requestsPath}/${id}/moderation`);
    expect((await call('DELETE', `${requestsPath}/${id}`)).status).toBe(422);
    const draft = await create();
    expect((await call('DELETE', `${requestsPath}/${draft}`)).status).toBe(200);
    expect((await call('GET', `${requestsPath}/${draft}/status`)).status).toBe(404);
    const list = await call('GET', `${requestsPath}?page=1&size=100&status=new`);
    expect((list.json as unknown as { content: { id: number }[] }).content.map((item) => item.id)).not.toContain(draft);
  });

  it('refuses moderation and update of a request waiting to be published', async () => {
    const id = await create();
    await call('PUT', `${requestsPath}/${id}/moderation`);
    expect((await call('GET', `${requestsPath}/${id}/status`)).json).toEqual({ code: 'readyToPublish', value: 'Готов к публикации' });
    expect((await call('PUT', `${requestsPath}/${id}/moderation`)).status).toBe(422);
    expect((await call('PUT', `${requestsPath}/${id}`, { body: validBody() })).status).toBe(422);
  });

  it('refuses to submit without required attributes (400 naming them) and keeps the status', async () => {
    const body = validBody();
    const id = await create({ ...body, attributes: body.attributes.filter((attribute) => attribute.code !== 'country' && attribute.code !== 'a4282e5d') });
    const response = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect(response.status).toBe(400);
    const message = (response.json as unknown as { message: string }).message;
    expect(message).toContain("'country'");
    expect(message).toContain("'a4282e5d'");
    expect((await call('GET', `${requestsPath}/${id}/status`)).json).toMatchObject({ code: 'new' });
  });

  it.each([
    ['a pattern', 'producer_identifier', '12345'],
    ['a dictionary (COUNTRY)', 'country', 'ZZ'],
    ['a multiDictionary part (TNVED)', 'tnved', `${seed.leaves[0]?.tnvedCodes[0]}@0000000001`],
    ['maxLength', 'short_name_ru', 'x'.repeat(151)],
    ['a boolean', 'is_domestic', 'yes'],
  ])('checks %s at moderation', async (_label, code, value) => {
    const body = validBody();
    const attributes = [...body.attributes.filter((attribute) => attribute.code !== code), { code, value }];
    const id = await create({ ...body, attributes });
    const response = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect(response.status).toBe(400);
    expect((response.json as unknown as { message: string }).message).toContain(`'${code}'`);
  });

  it('checks XTIN at moderation with a business error and no status change (§4.7)', async () => {
    const id = await create(validBody({ extra: [{ code: 'xtin', value: '0051234567890' }] }));
    const response = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'BUSINESS_ERROR' });
    expect((response.json as unknown as { message: string }).message).toContain("'xtin'");
    expect((await call('GET', `${requestsPath}/${id}/status`)).json).toMatchObject({ code: 'new' });
    const good = await create(validBody({ extra: [{ code: 'xtin', value: '0041234567890' }] }));
    expect((await call('PUT', `${requestsPath}/${good}/moderation`)).status).toBe(200);
  });

  it('requires FRONT and BACK photos (uploaded) for an extended card', async () => {
    const id = await create(govBody([{ fileName: 'front-not-uploaded.jpg', imageType: 'front' }]));
    const response = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect(response.status).toBe(400);
    const message = (response.json as unknown as { message: string }).message;
    expect(message).toContain('BACK');
    expect(message).toContain('front-not-uploaded.jpg');
  });

  it('refuses a deleted (legacy) ОКТРУ leaf at moderation', async () => {
    const legacy = seed.leaves.find((leaf) => leaf.isDeleted);
    const id = await create({ ...validBody(), oktru: legacy?.code ?? '' });
    const response = await call('PUT', `${requestsPath}/${id}/moderation`);
    expect(response.status).toBe(400);
    expect((response.json as unknown as { message: string }).message).toContain("'oktru'");
  });
});

describe('duplicates endpoints (§4.12, §4.13)', () => {
  it('answers 404 when no duplicate check ran', async () => {
    const id = await create();
    const response = await call('GET', `${requestsPath}/${id}/duplicates`);
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 400 to USE_EXISTING without ntin, and to an ntin not among the duplicates', async () => {
    const id = await create(validBody({ name: `[similar] Молоко ${Date.now()}` }));
    await call('PUT', `${requestsPath}/${id}/moderation`);
    expect((await call('POST', `${requestsPath}/${id}/duplicate-decision`, { body: { decision: 'USE_EXISTING' } })).status).toBe(400);
    expect((await call('POST', `${requestsPath}/${id}/duplicate-decision`, { body: { decision: 'USE_EXISTING', ntin: '0200999999993' } })).status).toBe(400);
    expect((await call('POST', `${requestsPath}/${id}/duplicate-decision`, { body: { decision: 'MAYBE' } })).status).toBe(400);
  });
});

describe('cards (§4.1, §4.2, §13.8)', () => {
  const card = seed.cards.card(0);
  const sharedIndex = Array.from({ length: seed.cards.count }, (_, index) => index).find((index) => {
    const candidate = seed.cards.card(index);
    return candidate.gtin !== undefined && seed.cards.indicesOfGtin(candidate.gtin).length > 1;
  });

  it('v2 returns an array by NTIN, [] when unknown, 400 for a code that is not 13 digits', async () => {
    const found = await call('GET', `/portal/api/v2/products/${card.ntin}`);
    expect(found.status).toBe(200);
    expect(found.json).toHaveLength(1);
    expect(found.json[0]).toMatchObject({ ntin: card.ntin, nameRu: card.nameRu, categoryAncestors: expect.any(Array) });
    expect((await call('GET', '/portal/api/v2/products/0200999999993')).json).toEqual([]);
    expect((await call('GET', '/portal/api/v2/products/123456789012')).status).toBe(400);
  });

  it('v2 returns every card sharing a GTIN', async () => {
    expect(sharedIndex).toBeDefined();
    const gtin = seed.cards.card(sharedIndex as number).gtin as string;
    const response = await call('GET', `/portal/api/v2/products/${gtin}`);
    expect((response.json as unknown as unknown[]).length).toBeGreaterThan(1);
  });

  it('v1 returns one card by NTIN or GTIN-14, 404 NOT_FOUND when unknown', async () => {
    const byNtin = await call('GET', `/portal/api/v1/products/${card.ntin}`);
    expect(byNtin.json).toMatchObject({ id: card.id, ntin: card.ntin, imageData: { imageFiles: expect.any(Array) } });
    const withGtin = seed.cards.card(sharedIndex as number);
    const byGtin14 = await call('GET', `/portal/api/v1/products/0${withGtin.gtin}`);
    expect(byGtin14.json).toMatchObject({ gtin: withGtin.gtin });
    const missing = await call('GET', '/portal/api/v1/products/0200999999993');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('schemas and dictionaries (§4.15–§4.22)', () => {
  it('serves the base attribute schema with codes, names, types and order', async () => {
    const response = await call('GET', `${requestsPath}/attributes?oktru=${validBody().oktru}`);
    const list = response.json as unknown as { code: string; nameRu: string; nameKk: string; dataType: string }[];
    expect(list.map((definition) => definition.code)).toEqual(expect.arrayContaining(['name_ru', 'name_kk', 'country', 'tnved', 'measure', 'xtin', 'gtin', 'a4282e5d']));
    for (const definition of list) expect(definition).toMatchObject({ nameRu: expect.any(String), nameKk: expect.any(String), dataType: expect.any(String) });
  });

  it('serves gov-attributes per leaf (main group the same everywhere) and 400 for other codes', async () => {
    const response = await call('GET', `${requestsPath}/categories/${validBody().oktru}/gov-attributes`);
    const schema = response.json as unknown as { mainAttributes: { code: string }[]; additionalAttributes: { code: string }[] };
    expect(schema.mainAttributes.map((definition) => definition.code)).toEqual(['enstrus', 'gross_weight', 'net_weight', 'volume', 'standards', 'package_dimensions', 'product_dimensions']);
    expect(schema.additionalAttributes.length).toBeGreaterThan(0);
    expect((await call('GET', `${requestsPath}/categories/1020/gov-attributes`)).status).toBe(400);
  });

  it('lists dictionaries and walks the ОКТРУ tree by numeric ids', async () => {
    const list = (await call('GET', '/portal/api/v1/dictionaries')).json as unknown as { code: string }[];
    expect(list.map((dictionary) => dictionary.code)).toEqual(expect.arrayContaining(['OKTRU', 'TNVED', 'COUNTRY', 'MEASURE_UNIT']));
    const roots = (await call('GET', '/portal/api/v1/dictionaries/OKTRU/roots')).json as unknown as { id: number; code: string; hasChild: boolean; level: number }[];
    expect(roots).toHaveLength(5);
    expect(roots[0]).toMatchObject({ level: 1, hasChild: true });
    const children = (await call('GET', `/portal/api/v1/dictionaries/OKTRU/children/${roots[0]?.id}`)).json as unknown as { parentId: number; level: number }[];
    expect(children.length).toBeGreaterThan(0);
    expect(children[0]).toMatchObject({ parentId: roots[0]?.id, level: 2 });
    expect((await call('GET', '/portal/api/v1/dictionaries/NOPE/roots')).status).toBe(404);
  });
});

describe('edit-product (§4.14)', () => {
  it('creates an edit draft in the PUT shape, with every array present', async () => {
    const card = seed.cards.card(Array.from({ length: 200 }, (_, index) => index).find((index) => {
      const candidate = seed.cards.card(index);
      return candidate.requestType === 'base' && !candidate.deactivated && !candidate.protectedByOwner;
    }) as number);
    const response = await call('POST', `${requestsPath}/${card.ntin}/edit-product`);
    expect(response.status).toBe(200);
    const draft = response.json as unknown as Record<string, unknown> & { attributes: { code: string; value?: string }[] };
    for (const key of ['attributes', 'mainExtendedAttributes', 'additionalExtendedAttributes', 'customExtendedAttributes', 'imageFiles', 'documents']) {
      expect(Array.isArray(draft[key]), key).toBe(true);
    }
    expect(draft).toMatchObject({ productRequestId: expect.any(Number), oktru: card.oktru, isGov: false });
    expect(draft.attributes.find((attribute) => attribute.code === 'ntin')?.value).toBe(card.ntin);
    expect(draft.attributes.find((attribute) => attribute.code === 'xtin')?.value).toBe('');
  });

  it('answers 404 for an unknown NTIN and 422 BUSINESS_ERROR for an extended card', async () => {
    expect((await call('POST', `${requestsPath}/0200999999993/edit-product`)).status).toBe(404);
    const govIndex = Array.from({ length: seed.cards.count }, (_, index) => index).find((index) => seed.cards.card(index).requestType === 'gov') as number;
    const response = await call('POST', `${requestsPath}/${seed.cards.card(govIndex).ntin}/edit-product`);
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'BUSINESS_ERROR' });
  });
});
