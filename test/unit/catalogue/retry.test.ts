/**
 * Retries and backoff with an injected sleep and random source: 429 storms with and without Retry-After,
 * 5xx, dropped connections, timeouts, no retry on 4xx, and creates that are never blindly repeated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import {
  backoffDelay,
  CatalogueError,
  createPortalClient,
  parseRetryAfter,
  retryPolicy,
  type PortalClientOptions,
} from '../../../src/shared/catalogue/index.ts';
import { admin, validBody } from '../sandbox/fixtures.ts';

type Step = Response | Error | 'hang';

/** A fetch that plays a script, one step per call (the last step repeats), recording the calls. */
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
  const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)] as Step;
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (step instanceof Error) return Promise.reject(step);
    return Promise.resolve(step.clone());
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const ok = () => jsonResponse(200, [{ code: 'COUNTRY', nameRu: 'Страны' }]);
const tooMany = (retryAfter?: string) => new Response('', { status: 429, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
const serverError = (status = 500) => jsonResponse(status, { code: 'INTERNAL_ERROR', message: 'Произошла непредвиденная ошибка.' });
const dropped = () => new TypeError('fetch failed', { cause: new Error('other side closed') });

function clientWith(steps: Step[], extra: Partial<PortalClientOptions> = {}) {
  const { fetchImpl, calls } = scriptedFetch(steps);
  const sleeps: number[] = [];
  const client = createPortalClient({
    baseUrl: 'https://nationalcatalog.kz',
    apiKey: 'key-1',
    fetch: fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => Date.parse('2026-03-01T10:00:00Z'),
    ...extra,
  });
  return { client, calls, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<CatalogueError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

describe('backoff arithmetic', () => {
  it('is full jitter under a doubling, capped ceiling', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('429 storms', () => {
  it('without Retry-After: exponential backoff with jitter, then success', async () => {
    const { client, calls, sleeps } = clientWith([tooMany(), tooMany(), tooMany(), ok()]);
    expect(await client.listDictionaries()).toHaveLength(1);
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(calls[0]?.url).toBe('https://nationalcatalog.kz/gwp/portal/api/v1/dictionaries');
    expect(calls[0]?.headers['X-API-KEY']).toBe('key-1');
  });

  it('with Retry-After: waits exactly what the server asks', async () => {
    const { client, sleeps } = clientWith([tooMany('2'), tooMany('Sun, 01 Mar 2026 10:00:05 GMT'), ok()]);
    await client.listDictionaries();
    expect(sleeps).toEqual([2000, 5000]);
  });

  it('gives up after the attempts, as a retryable rate-limited error', async () => {
    const { client, calls, sleeps } = clientWith([tooMany('1')], { retry: { attempts: 3 } });
    const error = await failure(client.listDictionaries());
    expect(error).toMatchObject({ kind: 'rate-limited', retryable: true, status: 429, retryAfterMs: 1000, messageKey: 'catalogue.errors.rateLimited' });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: the caller gets retryAfterMs to schedule', async () => {
    const { client, calls, sleeps } = clientWith([tooMany('3600'), ok()]);
    const error = await failure(client.listDictionaries());
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('5xx, dropped connections and timeouts', () => {
  it('retries 500/502/503 and succeeds', async () => {
    const { client, calls } = clientWith([serverError(500), new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }), serverError(503), ok()]);
    await client.listDictionaries();
    expect(calls).toHaveLength(4);
  });

  it('reports a 500 storm as a retryable server error', async () => {
    const { client, calls } = clientWith([serverError()]);
    expect(await failure(client.listDictionaries())).toMatchObject({ kind: 'server', retryable: true, status: 500, code: 'INTERNAL_ERROR' });
    expect(calls).toHaveLength(4);
  });

  it('retries a dropped connection and reports a persistent one as a network error', async () => {
    const recovered = clientWith([dropped(), ok()]);
    await recovered.client.listDictionaries();
    expect(recovered.calls).toHaveLength(2);
    const down = clientWith([dropped()]);
    const error = await failure(down.client.listDictionaries());
    expect(error).toMatchObject({ kind: 'network', retryable: true, messageKey: 'catalogue.errors.network' });
    expect(error.message).toContain('other side closed');
  });

  it('times out a hanging call per attempt and retries it', async () => {
    const { client, calls } = clientWith(['hang', 'hang', ok()], { timeoutMs: 20 });
    await client.listDictionaries();
    expect(calls).toHaveLength(3);
    const stuck = clientWith(['hang'], { timeoutMs: 20, retry: { attempts: 2 } });
    expect(await failure(stuck.client.listDictionaries())).toMatchObject({ kind: 'timeout', retryable: true, outcomeUnknown: true, data: { timeoutMs: 20 } });
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const { client, calls } = clientWith(['hang'], { timeoutMs: 10_000 });
    const pending = client.listDictionaries({ signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ kind: 'network', retryable: false, messageKey: 'catalogue.errors.aborted' });
    expect(calls).toHaveLength(1);
  });

  it('reports each retry to onRetry', async () => {
    const events: string[] = [];
    const { client } = clientWith([serverError(), ok()], { onRetry: (event) => events.push(`${event.operation}#${event.attempt}:${event.error.kind}:${event.delayMs}`) });
    await client.listDictionaries();
    expect(events).toEqual(['getAllDictionaries#1:server:250']);
  });
});

describe('never retried', () => {
  it.each([
    [400, { code: 'VALIDATION_ERROR', message: "Ошибка валидации данных: 'brand' — обязательный атрибут не заполнен" }, 'validation'],
    [401, 'no content', 'unauthorised'],
    [404, { code: 'NOT_FOUND', message: 'Запрашиваемые данные не найдены.' }, 'not-found'],
    [422, { code: 'UNEXPECTED_ERROR', message: 'Ошибка обработки данных.' }, 'wrong-status'],
  ])('HTTP %i', async (status, body, kind) => {
    const response = typeof body === 'string' ? new Response(body, { status, headers: { 'Content-Type': 'text/plain' } }) : jsonResponse(status, body);
    const { client, calls, sleeps } = clientWith([response, ok()]);
    const error = await failure(client.getStatus(1));
    expect(error).toMatchObject({ kind, status, retryable: false });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    if (status === 400) expect(error.attributeCodes).toEqual(['brand']);
  });
});

describe('create is never blindly repeated', () => {
  it.each([
    ['a 500', serverError()],
    ['a dropped connection', dropped()],
    ['a timeout', 'hang' as const],
  ])('createRequest sends one POST after %s and says the outcome is unknown', async (_label, step) => {
    const { client, calls } = clientWith([step, jsonResponse(200, { id: 5 })], { timeoutMs: 20 });
    const error = await failure(client.createRequest(validBody()));
    expect(error.outcomeUnknown).toBe(true);
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('createRequest does retry a 429 (the server refused before acting)', async () => {
    const { client, calls } = clientWith([tooMany('1'), jsonResponse(200, { id: 77 })]);
    expect(await client.createRequest(validBody())).toBe(77);
    expect(calls).toHaveLength(2);
  });

  it('createRequestOnce reconciles through the request list before re-posting', async () => {
    const body = validBody();
    const name = body.attributes.find((attribute) => attribute.code === 'name_ru')?.value;
    const listed = jsonResponse(200, {
      content: [
        { id: 9, status: { code: 'new', value: 'Новая' }, productData: { nameRu: name }, categoryAncestors: [{ level: 4, code: body.oktru }] },
        { id: 3, status: { code: 'new', value: 'Новая' }, productData: { nameRu: name }, categoryAncestors: [{ level: 4, code: body.oktru }] },
      ],
      totalElements: 2,
      totalPages: 1,
    });
    const { client, calls, sleeps } = clientWith([dropped(), listed]);
    expect(await client.createRequestOnce(body, { excludeIds: [3] })).toEqual({ id: 9, reconciled: true, posts: 1 });
    expect(calls.map((call) => `${call.method} ${new URL(call.url).search}`)).toEqual(['POST ', 'GET ?page=1&size=100&status=new']);
    expect(sleeps).toEqual([250]);
  });

  it('createRequestOnce re-posts when the list does not hold the draft, and stops after maxPosts', async () => {
    const empty = jsonResponse(200, { content: [], totalElements: 0, totalPages: 0 });
    const { client, calls } = clientWith([serverError(), empty, serverError(), empty]);
    const error = await failure(client.createRequestOnce(validBody(), { maxPosts: 2 }));
    expect(error.kind).toBe('server');
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2);
    const again = clientWith([serverError(), empty, jsonResponse(200, { id: 12 })]);
    expect(await again.client.createRequestOnce(validBody())).toEqual({ id: 12, reconciled: false, posts: 2 });
  });

  it('createRequestOnce reports a definite refusal without reconciling', async () => {
    const { client, calls } = clientWith([jsonResponse(400, { code: 'VALIDATION_ERROR', message: "'name_ru' — обязательный атрибут" })]);
    expect((await failure(client.createRequestOnce(validBody()))).kind).toBe('validation');
    expect(calls).toHaveLength(1);
  });
});

describe('against the sandbox’s faults', () => {
  let sandbox: RunningSandbox;
  const sleeps: number[] = [];
  let client: ReturnType<typeof createPortalClient>;
  let impatient: ReturnType<typeof createPortalClient>;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const options = {
      baseUrl: sandbox.portalBaseUrl,
      apiKey: sandbox.apiKey,
      fetch: ((...args) => fetch(...args)) as typeof fetch,
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    };
    client = createPortalClient({ ...options, timeoutMs: 10_000 });
    impatient = createPortalClient({ ...options, timeoutMs: 300 });
  });
  afterAll(() => sandbox.close());

  async function faults(list: unknown[]) {
    sleeps.length = 0;
    await admin(sandbox, 'PUT', '/faults', { faults: list });
  }

  it('rides out a 429 storm with Retry-After and one without', async () => {
    await faults([{ route: 'getAllDictionaries', kind: '429', retryAfterSeconds: 2, times: 2 }]);
    await client.listDictionaries();
    expect(sleeps).toEqual([2000, 2000]);
    await faults([{ route: 'getAllDictionaries', kind: '429', times: 3 }]);
    await client.listDictionaries();
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('retries through dropped connections and 500s on reads', async () => {
    await faults([{ route: 'getRootItems', kind: 'drop', times: 1 }, { route: 'getRootItems', kind: '500', times: 1 }]);
    expect((await client.getDictionaryRoots('OKTRU')).length).toBe(5);
  });

  it('createRequestOnce finds the draft a dropped answer hid (one draft, not two)', async () => {
    await faults([{ route: 'createProductRequest', kind: 'drop', after: true, times: 1 }]);
    const body = validBody();
    const result = await client.createRequestOnce(body);
    expect(result).toMatchObject({ reconciled: true, posts: 1 });
    const name = body.attributes.find((attribute) => attribute.code === 'name_ru')?.value;
    const drafts = (await client.listRequests({ page: 1, size: 100, status: 'new' })).content.filter((item) => item.productData.nameRu === name);
    expect(drafts.map((draft) => draft.id)).toEqual([result.id]);
  });

  it('createRequestOnce reconciles after a timeout too, and re-posts when the first POST never arrived', async () => {
    await faults([{ route: 'createProductRequest', kind: 'slow', delayMs: 600, after: true, times: 1 }]);
    expect(await impatient.createRequestOnce(validBody())).toMatchObject({ reconciled: true });
    await faults([{ route: 'createProductRequest', kind: 'drop', times: 1 }]);
    expect(await client.createRequestOnce(validBody())).toMatchObject({ reconciled: false, posts: 2 });
  });

  it('a status change whose answer was lost is confirmed through /status instead of failing with 422', async () => {
    const id = await client.createRequest(validBody());
    await faults([{ route: 'onModerationRequest', kind: 'drop', after: true, times: 1 }]);
    await client.submitForModeration(id);
    expect((await client.getStatus(id)).code).toBe('readyToPublish');
    await faults([{ route: 'publish', kind: '500', times: 1 }]);
    await client.publishRequest(id);
    expect((await client.getStatus(id)).code).toBe('completed');
  });
});
