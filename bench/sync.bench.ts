/**
 * Sending to the catalogue: N applications (default 1,000), each with 2 photos and one PDF, from ready to
 * `onModeration` against the sandbox on loopback (its own Node process, manual moderation so they stay
 * there). In the same run, against the same sandbox:
 *
 * - baseline: plain `fetch`, 4 applications at a time, the same 5 calls per application (3 uploads, create,
 *   submit) with no checks, no durability, no retries — the floor of the protocol on this machine;
 * - the engine (concurrency 4, every step recorded before the next): with the in-memory store and with the
 *   CLI's journal file (fsync'd, group commit);
 * - ablation: a naive serial client (the portal client, one call after another, nothing recorded);
 * - the same engine and naive client with 10 % of calls answered 429 (`Retry-After: 0.02`);
 * - the poll cost for N applications under moderation: calls per cycle (batched list) against one
 *   `/status` per application.
 *
 *   node --import tsx bench/sync.bench.ts            (BENCH_APPS=1000)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openJournal } from '../src/cli/sync-journal.ts';
import { createPortalClient } from '../src/shared/catalogue/portal-client.ts';
import type { ProductRequestBody } from '../src/shared/catalogue/dto.ts';
import { SyncEngine } from '../src/shared/sync/engine.ts';
import { CatalogueLimiter } from '../src/shared/sync/limiter.ts';
import { createMemorySyncStore } from '../src/shared/sync/memory-store.ts';
import type { SyncJob, SyncStore } from '../src/shared/sync/types.ts';
import { report, timeMs } from './report.ts';

const apps = Number(process.env['BENCH_APPS'] ?? 1000);

interface Served {
  base: string;
  key: string;
  origin: string;
  secret: string;
  food: { code: string; tnved: string };
}

async function serve(): Promise<void> {
  const { startSandbox } = await import('../src/sandbox/server.ts');
  const sandbox = await startSandbox({ port: 0, cards: 200, moderation: 'manual', log: () => {} });
  const { buildSeed } = await import('../src/sandbox/seed/index.ts');
  const leaf = buildSeed({ cards: 0 }).leaves.find((candidate) => candidate.sectionKey === 'food' && !candidate.isDeleted);
  process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
  const served: Served = {
    base: sandbox.portalBaseUrl,
    key: sandbox.apiKey,
    origin: sandbox.origin,
    secret: sandbox.adminSecret,
    food: { code: leaf?.code ?? '', tnved: leaf?.tnvedCodes[0] ?? '' },
  };
  process.stdout.write(`${JSON.stringify(served)}\n`);
}

async function startServer(): Promise<{ served: Served; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const served = await new Promise<Served>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) resolve(JSON.parse(line) as Served);
    });
    child.once('exit', () => reject(new Error('the sandbox process ended')));
  });
  return { served, child };
}

async function setFaults(served: Served, faults: unknown[]): Promise<void> {
  const response = await fetch(`${served.origin}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Sandbox-Secret': served.secret },
    body: JSON.stringify({ faults }),
  });
  if (!response.ok) throw new Error(`faults: HTTP ${String(response.status)}`);
}

const photo = (seed: number) => {
  const bytes = new Uint8Array(24 * 1024);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  bytes[100] = seed % 251;
  return bytes;
};
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

function body(served: Served, name: string): ProductRequestBody {
  return {
    oktru: served.food.code,
    autoPublication: false,
    attributes: [
      { code: 'name_ru', value: name },
      { code: 'name_kk', value: `${name} (қаз)` },
      { code: 'short_name_ru', value: 'Сүт' },
      { code: 'country', value: 'KZ' },
      { code: 'tnved', value: served.food.tnved },
      { code: 'measure', attributes: [{ code: 'measure_unit', value: '112' }, { code: 'quantity', value: '1' }] },
      { code: 'a4282e5d', value: 'ТОО «Сүт»' },
    ],
  };
}

/** Jobs whose files live in `files` (memory) or on disk under `folder` (journal: ids are paths). */
async function makeJobs(served: Served, prefix: string, files: Map<string, Uint8Array> | undefined, folder?: string): Promise<SyncJob[]> {
  const jobs: SyncJob[] = [];
  for (let index = 0; index < apps; index += 1) {
    const applicationId = `${prefix}-${String(index)}`;
    const entries: [string, Uint8Array, 'photo' | 'document', 'front' | 'back' | undefined][] = [
      [`${applicationId}-front.jpg`, photo(index), 'photo', 'front'],
      [`${applicationId}-back.jpg`, photo(index + 7), 'photo', 'back'],
      [`${applicationId}-declaration.pdf`, pdf, 'document', undefined],
    ];
    const list = [];
    for (const [name, bytes, kind, slot] of entries) {
      const id = folder ? join(folder, name) : name;
      if (folder) await writeFile(id, bytes);
      else files?.set(id, bytes);
      list.push({ id, kind, slot, name: kind === 'document' ? 'declaration.pdf' : `${slot ?? 'x'}.jpg`, size: bytes.length });
    }
    jobs.push({ applicationId, body: body(served, `${prefix} Сүт Әлемі №${String(index)}`), files: list, revision: 1 });
  }
  return jobs;
}

