/**
 * The catalogue client's error taxonomy. Every failure of a catalogue call becomes one `CatalogueError`
 * whose `kind` says what the caller can do about it:
 *
 * | kind            | HTTP              | retryable | what it means for the app                                  |
 * |-----------------|-------------------|-----------|-------------------------------------------------------------|
 * | `validation`    | 400, 413, other 4xx | no      | fix the named attributes (`attributeCodes`)                  |
 * | `unauthorised`  | 401, 403          | no        | the API key / token is missing or wrong                      |
 * | `not-found`     | 404               | no        | no such card/request/duplicate check                         |
 * | `wrong-status`  | 422               | no        | the request's status forbids the call (or a business rule) |
 * | `rate-limited`  | 429               | yes       | slow down; `retryAfterMs` when the server said so            |
 * | `server`        | 5xx, odd answers  | 5xx: yes  | the catalogue failed; try later                              |
 * | `network`       | —                 | yes       | no answer (connection refused/reset, DNS, offline)           |
 * | `timeout`       | —                 | yes       | no answer within the time limit                              |
 * | `misconfigured` | HTML answers      | no        | the base URL is wrong (e.g. missing `/gwp`)                  |
 * | `redirect-refused` | 3xx elsewhere  | no        | a redirect to another origin (or a loop): credentials stay home |
 *
 * Errors travel as data over the bridge: use `toData()` / `CatalogueError.fromData()`.
 */

export const catalogueErrorKinds = [
  'validation',
  'unauthorised',
  'not-found',
  'wrong-status',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'misconfigured',
  'redirect-refused',
] as const;
export type CatalogueErrorKind = (typeof catalogueErrorKinds)[number];

/** Keys in the `catalogue` i18n namespace (see messages.ts). */
export type CatalogueMessageKey =
  | 'catalogue.errors.validation'
  | 'catalogue.errors.unauthorised'
  | 'catalogue.errors.notFound'
  | 'catalogue.errors.wrongStatus'
  | 'catalogue.errors.business'
  | 'catalogue.errors.rateLimited'
  | 'catalogue.errors.server'
  | 'catalogue.errors.unexpectedResponse'
  | 'catalogue.errors.network'
  | 'catalogue.errors.aborted'
  | 'catalogue.errors.timeout'
  | 'catalogue.errors.misconfigured'
  | 'catalogue.errors.redirectRefused';

interface ErrorBase {
  message: string;
  messageKey: CatalogueMessageKey;
  /** The operation that failed, e.g. `getStatus` or `export.feed`. */
  operation?: string | undefined;
  /** HTTP status when the server answered. */
  status?: number | undefined;
  /** The server's `ApiErrorDto.code`, e.g. `VALIDATION_ERROR`, `BUSINESS_ERROR`. */
  code?: string | undefined;
  /** The server's own message text (Russian), kept for display; never branch on it. */
  serverMessage?: string | undefined;
  /** Attribute codes named by the server's message (validation errors), best effort. */
  attributeCodes: string[];
  /** True when the server may have acted although the caller saw no answer (timeouts, drops, 5xx on a mutation). */
  outcomeUnknown?: boolean | undefined;
}

/** The plain-data form of an error, discriminated by `kind`. */
export type CatalogueErrorData =
  | (ErrorBase & { kind: 'validation'; retryable: false })
  | (ErrorBase & { kind: 'unauthorised'; retryable: false })
  | (ErrorBase & { kind: 'not-found'; retryable: false })
  | (ErrorBase & { kind: 'wrong-status'; retryable: false })
  | (ErrorBase & { kind: 'rate-limited'; retryable: true; retryAfterMs?: number | undefined })
  | (ErrorBase & { kind: 'server'; retryable: boolean })
  | (ErrorBase & { kind: 'network'; retryable: boolean })
  | (ErrorBase & { kind: 'timeout'; retryable: true; timeoutMs: number })
  | (ErrorBase & { kind: 'misconfigured'; retryable: false })
  | (ErrorBase & { kind: 'redirect-refused'; retryable: false });

