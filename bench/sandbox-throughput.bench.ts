/**
 * Sandbox throughput on loopback: 8 concurrent clients, each looping "create a draft, read its status"
 * (POST /products/requests + GET /{id}/status). The server runs in its own Node process, as the clients do
 * in this one. Baseline in the same run: a bare `node:http` server answering a fixed JSON to the same
 * request mix, from the same clients — the floor of Node's HTTP stack on this machine.
 *
 * Two client stacks: `node:http` with a keep-alive agent (the server's cost shows), and `fetch` through
 * `createPortalClient` (what the app pays: undici, input validation, zod parsing of answers), each against
 * its own baseline.
 *
 *   node --import tsx bench/sandbox-throughput.bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { report, timeMs } from './report.ts';

const concurrency = 8;
const iterationsPerClient = Number(process.env['BENCH_ITERATIONS'] ?? 600);
const warmupPerClient = 60;

// ------------------------------------------------------------------------------------------ server side

async function serve(kind: string): Promise<void> {
  if (kind === 'sandbox') {
    const { startSandbox } = await import('../src/sandbox/server.ts');
    const sandbox = await startSandbox({ port: 0, cards: 2000 });
    process.stdout.write(`${JSON.stringify({ base: sandbox.portalBaseUrl, key: sandbox.apiKey })}\n`);
    return;
  }
  const status = JSON.stringify({ code: 'new', value: 'Новая' });
  let id = 100_000;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'POST' ? JSON.stringify({ id: ++id }) : status;
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`${JSON.stringify({ base: `http://127.0.0.1:${port}/gwp`, key: 'none' })}\n`);
  });
}

function startServer(kind: string): Promise<{ child: ChildProcess; base: string; key: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) {
        const { base, key } = JSON.parse(line) as { base: string; key: string };
        resolve({ child, base, key });
      }
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

// ------------------------------------------------------------------------------------------ client side

const leafBody = (index: number, oktru: string, tnved: string) => ({
  oktru,
  autoPublication: false,
  attributes: [
    { code: 'name_ru', value: `Молоко нагрузочное №${index}` },
    { code: 'name_kk', value: `Жүктеме сүті №${index}` },
    { code: 'country', value: 'KZ' },
    { code: 'tnved', value: tnved },
  ],
});

const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2 });

function httpCall(url: string, method: string, headers: Record<string, string>, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${response.statusCode}: ${text}`))));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function rawLoop(base: string, key: string, iterations: number, oktru: string, tnved: string, offset: number): Promise<void> {
  const headers = { 'X-API-KEY': key, 'Content-Type': 'application/json', Accept: 'application/json' };
  for (let i = 0; i < iterations; i += 1) {
    const created = await httpCall(`${base}/portal/api/v1/products/requests`, 'POST', headers, JSON.stringify(leafBody(offset + i, oktru, tnved)));
    const { id } = JSON.parse(created) as { id: number };
    JSON.parse(await httpCall(`${base}/portal/api/v1/products/requests/${id}/status`, 'GET', headers));
  }
}

async function fetchLoop(base: string, key: string, iterations: number, oktru: string, tnved: string, offset: number): Promise<void> {
  const headers = { 'X-API-KEY': key, 'Content-Type': 'application/json', Accept: 'application/json' };
  for (let i = 0; i < iterations; i += 1) {
    const created = await fetch(`${base}/portal/api/v1/products/requests`, { method: 'POST', headers, body: JSON.stringify(leafBody(offset + i, oktru, tnved)) });
    const { id } = (await created.json()) as { id: number };
    await (await fetch(`${base}/portal/api/v1/products/requests/${id}/status`, { headers })).json();
  }
}

async function clientLoop(base: string, key: string, iterations: number, oktru: string, tnved: string, offset: number): Promise<void> {
  const { createPortalClient } = await import('../src/shared/catalogue/index.ts');
  const client = createPortalClient({ baseUrl: base, apiKey: key, fetch: (...args) => fetch(...args) });
  for (let i = 0; i < iterations; i += 1) {
    const id = await client.createRequest(leafBody(offset + i, oktru, tnved));
    await client.getStatus(id);
  }
}

type Loop = typeof rawLoop;

async function measure(base: string, key: string, loop: Loop, oktru: string, tnved: string, iterations: number): Promise<{ requestsPerSecond: number; requests: number; ms: number }> {
  await Promise.all(Array.from({ length: concurrency }, (_, c) => loop(base, key, warmupPerClient, oktru, tnved, 1_000_000 + c * 10_000)));
  const { ms } = await timeMs(() => Promise.all(Array.from({ length: concurrency }, (_, c) => loop(base, key, iterations, oktru, tnved, c * 100_000))));
  const requests = concurrency * iterations * 2;
  return { requestsPerSecond: Math.round((requests / ms) * 1000), requests, ms };
}

async function main(): Promise<void> {
  const { buildSeed } = await import('../src/sandbox/seed/index.ts');
  const leaf = buildSeed({ cards: 0 }).leaves.find((candidate) => !candidate.isDeleted);
  if (!leaf) throw new Error('no leaf');
  const tnved = leaf.tnvedCodes[0] as string;

  const fetchIterations = Math.round(iterationsPerClient / 2);
  const bare = await startServer('bare');
  const baseline = await measure(bare.base, bare.key, rawLoop, leaf.code, tnved, iterationsPerClient);
  const fetchBaseline = await measure(bare.base, bare.key, fetchLoop, leaf.code, tnved, fetchIterations);
  bare.child.kill();

  const sandboxRaw = await startServer('sandbox');
  const raw = await measure(sandboxRaw.base, sandboxRaw.key, rawLoop, leaf.code, tnved, iterationsPerClient);
  sandboxRaw.child.kill();

  const sandboxClient = await startServer('sandbox');
  const viaClient = await measure(sandboxClient.base, sandboxClient.key, clientLoop, leaf.code, tnved, fetchIterations);
  sandboxClient.child.kill();
  agent.destroy();

  report({
    name: 'sandbox create+status, 8 concurrent node:http keep-alive clients',
    value: raw.requestsPerSecond,
    unit: 'requests/s',
    n: raw.requests,
    baseline: { name: 'bare node:http server answering a fixed JSON, same clients and request mix', value: baseline.requestsPerSecond, unit: 'requests/s' },
    notes: `server in its own process on loopback; ${raw.ms} ms for ${raw.requests} requests`,
  });
  report({
    name: 'sandbox create+status, 8 concurrent createPortalClient (fetch, validation, zod parsing)',
    value: viaClient.requestsPerSecond,
    unit: 'requests/s',
    n: viaClient.requests,
    baseline: { name: 'bare node:http server answering a fixed JSON, plain fetch clients', value: fetchBaseline.requestsPerSecond, unit: 'requests/s' },
    notes: `${viaClient.ms} ms for ${viaClient.requests} requests`,
  });
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex !== -1) await serve(process.argv[serveIndex + 1] ?? 'sandbox');
else await main();
