/**
 * Draft ⇄ the portal's request body (catalogue-api.md §5, domain-rules §3.2).
 *
 * To the wire: every coded value goes to the group the schema lists its code in (`attributes`,
 * `mainExtendedAttributes`, `additionalExtendedAttributes`), in schema order; a code the schema does not
 * know stays in the group the draft holds it in (the portal will name it in its error, and `validateDraft`
 * already has). Compounds become `{ code, attributes: [{ code, value }, …] }` with no `value`;
 * multiDictionary arrays are joined with `@`; additional extended attributes carry their `nameRu`/`nameKk`
 * as the spec's examples do; photos become `imageFiles` (lower-case `imageType`, as the schema's enum) and
 * documents `documents`, both only once uploaded (they need the portal's `fileName`). Empty values are
 * omitted. An edit (`editOfNtin`) sends `ntin` and omits the immutable attributes, so the card's own values
 * are kept (§4.4: "omit them").
 *
 * From the wire: the reverse, keeping each value in the group it arrived in (so a misplaced attribute
 * shows up in validation instead of being silently moved).
 */
import type { AttributeDefinition, AttributeValue, EditProductResponse, ProductRequestBody, RequestDetails } from '../catalogue/dto.ts';
import { imageTypes, type ImageType } from '../catalogue/dto.ts';
import { joinMultiValue, splitMultiValue } from '../codes/multi-value.ts';
import {
  emptyDraft,
  immutableOnEdit,
  valueGroups,
  type ApplicationDraft,
  type ConformityDocument,
  type DraftCompoundValue,
  type DraftDocumentRef,
  type DraftPartValue,
  type DraftValue,
  type ValueGroup,
} from './draft.ts';
import { isCompound, toSchemaIndex, type AttributeSchemas, type SchemaIndex } from './schema.ts';

export interface ToBodyOptions {
  /** The document register, to find each attached document's uploaded `fileName`. */
  documents?: { get(id: string): ConformityDocument | undefined };
}

function partToWire(value: DraftPartValue): string {
  return Array.isArray(value) ? joinMultiValue(value.map((part) => part.trim()).filter((part) => part !== '')) : value;
}

function valueToWire(code: string, value: DraftValue, definition: AttributeDefinition | undefined, withNames: boolean): AttributeValue | undefined {
  const names = withNames && definition ? { nameRu: definition.nameRu, nameKk: definition.nameKk } : {};
  if (typeof value === 'string' || Array.isArray(value)) {
    const text = partToWire(value);
    return text.trim() === '' ? undefined : { code, value: text, ...names };
  }
  const parts: AttributeValue[] = [];
  const known = definition?.attributes ? [...definition.attributes].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((part) => part.code) : [];
  const order = [...known, ...Object.keys(value).filter((part) => !known.includes(part))];
  for (const partCode of order) {
    const partValue = value[partCode];
    if (partValue === undefined) continue;
    const text = partToWire(partValue);
    if (text.trim() !== '') parts.push({ code: partCode, value: text });
  }
  return parts.length === 0 ? undefined : { code, ...names, attributes: parts };
}

/** The request body of create/update for a draft. */
export function draftToRequestBody(draft: ApplicationDraft, schemas: AttributeSchemas | SchemaIndex, options: ToBodyOptions = {}): ProductRequestBody {
  const index = toSchemaIndex(schemas);
  const editing = draft.editOfNtin !== undefined;
  const placed: Record<ValueGroup, { order: number; item: AttributeValue }[]> = { base: [], mainExtended: [], additionalExtended: [] };
  let unknownOrder = Number.MAX_SAFE_INTEGER / 2;
  for (const group of valueGroups) {
    for (const [code, value] of Object.entries(draft.values[group])) {
      const entry = index.byCode.get(code);
      const target = entry?.group ?? group;
      if (editing && target === 'base' && immutableOnEdit.includes(code)) continue;
      const item = valueToWire(code, value, entry?.definition, target === 'additionalExtended');
      if (item) placed[target].push({ order: entry?.order ?? unknownOrder++, item });
    }
  }
  const ordered = (group: ValueGroup) => placed[group].sort((a, b) => a.order - b.order).map(({ item }) => item);

  const body: ProductRequestBody = { oktru: draft.oktru, autoPublication: draft.autoPublication, attributes: ordered('base') };
  if (editing) body.ntin = draft.editOfNtin;
  if (draft.isGov) body.isGov = true;
  const main = ordered('mainExtended');
  const additional = ordered('additionalExtended');
  const custom = draft.custom
    .filter((attribute) => attribute.nameRu.trim() !== '' || attribute.nameKk.trim() !== '' || attribute.value.trim() !== '')
    .map(({ nameRu, nameKk, value }) => ({ nameRu, nameKk, value }));
  if (draft.isGov || main.length > 0) body.mainExtendedAttributes = main;
  if (draft.isGov || additional.length > 0) body.additionalExtendedAttributes = additional;
  if (draft.isGov || custom.length > 0) body.customExtendedAttributes = custom;

  const imageFiles: { fileName: string; imageType: string }[] = [];
  for (const imageType of imageTypes) {
    const fileName = draft.photos[imageType]?.fileName;
    if (fileName) imageFiles.push({ fileName, imageType });
  }
  if (imageFiles.length > 0) body.imageFiles = imageFiles;

  const documents: { fileName: string }[] = [];
  for (const ref of draft.documents) {
    const fileName = (ref.documentId === undefined ? undefined : options.documents?.get(ref.documentId)?.fileName) ?? ref.fileName;
    if (fileName) documents.push({ fileName });
  }
  if (documents.length > 0) body.documents = documents;
  return body;
}

