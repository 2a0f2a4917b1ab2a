/**
 * The officer's draft of a registration application: plain data that the form edits, the local database
 * stores and the bridge carries. It mirrors the portal's request body (catalogue-api.md §5, domain-rules
 * §3.2) without its wire quirks: values are grouped like the body, compounds are nested objects,
 * multiDictionary values are arrays (joined with `@` only on the wire), and files are local blobs that gain
 * the portal's `fileName` once uploaded.
 */
import { z } from 'zod';
import { attributeCodes } from './attribute-codes.ts';
import { imageTypes, type ImageType } from '../catalogue/dto.ts';
import type { IndexedAttribute, SchemaIndex, AttributeSchemas } from './schema.ts';
import { toSchemaIndex } from './schema.ts';

/** The three attribute groups of the body that hold coded attributes (custom ones have no code). */
export const valueGroups = ['base', 'mainExtended', 'additionalExtended'] as const;
export type ValueGroup = (typeof valueGroups)[number];

/** The value of one part of a compound attribute: a string, or several dictionary codes. */
export type DraftPartValue = string | string[];

/** A compound attribute (`measure`, `package_dimensions`, …): its parts by code. */
export type DraftCompoundValue = { [partCode: string]: DraftPartValue };

/**
 * One attribute's value. Always text, as the catalogue takes it (`"true"`, `"0.5 кг"`, `"KZ"`);
 * an array for `multiDictionary` attributes; an object for compounds.
 */
export type DraftValue = string | string[] | DraftCompoundValue;

/** A user-defined extended characteristic: no code; both names and the value are required (§5.1). */
export interface DraftCustomAttribute {
  nameRu: string;
  nameKk: string;
  value: string;
}

/** A photo of one angle: the local blob, and the portal's `fileName` once uploaded. */
export interface DraftPhoto {
  blobId?: string | undefined;
  fileName?: string | undefined;
}

/**
 * A document attached to the application: an entry of the organisation's conformity-document register
 * (`documentId`), or a PDF the portal already holds (`fileName`, e.g. read from an edit-product answer).
 */
export interface DraftDocumentRef {
  documentId?: string | undefined;
  fileName?: string | undefined;
}

export interface ApplicationDraft {
  /** Shape version, for the local database's migrations. */
  version: 1;
  /** Local id (the database key); not the portal's request id. */
  id: string;
  /** ОКТРУ leaf code; empty until chosen. */
  oktru: string;
  /** Extended ("gov") card: brand, FRONT+BACK photos and main extended attributes are required. */
  isGov: boolean;
  autoPublication: boolean;
  /** NTIN of the published card this draft edits. Then `name_ru`, `name_kk`, `ntin`, `tnved` are immutable. */
  editOfNtin?: string | undefined;
  /** The edited card's values of the immutable attributes, to catch a change before the portal does. */
  editOriginal?: Record<string, string> | undefined;
  /** Attribute code → value, per group of the body. */
  values: Record<ValueGroup, Record<string, DraftValue>>;
  custom: DraftCustomAttribute[];
  photos: Partial<Record<ImageType, DraftPhoto>>;
  documents: DraftDocumentRef[];
}

/** Attributes that an edit of a published card may not change (§4.4). */
export const immutableOnEdit: readonly string[] = [attributeCodes.nameRu, attributeCodes.nameKk, attributeCodes.ntin, attributeCodes.tnved];

/** Kinds of documents kept in the register (domain-rules §4.3). */
export const conformityDocumentTypes = ['certificate', 'declaration', 'stateRegistration', 'other'] as const;
export type ConformityDocumentType = (typeof conformityDocumentTypes)[number];

/** One entry of the organisation-wide register of conformity documents, shared by many drafts. */
export interface ConformityDocument {
  id: string;
  /** Registration number, e.g. `ЕАЭС KZ 1100317.05.01.05103`. */
  number: string;
  type: ConformityDocumentType;
  /** e.g. `ТР ТС 021/2011`. */
  technicalRegulation?: string | undefined;
  /** Issuing (certification) body. */
  issuer?: string | undefined;
  /** ISO dates `YYYY-MM-DD`. */
  issuedOn?: string | undefined;
  expiresOn?: string | undefined;
  /** The PDF in the local blob store. */
  blobId?: string | undefined;
  /** The PDF's `fileName` on the portal, once uploaded. */
  fileName?: string | undefined;
}

// ------------------------------------------------------------------------------------------------ schemas

const partValueSchema = z.union([z.string(), z.array(z.string())]);
export const draftValueSchema: z.ZodType<DraftValue> = z.union([
  z.string(),
  z.array(z.string()),
  z.record(z.string(), partValueSchema),
]);

