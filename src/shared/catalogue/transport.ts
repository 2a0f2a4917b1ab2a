/**
 * One HTTP exchange with a catalogue surface, plus the retry loop around it. Knows nothing of operations:
 * it turns `fetch` outcomes into JSON or a classified `CatalogueError`.
 */
import {
  CatalogueError,
  errorFromResponse,
  misconfigured,
  networkError,
  redirectRefused,
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
    response = await fetchFollowingSameOrigin(config, call, headers, body, controller.signal);
    text = await response.text();
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    if (timedOut) throw timeoutError(config.timeoutMs, call.operation);
    // Electron's net.fetch cancels a manual-mode redirect instead of returning it ("Redirect was cancelled"):
    // nothing went to the target, and retrying would meet the same redirect.
    if (!call.signal?.aborted && error instanceof Error && /redirect/i.test(error.message)) {
      throw redirectRefused(call.operation, `the network layer stopped at a redirect (${error.message})`);
    }
    throw networkError(error, call.operation, call.signal?.aborted === true);
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onCallerAbort);
  }
  return interpret(config, call, response, text);
}

/** Same-origin redirects followed per call; a loop or a chain longer than this is refused. */
export const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Redirects are handled here, not by fetch: `redirect: 'follow'` would carry X-API-KEY or the JWT to whatever
 * origin a 3xx names. Only same-origin hops are followed; 301/302/303 turn a non-GET into a body-less GET
 * (as browsers do), 307/308 repeat the method and body.
 */
export async function fetchFollowingSameOrigin(
  config: Pick<TransportConfig, 'fetch'>,
  call: Pick<HttpCall, 'operation' | 'method' | 'url'>,
  headers: Record<string, string>,
  body: string | FormData | undefined,
  signal: AbortSignal,
): Promise<Response> {
  const origin = new URL(call.url).origin;
  let url = call.url;
  let method: string = call.method;
  let currentBody = body;
  for (let hop = 0; ; hop += 1) {
    const response = await config.fetch(url, { method, headers, body: currentBody, signal, redirect: 'manual' });
    // A browser hides a manual redirect's target (an opaque answer with status 0): it cannot be checked, so it is refused.
    if (response.type === 'opaqueredirect') throw redirectRefused(call.operation, 'the redirect target is hidden from the client', response.status);
    if (!redirectStatuses.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (!location) return response;
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw redirectRefused(call.operation, 'the redirect target is not a URL', response.status);
    }
    if (target.origin !== origin) {
      throw redirectRefused(call.operation, `the catalogue redirected to another origin (${target.origin}); credentials are never sent there`, response.status);
    }
    if (hop + 1 > maxRedirects) throw redirectRefused(call.operation, `more than ${maxRedirects} redirects`, response.status);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method !== 'GET')) {
      method = 'GET';
      currentBody = undefined;
      delete headers['Content-Type'];
    }
    url = target.href;
  }
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
