/**
 * The 22 portal operations (catalogue-api.md §4) as plain data: method, path, a zod schema of the input the
 * caller gives, a zod schema of the answer, and how to build the HTTP request. The client runs any of them by
 * `operationId`; the Electron host can validate a bridge call `{ operation, input }` with `input` before
 * running it with the secret key.
 */
import { z } from 'zod';
import {
  attributeDefinitionSchema,
  createResponseSchema,
  dictionaryItemListSchema,
  dictionaryListSchema,
  dictionaryPageSchema,
  duplicateDecisionSchema,
  duplicateListSchema,
  editProductResponseSchema,
  govAttributesSchema,
  listableStatusCodes,
  productListSchema,
  productRequestBodySchema,
  productSchema,
  requestDetailsSchema,
  requestPageSchema,
  requestStatusSchema,
  uploadedFileSchema,
  type ProductRequestBody,
  type RequestStatus,
} from './dto.ts';

/**
 * How a call may be repeated after a failure:
 * - `safe`: reads and replace-updates; retried on network errors, timeouts, 5xx and 429.
 * - `transition`: status changes; retried the same way, and when a retry meets 422/404 after an attempt whose
 *   outcome is unknown, `/status` is read to see whether the first attempt already did the job (`confirm`).
 * - `create`: creates something; retried only on 429 (the server refused before acting). Reconcile a lost
 *   create with `createRequestOnce`.
 */
export type RetryClass = 'safe' | 'transition' | 'create';

export interface BuiltRequest {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  file?: { blob: Blob; fileName: string };
}

export interface OperationDefinition<I extends z.ZodType, O extends z.ZodType> {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path under the portal base (`…/gwp`), with `{param}` placeholders. */
  path: string;
  summary: string;
  retry: RetryClass;
  input: I;
  output: O;
  /** The answer is ignored (200 with no meaningful body). */
  emptyAnswer?: boolean;
  /** A 404 answer means this value instead of an error. */
  notFound?: { value: z.output<O> };
  /** For `transition`: whether the request's current status shows that the operation took effect. */
  confirm?: (status: RequestStatus | 'gone') => boolean;
  build: (input: z.output<I>) => BuiltRequest;
}

function defineOperation<I extends z.ZodType, O extends z.ZodType>(definition: OperationDefinition<I, O>): OperationDefinition<I, O> {
  return definition;
}

