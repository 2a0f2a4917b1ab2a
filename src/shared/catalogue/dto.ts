/**
 * The portal API's data shapes (catalogue-api.md §4–§6) as zod schemas plus inferred types.
 *
 * Response schemas are tolerant where the spec contradicts itself or integrators report variants
 * (values as numbers, `filename` vs `fileName`, image type case, names in `properties` or at the top level);
 * request schemas are strict enough to catch what the server's basic check would refuse.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------- shared atoms

/** Base status codes (§6.1) plus `underRevisionGz`, which update/moderation accept as a current status. */
export const requestStatusCodes = [
  'new',
  'onModeration',
  'accepted',
  'underRevision',
  'underRevisionGz',
  'rejected',
  'cancelled',
  'readyToPublish',
  'completed',
  'existingProductSelected',
] as const;
export type RequestStatusCode = (typeof requestStatusCodes)[number];
export const requestStatusCodeSchema = z.enum(requestStatusCodes);

/** Statuses the list filter accepts (§4.3). */
export const listableStatusCodes = requestStatusCodes.filter((code) => code !== 'underRevisionGz');

export const gzStatusCodes = ['acceptedGz', 'underRevisionGz', 'rejectedGz', 'publishingGz'] as const;
export type GzStatusCode = (typeof gzStatusCodes)[number];

export const imageTypes = ['front', 'back', 'left', 'right', 'top', 'bottom'] as const;
export type ImageType = (typeof imageTypes)[number];

/** Accepts any case (`FRONT` in the spec's examples, `front` in its schema) and reads it as lower case. */
export const imageTypeSchema = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(imageTypes));

/** Lenient scalar: the spec says values are strings, but tolerate numbers/booleans/null and read them as strings. */
const looseString = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));

const optionalText = z.string().nullish().transform((value) => value ?? undefined);

export const localizedItemSchema = z.object({ code: z.string(), value: optionalText });
export type LocalizedItem = z.infer<typeof localizedItemSchema>;

export const ancestorSchema = z.object({
  level: z.number().int(),
  code: z.string(),
  nameRu: optionalText,
  nameKk: optionalText,
});
export type PortalAncestor = z.infer<typeof ancestorSchema>;

/** The spec's schema declares a single ancestor object; the examples show an array. Accept both. */
const ancestorsSchema = z
  .union([z.array(ancestorSchema), ancestorSchema])
  .nullish()
  .transform((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]));

// ------------------------------------------------------------------------------------------- request bodies

/** One code/value pair of a request body (§5.2). Values are always strings; compounds carry nested `attributes`. */
export interface AttributeValue {
  code?: string | undefined;
  value?: string | undefined;
  nameRu?: string | undefined;
  nameKk?: string | undefined;
  isGov?: boolean | undefined;
  is_new?: boolean | undefined;
  attributes?: AttributeValue[] | undefined;
}

export const attributeValueSchema: z.ZodType<AttributeValue, AttributeValue> = z.lazy(() =>
  z.object({
    code: z.string().min(1).optional(),
    value: z.string().optional(),
    nameRu: z.string().optional(),
    nameKk: z.string().optional(),
    isGov: z.boolean().optional(),
    is_new: z.boolean().optional(),
    attributes: z.array(attributeValueSchema).optional(),
  }),
);

/** Response variant of an attribute value (edit-product answers): tolerant of nulls and non-string scalars. */
export const attributeValueResponseSchema: z.ZodType<AttributeValue, unknown> = z.lazy(() =>
  z.object({
    code: optionalText,
    value: looseString,
    nameRu: optionalText,
    nameKk: optionalText,
    isGov: z.boolean().nullish().transform((value) => value ?? undefined),
    is_new: z.boolean().nullish().transform((value) => value ?? undefined),
    attributes: z
      .array(attributeValueResponseSchema)
      .nullish()
      .transform((value) => value ?? undefined),
  }),
);

export const requestImageFileSchema = z.object({ fileName: z.string().min(1), imageType: z.string() });
export type RequestImageFile = z.infer<typeof requestImageFileSchema>;

