/**
 * One HTTP exchange with a catalogue surface, plus the retry loop around it. Knows nothing of operations:
 * it turns `fetch` outcomes into JSON or a classified `CatalogueError`.
 */
import {
  CatalogueError,
  errorFromResponse,
  misconfigured,
  networkError,
  timeoutError,
  unexpectedResponse,
} from './errors.ts';
import { parseRetryAfter, retryDelay, type RetryMode, type RetryPolicy } from './retry.ts';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryEvent {
  operation: string;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  delayMs: number;
  error: CatalogueError;
}

export interface TransportConfig {
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: Sleep;
  random: () => number;
  now: () => number;
  /** Sent with every call (auth, Accept, Accept-Language). */
  headers: Record<string, string>;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface HttpCall {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** A JSON value (serialised here) or form data (multipart; fetch sets the boundary). */
  json?: unknown;
  form?: FormData;
  /** `empty`: a 2xx body is ignored (mutations answer 200 with no meaningful body). */
  expect: 'json' | 'empty';
  retry: RetryMode;
  signal?: AbortSignal | undefined;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** True when an earlier attempt of this call failed with an unknown outcome and was retried. */
  retriedAfterUnknownOutcome: boolean;
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Sends `call`, retrying per policy. Throws `CatalogueError` (or the caller's abort reason during a wait). */
export async function send(config: TransportConfig, call: HttpCall): Promise<HttpAnswer> {
  let retriedAfterUnknownOutcome = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { status, body } = await sendOnce(config, call);
      return { status, body, retriedAfterUnknownOutcome };
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      if (call.signal?.aborted) throw error;
      const delayMs = retryDelay(error, attempt, call.retry, config.retry, config.random);
      if (delayMs === undefined) {
        if (retriedAfterUnknownOutcome) Object.assign(error.data, { outcomeUnknown: true });
        throw error;
      }
      if (error.outcomeUnknown) retriedAfterUnknownOutcome = true;
      config.onRetry?.({ operation: call.operation, attempt, delayMs, error });
      await config.sleep(delayMs, call.signal);
    }
  }
}

async function sendOnce(config: TransportConfig, call: HttpCall): Promise<{ status: number; body: unknown }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (call.signal?.aborted) controller.abort();
  call.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const headers: Record<string, string> = { ...config.headers, ...call.headers };
  let body: string | FormData | undefined;
  if (call.form) body = call.form;
  else if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  let text: string;
  try {
    response = await config.fetch(call.url, { method: call.method, headers, body, signal: controller.signal, redirect: 'follow' });
    text = await response.text();
  } catch (error) {
    if (timedOut) throw timeoutError(config.timeoutMs, call.operation);
    throw networkError(error, call.operation, call.signal?.aborted === true);
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onCallerAbort);
  }
  return interpret(config, call, response, text);
}

function looksLikeHtml(contentType: string, text: string): boolean {
  if (/text\/html|application\/xhtml/i.test(contentType)) return true;
  const head = text.trimStart().slice(0, 15).toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html');
}

function interpret(config: TransportConfig, call: HttpCall, response: Response, text: string): { status: number; body: unknown } {
  const contentType = response.headers.get('content-type') ?? '';
  const html = looksLikeHtml(contentType, text);
  if (response.ok) {
    if (html) {
      throw misconfigured(
        `${call.operation}: the server answered with an HTML page instead of API data; check the base URL (the portal API lives under /gwp)`,
        call.operation,
        response.status,
      );
    }
    if (call.expect === 'empty') return { status: response.status, body: undefined };
    if (text.trim() === '') throw unexpectedResponse(`${call.operation}: empty answer where JSON was expected`, call.operation, response.status);
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      throw unexpectedResponse(`${call.operation}: the answer is not JSON (${contentType || 'no content type'})`, call.operation, response.status);
    }
  }
  throw errorFromResponse({
    status: response.status,
    operation: call.operation,
    apiError: parseApiError(text),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), config.now()),
    html,
    outcomeUnknown: call.method !== 'GET',
  });
}

/** `ApiErrorDto {code, message}`; DRF-style `{detail}` is read as the message. */
function parseApiError(text: string): { code?: string; message?: string } | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const record = value as Record<string, unknown>;
    const code = typeof record['code'] === 'string' ? record['code'] : undefined;
    const message =
      typeof record['message'] === 'string' ? record['message'] : typeof record['detail'] === 'string' ? record['detail'] : undefined;
    return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
  } catch {
    return undefined;
  }
}

/** Appends query parameters, skipping undefined ones. */
export function withQuery(url: string, query: Record<string, string | number | boolean | undefined> | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const encoded = params.toString();
  if (!encoded) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${encoded}`;
}
