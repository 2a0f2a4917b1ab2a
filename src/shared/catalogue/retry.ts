/**
 * Retry policy: capped exponential backoff with full jitter, `Retry-After` honoured (catalogue-api.md §2.5).
 * Pure functions; the clock, the sleep and the random source are injected by the transport.
 */
import type { CatalogueError } from './errors.ts';

export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. Default 4. */
  attempts?: number;
  /** Backoff base: the n-th retry waits up to `baseDelayMs * 2^(n-1)`. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff wait. Default 20 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the 429 is thrown with `retryAfterMs`. Default 60 s. */
  maxRetryAfterMs?: number;
}
export type RetryPolicy = Required<RetryOptions>;

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  return { ...defaultRetryPolicy, ...options };
}

/** Which failures a call may retry: all retryable ones, or only 429 (the server refused before acting). */
export type RetryMode = 'all' | 'rate-limit-only';

/** Full jitter: a uniformly random wait in [0, min(cap, base·2^(retry-1))). `retry` counts from 1. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 0.999_999) * ceiling);
}

/** `Retry-After` as milliseconds: delta-seconds (possibly fractional) or an HTTP date. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1 = the first retry) after `error`, or undefined to give up.
 */
export function retryDelay(
  error: CatalogueError,
  retry: number,
  mode: RetryMode,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (retry >= policy.attempts) return undefined;
  if (!error.retryable) return undefined;
  if (mode === 'rate-limit-only' && error.kind !== 'rate-limited') return undefined;
  const retryAfter = error.retryAfterMs;
  if (retryAfter !== undefined) return retryAfter > policy.maxRetryAfterMs ? undefined : retryAfter;
  return backoffDelay(retry, policy, random);
}
