/**
 * The sync engine: sends applications to the catalogue through explicit, durably recorded steps, and
 * follows them through moderation. Pure core: its only I/O are the two ports (store, catalogue).
 *
 * Per application: `upload` (each photo and PDF; each accepted `filename` stored before the next file) →
 * `create` (the intent is stored before the POST; a lost answer or a restart without a recorded id is
 * reconciled from the request list, never re-posted blindly) → `update` (a full PUT of the newest revision,
 * skipped when the request already holds it) → `submit` (moderation) → `sent`.
 *
 * Network behaviour: at most `concurrency` applications in flight; one shared limiter so a 429 slows every
 * worker; retryable failures back off exponentially with jitter and give up after `maxAttempts`; a network
 * failure turns the engine `offline`, a probe brings it back by itself; a wrong key or a wrong address
 * stops the engine and keeps every record as it is.
 */
import type { DuplicateDecision, DuplicateMatch, ProductRequestBody, RequestShort, RequestStatus } from '../catalogue/dto.ts';
import { createRequestOnce, defaultMatcher } from '../catalogue/create-once.ts';
import { CatalogueError } from '../catalogue/errors.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from '../catalogue/retry.ts';
import { defaultSleep, type Sleep } from '../catalogue/transport.ts';
import { CatalogueLimiter, limitCatalogue } from './limiter.ts';
import { checkBatch, draftKey, type EnqueueEntry, type Refusal } from './preflight.ts';
import { bareStatus, describeRemote, pendsOnCatalogue } from './status.ts';
import type {
  EngineSnapshot,
  EngineState,
  RemoteState,
  SyncCatalogue,
  SyncErrorCode,
  SyncJob,
  SyncProblem,
  SyncRecord,
  SyncStep,
  SyncStore,
} from './types.ts';

export interface SyncEngineOptions {
  store: SyncStore;
  catalogue: SyncCatalogue;
  /** Applications in flight at once (default 4). */
  concurrency?: number;
  /** Shared by every engine talking to the same catalogue; one is made when omitted. */
  limiter?: CatalogueLimiter;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  /** Engine-level backoff between attempts of a step (on top of the client's own retries). */
  retry?: Partial<RetryPolicy>;
  /** Failed attempts of one step (5xx, odd answers) before the application is marked failed. Default 6. */
  maxAttempts?: number;
  /** How often the offline probe asks the catalogue whether it is back. Default 2 s, doubling to 30 s. */
  offlineProbeMs?: number;
  onRecord?: (record: SyncRecord) => void;
  onState?: (snapshot: EngineSnapshot) => void;
}

/** Raised inside the engine when it must stop working on everything (wrong key, stop requested, a dead store). */
class Halt extends Error {}

const editable = new Set(['new', 'underRevision', 'underRevisionGz', 'cancelled']);

function fileNameOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function problemOf(error: unknown, fallback: SyncErrorCode = 'sync.errors.unexpected'): SyncProblem {
  if (error instanceof CatalogueError) {
    const code: SyncErrorCode =
      error.kind === 'unauthorised'
        ? 'sync.errors.unauthorised'
        : error.kind === 'misconfigured'
          ? 'sync.errors.misconfigured'
          : error.kind === 'wrong-status'
            ? 'sync.errors.wrongStatus'
            : error.retryable
              ? 'sync.errors.gaveUp'
              : 'sync.errors.refused';
    return {
      code,
      kind: error.kind,
      attributeCodes: error.attributeCodes.length > 0 ? error.attributeCodes : undefined,
      params: { codes: error.attributeCodes.join(', '), status: error.status ?? '' },
      detail: error.message,
    };
  }
  return { code: fallback, detail: fileNameOf(error) };
}

export function newRecord(job: SyncJob, now: number): SyncRecord {
  return { applicationId: job.applicationId, job, phase: 'pending', step: 'upload', uploaded: {}, attempts: 0, history: [], updatedAt: now };
}

