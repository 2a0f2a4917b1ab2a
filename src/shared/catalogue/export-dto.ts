/**
 * Shapes of the nct.gov.kz integration («ОФД») API (catalogue-api.md §10). Documented only by a Postman
 * collection and integrators' reports, so every parse here is defensive.
 */
import { z } from 'zod';

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((value) => value === true || value === 1 || value === 'true' || value === '1');

/** `measure` is an object (`code`, `name`, `short_name`) for some clients and a plain string for others. */
export const exportMeasureSchema = z
  .union([
    z.string(),
    z
      .object({ code: text.optional(), name: text.optional(), short_name: text.optional() })
      .loose(),
  ])
  .nullish()
  .transform((value) => value ?? undefined);
export type ExportMeasure = z.infer<typeof exportMeasureSchema>;

/** One catalogue row of the export and search answers. Unknown fields are kept (e.g. deactivation reasons). */
export const exportRowSchema = z
  .object({
    id: z.union([z.number(), z.string()]).transform(Number),
    name_ru: text,
    name_kk: text,
    gtin: text,
    ntin_code: text,
    is_social: flag,
    is_markedeac: flag,
    ntin_isdeactivated: flag,
    /**
     * Unix seconds, possibly fractional. A card without it is still a card (dropping it would make a registered
     * product read as "not in the catalogue"): it reads as 0, so it never advances the `from` cursor.
     */
    modified: z
      .union([z.number(), z.string()])
      .nullish()
      .transform((value) => {
        const seconds = value === null || value === undefined || value === '' ? 0 : Number(value);
        return Number.isFinite(seconds) ? seconds : 0;
      }),
    measure: exportMeasureSchema,
  })
  .loose();
export type ExportRow = z.infer<typeof exportRowSchema>;

/** Reads the row list from `result` (documented), `results`, `data`, a bare array, or a single row. */
export function extractRows(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['result', 'results', 'data'] as const) {
      const value = record[key];
      if (Array.isArray(value)) return value;
      if (value && typeof value === 'object') return [value];
    }
    if ('ntin_code' in record || 'id' in record) return [record];
  }
  return [];
}

/** The `next` link of an export page: an absolute URL, or null/empty at the end. */
export function extractNext(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const next = (body as Record<string, unknown>)['next'];
  return typeof next === 'string' && next.trim() !== '' ? next : undefined;
}
