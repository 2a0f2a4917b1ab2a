/**
 * Column mappings remembered per header layout, in the `settings` table under `importer.mapping.<signature>`
 * (`headerSignature(headers)`), so the next file with the same headers needs no mapping step.
 */
import { z } from 'zod';
import type { ColumnMapping } from '../../../shared/application/import/index.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { readSetting, writeSetting } from '../../db/settings.ts';
import { targetFromKey, targetKey } from './mapping-targets.ts';

const savedMappingSchema = z.object({
  headers: z.array(z.string()),
  targets: z.array(z.string()),
  savedAt: z.number(),
});

export function mappingSettingKey(signature: string): string {
  return `importer.mapping.${signature}`;
}

/** The mapping saved for these headers, or undefined (also when what is stored does not fit them). */
export async function loadSavedMapping(db: NcgDatabase, signature: string, headers: readonly string[]): Promise<ColumnMapping | undefined> {
  const parsed = savedMappingSchema.safeParse(await readSetting(db, mappingSettingKey(signature)));
  if (!parsed.success || parsed.data.targets.length !== headers.length) return undefined;
  return parsed.data.targets.map(targetFromKey);
}

export async function saveMapping(db: NcgDatabase, signature: string, headers: readonly string[], mapping: ColumnMapping, now = Date.now()): Promise<void> {
  await writeSetting(db, mappingSettingKey(signature), { headers: [...headers], targets: mapping.map(targetKey), savedAt: now });
}