// ----------------------------------------------------------------------------------------- from the wire

export interface ToDraftOptions {
  /** Local id of the new draft. */
  id: string;
  /** Finds the register entry of an uploaded document by its portal `fileName`. */
  documentIdForFile?: (fileName: string) => string | undefined;
}

function partFromWire(text: string, definition: AttributeDefinition | undefined): DraftPartValue {
  return definition?.dataType === 'multiDictionary' ? splitMultiValue(text) : text;
}

function valueFromWire(item: AttributeValue, definition: AttributeDefinition | undefined): DraftValue | undefined {
  if (item.attributes && item.attributes.length > 0) {
    const parts: DraftCompoundValue = {};
    for (const part of item.attributes) {
      if (!part.code) continue;
      const partDefinition = definition?.attributes?.find((candidate) => candidate.code === part.code);
      const value = partFromWire(part.value ?? '', partDefinition);
      if (typeof value === 'string' ? value !== '' : value.length > 0) parts[part.code] = value;
    }
    return Object.keys(parts).length === 0 ? undefined : parts;
  }
  const value = partFromWire(item.value ?? '', definition);
  if (typeof value === 'string' ? value === '' : value.length === 0) return undefined;
  return value;
}

function addGroup(draft: ApplicationDraft, group: ValueGroup, items: readonly AttributeValue[] | undefined, index: SchemaIndex): void {
  for (const item of items ?? []) {
    if (!item.code) {
      // A coded group holding a code-less item: it can only be a custom characteristic.
      if (group !== 'base') draft.custom.push({ nameRu: item.nameRu ?? '', nameKk: item.nameKk ?? '', value: item.value ?? '' });
      continue;
    }
    const value = valueFromWire(item, index.byCode.get(item.code)?.definition);
    if (value !== undefined) draft.values[group][item.code] = value;
  }
}

function photosFrom(files: readonly { fileName: string; imageType?: string | undefined }[] | undefined): ApplicationDraft['photos'] {
  const photos: ApplicationDraft['photos'] = {};
  for (const file of files ?? []) {
    const type = file.imageType?.toLowerCase();
    if (file.fileName && type && (imageTypes as readonly string[]).includes(type)) photos[type as ImageType] = { fileName: file.fileName };
  }
  return photos;
}

function documentsFrom(files: readonly { fileName: string }[] | undefined, options: ToDraftOptions): DraftDocumentRef[] {
  return (files ?? [])
    .filter((file) => file.fileName !== '')
    .map((file) => {
      const documentId = options.documentIdForFile?.(file.fileName);
      return documentId === undefined ? { fileName: file.fileName } : { documentId, fileName: file.fileName };
    });
}

function rememberImmutable(draft: ApplicationDraft): void {
  if (draft.editOfNtin === undefined) return;
  const original: Record<string, string> = {};
  for (const code of immutableOnEdit) {
    const value = draft.values.base[code];
    if (typeof value === 'string' && value !== '') original[code] = value;
    else if (Array.isArray(value) && value.length > 0) original[code] = joinMultiValue(value);
  }
  if (Object.keys(original).length > 0) draft.editOriginal = original;
}

