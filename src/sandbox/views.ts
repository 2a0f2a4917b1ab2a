/**
 * How the sandbox renders its records as the portal's and the export API's JSON (catalogue-api.md §4, §10.3).
 */
import type {
  AttributeDefinition,
  AttributeValue,
  DictionaryValue,
  GzStatusCode,
  RequestStatusCode,
} from '../shared/catalogue/dto.ts';
import type { CardRecord, CardSummary } from './seed/cards.ts';
import type { Seed } from './seed/index.ts';
import type { StoredRequest } from './store.ts';
import { units } from './seed/units.ts';

export type Language = 'ru' | 'kk' | 'en';

const statusLabels: Record<RequestStatusCode, [ru: string, kk: string, en: string]> = {
  new: ['Новая', 'Жаңа', 'New'],
  onModeration: ['На модерации', 'Модерацияда', 'On moderation'],
  accepted: ['Принято в работу', 'Жұмысқа қабылданды', 'Accepted'],
  underRevision: ['На доработке', 'Пысықтауда', 'Returned for revision'],
  underRevisionGz: ['На доработке', 'Пысықтауда', 'Returned for revision'],
  rejected: ['Отклонено', 'Қабылданбады', 'Rejected'],
  cancelled: ['Отозвано', 'Кері қайтарылды', 'Cancelled'],
  readyToPublish: ['Готов к публикации', 'Жариялауға дайын', 'Ready to publish'],
  completed: ['Выполнено', 'Орындалды', 'Completed'],
  existingProductSelected: ['Выбран существующий товар', 'Бар тауар таңдалды', 'Existing product selected'],
};

const gzLabels: Record<GzStatusCode, [string, string, string]> = {
  acceptedGz: ['Принято в работу', 'Жұмысқа қабылданды', 'Accepted'],
  underRevisionGz: ['На доработке', 'Пысықтауда', 'Returned for revision'],
  rejectedGz: ['Отклонено', 'Қабылданбады', 'Rejected'],
  publishingGz: ['Публикация', 'Жариялау', 'Publishing'],
};

const requestTypeLabels = { base: ['Базовый', 'Базалық', 'Base'], gov: ['Расширенный', 'Кеңейтілген', 'Extended'] } as const;

function label(labels: readonly [string, string, string], language: Language): string {
  return language === 'kk' ? labels[1] : language === 'en' ? labels[2] : labels[0];
}

export function languageOf(header: string | undefined): Language {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('kk') || first.startsWith('kz')) return 'kk';
  if (first.startsWith('en')) return 'en';
  return 'ru';
}

export function productUrl(id: number): string {
  return `https://nationalcatalog.kz/product/${id}`;
}

/** Drops undefined, null, empty strings and empty arrays/objects (the `/status` rule, §4.10). */
export function omitEmpty<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === null || field === '') continue;
    if (Array.isArray(field) && field.length === 0) continue;
    if (typeof field === 'object' && !Array.isArray(field) && Object.keys(field).length === 0) continue;
    out[key] = field;
  }
  return out as Partial<T>;
}

export function valueOf(list: readonly AttributeValue[] | undefined, code: string): string | undefined {
  const value = list?.find((attribute) => attribute.code === code)?.value?.trim();
  return value ? value : undefined;
}

// ------------------------------------------------------------------------------------------------ cards

/** A card's base attributes as code/value pairs (the stored body for sandbox cards, derived for seed cards). */
export function cardValues(card: CardRecord): AttributeValue[] {
  const values: AttributeValue[] = card.body
    ? card.body.attributes.filter((attribute) => attribute.code !== 'ntin')
    : [
        ...(card.gtin ? [{ code: 'gtin', value: card.gtin }] : []),
        { code: 'name_ru', value: card.nameRu },
        { code: 'name_kk', value: card.nameKk },
        { code: 'short_name_ru', value: card.shortNameRu },
        { code: 'short_name_kk', value: card.shortNameKk },
        { code: 'brand', value: card.brand },
        { code: 'country', value: card.country },
        { code: 'tnved', value: card.tnved },
        {
          code: 'measure',
          attributes: [
            { code: 'measure_unit', value: card.unit },
            { code: 'quantity', value: card.quantity },
          ],
        },
        { code: 'a4282e5d', value: card.producerName },
        { code: 'producer_identifier', value: card.producerBin },
        { code: 'producer_country', value: card.country },
        { code: 'article', value: card.article },
        { code: 'is_domestic', value: String(card.country === 'KZ') },
        { code: 'marking_required_status', value: String(card.marked) },
      ];
  return [{ code: 'ntin', value: card.ntin }, ...values];
}

