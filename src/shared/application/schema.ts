/**
 * The attribute schemas an application is checked against, indexed once so that mapping and validating
 * thousands of drafts never rebuilds anything per draft.
 *
 * The base schema (`GET …/requests/attributes`) is global; the extended schema (`…/categories/{oktru}/
 * gov-attributes`) depends on the draft's ОКТРУ. The array an attribute arrives in decides its group
 * (catalogue-api.md §4.16: ignore `isMain`).
 */
import type { AttributeDefinition, GovAttributes } from '../catalogue/dto.ts';
import type { ValueGroup } from './draft.ts';

/** What the catalogue publishes for one ОКТРУ: the base schema plus, when known, its extended schema. */
export interface AttributeSchemas {
  readonly base: readonly AttributeDefinition[];
  readonly gov?: GovAttributes | undefined;
}

/** One attribute of the schema with its group, its position and, for compounds, its parts. */
export interface IndexedAttribute {
  readonly code: string;
  readonly definition: AttributeDefinition;
  readonly group: ValueGroup;
  /** Position in the group (by `attributeOrder`, then as listed). */
  readonly order: number;
  /** Parts of a compound attribute (`measure` → `measure_unit`, `quantity`) by code, in `index` order. */
  readonly parts: ReadonlyMap<string, AttributeDefinition>;
}

export interface SchemaIndex {
  readonly kind: 'schema-index';
  readonly schemas: AttributeSchemas;
  /** Every attribute by code. A code listed in two groups keeps its first (base before extended). */
  readonly byCode: ReadonlyMap<string, IndexedAttribute>;
  /** Each group's attributes in schema order. */
  readonly groups: Readonly<Record<ValueGroup, readonly IndexedAttribute[]>>;
  /** A compound part's code → the compounds that have it (`quantity` → [`measure`]; `width` → both dimensions). */
  readonly partOwners: ReadonlyMap<string, readonly string[]>;
}

/** The wire name of each group in the request body (§5.1). */
export const wireGroupNames: Readonly<Record<ValueGroup, 'attributes' | 'mainExtendedAttributes' | 'additionalExtendedAttributes'>> = {
  base: 'attributes',
  mainExtended: 'mainExtendedAttributes',
  additionalExtended: 'additionalExtendedAttributes',
};

function byOrder(list: readonly AttributeDefinition[]): AttributeDefinition[] {
  return list
    .map((definition, position) => ({ definition, position }))
    .sort((a, b) => (a.definition.attributeOrder ?? Number.MAX_SAFE_INTEGER) - (b.definition.attributeOrder ?? Number.MAX_SAFE_INTEGER) || a.position - b.position)
    .map(({ definition }) => definition);
}

function partsOf(definition: AttributeDefinition): Map<string, AttributeDefinition> {
  const parts = new Map<string, AttributeDefinition>();
  const list = (definition.attributes ?? [])
    .map((part, position) => ({ part, position }))
    .sort((a, b) => (a.part.index ?? Number.MAX_SAFE_INTEGER) - (b.part.index ?? Number.MAX_SAFE_INTEGER) || a.position - b.position);
  for (const { part } of list) if (!parts.has(part.code)) parts.set(part.code, part);
  return parts;
}

/** True for a compound definition (it has parts). */
export function isCompound(definition: AttributeDefinition): boolean {
  return (definition.attributes?.length ?? 0) > 0;
}

const indexCache = new WeakMap<AttributeSchemas, SchemaIndex>();

/** Indexes schemas (memoised per schemas object: pass the same object for a whole batch). */
export function indexSchemas(schemas: AttributeSchemas): SchemaIndex {
  const cached = indexCache.get(schemas);
  if (cached) return cached;
  const byCode = new Map<string, IndexedAttribute>();
  const partOwners = new Map<string, string[]>();
  const groups: Record<ValueGroup, IndexedAttribute[]> = { base: [], mainExtended: [], additionalExtended: [] };
  const add = (group: ValueGroup, list: readonly AttributeDefinition[]) => {
    byOrder(list).forEach((definition, order) => {
      if (byCode.has(definition.code)) return;
      const entry: IndexedAttribute = { code: definition.code, definition, group, order, parts: partsOf(definition) };
      byCode.set(definition.code, entry);
      groups[group].push(entry);
      for (const part of entry.parts.keys()) {
        const owners = partOwners.get(part) ?? [];
        owners.push(definition.code);
        partOwners.set(part, owners);
      }
    });
  };
  add('base', schemas.base);
  add('mainExtended', schemas.gov?.mainAttributes ?? []);
  add('additionalExtended', schemas.gov?.additionalAttributes ?? []);
  const index: SchemaIndex = { kind: 'schema-index', schemas, byCode, groups, partOwners };
  indexCache.set(schemas, index);
  return index;
}

/** Accepts raw schemas or an index built earlier. */
export function toSchemaIndex(schemas: AttributeSchemas | SchemaIndex): SchemaIndex {
  return 'kind' in schemas && schemas.kind === 'schema-index' ? schemas : indexSchemas(schemas as AttributeSchemas);
}

const patternCache = new WeakMap<AttributeDefinition, RegExp | null>();

/**
 * The definition's `pattern` as a full-match RegExp (the portal is a Java service: `String.matches`
 * semantics, so the pattern must match the whole value). A leading Java inline flag `(?i)` becomes the `i`
 * flag. A pattern JavaScript cannot compile gives null: the check is skipped rather than guessed.
 */
export function compiledPattern(definition: AttributeDefinition): RegExp | null {
  if (!definition.pattern) return null;
  const cached = patternCache.get(definition);
  if (cached !== undefined) return cached;
  let source = definition.pattern;
  let flags = 'u';
  const inline = /^\(\?([imsux]+)\)/u.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1]?.includes('i')) flags += 'i';
    if (inline[1]?.includes('s')) flags += 's';
  }
  let compiled: RegExp | null;
  try {
    compiled = new RegExp(`^(?:${source})$`, flags);
  } catch {
    try {
      compiled = new RegExp(`^(?:${source})$`, flags.replace('u', ''));
    } catch {
      compiled = null;
    }
  }
  patternCache.set(definition, compiled);
  return compiled;
}

/** The dictionaries an index's attributes (and compound parts) refer to, upper-case, plus OKTRU for the category. */
export function dictionaryCodes(index: SchemaIndex): string[] {
  const codes = new Set<string>(['OKTRU']);
  for (const entry of index.byCode.values()) {
    if (entry.definition.dictionaryCode) codes.add(entry.definition.dictionaryCode.toUpperCase());
    for (const part of entry.parts.values()) if (part.dictionaryCode) codes.add(part.dictionaryCode.toUpperCase());
  }
  return [...codes];
}
