/**
 * Validation of a draft that mirrors what the catalogue's moderation checks (catalogue-api.md §4.4, §4.7,
 * §5.4 "Recommended local validation", §12; domain-rules §3.3, §5), so that what moderation would reject
 * is caught before sending:
 *
 * - required attributes: the schema's `isRequired`, the category's extra requirements, and the extended-card
 *   rules (`brand`, required main and additional extended attributes, FRONT and BACK photos) when `isGov`;
 * - each value against its definition: `pattern` (full match, as the Java service applies it), `maxLength`
 *   (UTF-16 units, as Java counts), number/boolean/date shapes, `minValue`/`maxValue`, dictionary
 *   membership (each `@` part of a multiDictionary value), compound parts;
 * - codes: GTIN check digit, XTIN's 13 digits and `004` prefix, NTIN, the producer's BIN (or IIN), ТН ВЭД
 *   shape and membership, ОКТРУ shape, leaf level and membership;
 * - placement: a code in a group the schema does not list it in, a code the schema does not know,
 *   extended data on a base card (the portal answers 400 to all three);
 * - edits: no change to `name_ru`, `name_kk`, `ntin`, `tnved`; extended cards are not editable;
 * - files: photos and PDFs over the portal's 5 MB upload limit, PDFs only for documents;
 * - conformity documents: expired (error), expiring within 30 days (warning), malformed numbers;
 * - text: control characters (error), invisible/bidi characters (error), broken UTF-16 (error), emoji
 *   (error in names, warning elsewhere: see `checkText`).
 */
import type { AttributeDefinition, ImageType } from '../catalogue/dto.ts';
import { validateBin, validateIin } from '../codes/bin.ts';
import type { CodeCheck } from '../codes/check.ts';
import { validateConformityNumber } from '../codes/conformity.ts';
import { validateGtin } from '../codes/gtin.ts';
import { splitMultiValue } from '../codes/multi-value.ts';
import { validateNtin } from '../codes/ntin.ts';
import { validateOktru } from '../codes/oktru.ts';
import { validateTnved } from '../codes/tnved.ts';
import { validateXtin } from '../codes/xtin.ts';
import {
  findValue,
  immutableOnEdit,
  isEmptyValue,
  valueGroups,
  type ApplicationDraft,
  type ConformityDocument,
  type DraftPartValue,
  type DraftValue,
  type ValueGroup,
} from './draft.ts';
import { attributeCodes, nameAttributeCodes } from './attribute-codes.ts';
import type { ApplicationMessageKey } from './messages.ts';
import { compiledPattern, isCompound, toSchemaIndex, wireGroupNames, type AttributeSchemas, type SchemaIndex } from './schema.ts';
import { findControlCharacter, findEmoji, findInvisibleCharacter, hasBrokenSurrogate } from './text.ts';

/** Where a problem is: an attribute group, or the card itself, custom attributes, photos, documents. */
export type ProblemGroup = ValueGroup | 'card' | 'custom' | 'photos' | 'documents';
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Attribute code (`gtin`), compound part (`measure.quantity`), `oktru`, `photos.front`, `documents.2`, `custom.0.nameKk`… */
  field: string;
  group: ProblemGroup;
  /** Localisation key: `application.*`, or `codes.*` when a code validator gave the reason. */
  key: ApplicationMessageKey | `codes.${string}`;
  params?: Record<string, string | number>;
  severity: Severity;
}

/** Whether a dictionary holds a code: `undefined` when the dictionary itself is not available (then no check). */
export type DictionaryEntryStatus = 'active' | 'deleted' | 'missing';
export interface DictionaryLookup {
  status(dictionaryCode: string, code: string): DictionaryEntryStatus | undefined;
}

