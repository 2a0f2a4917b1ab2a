/**
 * State on disk, crash-safe: nothing is acknowledged before it is on disk, and no id is handed out twice.
 *
 * - `<dataDir>/state.json`: a snapshot (the format of earlier versions, plus `generation`); an older file
 *   without `generation` is read as generation 0, so existing data carries over unchanged.
 * - `<dataDir>/journal-<generation>.ndjson`: the changes since that snapshot, one line per batch (a JSON
 *   array of operations, carrying the id counters), each durable (O_DSYNC / fdatasync) before any answer
 *   that depends on it. The file is pre-filled with zeros in 4 MB chunks and batches overwrite them, so a
 *   sync never has to change the file's size. What follows the last complete line (zeros, or a batch torn
 *   by a crash, never acknowledged) is ignored and zeroed on the next start.
 * - Group commit: changes that arrive while a write is on its way go out together in the next one, so many
 *   concurrent clients share one fsync.
 * - Compaction: once the journal outgrows the snapshot (and on close, and after an admin reset), a new
 *   snapshot is written to a temp file, fsync'd and renamed over state.json with generation + 1; then the
 *   old journal is removed. A crash in between leaves either the old pair or the new one, both complete.
 * - Start-up removes stray temp files and journals of other generations.
 */
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, type Counters, type PendingChanges, type SandboxState, type SandboxStore, type StoredRequest, type UploadRecord } from './store.ts';
import type { CardRecord } from './seed/index.ts';

export const stateFileName = 'state.json';
export const journalFileName = (generation: number) => `journal-${generation}.ndjson`;

/** A journal operation: upsert a request, delete one, upsert a card or an upload, set the counters. */
type Operation = { r: StoredRequest } | { d: number } | { c: CardRecord } | { u: UploadRecord } | { n: Counters };

/** The state files cannot be used: names the file and what to do (the CLI prints `message` as is). */
export class SandboxStateError extends Error {
  readonly file: string;
  constructor(file: string, problem: string, advice = 'Move it away, or start with --reset to discard the sandbox state.') {
    super(`${file}: ${problem}. ${advice}`);
    this.file = file;
  }
}

export const lockFileName = 'sandbox.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One sandbox per folder: two writers would interleave their journals. A lock left by a killed process is taken over. */
async function acquireLock(dataDir: string): Promise<void> {
  const file = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new SandboxStateError(file, `the folder is in use by another sandbox (process ${holder})`, 'Stop it first, or choose another folder with --data DIR.');
    }
    await rm(file, { force: true });
  }
  throw new SandboxStateError(file, 'cannot be created', 'Choose another folder with --data DIR.');
}

export async function releaseLock(dataDir: string): Promise<void> {
  await rm(join(dataDir, lockFileName), { force: true });
}

export interface LoadedState {
  state: SandboxState;
  generation: number;
  /** Bytes of valid journal (a torn tail beyond it is cut off before appending). */
  journalBytes: number;
  snapshotBytes: number;
  /** Reset: the fresh state must replace the files before anything is served. */
  needsSnapshot: boolean;
}

