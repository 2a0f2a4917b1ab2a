/**
 * Where the spec contradicts itself the client is tolerant: v2 as array or object, 404 or [] as not found,
 * `filename` vs `fileName`, image type case, dictionary names in `properties` or at the top level, export
 * rows in `result`/`results`/a bare array. Plus base URLs, error classification and the message table.
 */
import { describe, expect, it } from 'vitest';
import {
  catalogueErrorKinds,
  CatalogueError,
  createPortalClient,
  errorFromResponse,
  extractAttributeCodes,
  extractRows,
  exportRowSchema,
  mayShareCredentials,
  normaliseExportBaseUrl,
  normalisePortalBaseUrl,
  portalCallSchema,
  portalOperations,
} from '../../../src/shared/catalogue/index.ts';
import { catalogueMessages } from '../../../src/shared/catalogue/messages.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';

function answering(status: number, body: unknown, contentType = 'application/json') {
  const calls: string[] = [];
  const client = createPortalClient({
    baseUrl: 'https://example.test/gwp',
    apiKey: 'k',
    fetch: (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
    }) as typeof fetch,
    sleep: async () => {},
  });
  return { client, calls };
}

const card = { id: 1, ntin: '0200253509538', nameRu: 'Шоколад', categoryAncestors: { level: 1, code: '1020', nameRu: 'Продукты' } };

describe('v2 card lookup', () => {
  it('wraps a single object into an array and reads a lone ancestor object as a list', async () => {
    const cards = await answering(200, card).client.getCards('0200253509538');
    expect(cards).toHaveLength(1);
    expect(cards[0]?.categoryAncestors).toEqual([{ level: 1, code: '1020', nameRu: 'Продукты', nameKk: undefined }]);
    expect(cards[0]?.attributes).toEqual([]);
    expect(cards[0]?.imageData).toEqual({ imageFiles: [] });
  });

  it('treats 404 and [] alike as "not in the catalogue"', async () => {
    expect(await answering(404, { code: 'NOT_FOUND', message: 'x' }).client.getCards('0200253509538')).toEqual([]);
    expect(await answering(200, []).client.getCards('0200253509538')).toEqual([]);
  });

  it('reads image files with `filename` or `fileName` and any case of imageType', async () => {
    const [found] = await answering(200, [{ ...card, imageData: { imageFiles: [{ filename: 'a.jpg', imageType: 'FRONT' }, { fileName: 'b.jpg', imageType: 'back' }] } }]).client.getCards('0200253509538');
    expect(found?.imageData.imageFiles.map((file) => [file.fileName, file.imageType])).toEqual([
      ['a.jpg', 'front'],
      ['b.jpg', 'back'],
    ]);
  });

  it('reads attribute values that arrive as numbers or booleans as strings', async () => {
    const [found] = await answering(200, [{ ...card, attributes: [{ code: 'quantity', dataType: 'number', nameRu: 'Кол-во', nameKk: 'Саны', value: 5 }, { code: 'x', dataType: 'boolean', nameRu: 'X', nameKk: null, value: true }] }]).client.getCards('0200253509538');
    expect(found?.attributes.map((attribute) => attribute.value)).toEqual(['5', 'true']);
  });
});