/** A lookup over dictionaries given as code → items (`{ code, isDeleted? }`) or code → plain code lists. */
export function createDictionaryLookup(
  dictionaries: Iterable<readonly [string, Iterable<string | { readonly code: string; readonly isDeleted?: boolean | undefined }>]>,
): DictionaryLookup {
  const tables = new Map<string, Map<string, boolean>>();
  for (const [dictionaryCode, items] of dictionaries) {
    const table = new Map<string, boolean>();
    for (const item of items) {
      if (typeof item === 'string') table.set(item, false);
      else table.set(item.code, item.isDeleted === true);
    }
    tables.set(dictionaryCode.toUpperCase(), table);
  }
  return {
    status(dictionaryCode, code) {
      const table = tables.get(dictionaryCode.toUpperCase());
      if (!table) return undefined;
      const deleted = table.get(code);
      return deleted === undefined ? 'missing' : deleted ? 'deleted' : 'active';
    },
  };
}

/** Anything with a `get` by key: a Map, or a small adapter over the local database. */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

export interface ValidationContext {
  /** Base schema plus the gov-attributes of the draft's ОКТРУ (or an index of them). */
  schemas: AttributeSchemas | SchemaIndex;
  dictionaries?: DictionaryLookup;
  /** The organisation's register of conformity documents. */
  documents?: Lookup<ConformityDocument>;
  /** Size in bytes of local blobs (photos, PDFs), by blob id. */
  fileSizes?: Lookup<number>;
  /** Today's date, `YYYY-MM-DD` (injected: the core has no clock). */
  today: string;
  /** What moderation requires in this category on top of the schema (when known). */
  category?: { requiredAttributes?: readonly string[]; requiresDocument?: boolean };
  limits?: Partial<ValidationLimits>;
}

export interface ValidationLimits {
  /** The portal's upload limit for photos (§4.17): 5 MB. */
  photoBytes: number;
  /** The portal's upload limit for PDFs (§4.18): 5 MB. */
  documentBytes: number;
  /** A document expiring within this many days gets a warning. */
  expiryWarningDays: number;
}

/** 5 MB as the portal's (Java/Spring) upload limit counts it: 5 × 1024 × 1024 bytes. */
export const portalFileLimitBytes = 5 * 1024 * 1024;
export const defaultLimits: ValidationLimits = { photoBytes: portalFileLimitBytes, documentBytes: portalFileLimitBytes, expiryWarningDays: 30 };

/**
 * Names go to fiscal receipts, e-invoices (ЭСФ), waybills (СНТ) and cash registers, must match the
 * packaging and be "free of grammatical errors" (catalogue-api.md §5.3, domain-rules §1.4): emoji there
 * are rejected by moderation and break receipt printers, so they are errors. The spec states no rule for
 * other text attributes, so elsewhere an emoji is only a warning.
 */
export const nameCodes: readonly string[] = nameAttributeCodes;

/** Codes whose value is an identification code with its own validator (beyond the schema's pattern). */
type CodeValidator = (value: string) => CodeCheck;
const producerIdentifier: CodeValidator = (value) => {
  const bin = validateBin(value);
  if (bin.valid) return bin;
  // A sole proprietor produces under an IIN; the two share the checksum, so accept a valid IIN too.
  const iin = validateIin(value);
  return iin.valid ? iin : bin;
};
const codeValidators: Readonly<Record<string, { check: CodeValidator; normalised: boolean }>> = {
  [attributeCodes.gtin]: { check: validateGtin, normalised: false },
  [attributeCodes.xtin]: { check: validateXtin, normalised: true },
  [attributeCodes.ntin]: { check: validateNtin, normalised: true },
  [attributeCodes.producerIdentifier]: { check: producerIdentifier, normalised: true },
  [attributeCodes.tnved]: { check: validateTnved, normalised: true },
};

const numberShape = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/u;
const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/u;

