/**
 * Cards (catalogue-api.md §4.1, §4.2), dictionaries (§4.19–§4.22) and file uploads (§4.17, §4.18).
 */
import { extname } from 'node:path';
import { pageParams, paged } from '../core.ts';
import { BodyTooLarge, fail, HttpError, json, readBody } from '../http.ts';
import { boundaryOf, parseMultipart } from '../multipart.ts';
import { route, type RequestContext, type Route } from '../router.ts';
import { dictionaryInfo, type SeedDictionary } from '../seed/dictionaries.ts';
import type { CardRecord } from '../seed/index.ts';
import { portalProduct } from '../views.ts';

export const maxUploadBytes = 5 * 1024 * 1024;

/** A 13-digit code starting `020` is read as an NTIN (GS1 restricted range); anything else as a GTIN. */
function lookup(ctx: RequestContext, tin: string): CardRecord[] {
  if (tin.length === 13 && tin.startsWith('020')) {
    const card = ctx.core.store.cardByNtin(tin);
    return card ? [card] : [];
  }
  return ctx.core.store.cardsByGtin(tin);
}

function requireDictionary(ctx: RequestContext): SeedDictionary {
  const code = ctx.params['dictionaryCode'] ?? '';
  const dictionary = ctx.core.seed.dictionary(code);
  if (!dictionary) throw fail.notFound(`справочник ${code} не найден`);
  return dictionary;
}

function tooLarge(): HttpError {
  return new HttpError(json(413, { code: 'VALIDATION_ERROR', message: "Ошибка валидации данных: 'file' — размер файла превышает 5 МБ" }));
}

type FileKind = 'photo' | 'document';

function sniff(data: Buffer, kind: FileKind): { extension: string } | undefined {
  if (kind === 'document') {
    const head = data.subarray(0, 1024).toString('latin1');
    return head.includes('%PDF-') ? { extension: 'pdf' } : undefined;
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { extension: 'jpg' };
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 8 && png.every((byte, index) => data[index] === byte)) return { extension: 'png' };
  return undefined;
}

async function upload(ctx: RequestContext, kind: FileKind) {
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  if (!boundary) throw fail.validation("'file' — ожидается multipart/form-data с частью file");
  let body: Uint8Array;
  try {
    body = await readBody(ctx.req, maxUploadBytes + 64 * 1024, 64 * 1024 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge();
    throw error;
  }
  const part = parseMultipart(Buffer.from(body.buffer, body.byteOffset, body.byteLength), boundary).find((candidate) => candidate.name === 'file');
  if (!part) throw fail.validation("'file' — часть file обязательна");
  if (part.data.length > maxUploadBytes) throw tooLarge();
  if (part.data.length === 0) throw fail.validation("'file' — файл пустой");
  const detected = sniff(part.data, kind);
  if (!detected) {
    throw fail.validation(kind === 'document' ? "'file' — допускаются только документы PDF" : "'file' — допускаются только изображения JPEG и PNG");
  }
  const originalFilename = part.filename ?? `file.${detected.extension}`;
  const filename = `${ctx.core.newFileId()}.${detected.extension}`;
  // Kept for the media route (the site's product images) before the upload is recorded, so a recorded photo
  // always has its bytes; documents are not served there.
  if (kind === 'photo') await ctx.core.media.put(filename, new Uint8Array(part.data));
  const record = ctx.core.store.addUpload({
    filename,
    originalFilename,
    fileExtension: extname(originalFilename).replace(/^\./, '') || detected.extension,
    sizeBytes: part.data.length,
    kind,
    createdAt: ctx.core.now(),
  });
  return json(200, {
    id: record.id,
    filename: record.filename,
    originalFilename: record.originalFilename,
    fileExtension: record.fileExtension,
    sizeBytes: record.sizeBytes,
    sizeMB: Math.round((record.sizeBytes / 1024 / 1024) * 1000) / 1000,
    createdAt: record.createdAt,
  });
}

const dictionaries = '/gwp/portal/api/v1/dictionaries';

export const catalogueRoutes: Route[] = [
  route('GET', '/gwp/portal/api/v2/products/{tin}', 'getProductByTin', (ctx) => {
    const tin = ctx.params['tin'] ?? '';
    if (!/^\d{13}$/.test(tin)) throw fail.validation("'tin' — ожидается 13 цифр (NTIN или GTIN)");
    return json(200, lookup(ctx, tin).map((card) => portalProduct(card, ctx.core.seed)));
  }),

  route('GET', '/gwp/portal/api/v1/products/{tin}', 'getProductByTin_1', (ctx) => {
    const tin = ctx.params['tin'] ?? '';
    if (!/^\d{13,14}$/.test(tin)) throw fail.validation("'tin' — ожидается NTIN (13 цифр) или GTIN (13–14 цифр)");
    const [card] = lookup(ctx, tin);
    if (!card) throw fail.notFound(`карточка ${tin} не найдена`);
    return json(200, portalProduct(card, ctx.core.seed));
  }),

  route('POST', '/gwp/portal/api/v1/storage/upload', 'uploadFile', (ctx) => upload(ctx, 'photo')),
  route('POST', '/gwp/portal/api/v1/storage/upload/document', 'uploadDocument', (ctx) => upload(ctx, 'document')),

  route('GET', dictionaries, 'getAllDictionaries', ({ core }) => json(200, [...core.seed.dictionaries.values()].map(dictionaryInfo))),

  route('GET', `${dictionaries}/{dictionaryCode}/roots`, 'getRootItems', (ctx) => json(200, requireDictionary(ctx).roots)),

  route('GET', `${dictionaries}/{dictionaryCode}/children/{parentId}`, 'getItemsByParentId', (ctx) => {
    const dictionary = requireDictionary(ctx);
    const parentId = Number(ctx.params['parentId']);
    if (!Number.isSafeInteger(parentId)) throw fail.validation("'parentId' — ожидается числовой id элемента");
    return json(200, dictionary.children.get(parentId) ?? []);
  }),

  route('GET', `${dictionaries}/{dictionaryCode}/items`, 'getItems', (ctx) => {
    const dictionary = requireDictionary(ctx);
    const { page, size } = pageParams(ctx.query);
    const search = ctx.query.get('search')?.trim().toLowerCase();
    const items = search
      ? dictionary.items.filter(
          (item) =>
            item.code.toLowerCase().startsWith(search) ||
            item.properties.nameRu.toLowerCase().includes(search) ||
            item.properties.nameKk.toLowerCase().includes(search),
        )
      : dictionary.items;
    return json(200, paged(items, page, size));
  }),
];