export const requestDocumentSchema = z.object({
  fileName: z.string().regex(/^.+\.pdf$/i, 'documents must be PDF files (fileName ending in .pdf)'),
});
export type RequestDocument = z.infer<typeof requestDocumentSchema>;

/** `PortalCreateUpdateProductRequestDto` (§5.1): the body of create and update. */
export const productRequestBodySchema = z.object({
  oktru: z.string().min(1),
  autoPublication: z.boolean(),
  attributes: z.array(attributeValueSchema),
  ntin: z.string().optional(),
  isGov: z.boolean().optional(),
  mainExtendedAttributes: z.array(attributeValueSchema).optional(),
  additionalExtendedAttributes: z.array(attributeValueSchema).optional(),
  customExtendedAttributes: z.array(attributeValueSchema).optional(),
  imageFiles: z
    .array(
      requestImageFileSchema.refine((file) => (imageTypes as readonly string[]).includes(file.imageType.toLowerCase()), {
        message: `imageType must be one of ${imageTypes.join(', ')}`,
        path: ['imageType'],
      }),
    )
    .optional(),
  documents: z.array(requestDocumentSchema).optional(),
});
export type ProductRequestBody = z.infer<typeof productRequestBodySchema>;

export const duplicateDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('CONTINUE'), ntin: z.string().optional() }),
  z.object({ decision: z.literal('USE_EXISTING'), ntin: z.string().min(1) }),
]);
export type DuplicateDecision = z.infer<typeof duplicateDecisionSchema>;

// -------------------------------------------------------------------------------------------- definitions

/** `PortalAttributeObjectDto` (§5.4): an attribute definition, optionally with its filled value. */
export interface AttributeDefinition {
  code: string;
  dataType: string;
  nameRu: string;
  nameKk: string;
  attributeType?: string | undefined;
  descriptionRu?: string | undefined;
  descriptionKk?: string | undefined;
  index?: number | undefined;
  attributeOrder?: number | undefined;
  isRequired?: boolean | undefined;
  isRequiredEgz?: boolean | undefined;
  isRequiredKgd?: boolean | undefined;
  isMain?: boolean | undefined;
  isNew?: boolean | undefined;
  isUnique?: boolean | undefined;
  isSingle?: boolean | undefined;
  maxLength?: number | undefined;
  minValue?: string | undefined;
  maxValue?: string | undefined;
  dictionaryCode?: string | undefined;
  pattern?: string | undefined;
  value?: string | undefined;
  values?: DictionaryValue | DictionaryValue[] | undefined;
  multiValues?: DictionaryValue[] | undefined;
  attributes?: AttributeDefinition[] | undefined;
}

export const dictionaryValueSchema = z.object({ code: z.string(), nameRu: optionalText, nameKk: optionalText });
export type DictionaryValue = z.infer<typeof dictionaryValueSchema>;

const optionalBool = z.boolean().nullish().transform((value) => value ?? undefined);
const optionalNumber = z.number().nullish().transform((value) => value ?? undefined);

export const attributeDefinitionSchema: z.ZodType<AttributeDefinition, unknown> = z.lazy(() =>
  z.object({
    code: z.string(),
    dataType: z.string(),
    nameRu: z.string().nullish().transform((value) => value ?? ''),
    nameKk: z.string().nullish().transform((value) => value ?? ''),
    attributeType: optionalText,
    descriptionRu: optionalText,
    descriptionKk: optionalText,
    index: optionalNumber,
    attributeOrder: optionalNumber,
    isRequired: optionalBool,
    isRequiredEgz: optionalBool,
    isRequiredKgd: optionalBool,
    isMain: optionalBool,
    isNew: optionalBool,
    isUnique: optionalBool,
    isSingle: optionalBool,
    maxLength: optionalNumber,
    minValue: looseString,
    maxValue: looseString,
    dictionaryCode: optionalText,
    pattern: optionalText,
    value: looseString,
    values: z
      .union([dictionaryValueSchema, z.array(dictionaryValueSchema)])
      .nullish()
      .transform((value) => value ?? undefined),
    multiValues: z
      .array(dictionaryValueSchema)
      .nullish()
      .transform((value) => value ?? undefined),
    attributes: z
      .array(attributeDefinitionSchema)
      .nullish()
      .transform((value) => value ?? undefined),
  }),
);

