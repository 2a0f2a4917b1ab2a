/**
 * The one channel between the page and its workers: typed calls over Comlink, with progress, cancellation,
 * transferables and crash reporting. Every worker of the page speaks it; do not hand-write another protocol.
 *
 * In the worker, expose plain async functions; each takes one structured-clone-safe input and, optionally, the
 * call's `Job` (progress, cancellation):
 *
 *     const api = {
 *       async check(input: { file: File }, job: Job<{ done: number; total: number }>) {
 *         for (…) { job.throwIfCancelled(); …; job.progress({ done, total }); }
 *         return transfer({ bytes }, [bytes.buffer]); // moved to the page, not copied
 *       },
 *     };
 *     export type CheckApi = typeof api;
 *     exposeWorker(api);
 *
 * In the page (`import type` the api, so the worker's code stays in the worker's bundle):
 *
 *     const checker = connectWorker<CheckApi>(() => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'check' }));
 *     const controller = new AbortController();
 *     const result = await checker.api.check({ file }, { onProgress: setProgress, signal: controller.signal });
 *     checker.dispose(); // or keep it: the worker starts on the first call and serves the next ones
 *
 * Failures reach the page as `WorkerError` with a `code` to translate, never as a bare message: an error
 * thrown in the worker keeps its string `code` property (else `failed`); a worker that dies (uncaught error,
 * unreadable message, failed load) rejects every open call with `crashed` and is started afresh on the next
 * call; `dispose()` rejects open calls with `disposed`; `job.throwIfCancelled()` throws `cancelled`.
 * Aborting the signal only tells the worker: the call settles with whatever the worker then returns or throws
 * (an import stopped after its current batch still reports what it saved). Every progress reported before the
 * answer reaches `onProgress` before the call settles.
 *
 * Workers that need the catalogue get a `MessagePort` from the page (see catalogue-port.ts) in their input.
 */
import * as Comlink from 'comlink';

/** A failure as the page sees it: a code the UI translates, and a message for logs only. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** Codes of the channel itself; workers add their own. */
export const rpcFailureCodes = { crashed: 'crashed', disposed: 'disposed', cancelled: 'cancelled', failed: 'failed', unknownMethod: 'unknownMethod' } as const;

/** What a worker function gets besides its input. */
export interface Job<Progress = never> {
  /** Tells the caller how far the work is (dropped when the caller gave no `onProgress`). */
  progress(value: Progress): void;
  /** Aborted when the caller aborts its `signal`. */
  readonly signal: AbortSignal;
  /** Throws `WorkerError('cancelled')` once the caller has aborted. */
  throwIfCancelled(): void;
}

