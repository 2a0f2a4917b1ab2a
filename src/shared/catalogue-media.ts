/**
 * A photo of a card, fetched by its catalogue `fileName` (`catalogue:media`, both ends). The portal API offers
 * no download of uploaded files (§4.17 only uploads), but the catalogue's public site serves product images at
 * `https://e-catalog.gov.kz/media/products/...` (§10.2) — the export API's host.
 *
 * [guess] An uploaded photo is served there under the `filename` the upload answered (`<uuid>.jpg`). For the
 * production export hosts (nct.gov.kz and its alias e-catalog.gov.kz) the documented e-catalog.gov.kz is used;
 * for any other export base (the sandbox, a mirror) that base's own origin. Product images are public on that
 * site, so no key or token is sent at all; a redirect to another origin is refused all the same (only
 * same-origin hops are followed, like every catalogue call), and the answer must be a JPEG or PNG of at most
 * 5 MB, checked by its bytes before the page sees it.
 */
import { z } from 'zod';
import { exportHosts } from './catalogue/base-url.ts';
import { errorFromResponse, isCatalogueError, networkError, redirectRefused, timeoutError, unexpectedResponse, type CatalogueErrorData } from './catalogue/errors.ts';
import { fetchFollowingSameOrigin } from './catalogue/transport.ts';
import { isJpegOrPng } from './sync/upload-channel.ts';
import { maxUploadBytes } from './sync/types.ts';

/** The upload limit (§4.17): nothing larger was ever uploaded, so nothing larger is taken back. */
export const maxMediaBytes = maxUploadBytes;
const mediaTimeoutMs = 30_000;
const operation = 'media.product';

/** `<uuid>.jpg` and the like: no folders, no `..`, an image extension. */
export const mediaFileNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png)$/iu, 'a catalogue photo file name (<name>.jpg or .png)')
  .refine((name) => !name.includes('..'), 'a catalogue photo file name (<name>.jpg or .png)');

export const catalogueMediaRequestSchema = z.object({ fileName: mediaFileNameSchema });
export type CatalogueMediaRequest = z.infer<typeof catalogueMediaRequestSchema>;

const mediaMimeTypes = ['image/jpeg', 'image/png'] as const;
export type MediaMimeType = (typeof mediaMimeTypes)[number];

const imageBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes (Uint8Array)')
  .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= maxMediaBytes, `1 byte to ${String(maxMediaBytes)} bytes`)
  .refine(isJpegOrPng, 'a JPEG or PNG image');

export const catalogueMediaResultSchema = z.union([
  z.object({ ok: z.literal(true), mimeType: z.enum(mediaMimeTypes), bytes: imageBytesSchema }),
  z.object({ ok: z.literal(false), error: z.custom<CatalogueErrorData>((value) => typeof value === 'object' && value !== null && 'kind' in value) }),
]);
export type CatalogueMediaResult = z.infer<typeof catalogueMediaResultSchema>;

/** Where the site serves product images, for the configured export API (see the file comment). */
export function mediaOrigin(exportBaseUrl: string): string {
  const base = new URL(exportBaseUrl);
  return (exportHosts as readonly string[]).includes(base.hostname) ? 'https://e-catalog.gov.kz' : base.origin;
}

export function mediaUrl(exportBaseUrl: string, fileName: string): string {
  return `${mediaOrigin(exportBaseUrl)}/media/products/${encodeURIComponent(fileName)}`;
}

/** The body, or undefined once it passes `cap` (the rest is not read). */
async function readAtMost(response: Response, cap: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > cap ? undefined : bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export interface MediaFetchOptions {
  exportBaseUrl: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** Fetches one catalogue photo; every failure comes back as a typed error, never thrown. */
export async function fetchCatalogueMedia(options: MediaFetchOptions, request: CatalogueMediaRequest): Promise<CatalogueMediaResult> {
  const timeoutMs = options.timeoutMs ?? mediaTimeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const url = mediaUrl(options.exportBaseUrl, request.fileName);
    const response = await fetchFollowingSameOrigin({ fetch: options.fetch }, { operation, method: 'GET', url }, { Accept: 'image/jpeg, image/png' }, undefined, controller.signal);
    if (!response.ok) {
      const contentType = response.headers.get('content-type') ?? '';
      await response.body?.cancel().catch(() => undefined);
      throw errorFromResponse({ status: response.status, operation, html: /text\/html/iu.test(contentType) && response.status !== 404, outcomeUnknown: false });
    }
    const bytes = await readAtMost(response, maxMediaBytes);
    if (!bytes) throw unexpectedResponse(`${operation}: the image is larger than ${String(maxMediaBytes)} bytes`, operation, response.status);
    if (!isJpegOrPng(bytes)) throw unexpectedResponse(`${operation}: the answer is not a JPEG or PNG image`, operation, response.status);
    return { ok: true, mimeType: bytes[0] === 0xff ? 'image/jpeg' : 'image/png', bytes };
  } catch (error) {
    if (isCatalogueError(error)) return { ok: false, error: error.toData() };
    if (timedOut) return { ok: false, error: timeoutError(timeoutMs, operation).toData() };
    // Electron's net.fetch cancels a manual-mode redirect instead of returning it: nothing was followed.
    if (error instanceof Error && /redirect/iu.test(error.message)) return { ok: false, error: redirectRefused(operation, `the network layer stopped at a redirect (${error.message})`).toData() };
    return { ok: false, error: networkError(error, operation).toData() };
  } finally {
    clearTimeout(timer);
  }
}
