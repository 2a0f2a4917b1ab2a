/**
 * The window's copy runner in a real browser (real Web Locks, real timers), with the worker calls replaced by
 * scripted ones: a partial download goes on by itself after the network comes back, retries with pauses while
 * the catalogue does not answer, never runs twice across windows, and a user's stop holds.
 */
import { describe, expect, it } from 'vitest';
import type { CopyState } from '../../src/renderer/db/catalogue-copy.ts';
import { emptyCopyState } from '../../src/renderer/db/catalogue-copy.ts';
import type { RunOptions } from '../../src/renderer/features/inspection/copy-client.ts';
import { createCopyRunner, type CopyRunner, type RunnerDeps, type RunnerStatus } from '../../src/renderer/features/inspection/copy-runner.ts';
import type { CopyRunResult } from '../../src/renderer/features/inspection/copy-sync.ts';
import { WorkerError } from '../../src/renderer/workers/rpc.ts';

const partial: CopyState = { ...emptyCopyState, status: 'partial', resumeUrl: 'https://feed.test/ofd/?page=3', count: 300 };
const complete = (count: number): CopyRunResult => ({ outcome: 'complete', stored: count, added: count, held: count, copyDate: '2026-11-28T08:00:00.000Z' });
const networkDown = () => new WorkerError('network', JSON.stringify({ detail: 'network' }));

/** A scripted copy: each download call runs the next step of `steps`. */
function scripted(steps: ((options: RunOptions) => Promise<CopyRunResult>)[], overrides: Partial<RunnerDeps> = {}) {
  let state: CopyState = partial;
  const calls: RunOptions[] = [];
  const statuses: RunnerStatus[] = [];
  const events = new EventTarget();
  let online = true;
  const deps: RunnerDeps = {
    download: (options) => {
      calls.push(options);
      const step = steps[calls.length - 1];
      if (!step) throw new Error('no more steps');
      return step(options).then((result) => {
        if (result.outcome === 'complete') state = { ...state, status: 'complete', resumeUrl: undefined };
        return result;
      });
    },
    importFile: () => Promise.reject(new Error('not used')),
    saveCopy: () => Promise.reject(new Error('not used')),
    copyState: async () => state,
    markStoppedByUser: async (stopped) => {
      state = { ...state, stoppedByUser: stopped };
    },
    lockName: `test-copy-${crypto.randomUUID()}`,
    retryDelaysMs: [20, 40],
    isOnline: () => online,
    events,
    ...overrides,
  };
  const runner = createCopyRunner(deps);
  runner.subscribe(() => statuses.push(runner.snapshot().status));
  return {
    runner,
    calls,
    statuses,
    deps,
    state: () => state,
    goOffline: () => (online = false),
    goOnline: () => {
      online = true;
      events.dispatchEvent(new Event('online'));
    },
  };
}

const idle = (runner: CopyRunner) => expect.poll(() => runner.snapshot().status.kind, { timeout: 5000 }).toBe('idle');

