/**
 * The checks the sandbox applies to request bodies, mirroring what the spec says the portal does
 * (catalogue-api.md §4.4, §4.7, §5, §12):
 *
 * - `basicCheck` at create/update (400 VALIDATION_ERROR): structure, `oktru` and `name_ru` present, group
 *   placement (base vs extended groups, `isGov` misuse, custom attributes), immutable fields of edits.
 * - `xtinCheck` at moderation (422 BUSINESS_ERROR): a filled `xtin` is 13 digits starting `004`.
 * - `fullCheck` at moderation (400 VALIDATION_ERROR): current leaf category, required attributes (schema and
 *   category rules), `maxLength`, `pattern`, numbers and bounds, booleans, dictionary membership (each
 *   `@` part of multiDictionary), extended-card needs (brand, FRONT and BACK photos, main extended
 *   attributes), documents where the category needs them, files that were actually uploaded.
 *
 * Pure functions over the seed: usable offline (e.g. `ncg import --check`) without a server.
 */
import { productRequestBodySchema, type AttributeDefinition, type AttributeValue, type ProductRequestBody } from '../shared/catalogue/dto.ts';
import { allExtendedCodes, formFlagCodes, mainExtendedAttributes, type Seed } from './seed/index.ts';
import type { CardRecord } from './seed/cards.ts';
import { valueOf } from './views.ts';

export interface Problem {
  /** The attribute code (or body field) at fault. */
  code: string;
  message: string;
}

/** One validation message naming every offending code in quotes (clients extract them). */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => `'${problem.code}' — ${problem.message}`).join('; ');
}

export const immutableOnEdit = ['name_ru', 'name_kk', 'ntin', 'tnved'] as const;

function codeAtPath(raw: unknown, path: readonly PropertyKey[]): string {
  const [group, index] = path;
  if (typeof group === 'string' && typeof index === 'number' && raw && typeof raw === 'object') {
    const list = (raw as Record<string, unknown>)[group];
    const item = Array.isArray(list) ? (list[index] as { code?: unknown } | undefined) : undefined;
    if (item && typeof item.code === 'string' && item.code) return item.code;
  }
  return typeof group === 'string' ? group : 'body';
}

/** Parses a create/update body; structural problems become `Problem`s naming the attribute when possible. */
export function parseBody(raw: unknown): { body?: ProductRequestBody; problems: Problem[] } {
  const parsed = productRequestBodySchema.safeParse(raw);
  if (parsed.success) return { body: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({ code: codeAtPath(raw, issue.path), message: `${issue.path.join('.')}: ${issue.message}` })),
  };
}