function isRealDate(value: string): boolean {
  const match = dateShape.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayNumber(value: string): number | null {
  const match = dateShape.exec(value);
  if (!match || !isRealDate(value)) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

class Collector {
  readonly problems: Problem[] = [];
  add(severity: Severity, group: ProblemGroup, field: string, key: Problem['key'], params?: Record<string, string | number>): void {
    this.problems.push(params ? { field, group, key, params, severity } : { field, group, key, severity });
  }
  error(group: ProblemGroup, field: string, key: Problem['key'], params?: Record<string, string | number>): void {
    this.add('error', group, field, key, params);
  }
  warning(group: ProblemGroup, field: string, key: Problem['key'], params?: Record<string, string | number>): void {
    this.add('warning', group, field, key, params);
  }
}

/**
 * Text hygiene of any free text: control characters (error; tab and line breaks are allowed in
 * dataType `text`), invisible and bidi characters (error), broken UTF-16 (error), emoji (see `nameCodes`).
 */
function checkText(out: Collector, group: ProblemGroup, field: string, value: string, options: { multiline: boolean; isName: boolean }): void {
  const control = findControlCharacter(value, options.multiline);
  if (control) out.error(group, field, 'application.text.control', { ...control });
  const hidden = findInvisibleCharacter(value);
  if (hidden) out.error(group, field, 'application.text.invisible', { ...hidden });
  if (hasBrokenSurrogate(value)) out.error(group, field, 'application.text.broken');
  const emoji = findEmoji(value);
  if (emoji) out.add(options.isName ? 'error' : 'warning', group, field, options.isName ? 'application.text.emojiInName' : 'application.text.emoji', { ...emoji });
}

function checkDictionary(out: Collector, context: ValidationContext, group: ProblemGroup, field: string, dictionaryCode: string, code: string): void {
  const status = context.dictionaries?.status(dictionaryCode, code);
  if (status === undefined || status === 'active') return;
  if (status === 'deleted') {
    out.error(group, field, 'application.dictionary.deleted', { dictionary: dictionaryCode, value: code });
    return;
  }
  const upper = code.toUpperCase();
  if (upper !== code && context.dictionaries?.status(dictionaryCode, upper) === 'active') {
    out.error(group, field, 'application.dictionary.wrongCase', { dictionary: dictionaryCode, value: code, suggestion: upper });
    return;
  }
  out.error(group, field, 'application.dictionary.notFound', { dictionary: dictionaryCode, value: code });
}

/** Checks one scalar (or multiDictionary) value against its definition. */
function checkScalar(
  out: Collector,
  context: ValidationContext,
  group: ProblemGroup,
  field: string,
  code: string,
  raw: DraftPartValue,
  definition: AttributeDefinition,
): void {
  const dataType = definition.dataType;
  const isMulti = dataType === 'multiDictionary';
  let parts: string[];
  if (Array.isArray(raw)) {
    parts = raw.map((part) => part.trim()).filter((part) => part !== '');
    if (!isMulti && parts.length > 1) {
      out.error(group, field, 'application.value.singleValueOnly');
      return;
    }
  } else {
    parts = isMulti ? splitMultiValue(raw) : [raw];
  }
  const wire = parts.join('@');

  for (const part of parts) checkText(out, group, field, part, { multiline: dataType === 'text', isName: nameCodes.includes(code) });

  // Identification codes: their validator's reason is more useful than "does not match the pattern".
  const codeValidator = codeValidators[code];
  let codeFailed = false;
  if (codeValidator) {
    for (const part of parts) {
      const check = codeValidator.check(part);
      if (!check.valid) {
        out.error(group, field, check.reason.key as Problem['key'], check.reason.params ? { ...check.reason.params } : undefined);
        codeFailed = true;
      } else if (codeValidator.normalised && check.normalized !== part) {
        out.error(group, field, 'application.code.notNormalised', { normalised: check.normalized });
        codeFailed = true;
      }
    }
  }

  if (definition.maxLength !== undefined && wire.length > definition.maxLength) {
    out.error(group, field, 'application.value.tooLong', { max: definition.maxLength, length: wire.length });
  }

  if (dataType === 'number') {
    for (const part of parts) {
      if (!numberShape.test(part)) {
        out.error(group, field, /^[+-]?\d+,\d+$/u.test(part) ? 'application.value.decimalComma' : 'application.value.notNumber', { value: part });
        continue;
      }
      const number = Number(part);
      const min = definition.minValue === undefined ? Number.NaN : Number(definition.minValue);
      const max = definition.maxValue === undefined ? Number.NaN : Number(definition.maxValue);
      if (Number.isFinite(min) && number < min) out.error(group, field, 'application.value.belowMin', { min: definition.minValue ?? '' });
      if (Number.isFinite(max) && number > max) out.error(group, field, 'application.value.aboveMax', { max: definition.maxValue ?? '' });
    }
  } else if (dataType === 'boolean') {
    for (const part of parts) if (part !== 'true' && part !== 'false') out.error(group, field, 'application.value.notBoolean', { value: part });
  } else if (dataType === 'date') {
    for (const part of parts) {
      if (!isRealDate(part)) {
        out.error(group, field, 'application.value.notDate', { value: part });
        continue;
      }
      if (definition.minValue && isRealDate(definition.minValue) && part < definition.minValue) out.error(group, field, 'application.value.belowMin', { min: definition.minValue });
      if (definition.maxValue && isRealDate(definition.maxValue) && part > definition.maxValue) out.error(group, field, 'application.value.aboveMax', { max: definition.maxValue });
    }
  } else if (dataType === 'dictionary' && !Array.isArray(raw) && raw.includes('@')) {
    out.error(group, field, 'application.value.singleValueOnly');
  }

  if (!codeFailed) {
    const pattern = compiledPattern(definition);
    if (pattern && !pattern.test(wire)) out.error(group, field, 'application.value.pattern', { pattern: definition.pattern ?? '' });
  }

  if ((dataType === 'dictionary' || isMulti) && definition.dictionaryCode && !codeFailed) {
    const seen = new Set<string>();
    for (const part of parts) {
      if (seen.has(part)) {
        out.warning(group, field, 'application.value.repeated', { value: part });
        continue;
      }
      seen.add(part);
      checkDictionary(out, context, group, field, definition.dictionaryCode, part);
    }
  }
}

/** Checks a value (scalar or compound) against its definition; parts are reported as `code.part`. */
function checkValue(out: Collector, context: ValidationContext, group: ProblemGroup, code: string, value: DraftValue, definition: AttributeDefinition): void {
  const compound = isCompound(definition);
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (!compound) {
      out.error(group, code, 'application.value.unexpectedParts');
      return;
    }
    const parts = definition.attributes ?? [];
    for (const [partCode, partValue] of Object.entries(value)) {
      const partDefinition = parts.find((candidate) => candidate.code === partCode);
      if (!partDefinition) {
        out.error(group, `${code}.${partCode}`, 'application.value.unknownPart', { part: partCode });
        continue;
      }
      if (!isEmptyValue(partValue)) checkValue(out, context, group, `${code}.${partCode}`, partValue, partDefinition);
    }
    if (!isEmptyValue(value)) {
      for (const partDefinition of parts) {
        if (partDefinition.isRequired && isEmptyValue(value[partDefinition.code])) {
          out.error(group, `${code}.${partDefinition.code}`, 'application.value.required');
        }
      }
    }
    return;
  }
  if (compound) {
    out.error(group, code, 'application.value.partsExpected', { parts: (definition.attributes ?? []).map((part) => part.code).join(', ') });
    return;
  }
  const codeOnly = code.includes('.') ? code.slice(code.lastIndexOf('.') + 1) : code;
  checkScalar(out, context, group, code, codeOnly, value, definition);
}

function checkCard(out: Collector, draft: ApplicationDraft, context: ValidationContext): void {
  const oktru = draft.oktru.trim();
  if (oktru === '') out.error('card', 'oktru', 'application.card.oktruRequired');
  else {
    const check = validateOktru(oktru);
    if (!check.valid) out.error('card', 'oktru', check.reason.key as Problem['key'], check.reason.params ? { ...check.reason.params } : undefined);
    else if (check.level !== 4) out.error('card', 'oktru', 'application.card.oktruNotLeaf', { level: check.level });
    else checkDictionary(out, context, 'card', 'oktru', 'OKTRU', check.normalized);
  }
  if (draft.editOfNtin !== undefined) {
    const check = validateNtin(draft.editOfNtin);
    if (!check.valid) out.error('card', attributeCodes.ntin, check.reason.key as Problem['key'], check.reason.params ? { ...check.reason.params } : undefined);
    if (draft.isGov) out.error('card', 'isGov', 'application.edit.extendedNotEditable');
    for (const code of immutableOnEdit) {
      const original = draft.editOriginal?.[code];
      const current = findValue(draft, code)?.value;
      if (original === undefined || current === undefined || isEmptyValue(current)) continue;
      const text = typeof current === 'string' ? current : Array.isArray(current) ? current.join('@') : undefined;
      if (text !== original) out.error('base', code, 'application.edit.immutable', { original });
    }
  }
}

function checkPlacementAndValues(out: Collector, draft: ApplicationDraft, context: ValidationContext, index: SchemaIndex): void {
  for (const group of valueGroups) {
    for (const [code, value] of Object.entries(draft.values[group])) {
      const entry = index.byCode.get(code);
      if (!entry) {
        out.error(group, code, 'application.group.unknownAttribute');
        continue;
      }
      if (entry.group !== group) {
        out.error(group, code, 'application.group.wrongGroup', { expected: wireGroupNames[entry.group], actual: wireGroupNames[group] });
      }
      if (group !== 'base' && !draft.isGov && !isEmptyValue(value)) out.error(group, code, 'application.group.extendedOnBaseCard');
      if (draft.editOfNtin !== undefined && group === 'base' && immutableOnEdit.includes(code)) continue; // checked in checkCard, and not sent
      if (!isEmptyValue(value)) checkValue(out, context, entry.group, code, value, entry.definition);
    }
  }
}

function checkRequired(out: Collector, draft: ApplicationDraft, context: ValidationContext, index: SchemaIndex): void {
  const required = new Map<string, ValueGroup>();
  for (const entry of index.groups.base) if (entry.definition.isRequired) required.set(entry.code, 'base');
  for (const code of context.category?.requiredAttributes ?? []) required.set(code, index.byCode.get(code)?.group ?? 'base');
  if (draft.isGov) {
    required.set(attributeCodes.brand, index.byCode.get(attributeCodes.brand)?.group ?? 'base');
    for (const entry of index.groups.mainExtended) if (entry.definition.isRequired || entry.definition.isRequiredEgz || entry.definition.isRequiredKgd) required.set(entry.code, 'mainExtended');
    for (const entry of index.groups.additionalExtended) if (entry.definition.isRequired || entry.definition.isRequiredEgz || entry.definition.isRequiredKgd) required.set(entry.code, 'additionalExtended');
  }
  // An edit keeps the card's immutable values when they are omitted (§4.14), so they are not "missing".
  const editing = draft.editOfNtin !== undefined;
  for (const [code, group] of required) {
    if (editing && immutableOnEdit.includes(code)) continue;
    if (isEmptyValue(findValue(draft, code)?.value)) out.error(group, code, draft.isGov && code === attributeCodes.brand ? 'application.gov.brandRequired' : 'application.value.required');
  }
}

function checkCustom(out: Collector, draft: ApplicationDraft): void {
  if (draft.custom.length > 0 && !draft.isGov) out.error('custom', 'custom', 'application.group.extendedOnBaseCard');
  draft.custom.forEach((attribute, position) => {
    for (const part of ['nameRu', 'nameKk', 'value'] as const) {
      const text = attribute[part];
      const field = `custom.${position}.${part}`;
      if (text.trim() === '') out.error('custom', field, 'application.custom.partRequired', { part });
      else checkText(out, 'custom', field, text, { multiline: false, isName: false });
    }
  });
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function checkPhotos(out: Collector, draft: ApplicationDraft, context: ValidationContext, limits: ValidationLimits): void {
  for (const [type, photo] of Object.entries(draft.photos) as [ImageType, ApplicationDraft['photos'][ImageType]][]) {
    if (!photo) continue;
    const field = `photos.${type}`;
    if (!photo.blobId && !photo.fileName) {
      out.error('photos', field, 'application.photo.empty');
      continue;
    }
    const size = photo.blobId === undefined ? undefined : context.fileSizes?.get(photo.blobId);
    if (size !== undefined && size > limits.photoBytes) out.error('photos', field, 'application.photo.tooLarge', { size: megabytes(size), max: megabytes(limits.photoBytes) });
  }
  if (draft.isGov) {
    for (const type of ['front', 'back'] as const) {
      if (!draft.photos[type]) out.error('photos', `photos.${type}`, 'application.photo.required', { angle: type.toUpperCase() });
    }
  }
}

function checkDocuments(out: Collector, draft: ApplicationDraft, context: ValidationContext, limits: ValidationLimits): void {
  const today = dayNumber(context.today);
  if (context.category?.requiresDocument && draft.documents.length === 0) out.error('documents', 'documents', 'application.document.required');
  draft.documents.forEach((ref, position) => {
    const field = `documents.${position}`;
    if (ref.documentId === undefined) {
      if (ref.fileName !== undefined && !/\.pdf$/iu.test(ref.fileName)) out.error('documents', field, 'application.document.notPdf', { fileName: ref.fileName });
      return;
    }
    const document = context.documents?.get(ref.documentId);
    if (!document) {
      if (context.documents) out.error('documents', field, 'application.document.unknown', { id: ref.documentId });
      return;
    }
    const label = { number: document.number };
    if (document.number.trim() === '') out.error('documents', field, 'application.document.numberRequired');
    else if (document.type === 'certificate' || document.type === 'declaration') {
      const check = validateConformityNumber(document.number);
      if (!check.valid) out.error('documents', field, check.reason.key as Problem['key'], { ...check.reason.params, ...label });
      else if (check.type !== 'unknown' && check.type !== document.type) {
        out.warning('documents', field, 'application.document.typeMismatch', { ...label, numberType: check.type, type: document.type });
      }
    }
    const issued = document.issuedOn === undefined ? null : dayNumber(document.issuedOn);
    const expires = document.expiresOn === undefined ? null : dayNumber(document.expiresOn);
    if (document.issuedOn !== undefined && issued === null) out.error('documents', field, 'application.value.notDate', { value: document.issuedOn });
    if (document.expiresOn !== undefined && expires === null) out.error('documents', field, 'application.value.notDate', { value: document.expiresOn });
    if (today !== null && issued !== null && issued > today) out.error('documents', field, 'application.document.issuedInFuture', { ...label, date: document.issuedOn ?? '' });
    if (issued !== null && expires !== null && expires < issued) out.error('documents', field, 'application.document.datesReversed', label);
    if (today !== null && expires !== null) {
      const days = expires - today;
      if (days < 0) out.error('documents', field, 'application.document.expired', { ...label, date: document.expiresOn ?? '' });
      else if (days <= limits.expiryWarningDays) out.warning('documents', field, 'application.document.expiresSoon', { ...label, date: document.expiresOn ?? '', days });
    }
    if (!document.blobId && !document.fileName) out.error('documents', field, 'application.document.noFile', label);
    if (document.fileName !== undefined && !/\.pdf$/iu.test(document.fileName)) out.error('documents', field, 'application.document.notPdf', { fileName: document.fileName });
    const size = document.blobId === undefined ? undefined : context.fileSizes?.get(document.blobId);
    if (size !== undefined && size > limits.documentBytes) out.error('documents', field, 'application.document.tooLarge', { ...label, size: megabytes(size), max: megabytes(limits.documentBytes) });
  });
}

/** Every problem of a draft, errors and warnings, in a stable order (card, values, required, custom, photos, documents). */
export function validateDraft(draft: ApplicationDraft, context: ValidationContext): Problem[] {
  const index = toSchemaIndex(context.schemas);
  const limits: ValidationLimits = { ...defaultLimits, ...context.limits };
  const out = new Collector();
  checkCard(out, draft, context);
  checkPlacementAndValues(out, draft, context, index);
  checkRequired(out, draft, context, index);
  checkCustom(out, draft);
  checkPhotos(out, draft, context, limits);
  checkDocuments(out, draft, context, limits);
  return out.problems;
}

/** A draft may be marked ready (queued for sending) when it has no errors; warnings do not block. */
export function canMarkReady(problems: readonly Problem[]): boolean {
  return !problems.some((problem) => problem.severity === 'error');
}