/** The body a step sends: the job's content plus the uploaded files. */
export function bodyWithFiles(record: SyncRecord): ProductRequestBody {
  const { job, uploaded } = record;
  const body: ProductRequestBody = { ...job.body };
  const imageFiles = job.files
    .filter((file) => file.kind === 'photo' && file.slot)
    .map((file) => ({ fileName: file.uploadedAs ?? uploaded[file.id] ?? '', imageType: file.slot as string }))
    .filter((file) => file.fileName !== '');
  const documents = job.files
    .filter((file) => file.kind === 'document')
    .map((file) => ({ fileName: file.uploadedAs ?? uploaded[file.id] ?? '' }))
    .filter((file) => file.fileName !== '');
  if (imageFiles.length > 0) body.imageFiles = imageFiles;
  if (documents.length > 0) body.documents = documents;
  return body;
}

export interface PollResult {
  /** Catalogue calls this cycle made (list pages + `/status` reads + publishes). */
  calls: number;
  changed: SyncRecord[];
  /** Requests of the same key that no local application knows (made in the portal or another system). */
  foreign: RequestShort[];
}

export class SyncEngine {
  readonly limiter: CatalogueLimiter;
  private readonly store: SyncStore;
  private readonly catalogue: SyncCatalogue;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly maxAttempts: number;
  private readonly probeMs: number;
  private readonly options: SyncEngineOptions;

  private state: EngineState = 'idle';
  private problem: SyncProblem | undefined;
  private readonly abort = new AbortController();
  private wakeUp: (() => void)[] = [];
  private readonly active = new Map<string, SyncStep>();
  private readonly bytes = { done: 0, total: 0 };
  private probing: Promise<void> | undefined;
  private running: Promise<EngineSnapshot> | undefined;
  private requestIds: Map<string, number> | undefined;

  constructor(options: SyncEngineOptions) {
    this.options = options;
    this.store = options.store;
    this.limiter = options.limiter ?? new CatalogueLimiter({ now: options.now, sleep: options.sleep, random: options.random, retry: options.retry });
    this.catalogue = limitCatalogue(options.catalogue, this.limiter);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.policy = { ...defaultRetryPolicy, baseDelayMs: 250, maxDelayMs: 15_000, ...options.retry };
    this.maxAttempts = options.maxAttempts ?? 6;
    this.probeMs = options.offlineProbeMs ?? 2000;
  }

  // ------------------------------------------------------------------------------------------- control

  get currentState(): EngineState {
    return this.state;
  }

  /** Refuses bad input before anything is sent; stores the accepted jobs as pending records. */
  async enqueue(entries: readonly EnqueueEntry[], options: { allOrNothing?: boolean } = {}): Promise<{ accepted: string[]; refused: Refusal[] }> {
    const records = await this.store.list();
    const taken = new Map<string, string>();
    const byId = new Map(records.map((record) => [record.applicationId, record]));
    for (const record of records) {
      const key = draftKey(record.job);
      if (key !== undefined && record.phase !== 'cancelled') taken.set(key, record.applicationId);
    }
    const refused = await checkBatch(entries, this.store, taken);
    if (options.allOrNothing && refused.length > 0) return { accepted: [], refused };
    const refusedIds = new Set(refused.map((refusal) => refusal.applicationId));
    const accepted: string[] = [];
    for (const { job } of entries) {
      if (refusedIds.has(job.applicationId)) continue;
      const existing = byId.get(job.applicationId);
      if (existing && existing.phase !== 'failed' && existing.phase !== 'cancelled') {
        // Still being sent, and the content changed since (a spreadsheet edited between two runs): the newest
        // content becomes the next revision, which the update step sends. In moderation it stays as sent.
        if (existing.phase === 'pending' && !sameContent(existing.job, job)) {
          await this.save({ ...existing, job: { ...job, revision: existing.job.revision + 1 } });
        }
        accepted.push(job.applicationId);
        continue;
      }
      const record = existing ? { ...existing, job: { ...job, revision: Math.max(job.revision, existing.job.revision + 1) }, phase: 'pending' as const, attempts: 0, problem: undefined } : newRecord(job, this.now());
      if (existing?.requestId !== undefined && existing.step === 'sent') record.step = 'upload';
      await this.save(record);
      accepted.push(job.applicationId);
    }
    return { accepted, refused };
  }

