/**
 * The sync engine against the real sandbox under faults (issue 10 §8). After every scenario the sandbox's
 * own request list is the judge: exactly one request per application, each in the expected status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { SyncEngine } from '../../../src/shared/sync/engine.ts';
import { CatalogueLimiter } from '../../../src/shared/sync/limiter.ts';
import { createMemorySyncStore, type MemorySyncStore } from '../../../src/shared/sync/memory-store.ts';
import type { SyncJob } from '../../../src/shared/sync/types.ts';
import type { FaultRule } from '../../../src/sandbox/faults.ts';
import { asCatalogue, clientFor, killSwitch, makeJobs, sandboxFor, sandboxRequests, startProxy, waitFor } from './harness.ts';

const fast = { retry: { baseDelayMs: 5, maxDelayMs: 50 }, offlineProbeMs: 20 };

async function expectExactlyOnce(sandbox: RunningSandbox, prefix: string, store: MemorySyncStore, jobs: SyncJob[], status = 'onModeration') {
  const requests = await sandboxRequests(sandbox, prefix);
  const names = requests.map((request) => request.productData.nameRu);
  expect(new Set(names).size).toBe(names.length);
  expect(requests).toHaveLength(jobs.length);
  expect(requests.every((request) => request.status.code === status)).toBe(true);
  const records = store.dump();
  expect(records).toHaveLength(jobs.length);
  for (const record of records) {
    expect(record.phase).toBe('sent');
    expect(requests.map((request) => request.id)).toContain(record.requestId);
  }
  expect(new Set(records.map((record) => record.requestId)).size).toBe(jobs.length);
}

async function runWithFaults(faults: FaultRule[], prefix: string, count: number, options: { photos?: number; documents?: number; photoBytes?: number } = {}) {
  const sandbox = await sandboxFor({ faults });
  try {
    const store = createMemorySyncStore();
    const jobs = makeJobs(prefix, count, store.files, options);
    const limiter = new CatalogueLimiter();
    const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { limiter })), limiter, ...fast });
    const { refused } = await engine.enqueue(jobs.map((job) => ({ job })));
    expect(refused).toEqual([]);
    const snapshot = await engine.run();
    expect(snapshot.state).toBe('idle');
    await expectExactlyOnce(sandbox, prefix, store, jobs);
    return { engine, limiter, store };
  } finally {
    await sandbox.close();
  }
}

describe('sync engine under faults', () => {
  it('a create answer lost after the server committed it is reconciled, never posted twice', async () => {
    const { limiter } = await runWithFaults([{ route: 'createProductRequest', kind: 'drop', after: true, times: 3 }], 'LOST', 6, { photos: 1, documents: 1 });
    // Three answers lost: the list was read to find them, and no extra POST created anything.
    expect(limiter.calls.get('listRequests') ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('connections dropped mid-upload (sandbox drops and a proxy cutting the request body)', async () => {
    const sandbox = await sandboxFor({ faults: [{ route: 'uploadDocument', kind: 'drop', after: true, times: 2 }] });
    const proxy = await startProxy(sandbox);
    try {
      proxy.state.cutAfterBytes = 30_000;
      proxy.state.cuts = 3;
      const store = createMemorySyncStore();
      const jobs = makeJobs('CUT', 4, store.files, { photos: 2, documents: 1, photoBytes: 200_000 });
      const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { baseUrl: proxy.baseUrl })), ...fast });
      await engine.enqueue(jobs.map((job) => ({ job })));
      const snapshot = await engine.run();
      expect(snapshot.state).toBe('idle');
      expect(proxy.state.cutDone).toBeGreaterThan(0);
      await expectExactlyOnce(sandbox, 'CUT', store, jobs);
      for (const record of store.dump()) expect(Object.keys(record.uploaded)).toHaveLength(3);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  it('500s on every route are retried until everything is sent once', async () => {
    await runWithFaults([{ kind: '500', rate: 0.25 }], 'FIVE', 6, { photos: 1, documents: 1 });
  });

  it('a 429 storm with Retry-After closes the shared gate for every worker', async () => {
    const { limiter } = await runWithFaults([{ kind: '429', rate: 0.4, retryAfterSeconds: 0.05 }], 'STORM', 8, { photos: 1 });
    expect(limiter.rateLimited).toBeGreaterThan(0);
  });

  it('an HTML answer (wrong address) stops the engine and keeps everything; the right address finishes', async () => {
    const sandbox = await sandboxFor();
    try {
      const store = createMemorySyncStore();
      const jobs = makeJobs('HTML', 3, store.files, { photos: 1 });
      const wrong = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { baseUrl: `${sandbox.origin}/portal-ui` })), ...fast });
      await wrong.enqueue(jobs.map((job) => ({ job })));
      const stopped = await wrong.run();
      expect(stopped.state).toBe('stopped');
      expect(stopped.problem?.code).toBe('sync.errors.misconfigured');
      expect(store.dump().every((record) => record.phase === 'pending')).toBe(true);
      expect(await sandboxRequests(sandbox, 'HTML')).toHaveLength(0);

      const right = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
      expect((await right.run()).state).toBe('idle');
      await expectExactlyOnce(sandbox, 'HTML', store, jobs);
    } finally {
      await sandbox.close();
    }
  });

  it('a wrong key stops the engine at once, tells why, keeps everything; the right key finishes', async () => {
    const sandbox = await sandboxFor();
    try {
      const store = createMemorySyncStore();
      const jobs = makeJobs('KEY', 5, store.files, { photos: 1, documents: 1 });
      const limiter = new CatalogueLimiter();
      const wrong = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { apiKey: 'not-the-key' })), limiter, ...fast });
      await wrong.enqueue(jobs.map((job) => ({ job })));
      const stopped = await wrong.run();
      expect(stopped.state).toBe('stopped');
      expect(stopped.problem).toMatchObject({ code: 'sync.errors.unauthorised', kind: 'unauthorised' });
      // No worker kept going after the first refusal: at most one call per worker.
      expect(limiter.totalCalls()).toBeLessThanOrEqual(4);
      expect(store.dump().every((record) => record.phase === 'pending' && record.problem === undefined)).toBe(true);

      const right = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
      await right.run();
      await expectExactlyOnce(sandbox, 'KEY', store, jobs);
    } finally {
      await sandbox.close();
    }
  });

  it('goes offline when the network vanishes and resumes by itself when it is back', async () => {
    const sandbox = await sandboxFor();
    const proxy = await startProxy(sandbox);
    try {
      const store = createMemorySyncStore();
      const jobs = makeJobs('NET', 8, store.files, { photos: 2, documents: 1 });
      const states: string[] = [];
      const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { baseUrl: proxy.baseUrl })), ...fast, onState: (s) => states.push(s.state) });
      await engine.enqueue(jobs.map((job) => ({ job })));
      const done = engine.run();
      await waitFor(() => store.dump().some((record) => record.phase === 'sent'));
      proxy.goDark();
      await waitFor(() => engine.currentState === 'offline');
      proxy.state.dark = false;
      const snapshot = await done;
      expect(snapshot.state).toBe('idle');
      expect(states).toContain('offline');
      await expectExactlyOnce(sandbox, 'NET', store, jobs);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  it('pause holds every worker after its current step; resume finishes', async () => {
    const sandbox = await sandboxFor();
    try {
      const store = createMemorySyncStore();
      const jobs = makeJobs('PAUSE', 6, store.files, { photos: 1 });
      const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
      await engine.enqueue(jobs.map((job) => ({ job })));
      const done = engine.run();
      engine.pause();
      expect(engine.currentState).toBe('paused');
      await waitFor(() => engine.snapshot().active.length === 0 || store.dump().every((r) => r.phase === 'pending'));
      const writes = store.writes();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(store.writes()).toBe(writes);
      engine.resume();
      await done;
      await expectExactlyOnce(sandbox, 'PAUSE', store, jobs);
    } finally {
      await sandbox.close();
    }
  });
});

describe('engine killed at every instant and restarted from its stored state', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await sandboxFor();
  });
  afterAll(() => sandbox.close());

  // Two applications, two photos and a PDF each: 6 uploads, 2 creates, 2 submits in a clean run.
  const cleanCalls = 10;

  for (let point = 1; point <= cleanCalls; point += 1) {
    it(`dies right after catalogue call ${String(point)} answered (the answer is lost with the process)`, async () => {
      const prefix = `KILL-C${String(point)}`;
      const store = createMemorySyncStore();
      const jobs = makeJobs(prefix, 2, store.files, { photos: 2, documents: 1 });
      const real = asCatalogue(clientFor(sandbox));
      const doomed = killSwitch(store, real, { afterCalls: point });
      const first = new SyncEngine({ store: doomed.store, catalogue: doomed.catalogue, concurrency: 2, ...fast });
      await first.enqueue(jobs.map((job) => ({ job })));
      const halted = await first.run();
      expect(doomed.isDead()).toBe(true);
      expect(halted.state).toBe('stopped');

      const limiter = new CatalogueLimiter();
      const second = new SyncEngine({ store, catalogue: real, limiter, concurrency: 2, ...fast });
      expect((await second.run()).state).toBe('idle');
      await expectExactlyOnce(sandbox, prefix, store, jobs);
      // Only the upload whose answer died with the process may be repeated.
      const uploads = (limiter.calls.get('uploadPhoto') ?? 0) + (limiter.calls.get('uploadDocument') ?? 0);
      const uploadedBefore = Math.min(point, 6);
      expect(uploads).toBeLessThanOrEqual(6 - uploadedBefore + 1);
    });
  }

  for (let point = 1; point <= 14; point += 1) {
    it(`dies right after durable write ${String(point)}`, async () => {
      const prefix = `KILL-W${String(point)}`;
      const store = createMemorySyncStore();
      const jobs = makeJobs(prefix, 2, store.files, { photos: 2, documents: 1 });
      const real = asCatalogue(clientFor(sandbox));
      const doomed = killSwitch(store, real, { afterWrites: point });
      const first = new SyncEngine({ store: doomed.store, catalogue: doomed.catalogue, concurrency: 2, ...fast });
      await first.enqueue(jobs.map((job) => ({ job }))).catch(() => undefined);
      await first.run();
      const second = new SyncEngine({ store, catalogue: real, concurrency: 2, ...fast });
      await second.enqueue(jobs.map((job) => ({ job })));
      expect((await second.run()).state).toBe('idle');
      await expectExactlyOnce(sandbox, prefix, store, jobs);
    });
  }

  it('the same job enqueued again with new content (a file edited between two runs) sends the new content', async () => {
    const prefix = 'REQUEUE';
    const store = createMemorySyncStore();
    const [job] = makeJobs(prefix, 1, store.files, { photos: 1 });
    if (!job) throw new Error('no job');
    const real = asCatalogue(clientFor(sandbox));
    const doomed = killSwitch(store, real, { afterWrites: 5 });
    const first = new SyncEngine({ store: doomed.store, catalogue: doomed.catalogue, ...fast });
    await first.enqueue([{ job }]);
    await first.run();
    const edited = { ...job, body: { ...job.body, attributes: job.body.attributes.map((a) => (a.code === 'short_name_ru' ? { ...a, value: 'Жаңа атау' } : a)) } };
    const second = new SyncEngine({ store, catalogue: real, ...fast });
    await second.enqueue([{ job: edited }]);
    expect((await store.get(job.applicationId))?.job.revision).toBe(2);
    await second.enqueue([{ job: edited }]);
    expect((await store.get(job.applicationId))?.job.revision).toBe(2);
    await second.run();
    await expectExactlyOnce(sandbox, prefix, store, [job]);
    const details = await clientFor(sandbox).getDetails((await store.get(job.applicationId))?.requestId as number);
    expect(details.attributes.find((attribute) => attribute.code === 'short_name_ru')?.value).toBe('Жаңа атау');
  });

  it('an edit made while the engine was dead after creating is sent, not lost', async () => {
    const prefix = 'EDIT';
    const store = createMemorySyncStore();
    const [job] = makeJobs(prefix, 1, store.files, { photos: 1 });
    if (!job) throw new Error('no job');
    const real = asCatalogue(clientFor(sandbox));
    // Writes: enqueue, the photo's filename, step → create, create intent, request id → dies there.
    const doomed = killSwitch(store, real, { afterWrites: 5 });
    const first = new SyncEngine({ store: doomed.store, catalogue: doomed.catalogue, ...fast });
    await first.enqueue([{ job }]);
    await first.run();
    const stored = store.dump()[0];
    expect(stored?.requestId).toBeDefined();
    expect(stored?.phase).toBe('pending');

    // The officer edits the short name while nothing runs.
    const edited = {
      ...job,
      revision: 2,
      body: { ...job.body, attributes: job.body.attributes.map((a) => (a.code === 'short_name_ru' ? { ...a, value: 'Қымыз өзгертілген' } : a)) },
    };
    const second = new SyncEngine({ store, catalogue: real, ...fast });
    await second.resend(edited);
    await second.run();
    await expectExactlyOnce(sandbox, prefix, store, [job]);
    const details = await clientFor(sandbox).getDetails(stored?.requestId as number);
    expect(details.attributes.find((attribute) => attribute.code === 'short_name_ru')?.value).toBe('Қымыз өзгертілген');
    expect(details.imageData.imageFiles).toHaveLength(1);
  });
});

describe('edits while the engine runs', () => {
  it('an edit stored mid-send (new text, one more photo) is what the catalogue ends up with', async () => {
    const sandbox = await sandboxFor({ faults: [{ route: 'uploadFile', kind: 'slow', delayMs: 150 }] });
    try {
      const store = createMemorySyncStore();
      const [job] = makeJobs('MIDEDIT', 1, store.files, { photos: 1 });
      if (!job) throw new Error('no job');
      const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
      await engine.enqueue([{ job }]);
      const done = engine.run();
      await waitFor(async () => (await store.get(job.applicationId))?.step !== 'upload' || engine.snapshot().active.length > 0);
      const back = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
      store.files.set('MIDEDIT/back', back);
      await engine.resend({
        ...job,
        revision: 2,
        files: [...job.files, { id: 'MIDEDIT/back', kind: 'photo', slot: 'back', name: 'back.jpg', size: back.length }],
        body: { ...job.body, attributes: job.body.attributes.map((a) => (a.code === 'short_name_ru' ? { ...a, value: 'Өзгертілді' } : a)) },
      });
      await done;
      await engine.run();
      const record = await store.get(job.applicationId);
      expect(record).toMatchObject({ phase: 'sent', sentRevision: 2 });
      const details = await clientFor(sandbox).getDetails(record?.requestId as number);
      expect(details.attributes.find((attribute) => attribute.code === 'short_name_ru')?.value).toBe('Өзгертілді');
      expect(details.imageData.imageFiles.map((file) => file.imageType).sort()).toEqual(['back', 'front']);
      expect(await sandboxRequests(sandbox, 'MIDEDIT')).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});
