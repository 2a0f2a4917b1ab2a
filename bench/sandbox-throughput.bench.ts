/**
 * Sandbox throughput on loopback: 8 concurrent clients, each looping "create a draft, read its status"
 * (POST /products/requests + GET /{id}/status). Servers run in their own Node processes, as the clients do
 * in this one. In the same run:
 *
 * - baseline: a bare `node:http` server answering a fixed JSON to the same request mix, from the same
 *   clients — the floor of Node's HTTP stack on this machine;
 * - the sandbox in memory, and the sandbox on disk (`dataDir`: every create fsync'd to the journal before
 *   the answer, group commit), measured in alternating rounds while the state grows, so both see the same
 *   machine load; the on-disk/in-memory ratio and the first vs last round show the cost of durability and
 *   whether it stays flat as the state grows (compaction included);
 * - `createPortalClient` (fetch, validation, zod parsing) against the in-memory sandbox, with a plain-fetch
 *   baseline: what the app pays.
 *
 *   node --import tsx bench/sandbox-throughput.bench.ts        (BENCH_ROUNDS, BENCH_ITERATIONS per client per round)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, timeMs } from './report.ts';

const concurrency = 8;
/** Many clients at once: what group commit is for (one fsync shared by every write that arrived meanwhile). */
const highConcurrency = 64;
const iterationsPerClient = Number(process.env['BENCH_ITERATIONS'] ?? 400);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 10);
const warmupPerClient = 60;

// ------------------------------------------------------------------------------------------ server side

