/**
 * The portal API client (surface A, `X-API-KEY`). Every operation of `portalOperations` runs through `call`;
 * the named methods are thin typed wrappers. Network access, clock, sleep and randomness are injected.
 */
import type { z } from 'zod';
import { normalisePortalBaseUrl } from './base-url.ts';
import { createRequestOnce, type CreateOnceOptions, type CreateOnceResult } from './create-once.ts';
import type {
  DictionaryItem,
  DuplicateDecision,
  ProductRequestBody,
  RequestShort,
  RequestStatusCode,
} from './dto.ts';
import { CatalogueError, clientValidationError, unexpectedResponse } from './errors.ts';
import {
  portalOperations,
  type OperationDefinition,
  type PortalInput,
  type PortalOperationId,
  type PortalOutput,
} from './operations.ts';
import { iterateItems, iteratePages, type PagingOptions } from './paging.ts';
import { retryPolicy, type RetryMode, type RetryOptions } from './retry.ts';
import { defaultSleep, send, withQuery, type RetryEvent, type Sleep, type TransportConfig } from './transport.ts';

export interface PortalClientOptions {
  /** `https://nationalcatalog.kz/gwp` in production (a bare `https://nationalcatalog.kz` gets `/gwp` appended). */
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  /** Per attempt; default 60 s (moderation and publish may be slow). */
  timeoutMs?: number;
  retry?: RetryOptions;
  sleep?: Sleep;
  /** Random source in [0, 1) for backoff jitter. */
  random?: () => number;
  /** Clock in epoch ms (for HTTP-date `Retry-After`). */
  now?: () => number;
  /** Sent as `Accept-Language` (status labels may be localised). */
  language?: 'ru' | 'kk' | 'en';
  onRetry?: (event: RetryEvent) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export type PortalClient = ReturnType<typeof createPortalClient>;

/** The status codes whose requests may be edited with PUT (§4.5). */
export const editableStatuses: readonly RequestStatusCode[] = ['new', 'underRevision', 'underRevisionGz', 'cancelled'];

export function createPortalClient(options: PortalClientOptions) {
  const baseUrl = normalisePortalBaseUrl(options.baseUrl);
  const config: TransportConfig = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    retry: retryPolicy(options.retry),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    headers: {
      // No key, no header: an empty X-API-KEY would still announce that this client holds credentials.
      ...(options.apiKey ? { 'X-API-KEY': options.apiKey } : {}),
      Accept: 'application/json',
      ...(options.language ? { 'Accept-Language': options.language } : {}),
    },
    onRetry: options.onRetry,
  };