export const govAttributesSchema = z.object({
  mainAttributes: z.array(attributeDefinitionSchema).nullish().transform((value) => value ?? []),
  additionalAttributes: z.array(attributeDefinitionSchema).nullish().transform((value) => value ?? []),
});
export type GovAttributes = z.infer<typeof govAttributesSchema>;

// ------------------------------------------------------------------------------------------------- cards

/** `ImageFile` in card data; reads `fileName` or `filename`, and the image type in lower case. */
export const imageFileSchema = z
  .object({
    fileName: z.string().optional(),
    filename: z.string().optional(),
    imageType: z.string().nullish(),
    moderatorComment: optionalText,
    aiComment: optionalText,
  })
  .transform(({ fileName, filename, imageType, moderatorComment, aiComment }) => ({
    fileName: fileName ?? filename ?? '',
    imageType: imageType ? imageType.toLowerCase() : undefined,
    moderatorComment,
    aiComment,
  }));
export type ImageFile = z.infer<typeof imageFileSchema>;

const imageDataSchema = z
  .object({ imageFiles: z.array(imageFileSchema).nullish() })
  .nullish()
  .transform((value) => ({ imageFiles: value?.imageFiles ?? [] }));

/** `PortalProductDto` (§4.2). */
export const productSchema = z.object({
  id: z.number(),
  gtin: optionalText,
  ntin: z.string(),
  kztin: optionalText,
  nameRu: optionalText,
  nameKk: optionalText,
  nameEn: optionalText,
  shortNameRu: optionalText,
  shortNameKk: optionalText,
  shortNameEn: optionalText,
  requestType: optionalText,
  categoryAncestors: ancestorsSchema,
  attributes: z.array(attributeDefinitionSchema).nullish().transform((value) => value ?? []),
  imageData: imageDataSchema,
  createdDate: optionalText,
  updatedDate: optionalText,
  isGovernment: optionalBool,
});
export type PortalProduct = z.infer<typeof productSchema>;

/** v2 lookup: the spec's example is an array, its schema a single object. Either becomes an array. */
export const productListSchema = z
  .union([z.array(productSchema), productSchema])
  .nullish()
  .transform((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]));

// ---------------------------------------------------------------------------------------------- requests

export const rejectionReasonSchema = z.object({
  reason: optionalText,
  reasonItem: z
    .object({ code: z.string(), nameRu: optionalText, nameKk: optionalText })
    .nullish()
    .transform((value) => value ?? undefined),
});

/** `PortalProductRequestShortDto` (§4.3). */
export const requestShortSchema = z.object({
  id: z.number(),
  categoryId: optionalNumber,
  categoryAncestors: ancestorsSchema,
  productData: z
    .object({
      nameRu: optionalText,
      nameKk: optionalText,
      shortNameRu: optionalText,
      shortNameKk: optionalText,
      standardizedName: optionalText,
    })
    .nullish()
    .transform((value): { nameRu?: string; nameKk?: string; shortNameRu?: string; shortNameKk?: string; standardizedName?: string } => value ?? {}),
  status: localizedItemSchema,
  rejectionReason: rejectionReasonSchema.nullish().transform((value) => value ?? undefined),
  requestType: localizedItemSchema.nullish().transform((value) => value ?? undefined),
  autoPublication: optionalBool,
  createdDate: optionalText,
  updatedDate: optionalText,
});
export type RequestShort = z.infer<typeof requestShortSchema>;