const counterKeys = ['nextRequestId', 'nextProductId', 'nextNtinSerial', 'nextUploadId'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Enough shape that no route trips over a record later (a bad record would make every list call fail).
function isRequestRecord(value: unknown): value is StoredRequest {
  return (
    isObject(value) &&
    Number.isSafeInteger(value['id']) &&
    typeof value['status'] === 'string' &&
    isObject(value['extras']) &&
    isObject(value['body']) &&
    Array.isArray(value['body']['attributes'])
  );
}
const isCardRecord = (value: unknown): value is CardRecord =>
  isObject(value) && typeof value['ntin'] === 'string' && Number.isSafeInteger(value['id']) && typeof value['modified'] === 'number';
const isUploadRecord = (value: unknown): value is UploadRecord => isObject(value) && typeof value['filename'] === 'string' && Number.isSafeInteger(value['id']);

function isStateShape(value: unknown): value is SandboxState & { generation?: number } {
  if (!isObject(value)) return false;
  const state = value;
  return (
    state['version'] === 1 &&
    Array.isArray(state['requests']) &&
    state['requests'].every(isRequestRecord) &&
    Array.isArray(state['cards']) &&
    state['cards'].every(isCardRecord) &&
    Array.isArray(state['uploads']) &&
    state['uploads'].every(isUploadRecord) &&
    counterKeys.every((key) => Number.isSafeInteger(state[key])) &&
    (state['generation'] === undefined || Number.isSafeInteger(state['generation']))
  );
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxStateError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function isOperation(value: unknown): value is Operation {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const [key] = keys;
  const inner = value[key as string];
  if (key === 'd') return Number.isSafeInteger(inner);
  if (key === 'r') return isRequestRecord(inner);
  if (key === 'c') return isCardRecord(inner);
  if (key === 'u') return isUploadRecord(inner);
  if (key === 'n') return isObject(inner) && counterKeys.every((counter) => Number.isSafeInteger(inner[counter]));
  return false;
}

/** Replays journal lines over the snapshot. A bad line followed by good ones is damage, not a torn tail. */
function replay(state: SandboxState, journal: Buffer, file: string): number {
  const requests = new Map(state.requests.map((request) => [request.id, request]));
  const cards = new Map(state.cards.map((card) => [card.ntin, card]));
  const uploads = new Map(state.uploads.map((upload) => [upload.filename, upload]));
  let validBytes = 0;
  let offset = 0;
  let badLine: number | undefined;
  let lineNumber = 0;
  while (offset < journal.length) {
    const end = journal.indexOf(0x0a, offset);
    lineNumber += 1;
    const lineEnd = end === -1 ? journal.length : end;
    let batch: unknown;
    try {
      batch = end === -1 ? undefined : JSON.parse(journal.subarray(offset, lineEnd).toString('utf8'));
    } catch {
      batch = undefined;
    }
    offset = lineEnd + 1;
    if (!Array.isArray(batch) || !batch.every(isOperation)) {
      badLine ??= lineNumber;
      continue;
    }
    if (badLine !== undefined) throw new SandboxStateError(file, `damaged at line ${badLine}`);
    for (const operation of batch) {
      if ('r' in operation) requests.set(operation.r.id, operation.r);
      else if ('d' in operation) requests.delete(operation.d);
      else if ('c' in operation) cards.set(operation.c.ntin, operation.c);
      else if ('u' in operation) uploads.set(operation.u.filename, operation.u);
      else for (const key of counterKeys) state[key] = Math.max(state[key], operation.n[key]);
    }
    validBytes = offset;
  }
  state.requests = [...requests.values()];
  state.cards = [...cards.values()];
  state.uploads = [...uploads.values()];
  // Never below what the records themselves prove was handed out.
  for (const request of state.requests) state.nextRequestId = Math.max(state.nextRequestId, request.id + 1);
  for (const upload of state.uploads) state.nextUploadId = Math.max(state.nextUploadId, upload.id + 1);
  return validBytes;
}

/** Reads snapshot + journal. With `reset`, starts empty but keeps the id counters when they are readable. */
export async function loadState(dataDir: string, reset: boolean): Promise<LoadedState> {
  await mkdir(dataDir, { recursive: true });
  await acquireLock(dataDir);
  try {
    return await loadLocked(dataDir, reset);
  } catch (error) {
    await releaseLock(dataDir);
    throw error;
  }
}

async function loadLocked(dataDir: string, reset: boolean): Promise<LoadedState> {
  const file = join(dataDir, stateFileName);
  let loaded: LoadedState;
  try {
    loaded = await readState(dataDir, file);
  } catch (error) {
    if (!reset) throw error;
    loaded = { state: emptyState(), generation: 0, journalBytes: 0, snapshotBytes: 0, needsSnapshot: true };
  }
  if (reset) {
    const fresh = emptyState();
    for (const key of counterKeys) fresh[key] = Math.max(fresh[key], loaded.state[key]);
    loaded = { ...loaded, state: fresh, needsSnapshot: true };
  }
  await removeStrays(dataDir, loaded.generation);
  return loaded;
}

async function readState(dataDir: string, file: string): Promise<LoadedState> {
  const text = await readIfExists(file);
  let state = emptyState();
  let generation = 0;
  if (text !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.toString('utf8'));
    } catch {
      throw new SandboxStateError(file, text.length === 0 ? 'is empty' : 'is not valid JSON (truncated or damaged)');
    }
    if (!isStateShape(parsed)) throw new SandboxStateError(file, 'is not a sandbox state file (version 1)');
    generation = parsed.generation ?? 0;
    const { generation: _omitted, ...rest } = parsed;
    state = { ...emptyState(), ...rest };
  }
  const journalFile = join(dataDir, journalFileName(generation));
  const journal = await readIfExists(journalFile);
  const journalBytes = journal ? replay(state, journal, journalFile) : 0;
  return { state, generation, journalBytes, snapshotBytes: text?.length ?? 0, needsSnapshot: false };
}

