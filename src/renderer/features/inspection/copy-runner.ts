/**
 * The page's one runner of catalogue-copy work (download, import, saving the copy to a file). It outlives the
 * copy tab (a download keeps going, and keeps being shown, while the inspector scans) and makes sure of three
 * things:
 *
 * - one run at a time across every window of the app: all work happens under one Web Lock, as the sync engine
 *   does; a window that finds the lock taken waits for it (an automatic resume) or says so (a button);
 * - a partial download continues by itself: when the Inspection screen opens, when the network comes back,
 *   and after a dropped connection mid-download (waits for `online`, then retries with growing pauses) —
 *   each time from the last stored page (the worker's resume point), so nothing is fetched into the copy twice;
 * - the user can always stop, and a download they stopped waits for them (it is not resumed by itself).
 *
 * No React here (see use-copy-runner.ts); the worker calls and the copy's state come in as functions.
 */
import type { CopyState } from '../../db/catalogue-copy.ts';
import { copyErrorMessage, type RunOptions, type SavedCopy } from './copy-client.ts';
import type { CopyProgress, CopyRunResult } from './copy-sync.ts';

export type CopyTask = 'download' | 'import' | 'save';

export type RunnerStatus =
  | { kind: 'idle' }
  | { kind: 'running'; task: CopyTask; progress: CopyProgress | undefined }
  /** `offline`: waits for the network; `retry`: the catalogue did not answer, tries again after `delayMs`; `elsewhere`: another window holds the copy. */
  | { kind: 'waiting'; reason: 'offline' | 'retry' | 'elsewhere'; delayMs: number | undefined; attempt: number };

export type RunnerOutcome =
  | { kind: 'result'; task: 'download' | 'import'; result: CopyRunResult }
  | { kind: 'saved'; saved: SavedCopy }
  | { kind: 'error'; key: string; params: Record<string, string | number> };

export interface RunnerSnapshot {
  status: RunnerStatus;
  outcome: RunnerOutcome | undefined;
}

export interface RunnerDeps {
  download(options: RunOptions): Promise<CopyRunResult>;
  importFile(file: Blob, options: RunOptions): Promise<CopyRunResult>;
  saveCopy(options: RunOptions): Promise<SavedCopy>;
  copyState(): Promise<CopyState>;
  /** Records that the user stopped the download (or started it again). */
  markStoppedByUser(stopped: boolean): Promise<void>;
  /** The Web Lock shared by every window working on this copy. */
  lockName: string;
  /** Pauses before each retry while online; after the last, the run gives up (until the next `online`). */
  retryDelaysMs?: readonly number[];
  isOnline?: () => boolean;
  /** Where `online` is announced (the window). */
  events?: EventTarget;
}

export interface CopyRunner {
  snapshot(): RunnerSnapshot;
  subscribe(listener: () => void): () => void;
  /** The buttons: each says so when another window holds the copy. */
  download(): void;
  importFile(file: Blob): void;
  saveCopy(): void;
  /** Continues a partial download the user did not stop (waits for another window's run to end first). */
  resumeIfPartial(): void;
  stop(): void;
  dispose(): void;
}

const defaultRetryDelaysMs = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000];
/** Failures that a later try may not meet: the network, or a worker that died (started afresh next call). */
const retryableCodes = new Set(['inspectionUi.copyErrors.network', 'inspectionUi.copyErrors.crashed']);

class Stopped extends Error {}
/** Another window holds the copy and this run was not to wait for it (a button). */
class HeldElsewhere extends Error {}

/** Runs a step under the copy's cross-window lock; waiting (for the network, before a retry) happens outside it. */
type Locked = <T>(step: () => Promise<T>) => Promise<T>;