export type CatalogueErrorOf<K extends CatalogueErrorKind> = Extract<CatalogueErrorData, { kind: K }>;

export class CatalogueError extends Error {
  readonly data: CatalogueErrorData;

  constructor(data: CatalogueErrorData) {
    super(data.message);
    this.name = 'CatalogueError';
    this.data = data;
  }

  get kind(): CatalogueErrorKind {
    return this.data.kind;
  }
  get retryable(): boolean {
    return this.data.retryable;
  }
  get messageKey(): CatalogueMessageKey {
    return this.data.messageKey;
  }
  get status(): number | undefined {
    return this.data.status;
  }
  get code(): string | undefined {
    return this.data.code;
  }
  get serverMessage(): string | undefined {
    return this.data.serverMessage;
  }
  get operation(): string | undefined {
    return this.data.operation;
  }
  get attributeCodes(): string[] {
    return this.data.attributeCodes;
  }
  get retryAfterMs(): number | undefined {
    return this.data.kind === 'rate-limited' ? this.data.retryAfterMs : undefined;
  }
  get outcomeUnknown(): boolean {
    return this.data.outcomeUnknown === true;
  }

  /** Narrows to one kind: `if (error.is('validation')) error.data.attributeCodes`. */
  is<K extends CatalogueErrorKind>(kind: K): this is CatalogueError & { data: CatalogueErrorOf<K> } {
    return this.data.kind === kind;
  }

  toData(): CatalogueErrorData {
    return { ...this.data, attributeCodes: [...this.data.attributeCodes] };
  }

  static fromData(data: CatalogueErrorData): CatalogueError {
    return new CatalogueError(data);
  }
}

export function isCatalogueError(value: unknown): value is CatalogueError {
  return value instanceof CatalogueError;
}

/**
 * Attribute codes named in a server message. The portal's validation messages name the offending code
 * (§2.4); codes are taken from quoted tokens ('code', "code", «code», `code`) and `code:`/`атрибут code` forms.
 */
