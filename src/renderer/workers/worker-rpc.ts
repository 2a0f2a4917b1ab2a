/**
 * Request/answer over `postMessage`, for the page's own workers: each request carries an id, the worker answers
 * with the same id, and a crashed worker (out of memory on a huge photo, say) fails every open request instead of
 * leaving the UI waiting forever.
 */

/** A failure as it crosses the worker boundary: Error objects lose their class on the way. */
export interface WorkerFailure {
  code: string;
  message: string;
}

export type WorkerAnswer<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; failure: WorkerFailure };
export interface WorkerRequest<Payload> {
  id: number;
  payload: Payload;
}

/** An error with a code the UI can translate. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

export interface WorkerClient<Payload, Result> {
  call(payload: Payload): Promise<Result>;
  /** Stops the worker; open requests fail. The next call starts a new one. */
  dispose(): void;
}

/** A client that starts its worker on the first call and keeps it for the next ones. */
export function createWorkerClient<Payload, Result>(startWorker: () => Worker): WorkerClient<Payload, Result> {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker();
    started.addEventListener('message', (event: MessageEvent<WorkerAnswer<Result>>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (!request) return;
      pending.delete(answer.id);
      if (answer.ok) request.resolve(answer.result);
      else request.reject(new WorkerError(answer.failure.code, answer.failure.message));
    });
    started.addEventListener('error', (event) => {
      // An uncaught error or a crash: the worker's state is unknown, so start afresh next time.
      event.preventDefault();
      stop();
      failAll(new WorkerError('crashed', event.message || 'the worker stopped'));
    });
    started.addEventListener('messageerror', () => failAll(new WorkerError('crashed', 'a message could not be read')));
    worker = started;
    return started;
  };

  return {
    call(payload) {
      const target = ensureWorker();
      const id = nextId++;
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: WorkerRequest<Payload> = { id, payload };
        target.postMessage(request);
      });
    },
    dispose() {
      stop();
      failAll(new WorkerError('disposed', 'the worker was stopped'));
    },
  };
}

/** What a worker's global scope offers (typed here because the page's TypeScript lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Inside a worker: answers each request with `handle`'s result, or its error as a `WorkerFailure`. */
export function serveRequests<Payload, Result>(handle: (payload: Payload) => Promise<Result>): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (event: MessageEvent<WorkerRequest<Payload>>) => {
    const { id, payload } = event.data;
    handle(payload).then(
      (result) => scope.postMessage({ id, ok: true, result } satisfies WorkerAnswer<Result>),
      (error: unknown) => {
        const failure: WorkerFailure =
          error instanceof WorkerError ? { code: error.code, message: error.message } : { code: 'failed', message: error instanceof Error ? error.message : String(error) };
        scope.postMessage({ id, ok: false, failure } satisfies WorkerAnswer<Result>);
      },
    );
  });
}