function dictionaryValue(seed: Seed, dictionaryCode: string, code: string): DictionaryValue {
  const item = seed.dictionary(dictionaryCode)?.byCode.get(code);
  return { code, nameRu: item?.properties.nameRu, nameKk: item?.properties.nameKk };
}

/** Attribute definitions with their values filled, in schema order; unknown (user-added) codes at the end. */
export function withDefinitions(values: readonly AttributeValue[], definitions: readonly AttributeDefinition[], seed: Seed): AttributeDefinition[] {
  const byCode = new Map(values.filter((value) => value.code).map((value) => [value.code as string, value]));
  const out: AttributeDefinition[] = [];
  for (const definition of definitions) {
    const value = byCode.get(definition.code);
    byCode.delete(definition.code);
    if (!value) continue;
    out.push(fill(definition, value, seed));
  }
  for (const [code, value] of byCode) {
    out.push({ code, dataType: 'string', nameRu: value.nameRu ?? code, nameKk: value.nameKk ?? code, attributeType: 'standard', isNew: true, value: value.value });
  }
  return out;
}

function fill(definition: AttributeDefinition, value: AttributeValue, seed: Seed): AttributeDefinition {
  const filled: AttributeDefinition = { ...definition };
  if (definition.attributes) {
    filled.attributes = definition.attributes.map((child) => {
      const childValue = value.attributes?.find((candidate) => candidate.code === child.code);
      return childValue ? fill(child, childValue, seed) : { ...child };
    });
    return filled;
  }
  filled.value = value.value ?? '';
  if (definition.dictionaryCode && value.value) {
    if (definition.dataType === 'multiDictionary') {
      filled.multiValues = value.value.split('@').map((code) => dictionaryValue(seed, definition.dictionaryCode as string, code));
    } else filled.values = dictionaryValue(seed, definition.dictionaryCode, value.value);
  }
  return filled;
}

/** `PortalProductDto` (§4.2). */
export function portalProduct(card: CardRecord, seed: Seed) {
  const leaf = seed.leaf(card.oktru);
  return {
    id: card.id,
    ...(card.gtin ? { gtin: card.gtin } : {}),
    ntin: card.ntin,
    ...(card.kztin ? { kztin: card.kztin } : {}),
    nameKk: card.nameKk,
    nameRu: card.nameRu,
    shortNameKk: card.shortNameKk,
    shortNameRu: card.shortNameRu,
    requestType: card.requestType,
    categoryAncestors: leaf?.ancestors.map((ancestor) => (ancestor.level === 1 ? ancestor : { level: ancestor.level, code: ancestor.code, nameRu: ancestor.nameRu })) ?? [],
    attributes: withDefinitions(cardValues(card), seed.baseAttributes, seed),
    imageData: { imageFiles: card.imageFiles },
    createdDate: almatyDateTime(card.createdMs),
    updatedDate: almatyDateTime(card.updatedMs),
    isGovernment: card.requestType === 'gov',
  };
}

/** The unit of a card as the export feed reports it. */
const unitByCode = new Map(units.map(([code, ru, , short]) => [code, { code, name: ru, short_name: short }]));

/** One export row (§10.3). */
export function exportRow(card: CardRecord | CardSummary) {
  return {
    id: card.id,
    name_ru: card.nameRu,
    name_kk: card.nameKk,
    gtin: card.gtin ?? '',
    ntin_code: card.ntin,
    is_social: card.social,
    is_markedeac: card.marked,
    ntin_isdeactivated: card.deactivated,
    modified: card.modified,
    measure: unitByCode.get(card.unit) ?? { code: card.unit, name: card.unit, short_name: card.unit },
  };
}

// --------------------------------------------------------------------------------------------- requests

/** ISO-8601 without zone, in Asia/Almaty time (UTC+5), as the portal writes dates (§2.3). */
export function almatyDateTime(ms: number): string {
  return new Date(ms + 5 * 3_600_000).toISOString().slice(0, 19);
}

export function statusItem(code: RequestStatusCode, language: Language) {
  return { code, value: label(statusLabels[code], language) };
}

export function requestTypeItem(isGov: boolean, language: Language) {
  const type = isGov ? 'gov' : 'base';
  return { code: type, value: label(requestTypeLabels[type], language) };
}