async function removeStrays(dataDir: string, generation: number): Promise<void> {
  const keep = journalFileName(generation);
  for (const name of await readdir(dataDir)) {
    const stray = (/^journal-\d+\.ndjson$/.test(name) && name !== keep) || (name.startsWith(`${stateFileName}.`) && name.endsWith('.tmp'));
    if (stray) await rm(join(dataDir, name), { force: true });
  }
}

/** fsync of a directory makes a rename or a new file in it durable; not possible on every platform. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

const { O_CREAT, O_DSYNC, O_RDWR } = fsConstants;
/**
 * Each write is durable when it returns, where the platform has O_DSYNC (one trip to the thread pool per
 * batch); elsewhere (Windows) write + datasync. `r+` needs the file to exist: `openJournal` creates it.
 */
const journalFlags: number | 'r+' = O_DSYNC === undefined ? 'r+' : O_RDWR | O_CREAT | O_DSYNC;
/** The journal grows in zero-filled chunks, so appending a batch never changes the file's size (cheap fsync). */
const journalChunkBytes = 4 * 1024 * 1024;

export interface Persister {
  /** Called on every change: schedules a commit. */
  changed(): void;
  /** Resolves once every change made so far is on disk; `undefined` when nothing is pending. */
  durable(): Promise<void> | undefined;
  /**
   * For a read of one request: waits only while that request has a change not yet on disk (a reader never
   * sees what a crash could take back; other clients' pending writes do not delay it).
   */
  durableRequest(id: number): Promise<void> | undefined;
  /** Commits and compacts what is pending, then closes the journal. */
  close(): Promise<void>;
}

export const memoryPersister: Persister = { changed: () => {}, durable: () => undefined, durableRequest: () => undefined, close: async () => {} };

interface Waiter {
  sequence: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The persister of a store loaded by `loadState` (`loaded` says which journal to continue). */
export async function openPersister(
  dataDir: string,
  store: () => SandboxStore,
  loaded: LoadedState,
  log: (line: string) => void,
): Promise<Persister> {
  const minimumCompactionBytes = 4 * 1024 * 1024;
  let generation = loaded.generation;
  let journalBytes = loaded.journalBytes;
  let snapshotBytes = loaded.snapshotBytes;
  let journal: FileHandle | undefined;
  let snapshotWanted = false;

  let changeSequence = 0;
  let durableSequence = 0;
  let waiters: Waiter[] = [];
  let running: Promise<void> | undefined;
  let scheduled = false;
  let closing = false;
  let windowTimer: NodeJS.Timeout | undefined;
  let lastBatchWaiters = 0;
  let lastCommitMs = 1;
  /** The changes of the batch being written. */
  let inFlight: PendingChanges | undefined;

  /** Bytes of the journal file already allocated (zeros beyond `journalBytes`). */
  let allocatedBytes = 0;

  /** Zero-fills [from, to) and makes it durable: later batches overwrite zeros, so no fsync changes the size. */
  async function zeroFill(handle: FileHandle, from: number, to: number): Promise<void> {
    const zeros = Buffer.alloc(Math.min(to - from, journalChunkBytes));
    for (let position = from; position < to; position += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, to - position), position);
    await handle.datasync();
  }

  async function openJournal(forGeneration: number, validBytes: number): Promise<FileHandle> {
    const path = join(dataDir, journalFileName(forGeneration));
    if (journalFlags === 'r+') await (await open(path, 'a')).close();
    const handle = await open(path, journalFlags);
    const { size } = await handle.stat();
    // A torn tail becomes zeros again, so the next batch starts on its own line; then room for more batches.
    allocatedBytes = Math.max(size, validBytes + journalChunkBytes);
    await zeroFill(handle, validBytes, allocatedBytes);
    await syncDirectory(dataDir);
    return handle;
  }

  function encode(changes: PendingChanges): string {
    const current = store();
    const operations: Operation[] = [];
    for (const id of changes.requests) {
      const request = current.request(id);
      operations.push(request ? { r: request } : { d: id });
    }
    for (const ntin of changes.cards) {
      const card = current.cardByNtin(ntin);
      if (card) operations.push({ c: card });
    }
    for (const name of changes.uploads) {
      const upload = current.upload(name);
      if (upload) operations.push({ u: upload });
    }
    operations.push({ n: current.currentCounters() });
    return `${JSON.stringify(operations)}\n`;
  }