const groupValuesSchema = z.record(z.string().min(1), draftValueSchema);

export const draftPhotoSchema = z
  .object({ blobId: z.string().min(1).optional(), fileName: z.string().min(1).optional() })
  .refine((photo) => photo.blobId !== undefined || photo.fileName !== undefined, { message: 'a photo needs a blob or a fileName' });

export const draftDocumentRefSchema = z
  .object({ documentId: z.string().min(1).optional(), fileName: z.string().min(1).optional() })
  .refine((ref) => ref.documentId !== undefined || ref.fileName !== undefined, { message: 'a document needs a register id or a fileName' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date is YYYY-MM-DD');

/**
 * The database and the bridge validate drafts with this. It checks the *shape* only: a draft may be
 * incomplete or wrong in content (that is what `validateDraft` reports), but never malformed.
 */
export const applicationDraftSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(200),
  oktru: z.string().max(100),
  isGov: z.boolean(),
  autoPublication: z.boolean(),
  editOfNtin: z.string().min(1).max(20).optional(),
  editOriginal: z.record(z.string(), z.string()).optional(),
  values: z.object({ base: groupValuesSchema, mainExtended: groupValuesSchema, additionalExtended: groupValuesSchema }),
  custom: z.array(z.object({ nameRu: z.string(), nameKk: z.string(), value: z.string() })),
  photos: z.partialRecord(z.enum(imageTypes), draftPhotoSchema),
  documents: z.array(draftDocumentRefSchema),
}) satisfies z.ZodType<ApplicationDraft>;

export const conformityDocumentSchema = z.object({
  id: z.string().min(1).max(200),
  number: z.string().max(200),
  type: z.enum(conformityDocumentTypes),
  technicalRegulation: z.string().max(200).optional(),
  issuer: z.string().max(500).optional(),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
  blobId: z.string().min(1).optional(),
  fileName: z.string().min(1).optional(),
}) satisfies z.ZodType<ConformityDocument>;

// ---------------------------------------------------------------------------------------------- helpers

export interface EmptyDraftOptions {
  id: string;
  oktru?: string;
  isGov?: boolean;
  autoPublication?: boolean;
  editOfNtin?: string;
}

/** A new draft with nothing filled in. */
export function emptyDraft(options: EmptyDraftOptions): ApplicationDraft {
  return {
    version: 1,
    id: options.id,
    oktru: options.oktru ?? '',
    isGov: options.isGov ?? false,
    autoPublication: options.autoPublication ?? false,
    ...(options.editOfNtin === undefined ? {} : { editOfNtin: options.editOfNtin }),
    values: { base: {}, mainExtended: {}, additionalExtended: {} },
    custom: [],
    photos: {},
    documents: [],
  };
}

/** True when a value holds nothing: an empty or blank string, an empty list, a compound with no filled part. */
export function isEmptyValue(value: DraftValue | DraftPartValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((part) => part.trim() === '');
  return Object.values(value).every((part) => isEmptyValue(part));
}

/** Where a code's value sits in the draft: the first group holding it (a misplaced value is still found). */
export function findValue(draft: ApplicationDraft, code: string): { group: ValueGroup; value: DraftValue } | undefined {
  for (const group of valueGroups) {
    const value = draft.values[group][code];
    if (value !== undefined) return { group, value };
  }
  return undefined;
}

/**
 * Sets (or, with an empty value, removes) an attribute's value in the group the schema puts it in, and
 * removes it from any other group. A code unknown to the schema goes to `fallbackGroup` (default base).
 * Returns a new draft; the input is not changed.
 */
export function setDraftValue(
  draft: ApplicationDraft,
  code: string,
  value: DraftValue | undefined,
  schemas: AttributeSchemas | SchemaIndex,
  fallbackGroup: ValueGroup = 'base',
): ApplicationDraft {
  const entry: IndexedAttribute | undefined = toSchemaIndex(schemas).byCode.get(code);
  const target = entry?.group ?? fallbackGroup;
  const values = { ...draft.values };
  for (const group of valueGroups) {
    if (group !== target && code in values[group]) {
      const { [code]: _removed, ...rest } = values[group];
      values[group] = rest;
    }
  }
  const { [code]: _previous, ...others } = values[target];
  if (value === undefined || isEmptyValue(value)) values[target] = others;
  else if (_previous === undefined) values[target] = { ...others, [code]: value };
  else values[target] = Object.fromEntries(Object.entries(values[target]).map(([key, old]) => [key, key === code ? value : old]));
  return { ...draft, values };
}