describe('uploads and dictionaries', () => {
  it('accepts `fileName` where `filename` is documented', async () => {
    const uploaded = await answering(200, { id: 3, fileName: 'x.jpg', sizeBytes: 10 }).client.uploadPhoto({ file: new Uint8Array([0xff, 0xd8, 0xff]), fileName: 'x.jpg' });
    expect(uploaded.filename).toBe('x.jpg');
  });

  it('sends the photo as multipart part `file`', async () => {
    let form: FormData | undefined;
    const client = createPortalClient({
      baseUrl: 'https://example.test/gwp',
      apiKey: 'k',
      fetch: (async (_input: string | URL | Request, init?: RequestInit) => {
        form = init?.body as FormData;
        return new Response(JSON.stringify({ id: 1, filename: 'u.jpg' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }) as typeof fetch,
    });
    await client.uploadPhoto({ file: new Uint8Array([1, 2, 3]), fileName: 'Фото.jpg', contentType: 'image/jpeg' });
    const part = form?.get('file');
    expect(part).toBeInstanceOf(Blob);
    expect((part as File).name).toBe('Фото.jpg');
    expect((part as File).size).toBe(3);
  });

  it('reads dictionary names from `properties` or from the top level', async () => {
    const items = await answering(200, [
      { id: 1, code: 'KZ', properties: { code: 'KZ', nameRu: 'КАЗАХСТАН', nameKk: 'ҚАЗАҚСТАН' } },
      { id: 2, code: 'RU', nameRu: 'РОССИЯ', nameKk: 'РЕСЕЙ' },
      { id: 3, properties: { code: 'CN', nameRu: 'КИТАЙ' } },
    ]).client.getDictionaryRoots('COUNTRY');
    expect(items.map((item) => [item.code, item.nameRu, item.nameKk, item.hasChild, item.isDeleted])).toEqual([
      ['KZ', 'КАЗАХСТАН', 'ҚАЗАҚСТАН', false, false],
      ['RU', 'РОССИЯ', 'РЕСЕЙ', false, false],
      ['CN', 'КИТАЙ', '', false, false],
    ]);
  });

  it('reports a 200 answer of the wrong shape as an unexpected (non-retryable) server answer', async () => {
    const error = await answering(200, { hello: 1 }).client.getStatus(4).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error).toMatchObject({ kind: 'server', retryable: false, messageKey: 'catalogue.errors.unexpectedResponse' });
  });

  it('accepts an empty or "no content" text body on successful mutations', async () => {
    await expect(answering(200, '', 'text/plain').client.publishRequest(1)).resolves.toBeUndefined();
    await expect(answering(200, 'no content', '*/*').client.cancelRequest(1)).resolves.toBeUndefined();
  });

  it('sends image types in lower case whatever the caller used', async () => {
    let sent = '';
    const client = createPortalClient({
      baseUrl: 'https://example.test/gwp',
      apiKey: 'k',
      fetch: (async (_input: string | URL | Request, init?: RequestInit) => {
        sent = String(init?.body);
        return new Response('{"id":1}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      }) as typeof fetch,
    });
    await client.createRequest({ oktru: '1020-0001-0001-100000001', autoPublication: false, attributes: [{ code: 'name_ru', value: 'x' }], imageFiles: [{ fileName: 'a.jpg', imageType: 'FRONT' }] });
    expect(JSON.parse(sent).imageFiles).toEqual([{ fileName: 'a.jpg', imageType: 'front' }]);
  });
});

describe('misconfiguration', () => {
  it('an HTML page with status 200 is `misconfigured`, never data', async () => {
    const error = await answering(200, '<!doctype html><html><body>SPA</body></html>', 'text/html').client.getCards('0200253509538').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'misconfigured', retryable: false });
  });

  it('an HTML 404 is misconfigured too; an HTML 502 from a proxy is a server error', () => {
    expect(errorFromResponse({ status: 404, html: true }).kind).toBe('misconfigured');
    expect(errorFromResponse({ status: 502, html: true }).kind).toBe('server');
  });
});

describe('base URLs', () => {
  it.each([
    ['https://nationalcatalog.kz', 'https://nationalcatalog.kz/gwp'],
    ['https://nationalcatalog.kz/', 'https://nationalcatalog.kz/gwp'],
    ['https://nct.kz', 'https://nct.kz/gwp'],
    ['https://nationalcatalog.kz/gwp/', 'https://nationalcatalog.kz/gwp'],
    ['http://127.0.0.1:8787/gwp', 'http://127.0.0.1:8787/gwp'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('portal %s → %s', (raw, expected) => {
    expect(normalisePortalBaseUrl(raw)).toBe(expected);
  });

  it('export bases get the API path, and a bad URL is misconfigured', () => {
    expect(normaliseExportBaseUrl('https://nct.gov.kz')).toBe('https://nct.gov.kz/api/integration/ofd');
    expect(normaliseExportBaseUrl('https://e-catalog.gov.kz/api/integration/ofd/')).toBe('https://e-catalog.gov.kz/api/integration/ofd');
    expect(() => normalisePortalBaseUrl('nationalcatalog.kz')).toThrow(CatalogueError);
    expect(() => normalisePortalBaseUrl('ftp://nationalcatalog.kz')).toThrow(/http/);
  });

  it('shares the export token only with the same origin or the known aliases', () => {
    expect(mayShareCredentials('https://nct.gov.kz/api/integration/ofd', 'https://nct.gov.kz/api/integration/ofd/ofd/?from=1')).toBe(true);
    expect(mayShareCredentials('https://nct.gov.kz/api/integration/ofd', 'https://e-catalog.gov.kz/api/integration/ofd/ofd/')).toBe(true);
    expect(mayShareCredentials('https://nct.gov.kz/api/integration/ofd', 'https://evil.example/ofd/')).toBe(false);
  });
});

describe('errors', () => {
  it('extracts attribute codes from quoted tokens, not from prose', () => {
    expect(extractAttributeCodes("Ошибка валидации данных: 'country' — обязательный атрибут; 'a4282e5d' — длина")).toEqual(['country', 'a4282e5d']);
    expect(extractAttributeCodes('Атрибут «name_kk» не заполнен')).toEqual(['name_kk']);
    expect(extractAttributeCodes('attribute gross_weight in the wrong group')).toEqual(['gross_weight']);
    expect(extractAttributeCodes('Ошибка валидации данных.')).toEqual([]);
  });

  it('round-trips as plain data (for the bridge)', () => {
    const error = errorFromResponse({ status: 429, retryAfterMs: 3000, operation: 'getStatus' });
    const copy = CatalogueError.fromData(JSON.parse(JSON.stringify(error.toData())));
    expect(copy).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 3000, messageKey: 'catalogue.errors.rateLimited' });
    expect(copy.is('rate-limited')).toBe(true);
  });

  it('has a message in every language for every key', () => {
    const keys = Object.keys(catalogueMessages.en.errors);
    for (const locale of ['en', 'ru', 'kk'] as const) {
      expect(Object.keys(catalogueMessages[locale].errors).sort()).toEqual([...keys].sort());
    }
    expect(catalogueErrorKinds).toHaveLength(10);
    const t = createTranslator('kk');
    expect(t('catalogue.errors.validation', { codes: 'brand' })).toContain('brand');
    expect(t('catalogue.errors.timeout')).toMatch(/[әғқңөұүһі]/);
  });
});

describe('operations as plain data', () => {
  it('describes 22 operations with method, path and input schemas (for a bridge channel)', () => {
    expect(Object.keys(portalOperations)).toHaveLength(22);
    const call = portalCallSchema.parse({ operation: 'getStatus', input: { id: 5 } });
    expect(portalOperations[call.operation].input.safeParse(call.input).success).toBe(true);
    expect(portalOperations.getStatus.input.safeParse({ id: 'x' }).success).toBe(false);
    expect(portalCallSchema.safeParse({ operation: 'rm -rf', input: {} }).success).toBe(false);
    expect(portalOperations.createProductRequest.retry).toBe('create');
  });
});

describe('export rows', () => {
  it.each([
    ['result', { result: [{ id: 1, modified: 1 }], next: null }],
    ['results', { results: [{ id: 1, modified: 1 }] }],
    ['data', { data: [{ id: 1, modified: 1 }] }],
    ['a bare array', [{ id: 1, modified: 1 }]],
    ['a single object', { id: 1, modified: 1, ntin_code: '0200253509538' }],
  ])('reads rows from %s', (_label, body) => {
    expect(extractRows(body)).toHaveLength(1);
  });

  it('normalises row fields (measure as object or string, flags, fractional modified)', () => {
    const row = exportRowSchema.parse({ id: '7', name_ru: 'Молоко', gtin: null, ntin_code: '0200253509538', is_social: 1, ntin_isdeactivated: 'false', modified: '1704069114.608', measure: 'шт', extra_field: 'kept' });
    expect(row).toMatchObject({ id: 7, gtin: '', is_social: true, ntin_isdeactivated: false, is_markedeac: false, modified: 1704069114.608, measure: 'шт', extra_field: 'kept' });
  });
});

describe('v2 code forms', () => {
  it.each([
    ['04870000000016', '4870000000016'],
    ['012345678905', '0012345678905'],
    ['4870000000016', '4870000000016'],
  ])('sends %s as %s', async (given, sent) => {
    const { client, calls } = answering(200, []);
    await client.getCards(given);
    expect(calls[0]).toBe(`https://example.test/gwp/portal/api/v2/products/${sent}`);
  });
});