function client(served: Served, limiter?: CatalogueLimiter) {
  return createPortalClient({ baseUrl: served.base, apiKey: served.key, fetch: (...args) => fetch(...args), retry: { attempts: 8, baseDelayMs: 20, maxDelayMs: 500 }, onRetry: limiter?.onRetry });
}

async function viaEngine(served: Served, store: SyncStore, jobs: SyncJob[]) {
  const limiter = new CatalogueLimiter({ retry: { baseDelayMs: 20, maxDelayMs: 500 } });
  const engine = new SyncEngine({ store, catalogue: client(served, limiter), limiter, concurrency: 4, retry: { baseDelayMs: 20, maxDelayMs: 500 } });
  const { refused } = await engine.enqueue(jobs.map((job) => ({ job })));
  if (refused.length > 0) throw new Error(`refused ${String(refused.length)}`);
  const snapshot = await engine.run();
  if (snapshot.state === 'stopped') throw new Error(`engine stopped: ${JSON.stringify(snapshot.problem)}`);
  const sent = (await store.list()).filter((record) => record.phase === 'sent').length;
  if (sent !== jobs.length) throw new Error(`only ${String(sent)} of ${String(jobs.length)} sent`);
  return { engine, limiter };
}

async function naiveSerial(served: Served, jobs: SyncJob[], files: Map<string, Uint8Array>) {
  const portal = client(served);
  for (const job of jobs) {
    const uploaded: { fileName: string; imageType?: string }[] = [];
    for (const file of job.files) {
      const bytes = files.get(file.id) as Uint8Array;
      const answer = file.kind === 'document' ? await portal.uploadDocument({ file: bytes, fileName: file.name }) : await portal.uploadPhoto({ file: bytes, fileName: file.name });
      uploaded.push(file.kind === 'document' ? { fileName: answer.filename } : { fileName: answer.filename, imageType: file.slot as string });
    }
    const id = await portal.createRequest({
      ...job.body,
      imageFiles: uploaded.filter((file) => file.imageType).map((file) => ({ fileName: file.fileName, imageType: file.imageType as string })),
      documents: uploaded.filter((file) => !file.imageType).map((file) => ({ fileName: file.fileName })),
    });
    await portal.submitForModeration(id);
  }
}

