import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueCallResult } from '../../src/shared/bridge.ts';
import type { PortalCall } from '../../src/shared/catalogue/operations.ts';
import { openCataloguePort } from '../../src/renderer/workers/catalogue-port.ts';
import { connectWorker, transfer, WorkerError, type WorkerConnection } from '../../src/renderer/workers/rpc.ts';
import type { RpcFixtureApi } from './workers/rpc-fixture.worker.ts';

const startFixture = () => new Worker(new URL('./workers/rpc-fixture.worker.ts', import.meta.url), { type: 'module', name: 'rpc-fixture' });

const connections: WorkerConnection<unknown>[] = [];
function connect(start: () => Worker = startFixture): WorkerConnection<RpcFixtureApi> {
  const connection = connectWorker<RpcFixtureApi>(start);
  connections.push(connection);
  return connection;
}
afterEach(() => {
  for (const connection of connections.splice(0)) connection.dispose();
});

async function failureOf(promise: Promise<unknown>): Promise<WorkerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkerError);
  return error as WorkerError;
}

describe('one worker channel (rpc.ts, Comlink in real Chromium)', () => {
  it('calls a worker function with a typed answer', async () => {
    const { api } = connect();
    expect(await api.add({ a: 2, b: 40 })).toBe(42);
  });

  it('reports progress in order before the answer', async () => {
    const { api } = connect();
    const seen: number[] = [];
    const result = await api.count({ to: 25 }, { onProgress: (progress) => seen.push(progress.done) });
    expect(result).toBe(25);
    expect(seen).toEqual(Array.from({ length: 25 }, (_value, index) => index + 1));
  });

  it('delivers every progress of a burst before the answer settles', async () => {
    const { api } = connect();
    for (let round = 0; round < 5; round++) {
      let last = 0;
      const answer = await api.burst({ count: 2000 }, { onProgress: (done) => (last = done) });
      expect(last).toBe(answer);
    }
  });

  it('tells the worker to stop; the call still answers what was done', async () => {
    const { api } = connect();
    const controller = new AbortController();
    const result = await api.countUntilStopped(undefined, {
      signal: controller.signal,
      onProgress: (counted) => {
        if (counted === 5) controller.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(result.counted).toBeGreaterThanOrEqual(5);
  });

  it('rejects with "cancelled" when the worker gives up on a cancelled call, and serves the next call', async () => {
    const { api } = connect();
    const controller = new AbortController();
    const failure = await failureOf(api.countUntilCancelled(undefined, { signal: controller.signal, onProgress: (counted) => counted === 3 && controller.abort() }));
    expect(failure.code).toBe('cancelled');
    expect(await api.add({ a: 1, b: 1 })).toBe(2);
  });

  it('a signal aborted before the call reaches the worker as cancelled', async () => {
    const { api } = connect();
    const failure = await failureOf(api.countUntilCancelled(undefined, { signal: AbortSignal.abort() }));
    expect(failure.code).toBe('cancelled');
  });

  it('moves marked buffers both ways instead of copying them', async () => {
    const { api } = connect();
    const sent = new Uint8Array(100_000).fill(1);
    const answer = await api.sumAndKeep(transfer({ bytes: sent }, [sent.buffer]));
    expect(answer.sum).toBe(100_000);
    expect(answer.received).toBe(100_000);
    // Moved, so the page's copy is detached…
    expect(sent.byteLength).toBe(0);
    // …and the answer's buffer left the worker as well.
    expect(answer.bytes.byteLength).toBe(4096);
    expect(answer.bytes[4095]).toBe(7);
    expect(await api.keptLength()).toBe(0);
  });

  it('keeps the code of a worker error; an uncoded one is "failed"', async () => {
    const { api } = connect();
    const refused = await failureOf(api.refuse({ code: 'noSchemas' }));
    expect(refused.code).toBe('noSchemas');
    expect((await failureOf(api.throwPlain())).code).toBe('failed');
  });

  it('a crash rejects the open calls with "crashed" and the next call gets a fresh worker', async () => {
    const { api } = connect();
    const open = api.count({ to: 1_000_000 });
    const crash = api.crashSoon();
    expect((await failureOf(crash)).code).toBe('crashed');
    expect((await failureOf(open)).code).toBe('crashed');
    expect(await api.add({ a: 20, b: 22 })).toBe(42);
  });

  it('a worker that cannot load is reported as crashed, not left waiting', async () => {
    const { api } = connect(() => new Worker(new URL('./workers/no-such.worker.ts', import.meta.url), { type: 'module' }));
    expect((await failureOf(api.add({ a: 1, b: 2 }))).code).toBe('crashed');
  });

  it('dispose fails open calls with "disposed"', async () => {
    const connection = connect();
    const open = connection.api.count({ to: 1_000_000 });
    connection.dispose();
    expect((await failureOf(open)).code).toBe('disposed');
  });

  it('hands a worker the catalogue through a port: answers and typed catalogue errors', async () => {
    const { api } = connect();
    const asked: PortalCall[] = [];
    const catalogue = {
      call: async (request: PortalCall): Promise<CatalogueCallResult> => {
        asked.push(request);
        return (request.input as { oktru: string }).oktru === '1.1.1.1'
          ? { ok: true, value: { main: [], additional: [] } }
          : { ok: false, error: { kind: 'not-found', message: 'no such category', messageKey: 'catalogue.errors.notFound', attributeCodes: [], retryable: false } };
      },
    };
    const first = openCataloguePort(catalogue);
    const found = await api.catalogue(transfer({ port: first.port, oktru: '1.1.1.1' }, [first.port]));
    first.close();
    expect(found).toEqual({ ok: true, value: { main: [], additional: [] } });
    const second = openCataloguePort(catalogue);
    const missing = await api.catalogue(transfer({ port: second.port, oktru: '9.9.9.9' }, [second.port]));
    second.close();
    expect(missing).toEqual({ ok: false, kind: 'not-found', name: 'CatalogueError' });
    expect(asked.map((request) => request.operation)).toEqual(['getGovCategoryAttributes', 'getGovCategoryAttributes']);
  });
});