  async function append(changes: PendingChanges): Promise<void> {
    const line = Buffer.from(encode(changes));
    const handle = journal as FileHandle;
    try {
      if (journalBytes + line.length > allocatedBytes) {
        const grown = journalBytes + line.length + journalChunkBytes;
        await zeroFill(handle, allocatedBytes, grown);
        allocatedBytes = grown;
      }
      // Overwrites zeros in place: with O_DSYNC one call is durable, and the file size does not change.
      await handle.write(line, 0, line.length, journalBytes);
      if (journalFlags === 'r+') await handle.datasync();
    } catch (error) {
      // A half-written line would glue onto the next batch: zero it again (best effort).
      await handle.write(Buffer.alloc(line.length), 0, line.length, journalBytes).catch(() => undefined);
      throw error;
    }
    journalBytes += line.length;
  }

  async function compact(): Promise<void> {
    const next = generation + 1;
    const text = Buffer.from(JSON.stringify({ ...store().snapshot(), generation: next }));
    const target = join(dataDir, stateFileName);
    const temp = `${target}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.write(text, 0, text.length, 0);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncDirectory(dataDir);
    // From here the new snapshot is the truth; the old journal is history.
    const previous = journal;
    const previousGeneration = generation;
    journal = await openJournal(next, 0);
    generation = next;
    journalBytes = 0;
    snapshotBytes = text.length;
    await previous?.close();
    await rm(join(dataDir, journalFileName(previousGeneration)), { force: true });
  }

  /** Writes one batch (or a snapshot); false when the write failed (its waiters are told). */
  async function commitBatch(): Promise<boolean> {
    const target = changeSequence;
    const changes = store().takeChanges();
    const started = performance.now();
    inFlight = changes;
    try {
      if (snapshotWanted || changes.replaced || journalBytes > Math.max(minimumCompactionBytes, 2 * snapshotBytes)) {
        await compact();
        snapshotWanted = false;
      } else await append(changes);
    } catch (error) {
      store().restoreChanges(changes);
      inFlight = undefined;
      const failure = new Error(`the sandbox state could not be saved in ${dataDir}: ${(error as Error).message}`);
      log(`sandbox: ${failure.message}`);
      settle(target, failure);
      return false;
    }
    inFlight = undefined;
    durableSequence = target;
    lastCommitMs = performance.now() - started;
    lastBatchWaiters = settle(target);
    return true;
  }

  /** Settles the waiters up to `upTo`; returns how many. */
  function settle(upTo: number, failure?: Error): number {
    const done = waiters.filter((waiter) => waiter.sequence <= upTo);
    waiters = waiters.filter((waiter) => waiter.sequence > upTo);
    for (const waiter of done) {
      if (failure) waiter.reject(failure);
      else waiter.resolve();
    }
    return done.length;
  }

  function startCommit(): void {
    scheduled = false;
    if (windowTimer) clearTimeout(windowTimer);
    windowTimer = undefined;
    if (running) return;
    running = commitBatch().then((ok) => {
      running = undefined;
      // After a failure retry only for newer writers (a full disk must not spin).
      if (ok ? durableSequence < changeSequence || snapshotWanted : waiters.length > 0) kick();
    });
  }

  /**
   * Group commit: the clients answered by the last batch are given up to 1 ms to send their next writes, so
   * they share the next fsync instead of splitting into alternating half-batches. A lone client (last batch
   * of one) never waits.
   */
  function kick(): void {
    if (running || scheduled || closing) return;
    scheduled = true;
    if (waiters.length >= lastBatchWaiters) setImmediate(startCommit);
    else windowTimer = setTimeout(startCommit, Math.min(5, Math.max(1, Math.round(lastCommitMs))));
  }

  function durable(): Promise<void> | undefined {
    if (durableSequence >= changeSequence && !snapshotWanted) return undefined;
    return new Promise<void>((resolve, reject) => {
      waiters.push({ sequence: changeSequence, resolve, reject });
      if (windowTimer && waiters.length >= lastBatchWaiters) {
        clearTimeout(windowTimer);
        windowTimer = undefined;
        setImmediate(startCommit);
      } else kick();
    });
  }

  // A reset replaces the files before anything is served; otherwise continue the journal of the snapshot.
  if (loaded.needsSnapshot) await compact();
  else journal = await openJournal(generation, loaded.journalBytes);

  return {
    changed() {
      changeSequence += 1;
      kick();
    },
    durable,
    durableRequest(id) {
      const unsaved = store().hasPendingRequest(id) || (inFlight !== undefined && (inFlight.replaced || inFlight.requests.has(id)));
      return unsaved ? durable() : undefined;
    },
    async close() {
      closing = true;
      if (windowTimer) {
        clearTimeout(windowTimer);
        windowTimer = undefined;
        scheduled = false;
      }
      while (running || scheduled) await (running ?? new Promise((resolve) => setImmediate(resolve)));
      snapshotWanted = true;
      await commitBatch();
      await journal?.close();
      await releaseLock(dataDir);
    },
  };
}
