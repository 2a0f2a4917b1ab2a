/**
 * Who may reach the sandbox (issue 9, item 3) and that no request can break it (item 9): loopback Host only,
 * CORS only for allowed origins, admin routes behind the per-run secret, 4xx for malformed requests.
 * Raw node:http requests, so Host, Origin and the path go out exactly as written.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSecretEnv, startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { portal, requestsPath, validBody } from './fixtures.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function raw(sandbox: RunningSandbox, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(sandbox.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

let sandbox: RunningSandbox;
let port: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: 50, allowedOrigins: ['app://ncg'], log: () => undefined });
  port = new URL(sandbox.origin).port;
});
afterAll(() => sandbox.close());

const keyed = () => ({ 'X-API-KEY': sandbox.apiKey });

describe('sandbox answers only our own pages', () => {
  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves a request addressed to loopback host %s', async (host) => {
    const answer = await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, { ...keyed(), Host: `${host}:${port}` });
    expect(answer.status).toBe(200);
  });

  it.each(['evil.example', 'rebind.attacker.test:80', '127.0.0.1.nip.io', 'localhost.evil.example'])('refuses a request whose Host is %j (DNS rebinding)', async (host) => {
    const answer = await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, { ...keyed(), Host: host });
    expect(answer.status).toBe(421);
    expect(answer.text).not.toContain('"code"');
  });

  it('answers CORS preflights for an allowed origin only', async () => {
    const preflight = (origin: string) =>
      raw(sandbox, 'OPTIONS', `/gwp${requestsPath}`, { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-api-key,content-type' });
    const allowed = await preflight('app://ncg');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('app://ncg');
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/X-API-KEY/);
    expect(String(allowed.headers['access-control-allow-methods'])).toMatch(/PUT/);
    for (const origin of ['https://evil.example', 'null', 'http://localhost:5180']) {
      const refused = await preflight(origin);
      expect(refused.status, origin).toBe(403);
      expect(refused.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('never answers with a wildcard CORS origin', async () => {
    const answer = await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, { ...keyed(), Origin: 'app://ncg' });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('app://ncg');
    const plain = await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, keyed());
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves a page of its own origin without CORS', async () => {
    const answer = await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, { ...keyed(), Origin: `http://127.0.0.1:${port}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a cross-site simple POST before it acts (no preflight needed by the browser)', async () => {
    const call = portal(sandbox);
    const id = ((await call('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    const attack = await raw(sandbox, 'POST', '/__sandbox/reset', { Origin: 'https://evil.example', 'Content-Type': 'text/plain', 'X-Sandbox-Secret': sandbox.adminSecret });
    expect(attack.status).toBe(403);
    expect((await call('GET', `${requestsPath}/${id}/status`)).status).toBe(200);
  });
});

describe('admin routes need the per-run secret', () => {
  it('refuses /__sandbox without the secret or with a wrong one, and acts with the right one', async () => {
    expect((await raw(sandbox, 'GET', '/__sandbox')).status).toBe(401);
    expect((await raw(sandbox, 'POST', '/__sandbox/reset')).status).toBe(401);
    expect((await raw(sandbox, 'POST', '/__sandbox/reset', { 'X-Sandbox-Secret': `${sandbox.adminSecret}x` })).status).toBe(401);
    expect((await raw(sandbox, 'PUT', '/__sandbox/faults', { 'X-Sandbox-Secret': 'sandbox-demo-key', 'Content-Type': 'application/json' }, '{"faults":[{"kind":"500"}]}')).status).toBe(401);
    const described = await raw(sandbox, 'GET', '/__sandbox', { 'X-Sandbox-Secret': sandbox.adminSecret });
    expect(described.status).toBe(200);
    expect(JSON.parse(described.text)).toHaveProperty('moderation');
  });

  it('makes a new random secret per run unless one is given (option or environment)', async () => {
    const other = await startSandbox({ port: 0, cards: 10 });
    const chosen = await startSandbox({ port: 0, cards: 10, adminSecret: 'test-secret' });
    const previous = process.env[adminSecretEnv];
    process.env[adminSecretEnv] = 'from-env';
    const fromEnv = await startSandbox({ port: 0, cards: 10 });
    if (previous === undefined) delete process.env[adminSecretEnv];
    else process.env[adminSecretEnv] = previous;
    try {
      expect(other.adminSecret).not.toBe(sandbox.adminSecret);
      expect(other.adminSecret.length).toBeGreaterThanOrEqual(20);
      expect(chosen.adminSecret).toBe('test-secret');
      expect(fromEnv.adminSecret).toBe('from-env');
      expect((await raw(chosen, 'GET', '/__sandbox', { 'X-Sandbox-Secret': 'test-secret' })).status).toBe(200);
    } finally {
      await Promise.all([other.close(), chosen.close(), fromEnv.close()]);
    }
  });
});

describe('a malformed request gets a 4xx and the sandbox lives on', () => {
  // Written as text: building it as objects would overflow JSON.stringify's own stack in the test.
  const nested = (depth: number) => `${'{"code":"measure","attributes":['.repeat(depth)}{"code":"leaf","value":"x"}${']}'.repeat(depth)}`;

  it.each([
    ['a broken %-escape in an id', 'GET', `/gwp/portal/api/v2/products/%E0`],
    ['a broken %-escape in a category', 'GET', `/gwp${requestsPath}/categories/%E0%A4%A/gov-attributes`],
    ['a scheme-relative path', 'GET', '//'],
    ['a broken %-escape in a dictionary code', 'GET', '/gwp/portal/api/v1/dictionaries/%C3%28/roots'],
  ])('answers 4xx to %s', async (_label, method, path) => {
    const answer = await raw(sandbox, method, path, { ...keyed(), Authorization: `JWT ${sandbox.exportToken}` });
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text).toBeLessThan(500);
  });

  it('answers 400 to attributes nested 5,000 deep, on create and on update', async () => {
    const body = JSON.stringify({ ...validBody(), attributes: ['NESTED'] }).replace('"NESTED"', nested(5000));
    const created = await raw(sandbox, 'POST', `/gwp${requestsPath}`, { ...keyed(), 'Content-Type': 'application/json' }, body);
    expect(created.status, created.text).toBe(400);
    expect(JSON.parse(created.text)).toMatchObject({ code: 'VALIDATION_ERROR' });
    const id = ((await portal(sandbox)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    const updated = await raw(sandbox, 'PUT', `/gwp${requestsPath}/${id}`, { ...keyed(), 'Content-Type': 'application/json' }, body);
    expect(updated.status, updated.text).toBe(400);
  });

  it('still accepts the nesting real bodies use', async () => {
    const answer = await portal(sandbox)('POST', requestsPath, { body: validBody() });
    expect(answer.status).toBe(200);
  });

  it('keeps serving after every one of them', async () => {
    expect((await raw(sandbox, 'GET', `/gwp${requestsPath}/attributes`, keyed())).status).toBe(200);
  });
});