/** The protocol's floor: bare fetch, 4 applications at a time, 5 calls each, nothing checked or recorded. */
async function plainFetch(served: Served, jobs: SyncJob[], files: Map<string, Uint8Array>) {
  const headers = { 'X-API-KEY': served.key };
  const upload = async (path: string, bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes as BlobPart]), name);
    const response = await fetch(`${served.base}/portal/api/v1/storage/${path}`, { method: 'POST', headers, body: form });
    return ((await response.json()) as { filename: string }).filename;
  };
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [front, back, doc] = job.files;
      const names = [await upload('upload', files.get(front?.id ?? '') as Uint8Array, 'front.jpg'), await upload('upload', files.get(back?.id ?? '') as Uint8Array, 'back.jpg'), await upload('upload/document', pdf, doc?.name ?? 'd.pdf')];
      const created = await fetch(`${served.base}/portal/api/v1/products/requests`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...job.body, imageFiles: [{ fileName: names[0], imageType: 'front' }, { fileName: names[1], imageType: 'back' }], documents: [{ fileName: names[2] }] }),
      });
      const { id } = (await created.json()) as { id: number };
      await (await fetch(`${served.base}/portal/api/v1/products/requests/${String(id)}/moderation`, { method: 'PUT', headers })).text();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function main(): Promise<void> {
  const { served, child } = await startServer();
  const folder = await mkdtemp(join(tmpdir(), 'ncg-bench-sync-'));
  try {
    const files = new Map<string, Uint8Array>();
    // Warm-up outside the figures: every path measured below runs once on a few applications first (a cold
    // run of the engine measured 3–6× slower: JIT, zod schemas, connection pools). Then the engine, so the
    // poll below lists a key holding little more than its N requests.
    const warmJobs = (await makeJobs(served, 'WARM', files)).slice(0, 60);
    await plainFetch(served, warmJobs.slice(0, 20), files);
    await naiveSerial(served, warmJobs.slice(20, 40), files);
    await viaEngine(served, createMemorySyncStore(files), warmJobs.slice(40, 60));

    const memoryStore = createMemorySyncStore(files);
    const memoryJobs = await makeJobs(served, 'ENGINE', files);
    const engineRun = await timeMs(() => viaEngine(served, memoryStore, memoryJobs));

    // Poll cost: the N applications just sent are all onModeration.
    const { engine } = engineRun.result;
    const before = engine.limiter.totalCalls();
    const cycle = await timeMs(() => engine.poll());
    const pollCalls = engine.limiter.totalCalls() - before;
    const perRecord = client(served);
    const oneByOne = await timeMs(async () => {
      for (const record of await memoryStore.list()) await perRecord.getStatus(record.requestId as number);
    });

    const floorJobs = await makeJobs(served, 'FLOOR', files);
    const floor = await timeMs(() => plainFetch(served, floorJobs, files));
    const baseline = { name: 'plain fetch, 4 at a time, no checks/records/retries', value: Math.round(floor.ms), unit: 'ms' };
    report({ name: 'sync engine, ready → onModeration (memory store)', value: Math.round(engineRun.ms), unit: 'ms', n: apps, baseline, notes: `${String(engineRun.result.limiter.totalCalls() - pollCalls)} calls, ${String(memoryStore.writes())} durable steps` });
    report({
      name: 'moderation poll: calls per cycle (batched request list)',
      value: pollCalls,
      unit: 'calls',
      n: apps,
      baseline: { name: 'one /status per application', value: apps, unit: 'calls' },
      notes: `cycle ${String(Math.round(cycle.ms))} ms vs ${String(Math.round(oneByOne.ms))} ms one by one; the list held ${String(apps + 60)} requests`,
    });

    const journalJobs = await makeJobs(served, 'JOURNAL', undefined, folder);
    const journal = await openJournal(join(folder, 'bench.ncg-journal'), { catalogue: served.base });
    const journalRun = await timeMs(() => viaEngine(served, journal, journalJobs));
    await journal.close();
    report({ name: 'sync engine, ready → onModeration (journal file, fsync)', value: Math.round(journalRun.ms), unit: 'ms', n: apps, baseline });

    const naiveJobs = await makeJobs(served, 'NAIVE', files);
    const naive = await timeMs(() => naiveSerial(served, naiveJobs, files));
    report({ name: 'ablation: naive serial client, ready → onModeration', value: Math.round(naive.ms), unit: 'ms', n: apps, baseline });

    await setFaults(served, [{ kind: '429', rate: 0.1, retryAfterSeconds: 0.02 }]);
    const stormStore = createMemorySyncStore(files);
    const stormJobs = await makeJobs(served, 'STORM', files);
    const storm = await timeMs(() => viaEngine(served, stormStore, stormJobs));
    report({ name: 'sync engine with 10 % 429 (Retry-After 0.02 s)', value: Math.round(storm.ms), unit: 'ms', n: apps, baseline, notes: `${String(storm.result.limiter.rateLimited)} answers 429` });
    const naiveStormJobs = await makeJobs(served, 'NSTORM', files);
    const naiveStorm = await timeMs(() => naiveSerial(served, naiveStormJobs, files));
    report({ name: 'ablation: naive serial client with 10 % 429', value: Math.round(naiveStorm.ms), unit: 'ms', n: apps, baseline });
    await setFaults(served, []);

  } finally {
    child.kill('SIGTERM');
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') await serve();
else await main();
