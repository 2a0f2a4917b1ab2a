/**
 * The catalogue's attribute schemas kept for offline work (`attributeSchemas` table): `base`, and
 * `gov:<oktru>` for a category's extended attributes.
 */
import type { AttributeSchemas } from '../../shared/application/schema.ts';
import type { Bridge } from '../../shared/bridge.ts';
import { callCatalogue } from '../../shared/catalogue-call.ts';
import { attributeDefinitionSchema, govAttributesSchema } from '../../shared/catalogue/dto.ts';
import type { NcgDatabase } from './database.ts';

export const baseSchemaKey = 'base';
export function govSchemaKey(oktru: string): string {
  return `gov:${oktru}`;
}

/**
 * The schemas stored by the last dictionary refresh: the base schema and, when the category's extended schema
 * was downloaded, its gov-attributes. `null` when nothing was downloaded yet.
 */
export async function loadAttributeSchemas(db: NcgDatabase, oktru: string): Promise<AttributeSchemas | null> {
  const [base, gov] = await db.attributeSchemas.bulkGet([baseSchemaKey, govSchemaKey(oktru)]);
  if (!base) return null;
  const parsedBase = attributeDefinitionSchema.array().safeParse(base.definitions);
  if (!parsedBase.success) return null;
  const parsedGov = gov ? govAttributesSchema.safeParse(gov.definitions) : undefined;
  return { base: parsedBase.data, gov: parsedGov?.success ? parsedGov.data : undefined };
}

/** Stores one schema as the catalogue sent it. */
export async function putAttributeSchema(db: NcgDatabase, key: string, definitions: unknown, now = Date.now()): Promise<void> {
  await db.attributeSchemas.put({ key, definitions, fetchedAt: now });
}

/** Stores several schemas in one transaction. */
export async function putAttributeSchemas(db: NcgDatabase, schemas: readonly { key: string; definitions: unknown }[], now = Date.now()): Promise<void> {
  if (schemas.length === 0) return;
  await db.attributeSchemas.bulkPut(schemas.map((schema) => ({ ...schema, fetchedAt: now })));
}

export async function hasAttributeSchema(db: NcgDatabase, key: string): Promise<boolean> {
  return (await db.attributeSchemas.get(key)) !== undefined;
}

/**
 * Downloads a category's extended schema when the officer picks it while online, so the extended card
 * can then be filled offline. Offline it quietly does nothing: the editor says what is missing.
 */
export async function fetchGovSchemaIfMissing(bridge: Bridge, db: NcgDatabase, oktru: string): Promise<boolean> {
  if (!oktru || (await hasAttributeSchema(db, govSchemaKey(oktru)))) return false;
  try {
    const gov = await callCatalogue(bridge, 'getGovCategoryAttributes', { oktru });
    await putAttributeSchema(db, govSchemaKey(oktru), gov);
    return true;
  } catch {
    return false;
  }
}