const requestId = z.number().int().positive();
const tin = z.string().regex(/^\d{8,14}$/, 'a GTIN or NTIN is 8 to 14 digits');
const page = z.number().int().min(1);
const size = z.number().int().min(1).max(100);
const dictionaryCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'dictionary codes are letters, digits, _ and -');
const noInput = z.object({});
const emptyAnswer = z.unknown().transform((): void => undefined);
const fileInput = z.object({
  file: z.union([z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)'), z.instanceof(Blob)]),
  fileName: z.string().min(1).max(255),
  contentType: z.string().max(100).optional(),
});
type FileInput = z.output<typeof fileInput>;

const enc = encodeURIComponent;

/** v2 wants exactly 13 digits: a GTIN-14 with a leading 0 and a GTIN-12 (UPC-A) have a 13-digit form. */
function asThirteenDigits(code: string): string {
  if (code.length === 14 && code.startsWith('0')) return code.slice(1);
  if (code.length === 12) return `0${code}`;
  return code;
}

function toBlob({ file, contentType }: FileInput, fallbackType: string): Blob {
  if (file instanceof Blob) return file;
  return new Blob([new Uint8Array(file)], { type: contentType ?? fallbackType });
}

/** Sends image types in lower case (the schema's enum), whatever case the caller used. */
function outgoingBody(body: ProductRequestBody): ProductRequestBody {
  if (!body.imageFiles) return body;
  return { ...body, imageFiles: body.imageFiles.map((file) => ({ ...file, imageType: file.imageType.toLowerCase() })) };
}

const requestsPath = '/portal/api/v1/products/requests';
const notAwaitingModeration = (status: RequestStatus | 'gone') =>
  status !== 'gone' && !['new', 'underRevision', 'underRevisionGz', 'cancelled'].includes(status.code);

export const portalOperations = {
  getProductByTin: defineOperation({
    operationId: 'getProductByTin',
    method: 'GET',
    path: '/portal/api/v2/products/{tin}',
    summary: 'Cards by NTIN or GTIN (a GTIN may match several cards); [] when none',
    retry: 'safe',
    input: z.object({ tin }),
    output: productListSchema,
    notFound: { value: [] },
    build: (input) => ({ path: `/portal/api/v2/products/${enc(asThirteenDigits(input.tin))}` }),
  }),
  getProductByTin_1: defineOperation({
    operationId: 'getProductByTin_1',
    method: 'GET',
    path: '/portal/api/v1/products/{tin}',
    summary: 'One full card by NTIN or GTIN; null when none',
    retry: 'safe',
    input: z.object({ tin }),
    output: productSchema.nullable(),
    notFound: { value: null },
    build: (input) => ({ path: `/portal/api/v1/products/${enc(input.tin)}` }),
  }),
  fetch: defineOperation({
    operationId: 'fetch',
    method: 'GET',
    path: requestsPath,
    summary: "Paged list of the current user's requests (page from 1, size ≤ 100)",
    retry: 'safe',
    input: z.object({ page, size, status: z.enum(listableStatusCodes).optional() }),
    output: requestPageSchema,
    build: (input) => ({ path: requestsPath, query: { page: input.page, size: input.size, status: input.status } }),
  }),
  createProductRequest: defineOperation({
    operationId: 'createProductRequest',
    method: 'POST',
    path: requestsPath,
    summary: 'Create a draft (a new card, or an edit when `ntin` is set); not idempotent',
    retry: 'create',
    input: z.object({ body: productRequestBodySchema }),
    output: createResponseSchema,
    build: (input) => ({ path: requestsPath, json: outgoingBody(input.body) }),
  }),
  updateProductRequest: defineOperation({
    operationId: 'updateProductRequest',
    method: 'PUT',
    path: `${requestsPath}/{id}`,
    summary: 'Replace the request content (status new, underRevision, underRevisionGz or cancelled)',
    retry: 'safe',
    input: z.object({ id: requestId, body: productRequestBodySchema }),
    output: emptyAnswer,
    emptyAnswer: true,
    build: (input) => ({ path: `${requestsPath}/${input.id}`, json: outgoingBody(input.body) }),
  }),
  deleteProductRequest: defineOperation({
    operationId: 'deleteProductRequest',
    method: 'DELETE',
    path: `${requestsPath}/{id}`,
    summary: 'Delete a draft (status new)',
    retry: 'transition',
    input: z.object({ id: requestId }),
    output: emptyAnswer,
    emptyAnswer: true,
    confirm: (status) => status === 'gone',
    build: (input) => ({ path: `${requestsPath}/${input.id}` }),
  }),
  onModerationRequest: defineOperation({
    operationId: 'onModerationRequest',
    method: 'PUT',
    path: `${requestsPath}/{id}/moderation`,
    summary: 'Submit to moderation (from new, underRevision, underRevisionGz)',
    retry: 'transition',
    input: z.object({ id: requestId }),
    output: emptyAnswer,
    emptyAnswer: true,
    confirm: notAwaitingModeration,
    build: (input) => ({ path: `${requestsPath}/${input.id}/moderation` }),
  }),
  cancelRequest: defineOperation({
    operationId: 'cancelRequest',
    method: 'PUT',
    path: `${requestsPath}/{id}/cancel`,
    summary: 'Withdraw from moderation (from onModeration)',
    retry: 'transition',
    input: z.object({ id: requestId }),
    output: emptyAnswer,
    emptyAnswer: true,
    confirm: (status) => status !== 'gone' && status.code === 'cancelled',
    build: (input) => ({ path: `${requestsPath}/${input.id}/cancel` }),
  }),
  publish: defineOperation({
    operationId: 'publish',
    method: 'PUT',
    path: `${requestsPath}/{id}/publish`,
    summary: 'Publish a request in readyToPublish',
    retry: 'transition',
    input: z.object({ id: requestId }),
    output: emptyAnswer,
    emptyAnswer: true,
    confirm: (status) => status !== 'gone' && (status.code === 'completed' || status.code === 'publishingGz'),
    build: (input) => ({ path: `${requestsPath}/${input.id}/publish` }),
  }),
  getStatus: defineOperation({
    operationId: 'getStatus',
    method: 'GET',
    path: `${requestsPath}/{id}/status`,
    summary: 'Status, remarks, duplicates hint, NTIN',
    retry: 'safe',
    input: z.object({ id: requestId }),
    output: requestStatusSchema,
    build: (input) => ({ path: `${requestsPath}/${input.id}/status` }),
  }),
  getDetails: defineOperation({
    operationId: 'getDetails',
    method: 'GET',
    path: `${requestsPath}/{id}/details`,
    summary: 'Full request content',
    retry: 'safe',
    input: z.object({ id: requestId }),
    output: requestDetailsSchema,
    build: (input) => ({ path: `${requestsPath}/${input.id}/details` }),
  }),
  getDuplicates: defineOperation({
    operationId: 'getDuplicates',
    method: 'GET',
    path: `${requestsPath}/{id}/duplicates`,
    summary: 'Potential duplicates found at moderation (not-found error when no check ran)',
    retry: 'safe',
    input: z.object({ id: requestId }),
    output: duplicateListSchema,
    build: (input) => ({ path: `${requestsPath}/${input.id}/duplicates` }),
  }),
  makeDuplicateDecision: defineOperation({
    operationId: 'makeDuplicateDecision',
    method: 'POST',
    path: `${requestsPath}/{id}/duplicate-decision`,
    summary: 'CONTINUE with the new card, or USE_EXISTING with one of the listed NTINs',
    retry: 'transition',
    input: z.object({ id: requestId, decision: duplicateDecisionSchema }),
    output: emptyAnswer,
    emptyAnswer: true,
    confirm: (status) => status !== 'gone' && status.code !== 'underRevision',
    build: (input) => ({ path: `${requestsPath}/${input.id}/duplicate-decision`, json: input.decision }),
  }),
  createRequestForProductEdit: defineOperation({
    operationId: 'createRequestForProductEdit',
    method: 'POST',
    path: `${requestsPath}/{ntin}/edit-product`,
    summary: 'Create an edit draft of a published card; answers the draft in the shape PUT accepts',
    retry: 'create',
    input: z.object({ ntin: tin }),
    output: editProductResponseSchema,
    build: (input) => ({ path: `${requestsPath}/${enc(input.ntin)}/edit-product` }),
  }),
  attributes: defineOperation({
    operationId: 'attributes',
    method: 'GET',
    path: `${requestsPath}/attributes`,
    summary: 'The base attribute schema',
    retry: 'safe',
    input: z.object({ oktru: z.string().min(1).optional() }),
    output: z.array(attributeDefinitionSchema),
    build: (input) => ({ path: `${requestsPath}/attributes`, query: { oktru: input.oktru } }),
  }),
  getGovCategoryAttributes: defineOperation({
    operationId: 'getGovCategoryAttributes',
    method: 'GET',
    path: `${requestsPath}/categories/{oktru}/gov-attributes`,
    summary: 'Extended attribute schema of an ОКТРУ category (main + additional)',
    retry: 'safe',
    input: z.object({ oktru: z.string().min(1) }),
    output: govAttributesSchema,
    build: (input) => ({ path: `${requestsPath}/categories/${enc(input.oktru)}/gov-attributes` }),
  }),
  uploadFile: defineOperation({
    operationId: 'uploadFile',
    method: 'POST',
    path: '/portal/api/v1/storage/upload',
    summary: 'Upload a photo (multipart part `file`, ≤ 5 MB); use the answer’s `filename`',
    retry: 'safe',
    input: fileInput,
    output: uploadedFileSchema,
    build: (input) => ({ path: '/portal/api/v1/storage/upload', file: { blob: toBlob(input, 'image/jpeg'), fileName: input.fileName } }),
  }),
  uploadDocument: defineOperation({
    operationId: 'uploadDocument',
    method: 'POST',
    path: '/portal/api/v1/storage/upload/document',
    summary: 'Upload a PDF document (multipart part `file`, ≤ 5 MB)',
    retry: 'safe',
    input: fileInput,
    output: uploadedFileSchema,
    build: (input) => ({
      path: '/portal/api/v1/storage/upload/document',
      file: { blob: toBlob(input, 'application/pdf'), fileName: input.fileName },
    }),
  }),
  getAllDictionaries: defineOperation({
    operationId: 'getAllDictionaries',
    method: 'GET',
    path: '/portal/api/v1/dictionaries',
    summary: 'The list of dictionaries',
    retry: 'safe',
    input: noInput,
    output: dictionaryListSchema,
    build: () => ({ path: '/portal/api/v1/dictionaries' }),
  }),
  getRootItems: defineOperation({
    operationId: 'getRootItems',
    method: 'GET',
    path: '/portal/api/v1/dictionaries/{dictionaryCode}/roots',
    summary: 'Root items of a tree dictionary',
    retry: 'safe',
    input: z.object({ dictionaryCode }),
    output: dictionaryItemListSchema,
    build: (input) => ({ path: `/portal/api/v1/dictionaries/${enc(input.dictionaryCode)}/roots` }),
  }),
  getItemsByParentId: defineOperation({
    operationId: 'getItemsByParentId',
    method: 'GET',
    path: '/portal/api/v1/dictionaries/{dictionaryCode}/children/{parentId}',
    summary: 'Children of an item (by its numeric id)',
    retry: 'safe',
    input: z.object({ dictionaryCode, parentId: z.number().int().nonnegative() }),
    output: dictionaryItemListSchema,
    build: (input) => ({ path: `/portal/api/v1/dictionaries/${enc(input.dictionaryCode)}/children/${input.parentId}` }),
  }),
  getItems: defineOperation({
    operationId: 'getItems',
    method: 'GET',
    path: '/portal/api/v1/dictionaries/{dictionaryCode}/items',
    summary: 'Paged items of any dictionary (page from 1, size 1–100; `search` is undocumented)',
    retry: 'safe',
    input: z.object({ dictionaryCode, page, size, search: z.string().min(1).max(200).optional() }),
    output: dictionaryPageSchema,
    build: (input) => ({
      path: `/portal/api/v1/dictionaries/${enc(input.dictionaryCode)}/items`,
      query: { page: input.page, size: input.size, search: input.search },
    }),
  }),
};

export type PortalOperations = typeof portalOperations;
export type PortalOperationId = keyof PortalOperations;
export type PortalInput<K extends PortalOperationId> = z.input<PortalOperations[K]['input']>;
export type PortalOutput<K extends PortalOperationId> = z.output<PortalOperations[K]['output']>;
export const portalOperationIds = Object.keys(portalOperations) as PortalOperationId[];

export function isPortalOperationId(value: unknown): value is PortalOperationId {
  return typeof value === 'string' && Object.hasOwn(portalOperations, value);
}

/** Operations that carry a file: the bridge takes them only as checked bytes on `catalogue:upload`. */
const fileUploadOperationIds: ReadonlySet<PortalOperationId> = new Set<PortalOperationId>(['uploadFile', 'uploadDocument']);

/**
 * A bridge-friendly request: `{ operation, input }`, validated with the operation's input schema by the host.
 * File uploads are refused here, so no file reaches the catalogue without the upload channel's size and type check.
 */
export const portalCallSchema = z
  .object({
    operation: z.enum(portalOperationIds as [PortalOperationId, ...PortalOperationId[]]),
    input: z.unknown(),
  })
  .refine((call) => !fileUploadOperationIds.has(call.operation), { message: 'files go through catalogue:upload', path: ['operation'] });
export type PortalCall = z.infer<typeof portalCallSchema>;