/** A draft from a request body (ours, or one read back from the portal). */
export function requestBodyToDraft(body: ProductRequestBody, schemas: AttributeSchemas | SchemaIndex, options: ToDraftOptions): ApplicationDraft {
  const index = toSchemaIndex(schemas);
  const draft = emptyDraft({ id: options.id, oktru: body.oktru, isGov: body.isGov === true, autoPublication: body.autoPublication });
  if (body.ntin !== undefined && body.ntin !== '') draft.editOfNtin = body.ntin;
  addGroup(draft, 'base', body.attributes, index);
  addGroup(draft, 'mainExtended', body.mainExtendedAttributes, index);
  addGroup(draft, 'additionalExtended', body.additionalExtendedAttributes, index);
  for (const item of body.customExtendedAttributes ?? []) {
    draft.custom.push({ nameRu: item.nameRu ?? '', nameKk: item.nameKk ?? '', value: item.value ?? '' });
  }
  draft.photos = photosFrom(body.imageFiles);
  draft.documents = documentsFrom(body.documents, options);
  return draft;
}

/**
 * A draft from an edit-product answer (§4.14). The NTIN comes from the `ntin` attribute; the immutable
 * attributes' values are remembered in `editOriginal`. A legacy card's `oktru: null` becomes `''`, which
 * validation reports (a valid code must be chosen before PUT).
 */
export function editProductToDraft(answer: EditProductResponse, schemas: AttributeSchemas | SchemaIndex, options: ToDraftOptions & { ntin?: string }): ApplicationDraft {
  const index = toSchemaIndex(schemas);
  const draft = emptyDraft({ id: options.id, oktru: answer.oktru ?? '', isGov: answer.isGov, autoPublication: answer.autoPublication });
  addGroup(draft, 'base', answer.attributes, index);
  addGroup(draft, 'mainExtended', answer.mainExtendedAttributes, index);
  addGroup(draft, 'additionalExtended', answer.additionalExtendedAttributes, index);
  for (const item of answer.customExtendedAttributes) draft.custom.push({ nameRu: item.nameRu ?? '', nameKk: item.nameKk ?? '', value: item.value ?? '' });
  const ntin = options.ntin ?? (typeof draft.values.base.ntin === 'string' ? draft.values.base.ntin : undefined);
  if (ntin) draft.editOfNtin = ntin;
  draft.photos = photosFrom(answer.imageFiles);
  draft.documents = documentsFrom(answer.documents, options);
  rememberImmutable(draft);
  return draft;
}

/** A filled attribute definition (as `/details` returns it) as a code/value pair: `value`, else `values`/`multiValues` codes. */
function definitionToValue(definition: AttributeDefinition): AttributeValue {
  const nested = definition.attributes?.map(definitionToValue).filter((part) => part.value !== undefined || part.attributes !== undefined);
  if (nested && nested.length > 0 && isCompound(definition)) return { code: definition.code, attributes: nested };
  if (definition.value !== undefined && definition.value !== '') return { code: definition.code, value: definition.value };
  const multi = definition.multiValues ?? (Array.isArray(definition.values) ? definition.values : undefined);
  if (multi && multi.length > 0) return { code: definition.code, value: joinMultiValue(multi.map((item) => item.code)) };
  if (definition.values && !Array.isArray(definition.values)) return { code: definition.code, value: definition.values.code };
  return { code: definition.code };
}

/**
 * A draft from a `/details` answer (§4.11). Details list every attribute in one array, so each goes to the
 * group the schema lists it in (unknown codes to base). The ОКТРУ is the deepest ancestor's code.
 */
export function requestDetailsToDraft(details: RequestDetails, schemas: AttributeSchemas | SchemaIndex, options: ToDraftOptions): ApplicationDraft {
  const index = toSchemaIndex(schemas);
  const deepest = [...details.categoryAncestors].sort((a, b) => b.level - a.level)[0];
  const draft = emptyDraft({ id: options.id, oktru: deepest?.code ?? '', isGov: details.isGov === true, autoPublication: details.autoPublication === true });
  const grouped: Record<ValueGroup, AttributeValue[]> = { base: [], mainExtended: [], additionalExtended: [] };
  for (const definition of details.attributes) grouped[index.byCode.get(definition.code)?.group ?? 'base'].push(definitionToValue(definition));
  for (const group of valueGroups) addGroup(draft, group, grouped[group], index);
  draft.photos = photosFrom(details.imageData.imageFiles);
  draft.documents = documentsFrom(details.documents.documents, options);
  return draft;
}
