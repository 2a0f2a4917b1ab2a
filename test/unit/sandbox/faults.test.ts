/** Fault injection per route, as options and through the admin route. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { admin, portal, requestsPath, validBody } from './fixtures.ts';

let sandbox: RunningSandbox;
let call: ReturnType<typeof portal>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faults: [{ route: 'getAllDictionaries', kind: '429', retryAfterSeconds: 3, times: 1 }] });
  call = portal(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, 'DELETE', '/faults');
});

describe('fault injection', () => {
  it('applies rules given as options (429 with Retry-After, once)', async () => {
    const limited = await call('GET', '/portal/api/v1/dictionaries');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await call('GET', '/portal/api/v1/dictionaries')).status).toBe(200);
  });

  it('answers 429 without Retry-After, and 500, for the routes named', async () => {
    await admin(sandbox, 'PUT', '/faults', { faults: [{ route: 'attributes', kind: '429' }, { route: '/gwp/portal/api/v1/dictionaries', kind: '500' }] });
    const limited = await call('GET', `${requestsPath}/attributes`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    const failed = await call('GET', '/portal/api/v1/dictionaries/OKTRU/roots');
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect((await call('GET', `${requestsPath}?page=1&size=1`)).status).toBe(200);
  });

  it('drops the connection before or after the handler acted', async () => {
    await admin(sandbox, 'PUT', '/faults', { faults: [{ route: 'createProductRequest', kind: 'drop', after: true, times: 1 }] });
    const name = `Молоко потерянное ${Date.now()}`;
    await expect(call('POST', requestsPath, { body: validBody({ name }) })).rejects.toThrow();
    const list = (await call('GET', `${requestsPath}?page=1&size=100&status=new`)).json as unknown as { content: { productData: { nameRu: string } }[] };
    expect(list.content.filter((item) => item.productData.nameRu === name)).toHaveLength(1);

    await admin(sandbox, 'PUT', '/faults', { faults: [{ route: 'getStatus', kind: 'drop', times: 1 }] });
    await expect(call('GET', `${requestsPath}/1/status`)).rejects.toThrow();
  });

  it('slows answers down', async () => {
    await admin(sandbox, 'PUT', '/faults', { faults: [{ route: 'getAllDictionaries', kind: 'slow', delayMs: 150 }] });
    const started = performance.now();
    expect((await call('GET', '/portal/api/v1/dictionaries')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('fires at the given rate, deterministically for a seed', async () => {
    await admin(sandbox, 'PUT', '/faults', { faults: [{ route: 'getAllDictionaries', kind: '500', rate: 0.5 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await call('GET', '/portal/api/v1/dictionaries')).status);
    const failures = statuses.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    const listed = await admin(sandbox, 'GET', '/faults');
    expect(listed.json?.['faults']).toEqual([expect.objectContaining({ fired: failures })]);
  });

  it('refuses malformed rules', async () => {
    expect((await admin(sandbox, 'PUT', '/faults', { faults: [{ kind: 'explode' }] })).status).toBe(400);
  });
});
