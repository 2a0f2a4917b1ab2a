/**
 * One gate in front of the whole catalogue, shared by every worker of an engine: a 429 seen by any call
 * (its `Retry-After`, or a capped exponential backoff with jitter when the server gives none) holds every
 * next call back until the time has passed, so a rate-limit storm slows the batch instead of each worker
 * hammering on alone. It also counts calls per operation (poll cost, benchmarks).
 */
import { CatalogueError } from '../catalogue/errors.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from '../catalogue/retry.ts';
import { defaultSleep, type RetryEvent, type Sleep } from '../catalogue/transport.ts';
import type { SyncCatalogue } from './types.ts';

export interface LimiterOptions {
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

export class CatalogueLimiter {
  private pausedUntil = 0;
  /** 429s in a row without a success in between: drives the backoff when no `Retry-After` is given. */
  private streak = 0;
  readonly calls = new Map<string, number>();
  rateLimited = 0;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;

  constructor(options: LimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.policy = { ...defaultRetryPolicy, ...options.retry };
  }

  /** Waits while the gate is closed. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (let wait = this.pausedUntil - this.now(); wait > 0; wait = this.pausedUntil - this.now()) await this.sleep(wait, signal);
  }

  /** Closes the gate for `ms` from now (never shortens an existing hold). */
  holdFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** A 429 seen: hold every caller back. */
  rateLimitedBy(retryAfterMs: number | undefined): void {
    this.rateLimited += 1;
    this.streak += 1;
    this.holdFor(retryAfterMs ?? backoffDelay(this.streak, this.policy, this.random) + 1);
  }

  succeeded(): void {
    this.streak = 0;
  }

  /** For the portal client's `onRetry`: its in-call 429 retries close the gate for everyone too. */
  readonly onRetry = (event: RetryEvent): void => {
    if (event.error.kind === 'rate-limited') this.rateLimitedBy(event.error.retryAfterMs ?? event.delayMs);
  };

  count(operation: string): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }

  totalCalls(): number {
    let total = 0;
    for (const value of this.calls.values()) total += value;
    return total;
  }
}

/** The catalogue with every call passing the shared gate (and counted). */
export function limitCatalogue(catalogue: SyncCatalogue, limiter: CatalogueLimiter): SyncCatalogue {
  const wrap = <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const options = args[args.length - 1] as { signal?: AbortSignal } | undefined;
      await limiter.acquire(options?.signal);
      limiter.count(operation);
      try {
        const result = await call(...args);
        limiter.succeeded();
        return result;
      } catch (error) {
        if (error instanceof CatalogueError && error.kind === 'rate-limited') limiter.rateLimitedBy(error.retryAfterMs);
        throw error;
      }
    };
  return {
    listRequests: wrap('listRequests', (q, o) => catalogue.listRequests(q, o)),
    createRequest: wrap('createRequest', (b, o) => catalogue.createRequest(b, o)),
    updateRequest: wrap('updateRequest', (id, b, o) => catalogue.updateRequest(id, b, o)),
    submitForModeration: wrap('submitForModeration', (id, o) => catalogue.submitForModeration(id, o)),
    publishRequest: wrap('publishRequest', (id, o) => catalogue.publishRequest(id, o)),
    cancelRequest: wrap('cancelRequest', (id, o) => catalogue.cancelRequest(id, o)),
    deleteRequest: wrap('deleteRequest', (id, o) => catalogue.deleteRequest(id, o)),
    getStatus: wrap('getStatus', (id, o) => catalogue.getStatus(id, o)),
    getDuplicates: wrap('getDuplicates', (id, o) => catalogue.getDuplicates(id, o)),
    decideDuplicates: wrap('decideDuplicates', (id, d, o) => catalogue.decideDuplicates(id, d, o)),
    uploadPhoto: wrap('uploadPhoto', (f, o) => catalogue.uploadPhoto(f, o)),
    uploadDocument: wrap('uploadDocument', (f, o) => catalogue.uploadDocument(f, o)),
  };
}