/** `PortalProductRequestStatusDto` with empty fields omitted (§4.10). KZTIN is never included. */
export function statusView(request: StoredRequest, language: Language) {
  const extras = request.extras;
  return omitEmpty({
    ...statusItem(request.status, language),
    ntinCode: extras.ntinCode,
    productUrl: extras.productUrl,
    comment: extras.comment,
    reason: extras.reason,
    nextAction: extras.nextAction,
    revisionDetails: extras.revisionDetails,
    photoModeration: extras.photoModeration,
    gzStatus: request.gz ? omitEmpty({ code: request.gz.code, value: label(gzLabels[request.gz.code], language), comment: request.gz.comment }) : undefined,
  });
}

/** The names a request shows in the list: its own, or the edited card's for edit requests that omit them. */
export function requestNames(request: StoredRequest, card: CardRecord | undefined) {
  const attributes = request.body.attributes;
  const nameRu = valueOf(attributes, 'name_ru') ?? card?.nameRu;
  return {
    nameRu,
    nameKk: valueOf(attributes, 'name_kk') ?? card?.nameKk,
    shortNameRu: valueOf(attributes, 'short_name_ru') ?? card?.shortNameRu,
    shortNameKk: valueOf(attributes, 'short_name_kk') ?? card?.shortNameKk,
    standardizedName: nameRu,
  };
}

/** `PortalProductRequestShortDto` (§4.3). */
export function requestShort(request: StoredRequest, seed: Seed, language: Language, card: CardRecord | undefined) {
  const leaf = seed.leaf(request.body.oktru);
  return omitEmpty({
    id: request.id,
    categoryId: leaf?.id,
    categoryAncestors: leaf?.ancestors ?? [],
    productData: omitEmpty(requestNames(request, card)),
    status: statusItem(request.status, language),
    rejectionReason: request.status === 'rejected' ? request.extras.rejectionReason : undefined,
    requestType: requestTypeItem(request.body.isGov === true, language),
    autoPublication: request.body.autoPublication,
    createdDate: almatyDateTime(request.createdMs),
    updatedDate: almatyDateTime(request.updatedMs),
  });
}

/** `/details` in the shape of the spec's example (§4.11), plus the extended groups. */
export function requestDetails(request: StoredRequest, seed: Seed, language: Language) {
  const leaf = seed.leaf(request.body.oktru);
  const attributes: AttributeValue[] = [...request.body.attributes];
  if (request.extras.ntinCode && request.status === 'completed' && !valueOf(attributes, 'ntin')) {
    attributes.unshift({ code: 'ntin', value: request.extras.ntinCode });
  }
  const gov = seed.govAttributes(request.body.oktru);
  return {
    id: request.id,
    categoryId: leaf?.id ?? null,
    categoryAncestors: leaf?.ancestors ?? [],
    status: statusItem(request.status, language),
    requestType: requestTypeItem(request.body.isGov === true, language),
    autoPublication: request.body.autoPublication,
    createdDate: almatyDateTime(request.createdMs),
    updatedDate: almatyDateTime(request.updatedMs),
    isGov: request.body.isGov === true,
    attributes: withDefinitions(attributes, seed.baseAttributes, seed),
    mainExtendedAttributes: withDefinitions(request.body.mainExtendedAttributes ?? [], gov?.mainAttributes ?? [], seed),
    additionalExtendedAttributes: withDefinitions(request.body.additionalExtendedAttributes ?? [], gov?.additionalAttributes ?? [], seed),
    customExtendedAttributes: request.body.customExtendedAttributes ?? [],
    imageData: { imageFiles: request.body.imageFiles ?? [] },
    documents: { documents: request.body.documents ?? [] },
  };
}

/** Every base attribute with the card's value or an empty one, as edit-product returns them (§4.14). */
export function editableAttributes(card: CardRecord, seed: Seed): AttributeValue[] {
  const values = new Map(cardValues(card).map((value) => [value.code, value]));
  return seed.baseAttributes.map((definition) => {
    const value = values.get(definition.code);
    if (definition.attributes) {
      return {
        code: definition.code,
        attributes: definition.attributes.map((child) => ({
          code: child.code,
          value: value?.attributes?.find((candidate) => candidate.code === child.code)?.value ?? '',
        })),
      };
    }
    return { code: definition.code, value: value?.value ?? '' };
  });
}