/** The create/update check. `editCard` is the card an edit request changes. */
export function basicCheck(body: ProductRequestBody, seed: Seed, editCard?: CardRecord): Problem[] {
  const problems: Problem[] = [];
  const baseCodes = new Set(seed.baseAttributes.map((definition) => definition.code));
  const mainCodes = new Set(mainExtendedAttributes.map((definition) => definition.code));
  const gov = seed.govAttributes(body.oktru);
  const additionalCodes = new Set((gov?.additionalAttributes ?? []).map((definition) => definition.code));

  if (!editCard && !valueOf(body.attributes, 'name_ru')) problems.push({ code: 'name_ru', message: 'обязательный атрибут не заполнен' });

  const seen = new Set<string>();
  for (const attribute of body.attributes) {
    const code = attribute.code;
    if (!code) {
      problems.push({ code: 'attributes', message: 'у характеристики нет кода (пользовательские характеристики передаются в customExtendedAttributes)' });
      continue;
    }
    if (seen.has(code)) problems.push({ code, message: 'атрибут передан дважды' });
    seen.add(code);
    if (allExtendedCodes.has(code) && !baseCodes.has(code)) {
      problems.push({ code, message: 'расширенная характеристика передана в группе attributes' });
    } else if (attribute.isGov === true && !(formFlagCodes as readonly string[]).includes(code)) {
      problems.push({ code, message: 'характеристика с isGov: true в группе attributes' });
    } else if (!baseCodes.has(code) && attribute.is_new !== true) {
      problems.push({ code, message: 'неизвестный атрибут' });
    }
  }

  const extendedGiven =
    (body.mainExtendedAttributes?.length ?? 0) + (body.additionalExtendedAttributes?.length ?? 0) + (body.customExtendedAttributes?.length ?? 0) > 0;
  if (extendedGiven && body.isGov !== true) problems.push({ code: 'isGov', message: 'расширенные характеристики передаются только в заявке с isGov: true' });

  for (const attribute of body.mainExtendedAttributes ?? []) {
    if (!attribute.code || !mainCodes.has(attribute.code)) {
      problems.push({ code: attribute.code ?? 'mainExtendedAttributes', message: 'характеристика не относится к основным расширенным (mainExtendedAttributes)' });
    }
  }
  for (const attribute of body.additionalExtendedAttributes ?? []) {
    const code = attribute.code ?? 'additionalExtendedAttributes';
    if (!attribute.code || mainCodes.has(attribute.code) || baseCodes.has(attribute.code)) {
      problems.push({ code, message: 'характеристика передана не в своей группе (additionalExtendedAttributes)' });
    } else if (gov && !additionalCodes.has(attribute.code)) {
      problems.push({ code, message: 'характеристика не относится к дополнительным характеристикам категории' });
    }
  }
  for (const attribute of body.customExtendedAttributes ?? []) {
    if (attribute.code) problems.push({ code: attribute.code, message: 'у пользовательской характеристики не должно быть кода' });
    if (!attribute.nameRu?.trim() || !attribute.nameKk?.trim() || !attribute.value?.trim()) {
      problems.push({ code: 'customExtendedAttributes', message: 'пользовательской характеристике нужны nameRu, nameKk и value' });
    }
  }

  if (editCard) {
    const current = new Map([
      ['name_ru', editCard.nameRu],
      ['name_kk', editCard.nameKk],
      ['ntin', editCard.ntin],
      ['tnved', editCard.body ? valueOf(editCard.body.attributes, 'tnved') : editCard.tnved],
    ]);
    for (const code of immutableOnEdit) {
      const sent = valueOf(body.attributes, code);
      if (sent !== undefined && sent !== current.get(code)) problems.push({ code, message: 'атрибут нельзя изменить в опубликованной карточке' });
    }
  }
  return problems;
}

/** The XTIN rule checked before moderation: a filled `xtin` must be 13 digits starting with 004. */
export function xtinCheck(body: ProductRequestBody): Problem | undefined {
  const xtin = valueOf(body.attributes, 'xtin');
  if (xtin === undefined || /^004\d{10}$/.test(xtin)) return undefined;
  return { code: 'xtin', message: 'временный код XTIN должен состоять из 13 цифр и начинаться с 004' };
}

export interface FullCheckContext {
  /** The card an edit request changes (its immutable values count as filled, its photos as uploaded). */
  editCard?: CardRecord;
  /** Whether a file name was uploaded (as a photo or as a PDF document). Omit to skip the check. */
  uploaded?: (fileName: string, kind: 'photo' | 'document') => boolean;
}