/** The portal's page envelope (§2.6), shared by the request list and dictionary items. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    content: z.array(item).nullish().transform((value) => value ?? []),
    totalElements: z.number().nullish().transform((value) => value ?? 0),
    totalPages: z.number().nullish().transform((value) => value ?? 0),
    additionalData: z.unknown().optional(),
  });
}
export interface Page<T> {
  content: T[];
  totalElements: number;
  totalPages: number;
  additionalData?: unknown;
}

export const requestPageSchema = pageSchema(requestShortSchema);

export const createResponseSchema = z.object({ id: z.number() });
export type CreateResponse = z.infer<typeof createResponseSchema>;

const revisionDetailSchema = z.object({ attributeCode: optionalText, value: looseString, comment: optionalText });
const nextActionSchema = z.object({ description: optionalText, method: optionalText, endpoint: optionalText });

/** `PortalProductRequestStatusDto` (§4.10): empty fields are omitted by the server. */
export const requestStatusSchema = z.object({
  code: z.string(),
  value: optionalText,
  ntinCode: optionalText,
  productUrl: optionalText,
  comment: optionalText,
  reason: optionalText,
  nextAction: nextActionSchema.nullish().transform((value) => value ?? undefined),
  revisionDetails: z.array(revisionDetailSchema).nullish().transform((value) => value ?? undefined),
  photoModeration: z
    .object({ score: z.number(), comment: optionalText })
    .nullish()
    .transform((value) => value ?? undefined),
  gzStatus: z
    .object({
      code: z.string(),
      value: optionalText,
      comment: optionalText,
      revisionDetails: z.array(revisionDetailSchema).nullish().transform((value) => value ?? undefined),
    })
    .nullish()
    .transform((value) => value ?? undefined),
});
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** `/details` (§4.11): the example's shape, with the documents' odd `{ documents: { documents: [] } }` nesting. */
export const requestDetailsSchema = z.object({
  id: z.number(),
  categoryId: optionalNumber,
  categoryAncestors: ancestorsSchema,
  status: localizedItemSchema,
  requestType: localizedItemSchema.nullish().transform((value) => value ?? undefined),
  autoPublication: optionalBool,
  createdDate: optionalText,
  updatedDate: optionalText,
  isGov: optionalBool,
  attributes: z.array(attributeDefinitionSchema).nullish().transform((value) => value ?? []),
  imageData: imageDataSchema,
  documents: z
    .union([
      z.object({ documents: z.array(z.object({ fileName: z.string().optional(), filename: z.string().optional() })).nullish() }),
      z.array(z.object({ fileName: z.string().optional(), filename: z.string().optional() })),
    ])
    .nullish()
    .transform((value) => {
      const list = Array.isArray(value) ? value : (value?.documents ?? []);
      return { documents: list.map((doc) => ({ fileName: doc.fileName ?? doc.filename ?? '' })) };
    }),
});
export type RequestDetails = z.infer<typeof requestDetailsSchema>;

