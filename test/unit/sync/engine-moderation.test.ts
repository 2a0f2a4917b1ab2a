/**
 * After sending: the batched follow-up of moderation against the sandbox (instant moderation and its
 * scripted outcomes), the officer's actions (duplicate decision, publish, fix and re-send), the poll's cost,
 * and bad input refused before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { SyncEngine } from '../../../src/shared/sync/engine.ts';
import { CatalogueLimiter } from '../../../src/shared/sync/limiter.ts';
import { createMemorySyncStore } from '../../../src/shared/sync/memory-store.ts';
import { appStateOf } from '../../../src/shared/sync/status.ts';
import type { SyncCatalogue, SyncJob } from '../../../src/shared/sync/types.ts';
import { admin, govBody, jpegBytes } from '../sandbox/fixtures.ts';
import { asCatalogue, clientFor, makeJobs, sandboxFor, sandboxRequests } from './harness.ts';

const fast = { retry: { baseDelayMs: 5, maxDelayMs: 50 }, offlineProbeMs: 20 };

function renamed(job: SyncJob, name: string): SyncJob {
  return { ...job, body: { ...job.body, attributes: job.body.attributes.map((a) => (a.code === 'name_ru' ? { ...a, value: name } : a)) } };
}

describe('moderation follow-up', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await sandboxFor({ moderation: 'instant' });
  });
  afterAll(() => sandbox.close());

  it('maps every outcome, publishes on request, resolves a duplicate review and re-sends a fixed application', async () => {
    const store = createMemorySyncStore();
    const base = makeJobs('MOD', 5, store.files, { photos: 2 });
    const jobs = [
      { ...renamed(base[0] as SyncJob, 'MOD Айран «Ақ» жариялау'), publish: true },
      renamed(base[1] as SyncJob, 'MOD [revision] Айран «Ақ» түзету'),
      renamed(base[2] as SyncJob, 'MOD [similar] Айран «Ақ» ұқсас'),
      renamed(base[3] as SyncJob, 'MOD [photo] Айран «Ақ» фото'),
      renamed(base[4] as SyncJob, 'MOD [reject] Айран «Ақ» бас тарту'),
    ];
    const limiter = new CatalogueLimiter();
    const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox, { limiter })), limiter, ...fast });
    await engine.enqueue(jobs.map((job) => ({ job })));
    await engine.run();
    const poll = await engine.poll();
    const byId = new Map(store.dump().map((record) => [record.applicationId, record]));
    const [published, revision, similar, photo, rejected] = jobs.map((job) => byId.get(job.applicationId));

    expect(published && appStateOf(published)).toBe('hasNtin');
    expect(published?.remote?.ntin).toMatch(/^0200\d{9}$/);
    expect(published?.history.map((entry) => entry.code)).toEqual(['onModeration', 'readyToPublish', 'completed']);

    expect(revision && appStateOf(revision)).toBe('needsRework');
    expect(revision?.remote?.status?.revisionDetails?.length).toBeGreaterThan(0);
    expect(similar && appStateOf(similar)).toBe('duplicateReview');
    expect(photo && appStateOf(photo)).toBe('needsRework');
    expect(photo?.remote?.status?.photoModeration?.score).toBeLessThan(100);
    expect(rejected && appStateOf(rejected)).toBe('rejected');

    // One list page covers all five; `/status` only for the ones whose code carries details.
    expect(poll.changed).toHaveLength(5);
    expect(poll.calls).toBeLessThanOrEqual(1 + 5 + 2);

    // Duplicate review: the officer sees the candidates and continues with a new card.
    const candidates = await engine.duplicates(similar?.applicationId as string);
    expect(candidates.length).toBeGreaterThan(0);
    const continued = await engine.decideDuplicate(similar?.applicationId as string, { decision: 'CONTINUE' });
    expect(continued?.remote?.code).toBe('readyToPublish');
    const done = await engine.publish(similar?.applicationId as string);
    expect(done && appStateOf(done)).toBe('hasNtin');

    // Fix and re-send: the marker acts once per request, so the same request passes the second time.
    const fixed = await engine.resend({ ...(revision?.job as SyncJob), revision: 2 });
    expect(fixed.requestId).toBe(revision?.requestId);
    await engine.run();
    await engine.poll();
    const again = await store.get(revision?.applicationId as string);
    expect(again && appStateOf(again)).toBe('readyToPublish');
    expect(again?.requestId).toBe(revision?.requestId);

    // A quiet cycle costs one list page and nothing else.
    const quiet = await engine.poll();
    expect(quiet.changed).toHaveLength(0);
    expect(quiet.calls).toBe(1);
    expect(await sandboxRequests(sandbox, 'MOD')).toHaveLength(5);
  });

  it('a request the catalogue refuses to moderate fails with a reason; deleted, fixed and sent again it goes through once', async () => {
    const store = createMemorySyncStore();
    const [base] = makeJobs('XTIN', 1, store.files);
    const job = { ...(base as SyncJob), body: { ...(base as SyncJob).body, attributes: [...(base as SyncJob).body.attributes, { code: 'xtin', value: '1234567890123' }] } };
    const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
    await engine.enqueue([{ job }]);
    await engine.run();
    const failed = await store.get(job.applicationId);
    expect(failed).toMatchObject({ phase: 'failed', step: 'submit', problem: { code: 'sync.errors.wrongStatus', kind: 'wrong-status' } });
    expect(await sandboxRequests(sandbox, 'XTIN')).toHaveLength(1);

    const deleted = await engine.deleteRemote(job.applicationId);
    expect(deleted).toMatchObject({ phase: 'cancelled', requestId: undefined });
    expect(await sandboxRequests(sandbox, 'XTIN')).toHaveLength(0);

    const fixed = { ...job, revision: 2, body: { ...job.body, attributes: job.body.attributes.filter((attribute) => attribute.code !== 'xtin') } };
    expect((await engine.enqueue([{ job: fixed }])).accepted).toEqual([job.applicationId]);
    await engine.run();
    expect((await store.get(job.applicationId))?.phase).toBe('sent');
    expect(await sandboxRequests(sandbox, 'XTIN')).toHaveLength(1);
  });

  it('lists requests made elsewhere with the same key as foreign', async () => {
    const store = createMemorySyncStore();
    const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
    const [job] = makeJobs('ELSE', 1, store.files);
    const id = await clientFor(sandbox).createRequest((job as SyncJob).body);
    const { foreign } = await engine.poll();
    expect(foreign.map((item) => item.id)).toContain(id);
  });
});

describe('bad input is refused before anything is sent', () => {
  it('not ready, a photo over 5 MB, a missing document, a non-PDF, a twin in the batch', async () => {
    const store = createMemorySyncStore();
    const jobs = makeJobs('BAD', 6, store.files, { photos: 1, documents: 1 });
    const [notReady, bigPhoto, missingDoc, notPdf, twin, good] = jobs as [SyncJob, SyncJob, SyncJob, SyncJob, SyncJob, SyncJob];
    const big = jpegBytes(5 * 1024 * 1024 + 1);
    store.files.set(bigPhoto.files[0]?.id as string, big);
    store.files.delete(missingDoc.files[1]?.id as string);
    store.files.set(notPdf.files[1]?.id as string, new TextEncoder().encode('<html>not a pdf</html>'));
    const twinJob = renamed(twin, (good.body.attributes.find((a) => a.code === 'name_ru')?.value as string));

    let calls = 0;
    const catalogue = new Proxy({} as SyncCatalogue, {
      get: () => () => {
        calls += 1;
        return Promise.reject(new Error('nothing may be sent'));
      },
    });
    const engine = new SyncEngine({ store, catalogue, ...fast });
    const entries = [
      { job: notReady, notReady: ['application.validation.required'] },
      { job: bigPhoto },
      { job: missingDoc },
      { job: notPdf },
      { job: good },
      { job: twinJob },
    ];
    const all = await engine.enqueue(entries, { allOrNothing: true });
    expect(all.accepted).toEqual([]);
    const codes = Object.fromEntries(all.refused.map((refusal) => [refusal.applicationId, refusal.problems.map((problem) => problem.code)]));
    expect(codes).toEqual({
      [notReady.applicationId]: ['sync.errors.notReady'],
      [bigPhoto.applicationId]: ['sync.errors.photoTooLarge'],
      [missingDoc.applicationId]: ['sync.errors.documentMissing'],
      [notPdf.applicationId]: ['sync.errors.documentNotPdf'],
      [twinJob.applicationId]: ['sync.errors.duplicateInBatch'],
    });
    expect(store.dump()).toEqual([]);
    expect(calls).toBe(0);

    // Without all-or-nothing the good one is stored; still nothing has been sent.
    const some = await engine.enqueue(entries);
    expect(some.accepted).toEqual([good.applicationId]);
    expect(calls).toBe(0);
  });

  it('never has more than `concurrency` applications in flight', async () => {
    const sandbox = await sandboxFor();
    try {
      const store = createMemorySyncStore();
      const jobs = makeJobs('CONC', 12, store.files, { photos: 1 });
      const real = asCatalogue(clientFor(sandbox));
      let inFlight = 0;
      let peak = 0;
      const counting = Object.fromEntries(
        Object.entries(real).map(([key, method]) => [
          key,
          async (...args: unknown[]) => {
            inFlight += 1;
            peak = Math.max(peak, inFlight);
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } finally {
              inFlight -= 1;
            }
          },
        ]),
      ) as unknown as SyncCatalogue;
      const engine = new SyncEngine({ store, catalogue: counting, concurrency: 3, ...fast });
      await engine.enqueue(jobs.map((job) => ({ job })));
      await engine.run();
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
      expect(await sandboxRequests(sandbox, 'CONC')).toHaveLength(12);
    } finally {
      await sandbox.close();
    }
  });
});

describe('extended cards', () => {
  it('follows the ЦЭФ part (gzStatus) after the base card is completed', async () => {
    const sandbox = await sandboxFor({ moderation: 'manual' });
    try {
      const store = createMemorySyncStore();
      const [photoJob] = makeJobs('GOV', 1, store.files, { photos: 2 });
      const job: SyncJob = { ...(photoJob as SyncJob), body: { ...govBody([]), imageFiles: undefined }, publish: true };
      job.body.attributes = job.body.attributes.map((a) => (a.code === 'name_ru' ? { ...a, value: 'GOV Футболка «Дала»' } : a));
      const engine = new SyncEngine({ store, catalogue: asCatalogue(clientFor(sandbox)), ...fast });
      await engine.enqueue([{ job }]);
      await engine.run();
      const sent = await store.get(job.applicationId);
      expect(sent?.phase).toBe('sent');
      expect((await admin(sandbox, 'POST', `/requests/${String(sent?.requestId)}/moderate`, { outcome: 'approve' })).status).toBe(200);
      await engine.poll();
      const published = await store.get(job.applicationId);
      expect(published?.remote).toMatchObject({ code: 'completed', ntin: expect.stringMatching(/^0200/u), status: { gzStatus: { code: 'publishingGz' } } });

      // The base code stays `completed`; only `/status` shows the ЦЭФ part moving.
      await admin(sandbox, 'POST', `/requests/${String(sent?.requestId)}/gz`, { code: 'underRevisionGz', comment: 'Уточните ЕНС ТРУ' });
      const cycle = await engine.poll();
      expect(cycle.changed).toHaveLength(1);
      const revised = await store.get(job.applicationId);
      expect(revised?.remote?.status?.gzStatus).toMatchObject({ code: 'underRevisionGz', comment: 'Уточните ЕНС ТРУ' });
      await admin(sandbox, 'POST', `/requests/${String(sent?.requestId)}/gz`, { code: 'rejectedGz' });
      await engine.poll();
      // Refused by ЦЭФ: final, no more `/status` reads for it.
      const quiet = await engine.poll();
      expect(quiet.calls).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});

describe('remarks by field', () => {
  it('puts revisionDetails on their attributes, the AI photo check on the photos, ЦЭФ remarks apart', async () => {
    const { remarksByField } = await import('../../../src/shared/sync/status.ts');
    const { requestStatusSchema } = await import('../../../src/shared/catalogue/dto.ts');
    const status = requestStatusSchema.parse({
      code: 'underRevision',
      comment: 'Исправьте наименование',
      revisionDetails: [{ attributeCode: 'name_kk', value: 'Сут', comment: 'Қате: «Сүт»' }],
      photoModeration: { score: 31, comment: 'Фон' },
      gzStatus: { code: 'underRevisionGz', revisionDetails: [{ attributeCode: 'enstrus', comment: 'Код ЕНС ТРУ' }] },
    });
    const remarks = remarksByField({ remote: { code: 'underRevision', status, checkedAt: 0 } } as never);
    expect(remarks).toEqual([
      { field: '', comment: 'Исправьте наименование', source: 'moderator' },
      { field: 'name_kk', comment: 'Қате: «Сүт»', value: 'Сут', source: 'moderator' },
      { field: 'photos', comment: 'Фон', value: '31', source: 'photoCheck' },
      { field: 'enstrus', comment: 'Код ЕНС ТРУ', value: undefined, source: 'procurement' },
    ]);
    expect(remarksByField(undefined)).toEqual([]);
  });
});
