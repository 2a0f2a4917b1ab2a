/**
 * Product images, as the catalogue's site serves them (catalogue-api.md §10.2: `https://e-catalog.gov.kz/media/products/...`,
 * the export API's host): `GET /media/products/<fileName>` answers the bytes of a photo uploaded through
 * `/storage/upload` under the `filename` the upload returned. [guess] The real site serves uploads under that
 * name and without credentials; the sandbox asks for none either. Unknown names (the seed cards' photos were
 * never uploaded) are 404.
 */
import type { Reply } from '../http.ts';
import { route, type RequestContext, type Route } from '../router.ts';

export const mediaBase = '/media/products';

export function mediaNotFound(): Reply {
  return { status: 404, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: 'Not found.' };
}

async function productImage(ctx: RequestContext): Promise<Reply> {
  const fileName = ctx.params['fileName'] ?? '';
  const upload = ctx.core.store.upload(fileName);
  if (!upload || upload.kind !== 'photo') return mediaNotFound();
  const bytes = await ctx.core.media.get(fileName);
  if (!bytes) return mediaNotFound();
  return {
    status: 200,
    headers: {
      'Content-Type': fileName.endsWith('.png') ? 'image/png' : 'image/jpeg',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    },
    body: bytes,
  };
}

export const mediaRoutes: Route[] = [route('GET', `${mediaBase}/{fileName}`, 'media.product', productImage)];