export function extractAttributeCodes(message: string | undefined): string[] {
  if (!message) return [];
  const found = new Set<string>();
  const quoted = /['"«`]([A-Za-z][A-Za-z0-9_.]{0,63})['"»`]/g;
  for (const match of message.matchAll(quoted)) if (match[1]) found.add(match[1]);
  const named = /(?:attribute|атрибут[а-яё]*|code|код)\s*[:=]?\s*([a-z][a-z0-9_]{1,63})/gi;
  for (const match of message.matchAll(named)) if (match[1] && /[_\d]/.test(match[1])) found.add(match[1]);
  return [...found];
}

const defaultServerMessages: Record<number, string> = {
  400: 'The catalogue refused the data (validation error)',
  401: 'The catalogue refused the credentials',
  403: 'The catalogue refused the credentials',
  404: 'Not found in the catalogue',
  422: 'The request is not in a status that allows this operation',
  429: 'Too many requests to the catalogue',
};

/** Classifies a non-2xx answer. `body` is the parsed JSON (if any) and `text` the raw body. */
export function errorFromResponse(input: {
  status: number;
  operation?: string | undefined;
  apiError?: { code?: string | undefined; message?: string | undefined } | undefined;
  retryAfterMs?: number | undefined;
  html?: boolean;
  outcomeUnknown?: boolean;
}): CatalogueError {
  const { status, operation, apiError } = input;
  const code = apiError?.code;
  const serverMessage = apiError?.message;
  const attributeCodes = extractAttributeCodes(serverMessage);
  const where = operation ? `${operation}: ` : '';
  const describe = (fallback: string) => `${where}HTTP ${status}${code ? ` ${code}` : ''}: ${serverMessage ?? fallback}`;
  const base = { operation, status, code, serverMessage, attributeCodes };

  if (status === 429) {
    return new CatalogueError({
      ...base,
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: input.retryAfterMs,
      messageKey: 'catalogue.errors.rateLimited',
      message: describe(defaultServerMessages[429] ?? ''),
    });
  }
  if (status >= 500) {
    return new CatalogueError({
      ...base,
      kind: 'server',
      retryable: true,
      outcomeUnknown: input.outcomeUnknown,
      messageKey: 'catalogue.errors.server',
      message: describe('The catalogue failed'),
    });
  }
  if (input.html && status !== 401 && status !== 403) {
    return misconfigured(`${where}HTTP ${status} answered with an HTML page: the base URL does not point at the API`, operation, status);
  }
  if (status === 401 || status === 403) {
    return new CatalogueError({ ...base, kind: 'unauthorised', retryable: false, messageKey: 'catalogue.errors.unauthorised', message: describe(defaultServerMessages[401] ?? '') });
  }
  if (status === 404) {
    return new CatalogueError({ ...base, kind: 'not-found', retryable: false, messageKey: 'catalogue.errors.notFound', message: describe(defaultServerMessages[404] ?? '') });
  }
  if (status === 422) {
    return new CatalogueError({
      ...base,
      kind: 'wrong-status',
      retryable: false,
      messageKey: code === 'BUSINESS_ERROR' ? 'catalogue.errors.business' : 'catalogue.errors.wrongStatus',
      message: describe(defaultServerMessages[422] ?? ''),
    });
  }
  return new CatalogueError({ ...base, kind: 'validation', retryable: false, messageKey: 'catalogue.errors.validation', message: describe(defaultServerMessages[400] ?? '') });
}

export function misconfigured(message: string, operation?: string, status?: number): CatalogueError {
  return new CatalogueError({ kind: 'misconfigured', retryable: false, messageKey: 'catalogue.errors.misconfigured', message, operation, status, attributeCodes: [] });
}

/** A redirect the transport will not follow: to another origin (the key or token would go with it), or too many. */
export function redirectRefused(operation: string | undefined, reason: string, status?: number): CatalogueError {
  return new CatalogueError({
    kind: 'redirect-refused',
    retryable: false,
    messageKey: 'catalogue.errors.redirectRefused',
    message: `${operation ? `${operation}: ` : ''}redirect refused: ${reason}`,
    operation,
    status,
    attributeCodes: [],
  });
}

export function unexpectedResponse(message: string, operation?: string, status?: number): CatalogueError {
  return new CatalogueError({ kind: 'server', retryable: false, messageKey: 'catalogue.errors.unexpectedResponse', message, operation, status, attributeCodes: [] });
}

export function networkError(cause: unknown, operation?: string, aborted = false): CatalogueError {
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? `${cause.message} (${cause.cause.message})` : cause.message) : String(cause);
  return new CatalogueError({
    kind: 'network',
    retryable: !aborted,
    outcomeUnknown: !aborted,
    messageKey: aborted ? 'catalogue.errors.aborted' : 'catalogue.errors.network',
    message: `${operation ? `${operation}: ` : ''}${aborted ? 'aborted' : 'no answer from the catalogue'}: ${detail}`,
    operation,
    attributeCodes: [],
  });
}

export function timeoutError(timeoutMs: number, operation?: string): CatalogueError {
  return new CatalogueError({
    kind: 'timeout',
    retryable: true,
    timeoutMs,
    outcomeUnknown: true,
    messageKey: 'catalogue.errors.timeout',
    message: `${operation ? `${operation}: ` : ''}no answer within ${timeoutMs} ms`,
    operation,
    attributeCodes: [],
  });
}

export function clientValidationError(message: string, attributeCodes: string[], operation?: string): CatalogueError {
  return new CatalogueError({ kind: 'validation', retryable: false, messageKey: 'catalogue.errors.validation', message: `${operation ? `${operation}: ` : ''}${message}`, operation, attributeCodes });
}