function abortable(signal: AbortSignal, wait: (done: () => void) => () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new Stopped());
    const onAbort = () => {
      cleanup();
      reject(new Stopped());
    };
    const cleanup = wait(() => {
      signal.removeEventListener('abort', onAbort);
      cleanup();
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createCopyRunner(deps: RunnerDeps): CopyRunner {
  const delays = deps.retryDelaysMs ?? defaultRetryDelaysMs;
  const isOnline = deps.isOnline ?? (() => navigator.onLine);
  const events = deps.events ?? globalThis;
  const listeners = new Set<() => void>();
  let current: RunnerSnapshot = { status: { kind: 'idle' }, outcome: undefined };
  let controller: AbortController | undefined;
  /** The run under way was stopped by the user (not by the window going away), so it waits for them. */
  let stopAsked = false;
  let disposed = false;

  const publish = (change: Partial<RunnerSnapshot>) => {
    current = { ...current, ...change };
    for (const listener of [...listeners]) listener();
  };
  const waitOnline = (signal: AbortSignal) =>
    abortable(signal, (done) => {
      events.addEventListener('online', done);
      return () => events.removeEventListener('online', done);
    });
  /** A pause that ends early when the network comes back. */
  const pause = (ms: number, signal: AbortSignal) =>
    abortable(signal, (done) => {
      const timer = setTimeout(done, ms);
      events.addEventListener('online', done);
      return () => {
        clearTimeout(timer);
        events.removeEventListener('online', done);
      };
    });

  /** Runs `work` under the lock; `undefined` when another window holds it and `wait` is false. */
  async function underLock<T>(wait: boolean, signal: AbortSignal, work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (typeof navigator === 'undefined' || !navigator.locks) return { value: await work() };
    const now = await navigator.locks.request(deps.lockName, { ifAvailable: true }, async (lock) => (lock ? { value: await work() } : undefined));
    if (now || !wait) return now;
    publish({ status: { kind: 'waiting', reason: 'elsewhere', delayMs: undefined, attempt: 0 } });
    try {
      return await navigator.locks.request(deps.lockName, { signal }, async () => ({ value: await work() }));
    } catch (error) {
      if (signal.aborted) throw new Stopped();
      throw error;
    }
  }

  async function stoppedOutcome(task: 'download' | 'import'): Promise<RunnerOutcome> {
    const state = await deps.copyState();
    return { kind: 'result', task, result: { outcome: 'stopped', stored: 0, added: 0, held: state.count, copyDate: state.copyDate } };
  }

  async function resumable(): Promise<boolean> {
    const state = await deps.copyState();
    return state.status === 'partial' && state.resumeUrl !== undefined && state.stoppedByUser !== true;
  }

  /**
   * The download, again and again from the stored resume point while the failures are the network's. Each try
   * holds the lock; the waits between tries do not, so an offline window never keeps another from importing.
   */
  async function downloadUntilDone(signal: AbortSignal, auto: boolean, locked: Locked): Promise<RunnerOutcome | undefined> {
    if (auto) {
      if (!(await resumable())) return undefined;
    } else await deps.markStoppedByUser(false);
    let attempt = 0;
    for (;;) {
      if (!isOnline()) {
        publish({ status: { kind: 'waiting', reason: 'offline', delayMs: undefined, attempt } });
        await waitOnline(signal);
      }
      let progressed = false;
      try {
        const result = await locked(async () => {
          // Another window may have completed (or its user stopped) the copy meanwhile.
          if (auto && !(await resumable())) return undefined;
          publish({ status: { kind: 'running', task: 'download', progress: undefined } });
          return deps.download({
            signal,
            onProgress: (progress) => {
              progressed = true;
              publish({ status: { kind: 'running', task: 'download', progress } });
            },
          });
        });
        return result === undefined ? undefined : { kind: 'result', task: 'download', result };
      } catch (error) {
        if (signal.aborted) throw new Stopped();
        if (error instanceof HeldElsewhere) throw error;
        const message = copyErrorMessage(error);
        if (!retryableCodes.has(message.key)) return { kind: 'error', ...message };
        // Pages were stored since the last failure: the connection works again, count afresh.
        if (progressed) attempt = 0;
        if (!isOnline()) continue;
        const delay = delays[attempt];
        if (delay === undefined) return { kind: 'error', ...message };
        attempt += 1;
        publish({ status: { kind: 'waiting', reason: 'retry', delayMs: delay, attempt }, outcome: { kind: 'error', ...message } });
        await pause(delay, signal);
      }
    }
  }

  function start(task: CopyTask, auto: boolean, work: (signal: AbortSignal, locked: Locked) => Promise<RunnerOutcome | undefined>): void {
    if (controller || disposed) return;
    const own = new AbortController();
    controller = own;
    stopAsked = false;
    publish({ status: auto ? current.status : { kind: 'running', task, progress: undefined }, outcome: auto ? current.outcome : undefined });
    const locked: Locked = async (step) => {
      const ran = await underLock(auto, own.signal, step);
      if (!ran) throw new HeldElsewhere();
      return ran.value;
    };
    // Only the user's stop makes a download wait for them; a window going away leaves it to resume.
    const markStopped = async () => {
      if (task === 'download' && stopAsked) await deps.markStoppedByUser(true);
    };
    void (async () => {
      let outcome: RunnerOutcome | undefined;
      try {
        outcome = await work(own.signal, locked).catch(async (error: unknown) => {
          if (!(error instanceof Stopped)) throw error;
          // Stopped while waiting (for the network, a retry or the lock).
          await markStopped();
          return task === 'save' ? undefined : stoppedOutcome(task);
        });
        if (outcome?.kind === 'result' && outcome.result.outcome === 'stopped') await markStopped();
      } catch (error) {
        // A stop is no failure (a save stopped midway throws in the worker).
        if (error instanceof HeldElsewhere) outcome = { kind: 'error', key: 'inspectionUi.copyErrors.elsewhere', params: {} };
        else outcome = error instanceof Stopped || own.signal.aborted ? undefined : { kind: 'error', ...copyErrorMessage(error) };
      } finally {
        controller = undefined;
      }
      publish({ status: { kind: 'idle' }, outcome: outcome ?? (auto ? current.outcome : undefined) });
    })();
  }

  const onOnline = () => runner.resumeIfPartial();
  events.addEventListener('online', onOnline);

  const runner: CopyRunner = {
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download: () => start('download', false, (signal, locked) => downloadUntilDone(signal, false, locked)),
    resumeIfPartial: () => start('download', true, (signal, locked) => downloadUntilDone(signal, true, locked)),
    importFile: (file) =>
      start('import', false, (signal, locked) =>
        locked(async () => ({
          kind: 'result',
          task: 'import',
          result: await deps.importFile(file, { signal, onProgress: (progress) => publish({ status: { kind: 'running', task: 'import', progress } }) }),
        })),
      ),
    saveCopy: () =>
      start('save', false, (signal, locked) =>
        locked(async () => ({
          kind: 'saved',
          saved: await deps.saveCopy({ signal, onProgress: (progress) => publish({ status: { kind: 'running', task: 'save', progress } }) }),
        })),
      ),
    stop: () => {
      stopAsked = true;
      controller?.abort();
    },
    dispose() {
      disposed = true;
      events.removeEventListener('online', onOnline);
      controller?.abort();
      listeners.clear();
    },
  };
  return runner;
}