/** The moderation check. An empty list means the request may go to moderation. */
export function fullCheck(body: ProductRequestBody, seed: Seed, context: FullCheckContext = {}): Problem[] {
  const problems: Problem[] = [];
  const leaf = seed.leaf(body.oktru);
  if (!leaf) problems.push({ code: 'oktru', message: 'категория ОКТРУ не найдена или не является конечной (4-й уровень)' });
  else if (leaf.isDeleted) problems.push({ code: 'oktru', message: 'категория ОКТРУ устарела: выберите действующую' });

  const rules = seed.categoryRules(body.oktru);
  const required = new Set(rules?.requiredAttributes ?? []);
  if (body.isGov) required.add('brand');
  const given = new Map(body.attributes.filter((value) => value.code).map((value) => [value.code as string, value]));
  const { editCard } = context;

  for (const definition of seed.baseAttributes) {
    const value = given.get(definition.code);
    const inheritedFromCard = editCard !== undefined && (immutableOnEdit as readonly string[]).includes(definition.code);
    if ((definition.isRequired || required.has(definition.code)) && !inheritedFromCard && isBlank(value)) {
      problems.push({ code: definition.code, message: 'обязательный атрибут не заполнен' });
      continue;
    }
    if (value && !isBlank(value)) problems.push(...checkValue(definition, value, seed));
  }

  if (body.isGov) {
    const types = new Set((body.imageFiles ?? []).map((file) => file.imageType.toLowerCase()));
    if (!types.has('front')) problems.push({ code: 'imageFiles', message: 'для расширенной карточки обязательна фотография FRONT' });
    if (!types.has('back')) problems.push({ code: 'imageFiles', message: 'для расширенной карточки обязательна фотография BACK' });
    const gov = seed.govAttributes(body.oktru);
    const main = new Map((body.mainExtendedAttributes ?? []).filter((value) => value.code).map((value) => [value.code as string, value]));
    for (const definition of gov?.mainAttributes ?? mainExtendedAttributes) {
      const value = main.get(definition.code);
      if (definition.isRequired && isBlank(value)) problems.push({ code: definition.code, message: 'обязательная основная расширенная характеристика не заполнена' });
      else if (value && !isBlank(value)) problems.push(...checkValue(definition, value, seed));
    }
    for (const value of body.additionalExtendedAttributes ?? []) {
      const definition = gov?.additionalAttributes.find((candidate) => candidate.code === value.code);
      if (definition && !isBlank(value)) problems.push(...checkValue(definition, value, seed));
    }
  }

  if (rules?.requiresDocument && (body.documents?.length ?? 0) === 0) {
    problems.push({ code: 'documents', message: 'для этой категории нужен документ (PDF), например регистрационное удостоверение' });
  }

  if (context.uploaded) {
    const cardPhotos = new Set(editCard?.imageFiles.map((file) => file.fileName) ?? []);
    const cardDocuments = new Set(editCard?.body?.documents?.map((file) => file.fileName) ?? []);
    for (const file of body.imageFiles ?? []) {
      if (!cardPhotos.has(file.fileName) && !context.uploaded(file.fileName, 'photo')) {
        problems.push({ code: 'imageFiles', message: `файл ${file.fileName} не загружен через /storage/upload` });
      }
    }
    for (const file of body.documents ?? []) {
      if (!cardDocuments.has(file.fileName) && !context.uploaded(file.fileName, 'document')) {
        problems.push({ code: 'documents', message: `файл ${file.fileName} не загружен через /storage/upload/document` });
      }
    }
  }
  return problems;
}

function isBlank(value: AttributeValue | undefined): boolean {
  if (!value) return true;
  if (value.attributes) return value.attributes.every((child) => isBlank(child));
  return !value.value || value.value.trim() === '';
}

/** Checks one filled value against its definition. */
export function checkValue(definition: AttributeDefinition, value: AttributeValue, seed: Seed): Problem[] {
  const code = definition.code;
  if (definition.attributes) {
    const problems: Problem[] = [];
    for (const child of definition.attributes) {
      const childValue = value.attributes?.find((candidate) => candidate.code === child.code);
      if (child.isRequired && isBlank(childValue)) problems.push({ code: child.code, message: `обязательная часть составного атрибута ${code} не заполнена` });
      else if (childValue && !isBlank(childValue)) problems.push(...checkValue(child, childValue, seed));
    }
    return problems;
  }
  const text = (value.value ?? '').trim();
  const problems: Problem[] = [];
  if (definition.maxLength !== undefined && text.length > definition.maxLength) {
    problems.push({ code, message: `длина больше ${definition.maxLength} символов` });
  }
  if (definition.pattern && !new RegExp(definition.pattern, 'u').test(text)) {
    problems.push({ code, message: 'значение не соответствует формату' });
  }
  switch (definition.dataType) {
    case 'number': {
      const number = Number(text.replace(',', '.'));
      if (!Number.isFinite(number)) problems.push({ code, message: 'ожидается число' });
      else {
        if (definition.minValue !== undefined && number < Number(definition.minValue)) problems.push({ code, message: `значение меньше ${definition.minValue}` });
        if (definition.maxValue !== undefined && number > Number(definition.maxValue)) problems.push({ code, message: `значение больше ${definition.maxValue}` });
      }
      break;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') problems.push({ code, message: 'ожидается "true" или "false"' });
      break;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text))) problems.push({ code, message: 'ожидается дата ГГГГ-ММ-ДД' });
      break;
    case 'dictionary':
    case 'multiDictionary': {
      const dictionary = definition.dictionaryCode ? seed.dictionary(definition.dictionaryCode) : undefined;
      if (!dictionary) break;
      const parts = definition.dataType === 'multiDictionary' ? text.split('@') : [text];
      for (const part of parts) {
        const item = dictionary.byCode.get(part);
        if (!item) problems.push({ code, message: `значения ${part} нет в справочнике ${dictionary.code}` });
        else if (item.isDeleted) problems.push({ code, message: `значение ${part} справочника ${dictionary.code} устарело` });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