/** `PortalDuplicateMatchDto` (§4.12). */
export const duplicateMatchSchema = z.object({
  orderNumber: optionalNumber,
  name: optionalText,
  brand: optionalText,
  gtin: optionalText,
  ntin: z.string(),
  categoryAncestors: z.array(z.unknown()).nullish().transform((value) => value ?? []),
  similarity: z.number(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
export const duplicateListSchema = z.array(duplicateMatchSchema);

const fileNameEntry = z
  .object({ fileName: z.string().optional(), filename: z.string().optional(), imageType: z.string().nullish() })
  .transform(({ fileName, filename, imageType }) => ({ fileName: fileName ?? filename ?? '', imageType: imageType ? imageType.toLowerCase() : '' }));

/** `PortalEditProductResponseDto` (§4.14): an edit draft in the shape PUT accepts. */
export const editProductResponseSchema = z.object({
  productRequestId: z.number(),
  oktru: z.string().nullable(),
  isGov: z.boolean().nullish().transform((value) => value ?? false),
  autoPublication: z.boolean().nullish().transform((value) => value ?? false),
  attributes: z.array(attributeValueResponseSchema).nullish().transform((value) => value ?? []),
  mainExtendedAttributes: z.array(attributeValueResponseSchema).nullish().transform((value) => value ?? []),
  additionalExtendedAttributes: z.array(attributeValueResponseSchema).nullish().transform((value) => value ?? []),
  customExtendedAttributes: z.array(attributeValueResponseSchema).nullish().transform((value) => value ?? []),
  imageFiles: z.array(fileNameEntry).nullish().transform((value) => value ?? []),
  documents: z.array(fileNameEntry).nullish().transform((value) => (value ?? []).map(({ fileName }) => ({ fileName }))),
});
export type EditProductResponse = z.infer<typeof editProductResponseSchema>;

// ------------------------------------------------------------------------------------------------- files

/** `UploadedFileDto` (§4.17): the returned `filename` (lower-case n) becomes the request's `fileName`. */
export const uploadedFileSchema = z
  .object({
    id: z.number(),
    filename: z.string().optional(),
    fileName: z.string().optional(),
    originalFilename: optionalText,
    fileExtension: optionalText,
    sizeBytes: optionalNumber,
    sizeMB: optionalNumber,
    createdAt: optionalNumber,
  })
  .refine((value) => Boolean(value.filename ?? value.fileName), { message: 'upload answer has no filename' })
  .transform(({ filename, fileName, ...rest }) => ({ ...rest, filename: filename ?? fileName ?? '' }));
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

// ---------------------------------------------------------------------------------------------- dictionaries

/** A dictionary item (§4.22); names are read from `properties` or, failing that, the top level. */
export const dictionaryItemSchema = z
  .object({
    id: z.number(),
    parentId: z.number().nullish(),
    code: z.string().nullish(),
    level: z.number().nullish(),
    hasChild: z.boolean().nullish(),
    properties: z
      .object({ code: z.string().nullish(), nameRu: z.string().nullish(), nameKk: z.string().nullish() })
      .loose()
      .nullish(),
    nameRu: z.string().nullish(),
    nameKk: z.string().nullish(),
    isDeleted: z.boolean().nullish(),
    createdDate: z.string().nullish(),
    updatedDate: z.string().nullish(),
  })
  .transform((raw) => ({
    id: raw.id,
    parentId: raw.parentId ?? undefined,
    code: raw.code ?? raw.properties?.code ?? '',
    level: raw.level ?? undefined,
    hasChild: raw.hasChild ?? false,
    nameRu: raw.properties?.nameRu ?? raw.nameRu ?? '',
    nameKk: raw.properties?.nameKk ?? raw.nameKk ?? '',
    isDeleted: raw.isDeleted ?? false,
    createdDate: raw.createdDate ?? undefined,
    updatedDate: raw.updatedDate ?? undefined,
  }));
export type DictionaryItem = z.infer<typeof dictionaryItemSchema>;
export const dictionaryItemListSchema = z.array(dictionaryItemSchema);
export const dictionaryPageSchema = pageSchema(dictionaryItemSchema);

/** An entry of the dictionary list (§4.19): the true shape is undocumented; `code` and names are expected. */
export const dictionaryInfoSchema = z
  .object({
    code: z.string().nullish(),
    dictionaryCode: z.string().nullish(),
    nameRu: z.string().nullish(),
    nameKk: z.string().nullish(),
    name: z.string().nullish(),
    properties: z.object({ nameRu: z.string().nullish(), nameKk: z.string().nullish() }).loose().nullish(),
    isTree: z.boolean().nullish(),
  })
  .transform((raw) => ({
    code: raw.code ?? raw.dictionaryCode ?? '',
    nameRu: raw.nameRu ?? raw.properties?.nameRu ?? raw.name ?? '',
    nameKk: raw.nameKk ?? raw.properties?.nameKk ?? '',
    isTree: raw.isTree ?? undefined,
  }));
export type DictionaryInfo = z.infer<typeof dictionaryInfoSchema>;
export const dictionaryListSchema = z.array(dictionaryInfoSchema);
