/**
 * One page of the export feed (catalogue-api.md §10) across the bridge, both ends: the host fetches it with its
 * own token; the page (the catalogue-copy worker) gets the rows or the typed CatalogueError back. The page may
 * ask for the first page (`from`, `limit`) or a `next` link the host handed out earlier; a link outside the
 * configured export API is refused, so the page cannot send the token elsewhere.
 */
import { z } from 'zod';
import { isCatalogueError, misconfigured, type CatalogueErrorData } from './catalogue/errors.ts';
import type { ExportClient } from './catalogue/export-client.ts';

export const maxExportPageRows = 5000;

export const exportPageRequestSchema = z.object({
  /** A `next` link from an earlier answer. */
  url: z.string().max(2048).optional(),
  /** Unix seconds, for the first page. */
  from: z.number().min(0).max(1e11).optional(),
  limit: z.number().int().min(1).max(maxExportPageRows).optional(),
});
export type ExportPageRequest = z.infer<typeof exportPageRequestSchema>;

export const exportPageResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    /** Rows as the host's client read them (re-checked by the receiver). */
    rows: z.array(z.record(z.string(), z.unknown())).max(maxExportPageRows),
    /** Rows the host could not read: a page with any is damaged. */
    skipped: z.number().int().min(0),
    next: z.string().max(2048).nullable(),
  }),
  z.object({ ok: z.literal(false), error: z.custom<CatalogueErrorData>((value) => typeof value === 'object' && value !== null && 'kind' in value) }),
]);
export type ExportPageResult = z.infer<typeof exportPageResultSchema>;

function isUnderBase(base: string, url: string): boolean {
  try {
    const target = new URL(url);
    const root = new URL(`${base}/`);
    return target.origin === root.origin && target.pathname.startsWith(root.pathname);
  } catch {
    return false;
  }
}

export async function runExportPage(client: ExportClient, request: ExportPageRequest): Promise<ExportPageResult> {
  try {
    if (request.url !== undefined && !isUnderBase(client.baseUrl, request.url)) throw misconfigured('export.feed: the next link leaves the export API', 'export.feed');
    const url = request.url ?? client.feedUrl({ from: request.from ?? 0, limit: request.limit ?? 1000 });
    const page = await client.fetchPage(url);
    if (page.rows.length > maxExportPageRows) throw misconfigured(`export.feed: more than ${maxExportPageRows} rows in one page`, 'export.feed');
    return { ok: true, rows: page.rows as Record<string, unknown>[], skipped: page.skipped.length, next: page.next ?? null };
  } catch (error) {
    if (isCatalogueError(error)) return { ok: false, error: error.toData() };
    throw error;
  }
}