describe('catalogue copy runner', () => {
  it('a download that loses the network waits for it, then goes on from the stored resume point', async () => {
    const copy: ReturnType<typeof scripted> = scripted([
      async (options) => {
        options.onProgress?.({ phase: 'download', cards: 100, held: 400, rate: 100, secondsLeft: 3, fraction: 0.4 });
        copy.goOffline();
        throw networkDown();
      },
      async () => complete(600),
    ]);
    copy.runner.resumeIfPartial();
    await expect.poll(() => copy.runner.snapshot().status).toMatchObject({ kind: 'waiting', reason: 'offline' });
    // Waiting means waiting: the next call comes only with the network.
    expect(copy.calls).toHaveLength(1);
    copy.goOnline();
    await idle(copy.runner);
    expect(copy.calls).toHaveLength(2);
    expect(copy.runner.snapshot().outcome).toMatchObject({ kind: 'result', result: { outcome: 'complete', held: 600 } });
  });

  it('retries with growing pauses while online but unanswered, then gives up with the reason', async () => {
    const copy = scripted([async () => Promise.reject(networkDown()), async () => Promise.reject(networkDown()), async () => Promise.reject(networkDown())]);
    copy.runner.download();
    await idle(copy.runner);
    expect(copy.calls).toHaveLength(3);
    expect(copy.statuses.filter((status) => status.kind === 'waiting').map((status) => status.kind === 'waiting' && status.delayMs)).toEqual([20, 40]);
    expect(copy.runner.snapshot().outcome).toMatchObject({ kind: 'error', key: 'inspectionUi.copyErrors.network' });
  });

  it('does not retry a refused token', async () => {
    const copy = scripted([async () => Promise.reject(new WorkerError('unauthorised', '{}'))]);
    copy.runner.download();
    await idle(copy.runner);
    expect(copy.calls).toHaveLength(1);
    expect(copy.runner.snapshot().outcome).toMatchObject({ kind: 'error', key: 'inspectionUi.copyErrors.unauthorised' });
  });

  it('never runs two downloads at once across windows: a button says so, a resume waits and then finds the copy complete', async () => {
    let finish!: () => void;
    const first = scripted([() => new Promise<CopyRunResult>((resolve) => (finish = () => resolve(complete(600))))]);
    const sharedState = () => first.state();
    const second = scripted([async () => complete(0)], { lockName: first.deps.lockName, copyState: async () => sharedState() });
    first.runner.download();
    await expect.poll(() => first.calls.length).toBe(1);
    second.runner.download();
    await idle(second.runner);
    expect(second.runner.snapshot().outcome).toMatchObject({ kind: 'error', key: 'inspectionUi.copyErrors.elsewhere' });
    second.runner.resumeIfPartial();
    await expect.poll(() => second.runner.snapshot().status).toMatchObject({ kind: 'waiting', reason: 'elsewhere' });
    finish();
    await idle(first.runner);
    await idle(second.runner);
    expect(second.calls).toHaveLength(0);
  });

  it('a stop while waiting for the network holds: the download is not resumed by itself afterwards', async () => {
    const copy: ReturnType<typeof scripted> = scripted([
      async () => {
        copy.goOffline();
        throw networkDown();
      },
      async () => complete(600),
    ]);
    copy.runner.resumeIfPartial();
    await expect.poll(() => copy.runner.snapshot().status).toMatchObject({ kind: 'waiting', reason: 'offline' });
    copy.runner.stop();
    await idle(copy.runner);
    expect(copy.runner.snapshot().outcome).toMatchObject({ kind: 'result', result: { outcome: 'stopped', held: 300 } });
    expect(copy.state().stoppedByUser).toBe(true);
    copy.goOnline();
    copy.runner.resumeIfPartial();
    // The button is taken once the automatic run has looked and ended: had it downloaded, this would be a third call.
    await expect
      .poll(() => {
        copy.runner.download();
        return copy.runner.snapshot().status.kind;
      })
      .toBe('running');
    await idle(copy.runner);
    expect(copy.calls).toHaveLength(2);
    expect(copy.state().stoppedByUser).toBe(false);
  });

  it('waiting for the network holds no lock: another window imports a copy file meanwhile', async () => {
    const offline: ReturnType<typeof scripted> = scripted([
      async () => {
        offline.goOffline();
        throw networkDown();
      },
    ]);
    offline.runner.resumeIfPartial();
    await expect.poll(() => offline.runner.snapshot().status).toMatchObject({ kind: 'waiting', reason: 'offline' });
    const other = scripted([], { lockName: offline.deps.lockName, importFile: async () => complete(50) });
    other.runner.importFile(new Blob(['snapshot']));
    await idle(other.runner);
    expect(other.runner.snapshot().outcome).toMatchObject({ kind: 'result', task: 'import', result: { outcome: 'complete', held: 50 } });
    offline.runner.stop();
    await idle(offline.runner);
  });

  it('a window going away is no user stop: its download resumes by itself next time', async () => {
    const copy = scripted([
      (options) =>
        new Promise<CopyRunResult>((_, reject) => {
          options.signal?.addEventListener('abort', () => reject(new WorkerError('cancelled', '{}')));
        }),
    ]);
    copy.runner.resumeIfPartial();
    await expect.poll(() => copy.calls.length).toBe(1);
    copy.runner.dispose();
    await idle(copy.runner);
    expect(copy.state().stoppedByUser).not.toBe(true);
  });
});