  /** A new revision of an application (an edit, or a fix after `underRevision`): sent again from its uploads. */
  async resend(job: SyncJob): Promise<SyncRecord> {
    const existing = await this.store.get(job.applicationId);
    if (!existing) throw new Error(`no sync record for ${job.applicationId}`);
    const record: SyncRecord = { ...existing, job: { ...job, revision: Math.max(job.revision, existing.job.revision + 1) }, phase: 'pending', step: 'upload', attempts: 0, problem: undefined };
    await this.save(record);
    return record;
  }

  /** Tries a failed application again from the step it stopped at. */
  async retry(applicationId: string): Promise<void> {
    const record = await this.store.get(applicationId);
    if (!record || (record.phase !== 'failed' && record.phase !== 'cancelled')) return;
    await this.save({ ...record, phase: 'pending', attempts: 0, problem: undefined });
  }

  /** Stops sending one application (what was already done stays recorded). */
  async cancel(applicationId: string): Promise<void> {
    const record = await this.store.get(applicationId);
    if (!record || record.phase !== 'pending') return;
    await this.save({ ...record, phase: 'cancelled' });
  }

  pause(): void {
    if (this.state === 'running' || this.state === 'offline') this.setState('paused');
  }

  resume(): void {
    if (this.state === 'paused') this.setState('running');
  }

  /** Stops every worker after its current call; nothing recorded is lost. */
  stop(): void {
    this.setState('stopped');
    this.abort.abort(new Halt('stopped'));
  }

  snapshot(records?: readonly SyncRecord[]): EngineSnapshot {
    const counts = { pending: 0, sent: 0, failed: 0, cancelled: 0, total: 0 };
    for (const record of records ?? []) {
      counts[record.phase] += 1;
      counts.total += 1;
    }
    return {
      state: this.state,
      problem: this.problem,
      counts,
      bytes: { ...this.bytes },
      active: [...this.active].map(([applicationId, step]) => ({ applicationId, step })),
    };
  }