export interface CallOptions<Progress> {
  onProgress?: ((value: Progress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

type ProgressOf<Args> = Args extends [unknown, Job<infer Progress>, ...unknown[]] ? Progress : never;
type CallArgs<Args extends unknown[]> = Args extends [] ? [input?: void, options?: CallOptions<never>] : [input: Args[0], options?: CallOptions<ProgressOf<Args>>];

/** The page's view of a worker's api: each function takes its input and call options, and answers a promise. */
export type RemoteApi<Api> = {
  [Name in keyof Api]: Api[Name] extends (...args: infer Args) => infer Result ? (...args: CallArgs<Args>) => Promise<Awaited<Result>> : never;
};

export interface WorkerConnection<Api> {
  readonly api: RemoteApi<Api>;
  /** Stops the worker; open calls fail with `disposed`. A later call starts a new worker. */
  dispose(): void;
}

const marked = new WeakMap<object, Transferable[]>();

/** Marks `value` so that these buffers (ports, bitmaps…) are moved across, not copied. Returns `value`. */
export function transfer<Value extends object>(value: Value, transferables: Transferable[]): Value {
  marked.set(value, transferables);
  return value;
}

// ---- what travels (internal)

interface WireRequest {
  method: string;
  input: unknown;
  /** Progress (worker → page) and cancellation (page → worker) of this call. */
  port: MessagePort;
}
type WireAnswer = { ok: true; value: unknown } | { ok: false; code: string; message: string };
/** On a call's port: progress and, last, `end` (so the page has every progress before it settles); `cancel` back. */
type PortMessage = { type: 'progress'; value: unknown } | { type: 'end' } | { type: 'cancel' };
interface Dispatcher {
  dispatch(request: WireRequest): Promise<WireAnswer>;
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code !== '') return error.code;
  return rpcFailureCodes.failed;
}

// ---- the worker's side

/** Inside a worker: serves `api`'s functions to the page. */
export function exposeWorker<Api extends object>(api: Api): void {
  const dispatcher: Dispatcher = {
    async dispatch({ method, input, port }) {
      const run: unknown = (api as Record<string, unknown>)[method];
      if (typeof run !== 'function') {
        port.postMessage({ type: 'end' } satisfies PortMessage);
        port.close();
        return { ok: false, code: rpcFailureCodes.unknownMethod, message: `no worker function "${method}"` };
      }
      const controller = new AbortController();
      port.addEventListener('message', (event: MessageEvent<PortMessage>) => {
        if (event.data.type === 'cancel') controller.abort();
      });
      port.start();
      const job: Job<unknown> = {
        progress: (value) => port.postMessage({ type: 'progress', value } satisfies PortMessage),
        signal: controller.signal,
        throwIfCancelled: () => {
          if (controller.signal.aborted) throw new WorkerError(rpcFailureCodes.cancelled, 'the call was cancelled');
        },
      };
      try {
        const value: unknown = await (run as (input: unknown, job: Job<unknown>) => unknown).call(api, input, job);
        const transferables = typeof value === 'object' && value !== null ? marked.get(value) : undefined;
        const answer: WireAnswer = { ok: true, value };
        return transferables ? Comlink.transfer(answer, transferables) : answer;
      } catch (error) {
        return { ok: false, code: codeOf(error), message: error instanceof Error ? error.message : String(error) };
      } finally {
        port.postMessage({ type: 'end' } satisfies PortMessage);
        port.close();
      }
    },
  };
  Comlink.expose(dispatcher);
}

// ---- the page's side

interface Running {
  worker: Worker;
  remote: Comlink.Remote<Dispatcher>;
}

/** In the page: a typed remote of the worker `start` creates. The worker starts on the first call. */
export function connectWorker<Api extends object>(start: () => Worker): WorkerConnection<Api> {
  let running: Running | undefined;
  const open = new Set<(error: WorkerError) => void>();

  const failAll = (error: WorkerError) => {
    for (const fail of [...open]) fail(error);
    open.clear();
  };
  const stop = () => {
    if (!running) return;
    running.remote[Comlink.releaseProxy]();
    running.worker.terminate();
    running = undefined;
  };

  const ensure = (): Running => {
    if (running) return running;
    const worker = start();
    const crashed = (detail: string) => {
      // The worker's state is unknown after this: drop it; the next call starts a fresh one.
      if (running?.worker !== worker) return;
      stop();
      failAll(new WorkerError(rpcFailureCodes.crashed, detail));
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crashed(event.message || 'the worker stopped');
    });
    worker.addEventListener('messageerror', () => crashed('a message from the worker could not be read'));
    running = { worker, remote: Comlink.wrap<Dispatcher>(worker) };
    return running;
  };

  const call = (method: string, input: unknown, options: CallOptions<unknown> = {}): Promise<unknown> => {
    const { remote } = ensure();
    const channel = new MessageChannel();
    const { onProgress, signal } = options;
    const cancel = () => channel.port1.postMessage({ type: 'cancel' } satisfies PortMessage);
    let ended: () => void = () => undefined;
    const allProgressIn = new Promise<void>((resolve) => {
      ended = resolve;
    });
    channel.port1.addEventListener('message', (event: MessageEvent<PortMessage>) => {
      if (event.data.type === 'progress') onProgress?.(event.data.value);
      else if (event.data.type === 'end') ended();
    });
    channel.port1.start();
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });

    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        open.delete(fail);
        signal?.removeEventListener('abort', cancel);
        channel.port1.close();
      };
      const fail = (error: WorkerError) => {
        if (settled) return;
        finish();
        reject(error);
      };
      open.add(fail);
      const inputTransfers = typeof input === 'object' && input !== null ? (marked.get(input) ?? []) : [];
      const request = Comlink.transfer<WireRequest>({ method, input, port: channel.port2 }, [...inputTransfers, channel.port2]);
      const settle = (answer: WireAnswer) => {
        if (settled) return;
        finish();
        if (answer.ok) resolve(answer.value);
        else reject(new WorkerError(answer.code, answer.message));
      };
      remote.dispatch(request).then(
        // The answer and the progress travel on two channels: settle once the last progress is in.
        (answer) => void allProgressIn.then(() => settle(answer)),
        (error: unknown) => fail(new WorkerError(rpcFailureCodes.failed, error instanceof Error ? error.message : String(error))),
      );
    });
  };

  const api = new Proxy({} as RemoteApi<Api>, {
    // `then` stays undefined, so the api object is not mistaken for a promise.
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? (input: unknown, options?: CallOptions<unknown>) => call(method, input, options) : undefined),
  });

  return {
    api,
    dispose() {
      stop();
      failAll(new WorkerError(rpcFailureCodes.disposed, 'the worker was stopped'));
    },
  };
}
