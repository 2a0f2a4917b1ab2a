/**
 * Paging helpers for the portal's 1-based pages (`page` ≥ 1, `size` ≤ 100; catalogue-api.md §2.6).
 */
import type { Page } from './dto.ts';

export const maxPageSize = 100;

export interface PagingOptions {
  /** Page size, 1–100 (default 100). */
  size?: number;
  /** First page (default 1). */
  startPage?: number;
  /** Stop after this many pages (default: all). */
  maxPages?: number;
}

/** Yields pages from `fetchPage(page, size)` until `page >= totalPages` or a page is empty. */
export async function* iteratePages<T>(
  fetchPage: (page: number, size: number) => Promise<Page<T>>,
  options: PagingOptions = {},
): AsyncGenerator<Page<T> & { page: number }> {
  const size = Math.min(Math.max(Math.trunc(options.size ?? maxPageSize), 1), maxPageSize);
  const first = Math.max(1, Math.trunc(options.startPage ?? 1));
  const limit = options.maxPages ?? Number.POSITIVE_INFINITY;
  for (let page = first, fetched = 0; fetched < limit; page += 1, fetched += 1) {
    const result = await fetchPage(page, size);
    if (result.content.length === 0) return;
    yield { ...result, page };
    if (page >= result.totalPages) return;
  }
}

/** Yields the items of every page in order. */
export async function* iterateItems<T>(
  fetchPage: (page: number, size: number) => Promise<Page<T>>,
  options: PagingOptions = {},
): AsyncGenerator<T> {
  for await (const page of iteratePages(fetchPage, options)) yield* page.content;
}

/** Collects an async iterable into an array (convenience for small dictionaries and tests). */
export async function collect<T>(iterable: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
