import { useLiveQuery } from 'dexie-react-hooks';
import type { AttributeSchemas } from '../../../shared/application/schema.ts';
import { attributeDefinitionSchema, govAttributesSchema } from '../../../shared/catalogue/dto.ts';
import type { NcgDatabase } from '../../db/database.ts';

/**
 * The schemas stored by the last dictionary refresh: the base schema and, when the category's extended schema
 * was downloaded, its gov-attributes. Undefined while loading; `null` when nothing was downloaded yet.
 */
export async function loadAttributeSchemas(db: NcgDatabase, oktru: string): Promise<AttributeSchemas | null> {
  const [base, gov] = await db.attributeSchemas.bulkGet(['base', `gov:${oktru}`]);
  if (!base) return null;
  const parsedBase = attributeDefinitionSchema.array().safeParse(base.definitions);
  if (!parsedBase.success) return null;
  const parsedGov = gov ? govAttributesSchema.safeParse(gov.definitions) : undefined;
  return { base: parsedBase.data, gov: parsedGov?.success ? parsedGov.data : undefined };
}

export function useAttributeSchemas(db: NcgDatabase, oktru: string): AttributeSchemas | null | undefined {
  return useLiveQuery(() => loadAttributeSchemas(db, oktru), [db, oktru]);
}