  async function call<K extends PortalOperationId>(operationId: K, input: PortalInput<K>, callOptions: CallOptions = {}): Promise<PortalOutput<K>> {
    // One definition type for all operations: the per-key types are restored by the signature.
    const operation = portalOperations[operationId] as unknown as OperationDefinition<z.ZodType, z.ZodType>;
    const parsedInput = operation.input.safeParse(input);
    if (!parsedInput.success) {
      const paths = parsedInput.error.issues.map((issue) => issue.path.join('.') || '(input)');
      throw clientValidationError(`invalid input: ${parsedInput.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, paths, operationId);
    }
    const built = operation.build(parsedInput.data);
    let form: FormData | undefined;
    if (built.file) {
      form = new FormData();
      form.append('file', built.file.blob, built.file.fileName);
    }
    const mode: RetryMode = operation.retry === 'create' ? 'rate-limit-only' : 'all';
    let answer;
    try {
      answer = await send(config, {
        operation: operationId,
        method: operation.method,
        url: withQuery(`${baseUrl}${built.path}`, built.query),
        json: built.json,
        form,
        expect: operation.emptyAnswer ? 'empty' : 'json',
        retry: mode,
        signal: callOptions.signal,
      });
    } catch (error) {
      if (error instanceof CatalogueError) {
        if (error.kind === 'not-found' && operation.notFound) return operation.notFound.value as PortalOutput<K>;
        if (await confirmedAfterRetry(operation, parsedInput.data, error, callOptions)) return undefined as PortalOutput<K>;
      }
      throw error;
    }
    if (operation.emptyAnswer) return undefined as PortalOutput<K>;
    const parsed = operation.output.safeParse(answer.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw unexpectedResponse(
        `${operationId}: the answer does not have the expected shape (${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'})`,
        operationId,
        answer.status,
      );
    }
    return parsed.data as PortalOutput<K>;
  }

  /**
   * A status change whose first attempt got no answer, retried, and then refused (422/404) may have
   * succeeded the first time: ask `/status` before reporting the refusal.
   */
  async function confirmedAfterRetry(
    operation: OperationDefinition<z.ZodType, z.ZodType>,
    input: unknown,
    error: CatalogueError,
    callOptions: CallOptions,
  ): Promise<boolean> {
    if (operation.retry !== 'transition' || !operation.confirm || !error.outcomeUnknown) return false;
    if (error.kind !== 'wrong-status' && error.kind !== 'not-found') return false;
    const id = (input as { id?: unknown }).id;
    if (typeof id !== 'number') return false;
    try {
      return operation.confirm(await call('getStatus', { id }, callOptions));
    } catch (statusError) {
      if (statusError instanceof CatalogueError && statusError.kind === 'not-found') return operation.confirm('gone');
      return false;
    }
  }

  const client = {
    baseUrl,
    call,

    /** Cards by NTIN or GTIN (v2). Always an array: `[]` when not found (404 or empty answer). */
    getCards: (tin: string, o?: CallOptions) => call('getProductByTin', { tin }, o),
    /** One full card (v1), or null when not found. For GTINs prefer `getCards` (a GTIN may match several). */
    getCard: (tin: string, o?: CallOptions) => call('getProductByTin_1', { tin }, o),

    listRequests: (query: PortalInput<'fetch'>, o?: CallOptions) => call('fetch', query, o),
    /** Every request of the user (optionally of one status), page by page. */
    iterateRequests: (query: { status?: PortalInput<'fetch'>['status'] } & PagingOptions = {}, o?: CallOptions): AsyncGenerator<RequestShort> =>
      iterateItems((page, size) => call('fetch', { page, size, status: query.status }, o), query),

    /** One POST, never blindly repeated (only a 429 is retried). See `createRequestOnce` for lost answers. */
    createRequest: async (body: ProductRequestBody, o?: CallOptions) => (await call('createProductRequest', { body }, o)).id,
    /**
     * Creates a draft exactly once: when the answer is lost (timeout, dropped connection, 5xx) it looks for
     * the draft in the request list before posting again. See create-once.ts.
     */
    createRequestOnce: (body: ProductRequestBody, createOptions?: CreateOnceOptions): Promise<CreateOnceResult> =>
      createRequestOnce(
        {
          create: (b, o) => client.createRequest(b, o),
          iterateNew: (o) => client.iterateRequests({ status: 'new', size: 100, maxPages: createOptions?.maxPages ?? 5 }, o),
          sleep: config.sleep,
          random: config.random,
          retry: config.retry,
        },
        body,
        createOptions,
      ),
    updateRequest: (id: number, body: ProductRequestBody, o?: CallOptions) => call('updateProductRequest', { id, body }, o),
    deleteRequest: (id: number, o?: CallOptions) => call('deleteProductRequest', { id }, o),
    submitForModeration: (id: number, o?: CallOptions) => call('onModerationRequest', { id }, o),
    cancelRequest: (id: number, o?: CallOptions) => call('cancelRequest', { id }, o),
    publishRequest: (id: number, o?: CallOptions) => call('publish', { id }, o),
    getStatus: (id: number, o?: CallOptions) => call('getStatus', { id }, o),
    getDetails: (id: number, o?: CallOptions) => call('getDetails', { id }, o),
    getDuplicates: (id: number, o?: CallOptions) => call('getDuplicates', { id }, o),
    decideDuplicates: (id: number, decision: DuplicateDecision, o?: CallOptions) => call('makeDuplicateDecision', { id, decision }, o),
    /** Creates an edit draft of a published card (not idempotent: a repeat creates a second draft). */
    editProduct: (ntin: string, o?: CallOptions) => call('createRequestForProductEdit', { ntin }, o),

    getAttributes: (o?: CallOptions) => call('attributes', {}, o),
    getGovAttributes: (oktru: string, o?: CallOptions) => call('getGovCategoryAttributes', { oktru }, o),

    uploadPhoto: (file: PortalInput<'uploadFile'>, o?: CallOptions) => call('uploadFile', file, o),
    uploadDocument: (file: PortalInput<'uploadDocument'>, o?: CallOptions) => call('uploadDocument', file, o),

    listDictionaries: (o?: CallOptions) => call('getAllDictionaries', {}, o),
    getDictionaryRoots: (dictionaryCode: string, o?: CallOptions) => call('getRootItems', { dictionaryCode }, o),
    getDictionaryChildren: (dictionaryCode: string, parentId: number, o?: CallOptions) =>
      call('getItemsByParentId', { dictionaryCode, parentId }, o),
    getDictionaryItems: (query: PortalInput<'getItems'>, o?: CallOptions) => call('getItems', query, o),
    /** Every item of a dictionary (size 100 pages): the recommended way to cache a dictionary (§4.22). */
    iterateDictionaryItems: (dictionaryCode: string, paging: PagingOptions & { search?: string } = {}, o?: CallOptions): AsyncGenerator<DictionaryItem> =>
      iterateItems((page, size) => call('getItems', { dictionaryCode, page, size, search: paging.search }, o), paging),
    /** The same, page by page (with `totalElements` for progress). */
    iterateDictionaryPages: (dictionaryCode: string, paging: PagingOptions = {}, o?: CallOptions) =>
      iteratePages((page, size) => call('getItems', { dictionaryCode, page, size }, o), paging),
  };
  return client;
}