  /** Sends every pending application; resolves when none is left, or the engine stopped. */
  run(): Promise<EngineSnapshot> {
    this.running ??= this.runAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runAll(): Promise<EngineSnapshot> {
    try {
      return await this.sendAll();
    } catch (error) {
      // The store failed (a dead process, a full disk): nothing more is safe to do.
      this.halt({ code: 'sync.errors.unexpected', detail: fileNameOf(error) });
      return this.snapshot();
    }
  }

  private async sendAll(): Promise<EngineSnapshot> {
    if (this.state === 'stopped') return this.snapshot(await this.store.list());
    if (this.state === 'idle') this.setState('running');
    const records = await this.store.list();
    const queue = records.filter((record) => record.phase === 'pending').map((record) => record.applicationId);
    this.bytes.total += records
      .filter((record) => record.phase === 'pending')
      .reduce((sum, record) => sum + record.job.files.filter((file) => !file.uploadedAs && !record.uploaded[file.id]).reduce((s, f) => s + f.size, 0), 0);
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (this.state === 'stopped') return;
        await this.sendOne(next);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, Math.max(1, queue.length)) }, worker));
    if (this.state === 'running') this.setState('idle');
    return this.snapshot(await this.store.list().catch(() => []));
  }

  // ------------------------------------------------------------------------------------------- sending

  private async sendOne(applicationId: string): Promise<void> {
    try {
      for (;;) {
        await this.gate();
        const record = await this.store.get(applicationId);
        if (!record || record.phase !== 'pending') return;
        this.active.set(applicationId, record.step);
        this.emitState();
        if (record.step === 'sent') return;
        try {
          await this.step(record);
        } catch (error) {
          if (error instanceof Halt) return;
          await this.failedAttempt(applicationId, error);
        }
      }
    } catch (error) {
      // A store that cannot write (disk full, the process being torn down) stops the engine: nothing is safe.
      if (!(error instanceof Halt)) this.halt({ code: 'sync.errors.unexpected', detail: fileNameOf(error) });
    } finally {
      this.active.delete(applicationId);
      this.emitState();
    }
  }

  private async step(record: SyncRecord): Promise<void> {
    const signal = this.abort.signal;
    // A file added by an edit after the uploads ran is uploaded before anything references the files.
    if ((record.step === 'create' || record.step === 'update' || record.step === 'submit') && hasUploadsLeft(record)) {
      return this.save({ ...record, step: 'upload' });
    }
    switch (record.step) {
      case 'upload':
        return this.upload(record, signal);
      case 'create':
        return this.create(record, signal);
      case 'update':
        return this.update(record, signal);
      case 'submit':
        return this.submit(record, signal);
      case 'sent':
        return;
    }
  }

  private async upload(record: SyncRecord, signal: AbortSignal): Promise<void> {
    for (const file of record.job.files) {
      if (file.uploadedAs || record.uploaded[file.id]) continue;
      let bytes: Uint8Array;
      try {
        bytes = await this.store.readFile(record.job, file);
      } catch (error) {
        await this.fail(record, { code: file.kind === 'document' ? 'sync.errors.documentMissing' : 'sync.errors.fileMissing', params: { file: file.name }, detail: fileNameOf(error) });
        throw new Halt('file');
      }
      const input = { file: bytes, fileName: file.name, contentType: file.kind === 'document' ? 'application/pdf' : undefined };
      const answer = file.kind === 'document' ? await this.catalogue.uploadDocument(input, { signal }) : await this.catalogue.uploadPhoto(input, { signal });
      this.bytes.done += bytes.length;
      record = { ...record, uploaded: { ...record.uploaded, [file.id]: answer.filename }, attempts: 0 };
      await this.save(record);
    }
    await this.save({ ...record, step: record.requestId === undefined ? 'create' : 'update', attempts: 0 });
  }

  /** Ids of requests other local applications hold: never taken for this one's lost create. */
  private async knownRequestIds(except: string): Promise<number[]> {
    // One read of the store per engine, then kept up to date by `save` (only this engine writes it).
    this.requestIds ??= new Map((await this.store.list()).flatMap((record) => (record.requestId === undefined ? [] : [[record.applicationId, record.requestId] as const])));
    return [...this.requestIds].filter(([applicationId]) => applicationId !== except).map(([, id]) => id);
  }

  private async create(record: SyncRecord, signal: AbortSignal): Promise<void> {
    if (record.requestId !== undefined) return this.save({ ...record, step: 'update' });
    const body = bodyWithFiles(record);
    const excludeIds = await this.knownRequestIds(record.applicationId);
    const matches = defaultMatcher(body);
    if (record.createStarted) {
      // A create was posted before and its answer never recorded (lost, or the process died): look first.
      if (!matches) {
        await this.fail(record, { code: 'sync.errors.lostCreate' });
        throw new Halt('lost');
      }
      const found = await this.findDraft(matches, new Set(excludeIds), signal);
      if (found !== undefined) return this.save({ ...record, requestId: found, step: 'update', attempts: 0 });
    } else {
      record = { ...record, createStarted: true };
      await this.save(record);
    }
    const result = await createRequestOnce(
      {
        create: (b, o) => this.catalogue.createRequest(b, o),
        iterateNew: (o) => this.iterateNew(o.signal),
        sleep: this.sleep,
        random: this.random,
        retry: this.policy,
      },
      body,
      { excludeIds, signal },
    );
    // The create carried the whole body: the update step has nothing to add unless an edit came meanwhile.
    await this.save({ ...record, requestId: result.id, sentRevision: record.job.revision, step: 'update', attempts: 0 });
  }

  private async *iterateNew(signal: AbortSignal | undefined): AsyncGenerator<RequestShort> {
    for (let page = 1; page <= 20; page += 1) {
      const answer = await this.catalogue.listRequests({ page, size: 100, status: 'new' }, { signal });
      yield* answer.content;
      if (answer.content.length === 0 || page >= answer.totalPages) return;
    }
  }

  private async findDraft(matches: (item: RequestShort) => boolean, excluded: ReadonlySet<number>, signal: AbortSignal): Promise<number | undefined> {
    let best: number | undefined;
    for await (const item of this.iterateNew(signal)) {
      if (excluded.has(item.id) || !matches(item)) continue;
      if (best === undefined || item.id > best) best = item.id;
    }
    return best;
  }

  private async update(record: SyncRecord, signal: AbortSignal): Promise<void> {
    const id = record.requestId as number;
    if (record.sentRevision !== record.job.revision) {
      try {
        await this.catalogue.updateRequest(id, bodyWithFiles(record), { signal });
      } catch (error) {
        if (!(error instanceof CatalogueError && error.kind === 'wrong-status')) throw error;
        // Already past `new`: a previous run submitted it and died before recording that.
        const status = await this.catalogue.getStatus(id, { signal });
        if (editable.has(status.code)) throw error;
        return this.markSent(record, status);
      }
    }
    await this.save({ ...record, sentRevision: record.job.revision, step: 'submit', attempts: 0 });
  }

  private async submit(record: SyncRecord, signal: AbortSignal): Promise<void> {
    const id = record.requestId as number;
    const fresh = (await this.store.get(record.applicationId)) ?? record;
    if (fresh.job.revision !== fresh.sentRevision) return this.save({ ...fresh, step: 'update' });
    try {
      await this.catalogue.submitForModeration(id, { signal });
    } catch (error) {
      if (!(error instanceof CatalogueError && error.kind === 'wrong-status')) throw error;
      const status = await this.catalogue.getStatus(id, { signal });
      if (editable.has(status.code)) throw error;
      return this.markSent(fresh, status);
    }
    await this.markSent(fresh, bareStatus('onModeration'));
  }

  private async markSent(record: SyncRecord, status: RequestStatus): Promise<void> {
    const at = this.now();
    const remote: RemoteState = { ...describeRemote(status), checkedAt: at };
    await this.save({ ...record, phase: 'sent', step: 'sent', attempts: 0, problem: undefined, remote, history: [...record.history, { code: status.code, at }] });
  }

  // ------------------------------------------------------------------------------------------- failures

  private async failedAttempt(applicationId: string, error: unknown): Promise<void> {
    if (!(error instanceof CatalogueError)) throw error;
    if (error.kind === 'unauthorised' || error.kind === 'misconfigured') {
      this.halt(problemOf(error));
      throw new Halt(error.kind);
    }
    if (this.abort.signal.aborted) throw new Halt('stopped');
    if (error.kind === 'rate-limited') return; // the shared gate already holds everyone back
    if (error.kind === 'network' || error.kind === 'timeout') {
      void this.goOffline();
      return;
    }
    const record = await this.store.get(applicationId);
    if (!record) return;
    const attempts = record.attempts + 1;
    if (!error.retryable || attempts >= this.maxAttempts) {
      await this.fail({ ...record, attempts }, problemOf(error));
      return;
    }
    await this.save({ ...record, attempts, problem: problemOf(error) });
    await this.sleep(backoffDelay(attempts, this.policy, this.random), this.abort.signal).catch(() => {});
  }

  private async fail(record: SyncRecord, problem: SyncProblem): Promise<void> {
    await this.save({ ...record, phase: 'failed', problem });
  }

  private halt(problem: SyncProblem): void {
    this.problem = problem;
    this.stop();
  }

  /** Offline: every worker waits; one probe (a cheap list call) with growing pauses brings the engine back. */
  private goOffline(): Promise<void> {
    if (this.state === 'running') this.setState('offline');
    this.probing ??= (async () => {
      for (let delay = this.probeMs; this.state === 'offline'; delay = Math.min(delay * 2, 30_000)) {
        await this.sleep(delay, this.abort.signal).catch(() => {});
        if (this.state !== 'offline') break;
        try {
          await this.catalogue.listRequests({ page: 1, size: 1 }, { signal: this.abort.signal });
          this.setState('running');
        } catch (error) {
          if (error instanceof CatalogueError && (error.kind === 'unauthorised' || error.kind === 'misconfigured')) this.halt(problemOf(error));
        }
      }
    })().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  /** Online: call this when the platform says the network is back (e.g. the browser's `online` event). */
  online(): void {
    if (this.state === 'offline') this.setState('running');
  }

  /** The platform says the network is gone: wait without burning attempts. */
  offline(): void {
    void this.goOffline();
  }

  private async gate(): Promise<void> {
    while (this.state === 'paused' || this.state === 'offline') {
      await new Promise<void>((resolve) => this.wakeUp.push(resolve));
    }
    if (this.state === 'stopped') throw new Halt('stopped');
  }

  private setState(state: EngineState): void {
    if (this.state === 'stopped' && state !== 'stopped') return;
    this.state = state;
    const waiting = this.wakeUp;
    this.wakeUp = [];
    for (const resolve of waiting) resolve();
    this.emitState();
  }

  private emitState(): void {
    this.options.onState?.(this.snapshot());
  }

  private async save(record: SyncRecord): Promise<void> {
    // An edit stored while this step ran (a newer job revision) is kept, never overwritten by the step's copy.
    const current = await this.store.get(record.applicationId);
    const job = current && current.job.revision > record.job.revision ? current.job : record.job;
    const stamped = { ...record, job, updatedAt: this.now() };
    await this.store.put(stamped);
    if (stamped.requestId !== undefined) this.requestIds?.set(stamped.applicationId, stamped.requestId);
    if (this.active.has(record.applicationId)) this.active.set(record.applicationId, stamped.step);
    this.options.onRecord?.(stamped);
  }

  // ----------------------------------------------------------------------------------------- moderation

  /**
   * One follow-up cycle: the whole request list page by page (100 a page, not one call per application),
   * then `/status` only for requests whose code changed to one that carries details (remarks, NTIN,
   * duplicate review), plus extended cards whose ЦЭФ part is still moving. `readyToPublish` with
   * `publish` set is published.
   */
  async poll(options: { signal?: AbortSignal; act?: boolean } = {}): Promise<PollResult> {
    const signal = options.signal;
    const act = options.act ?? true;
    const before = this.limiter.totalCalls();
    const records = await this.store.list();
    const byRequest = new Map<number, SyncRecord>();
    for (const record of records) if (record.requestId !== undefined && record.phase === 'sent') byRequest.set(record.requestId, record);
    const known = new Set(records.map((record) => record.requestId).filter((id) => id !== undefined));
    const changed: SyncRecord[] = [];
    const foreign: RequestShort[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await this.catalogue.listRequests({ page, size: 100 }, { signal });
      for (const item of answer.content) {
        const record = byRequest.get(item.id);
        if (!record) {
          if (!known.has(item.id)) foreign.push(item);
          continue;
        }
        const next = await this.follow(record, item.status.code, act, signal);
        if (next) changed.push(next);
      }
      if (answer.content.length === 0 || page >= answer.totalPages) break;
    }
    return { calls: this.limiter.totalCalls() - before, changed, foreign };
  }

  private async follow(record: SyncRecord, code: string, act: boolean, signal: AbortSignal | undefined): Promise<SyncRecord | undefined> {
    const previous = record.remote;
    const moved = previous?.code !== code;
    const gzMoving = record.job.body.isGov === true && code === 'completed' && pendsOnCatalogue(previous);
    if (!moved && !gzMoving) return undefined;
    let status: RequestStatus = bareStatus(code);
    if (describeNeedsStatus(code) || gzMoving) status = await this.catalogue.getStatus(record.requestId as number, { signal });
    let next = this.withStatus(record, status);
    if (act && status.code === 'readyToPublish' && record.job.publish) {
      await this.catalogue.publishRequest(record.requestId as number, { signal });
      next = this.withStatus(next, await this.catalogue.getStatus(record.requestId as number, { signal }));
    }
    await this.save(next);
    return next;
  }

  private withStatus(record: SyncRecord, status: RequestStatus): SyncRecord {
    const at = this.now();
    const moved = record.remote?.code !== status.code;
    return {
      ...record,
      remote: { ...describeRemote(status), checkedAt: at },
      history: moved ? [...record.history, { code: status.code, at }] : record.history,
    };
  }

  /** Reads one request's status now (after a user action, or to show fresh remarks). */
  async refresh(applicationId: string, signal?: AbortSignal): Promise<SyncRecord | undefined> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return record;
    const next = this.withStatus(record, await this.catalogue.getStatus(record.requestId, { signal }));
    await this.save(next);
    return next;
  }

  async duplicates(applicationId: string, signal?: AbortSignal): Promise<DuplicateMatch[]> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return [];
    return this.catalogue.getDuplicates(record.requestId, { signal });
  }

  /** The officer's choice on a duplicate review; similarity is advisory, never decided automatically. */
  async decideDuplicate(applicationId: string, decision: DuplicateDecision, signal?: AbortSignal): Promise<SyncRecord | undefined> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return record;
    await this.catalogue.decideDuplicates(record.requestId, decision, { signal });
    return this.refresh(applicationId, signal);
  }

  async publish(applicationId: string, signal?: AbortSignal): Promise<SyncRecord | undefined> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return record;
    await this.catalogue.publishRequest(record.requestId, { signal });
    return this.refresh(applicationId, signal);
  }

  /**
   * Deletes the request in the catalogue (a `new` draft only, as the portal allows) and forgets its id: the
   * application is local again and may be sent anew later (its accepted uploads are kept).
   */
  async deleteRemote(applicationId: string, signal?: AbortSignal): Promise<SyncRecord | undefined> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return record;
    await this.catalogue.deleteRequest(record.requestId, { signal });
    const at = this.now();
    const next: SyncRecord = {
      ...record,
      phase: 'cancelled',
      step: 'upload',
      requestId: undefined,
      createStarted: undefined,
      sentRevision: undefined,
      problem: undefined,
      remote: undefined,
      history: [...record.history, { code: 'deleted', at }],
    };
    this.requestIds?.delete(applicationId);
    await this.save(next);
    return next;
  }

  /** Withdraws a request from moderation (`onModeration` only, as the portal allows). */
  async withdraw(applicationId: string, signal?: AbortSignal): Promise<SyncRecord | undefined> {
    const record = await this.store.get(applicationId);
    if (record?.requestId === undefined) return record;
    await this.catalogue.cancelRequest(record.requestId, { signal });
    return this.refresh(applicationId, signal);
  }
}

function sameContent(a: SyncJob, b: SyncJob): boolean {
  return JSON.stringify([a.body, a.files, a.publish ?? false]) === JSON.stringify([b.body, b.files, b.publish ?? false]);
}

function hasUploadsLeft(record: SyncRecord): boolean {
  return record.job.files.some((file) => !file.uploadedAs && !record.uploaded[file.id]);
}

/** Codes whose `/status` carries something the list does not: remarks, NTIN, duplicate review, reason. */
function describeNeedsStatus(code: string): boolean {
  return code === 'underRevision' || code === 'underRevisionGz' || code === 'rejected' || code === 'completed' || code === 'existingProductSelected' || code === 'cancelled';
}