async function serve(kind: string): Promise<void> {
  if (kind === 'sandbox' || kind === 'sandbox-disk') {
    const { startSandbox } = await import('../src/sandbox/server.ts');
    const dataDir = kind === 'sandbox-disk' ? await mkdtemp(join(tmpdir(), 'ncg-bench-sandbox-')) : undefined;
    const sandbox = await startSandbox({ port: 0, cards: 2000, ...(dataDir ? { dataDir } : {}) });
    process.once('SIGTERM', () => {
      void sandbox.close().then(async () => {
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    });
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

const agent = new Agent({ keepAlive: true, maxSockets: highConcurrency * 2 });

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

async function measure(
  base: string,
  key: string,
  loop: Loop,
  oktru: string,
  tnved: string,
  iterations: number,
  options: { warmup?: boolean; offset?: number; clients?: number } = {},
): Promise<{ requestsPerSecond: number; requests: number; ms: number }> {
  const concurrency = options.clients ?? 8;
  if (options.warmup !== false) await Promise.all(Array.from({ length: concurrency }, (_, c) => loop(base, key, warmupPerClient, oktru, tnved, 1_000_000 + c * 10_000)));
  const offset = options.offset ?? 0;
  const { ms } = await timeMs(() => Promise.all(Array.from({ length: concurrency }, (_, c) => loop(base, key, iterations, oktru, tnved, offset + c * 100_000))));
  const requests = concurrency * iterations * 2;
  return { requestsPerSecond: Math.round((requests / ms) * 1000), requests, ms };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** In memory and on disk in alternating rounds: the same load on the machine, the state growing in both. */
async function compareMemoryAndDisk(clients: number, iterations: number, oktru: string, tnved: string) {
  const memory = await startServer('sandbox');
  const disk = await startServer('sandbox-disk');
  await measure(memory.base, memory.key, rawLoop, oktru, tnved, 0, { clients });
  await measure(disk.base, disk.key, rawLoop, oktru, tnved, 0, { clients });
  const memoryRounds: number[] = [];
  const diskRounds: number[] = [];
  let memoryMs = 0;
  let diskMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    const options = { warmup: false, offset: round * 10_000_000, clients };
    const inMemory = await measure(memory.base, memory.key, rawLoop, oktru, tnved, iterations, options);
    const onDisk = await measure(disk.base, disk.key, rawLoop, oktru, tnved, iterations, options);
    memoryRounds.push(inMemory.requestsPerSecond);
    diskRounds.push(onDisk.requestsPerSecond);
    memoryMs += inMemory.ms;
    diskMs += onDisk.ms;
  }
  await Promise.all([stopServer(memory.child), stopServer(disk.child)]);
  const requests = rounds * clients * iterations * 2;
  return {
    clients,
    requests,
    creates: requests / 2 + clients * warmupPerClient,
    memoryRounds,
    diskRounds,
    memoryRate: Math.round((requests / memoryMs) * 1000),
    diskRate: Math.round((requests / diskMs) * 1000),
    /** Each disk round against the memory round just before it: robust to load that changes between rounds. */
    medianRoundRatio: median(diskRounds.map((rate, round) => rate / (memoryRounds[round] ?? rate))),
  };
}

/** The disk itself in this run: median latency of a durable (O_DSYNC) 1 KB overwrite, as the journal does. */
async function durableWriteMs(): Promise<number> {
  const { constants } = await import('node:fs');
  const { open } = await import('node:fs/promises');
  const dir = await mkdtemp(join(tmpdir(), 'ncg-bench-fsync-'));
  const file = join(dir, 'probe');
  const zeros = await open(file, 'w');
  await zeros.write(Buffer.alloc(1024 * 1024));
  await zeros.sync();
  await zeros.close();
  const handle = await open(file, constants.O_RDWR | (constants.O_DSYNC ?? 0));
  const line = Buffer.alloc(1024, 0x61);
  const samples: number[] = [];
  for (let index = 0; index < 200; index += 1) {
    const start = performance.now();
    await handle.write(line, 0, line.length, index * line.length);
    if (constants.O_DSYNC === undefined) await handle.datasync();
    samples.push(performance.now() - start);
  }
  await handle.close();
  await rm(dir, { recursive: true, force: true });
  return Math.round(median(samples) * 1000) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
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
  await stopServer(bare.child);

  const syncBefore = await durableWriteMs();
  const low = await compareMemoryAndDisk(concurrency, iterationsPerClient, leaf.code, tnved);
  const high = await compareMemoryAndDisk(highConcurrency, Math.max(1, Math.round((iterationsPerClient * concurrency) / highConcurrency)), leaf.code, tnved);
  const syncAfter = await durableWriteMs();

  const sandboxClient = await startServer('sandbox');
  const viaClient = await measure(sandboxClient.base, sandboxClient.key, clientLoop, leaf.code, tnved, fetchIterations);
  await stopServer(sandboxClient.child);
  agent.destroy();

  for (const result of [low, high]) {
    report({
      name: `sandbox in memory: create+status, ${result.clients} concurrent node:http keep-alive clients`,
      value: result.memoryRate,
      unit: 'requests/s',
      n: result.requests,
      baseline: { name: 'bare node:http server answering a fixed JSON, 8 clients, same request mix', value: baseline.requestsPerSecond, unit: 'requests/s' },
      notes: `per round as the state grows to ${result.creates} requests: ${result.memoryRounds.join(', ')} requests/s`,
    });
    report({
      name: `sandbox on disk (fsync'd journal, group commit): create+status, ${result.clients} concurrent node:http keep-alive clients`,
      value: result.diskRate,
      unit: 'requests/s',
      n: result.requests,
      baseline: { name: 'the same sandbox in memory, rounds alternating with these', value: result.memoryRate, unit: 'requests/s' },
      notes: `on-disk/in-memory ${Math.round((result.diskRate / result.memoryRate) * 100)} % overall, median of adjacent rounds ${Math.round(result.medianRoundRatio * 100)} %; per round as the state grows to ${result.creates} requests: ${result.diskRounds.join(', ')} requests/s (last/first round ${Math.round(((result.diskRounds.at(-1) ?? 0) / (result.diskRounds[0] ?? 1)) * 100)} %); bare node:http ${baseline.requestsPerSecond} requests/s; a durable 1 KB write on this disk (median of 200) took ${syncBefore} ms before these runs and ${syncAfter} ms after; each create waits for one, so few closed-loop clients are bound by that latency, many share it`,
    });
  }
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
