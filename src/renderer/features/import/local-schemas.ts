/**
 * The attribute schemas and dictionaries of the local database, in the shapes the core's import takes:
 * a `SchemaSource` (base schema, and per ОКТРУ the stored extended schema) and a synchronous
 * `DictionaryLookup` filled beforehand with just the codes the file uses.
 */
import type { ColumnMapping, ImportTable, PreparedSchemas, SchemaSource } from '../../../shared/application/import/index.ts';
import { createDictionaryLookup, type DictionaryLookup } from '../../../shared/application/validate.ts';
import type { GovAttributes } from '../../../shared/catalogue/dto.ts';
import { splitMultiValue } from '../../../shared/codes/multi-value.ts';
import { validateOktru } from '../../../shared/codes/oktru.ts';
import { loadAttributeSchemas } from '../../db/attribute-schemas.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { getDictionaryItems, searchDictionary } from '../../db/dictionaries.ts';

export interface LocalSchemaSource {
  source: SchemaSource;
  /** ОКТРУ codes asked for whose extended schema is not stored. */
  missingGov: Set<string>;
}

/** Null when the base schema was never downloaded (or is unreadable). */
export async function loadSchemaSource(db: NcgDatabase): Promise<LocalSchemaSource | null> {
  const stored = await loadAttributeSchemas(db, '');
  if (!stored) return null;
  const missingGov = new Set<string>();
  const govAttributes = async (oktru: string): Promise<GovAttributes | undefined> => {
    const gov = oktru === '' ? undefined : (await loadAttributeSchemas(db, oktru))?.gov;
    if (!gov) missingGov.add(oktru);
    return gov;
  };
  return { source: { base: stored.base, govAttributes }, missingGov };
}

/** The ОКТРУ codes in the column the mapping names as the category (valid level-4 codes only: others get no schema). */
export function oktruCodesOf(table: ImportTable, mapping: ColumnMapping): string[] {
  const column = mapping.findIndex((target) => target.kind === 'oktru');
  if (column < 0) return [];
  const codes = new Set<string>();
  for (const row of table.rows) {
    const text = row.cells[column] ?? '';
    if (text !== '') codes.add(text);
  }
  return [...codes];
}

/** Codes worth asking the catalogue's extended schema for: well-formed leaf codes. */
export function isLeafOktru(code: string): boolean {
  const check = validateOktru(code);
  return check.valid && check.level === 4;
}

function normalisedOktru(code: string): string {
  const check = validateOktru(code);
  return check.valid ? check.normalized : code;
}

/** The dictionary a column's values belong to, if any. */
function dictionaryOfColumn(mapping: ColumnMapping, column: number, union: PreparedSchemas['union']): string | undefined {
  const target = mapping[column];
  if (!target) return undefined;
  if (target.kind === 'oktru') return 'OKTRU';
  if (target.kind === 'attribute') return union.byCode.get(target.code)?.definition.dictionaryCode;
  if (target.kind === 'part') return union.byCode.get(target.code)?.parts.get(target.part)?.dictionaryCode;
  return undefined;
}

/**
 * Reads the dictionary entries the file refers to (each code as written and in upper case, for the "did you
 * mean KZ" hint) and tells which dictionaries are stored at all: membership in a dictionary never downloaded
 * is unknown, not wrong.
 */
export async function loadDictionaryLookup(db: NcgDatabase, table: ImportTable, mapping: ColumnMapping, union: PreparedSchemas['union']): Promise<DictionaryLookup> {
  const wanted = new Map<string, Set<string>>();
  mapping.forEach((_target, column) => {
    const dictionary = dictionaryOfColumn(mapping, column, union)?.toUpperCase();
    if (!dictionary) return;
    const codes = wanted.get(dictionary) ?? new Set<string>();
    wanted.set(dictionary, codes);
    for (const row of table.rows) {
      const text = row.cells[column] ?? '';
      if (text === '') continue;
      for (const code of dictionary === 'OKTRU' ? [text, normalisedOktru(text)] : splitMultiValue(text)) {
        codes.add(code);
        codes.add(code.toUpperCase());
      }
    }
  });
  const present = new Map<string, { code: string }[]>();
  for (const dictionary of wanted.keys()) {
    const stored = await searchDictionary(db, dictionary, '', 1);
    if (stored.length > 0) present.set(dictionary, []);
  }
  const keys: [string, string][] = [];
  for (const [dictionary, codes] of wanted) if (present.has(dictionary)) for (const code of codes) keys.push([dictionary, code]);
  const items = await getDictionaryItems(db, keys);
  for (const item of items) if (item) present.get(item.dictionary)?.push({ code: item.code });
  return createDictionaryLookup(present);
}
