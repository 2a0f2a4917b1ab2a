/**
 * The page's side of the import worker: typed calls with progress, and a crashed worker (out of memory on a
 * giant file) failing every open call instead of leaving the page waiting.
 */
import type { FromWorker, ImportCallKind, ImportCalls, ToWorker, WorkerProgress } from './import-protocol.ts';

export class ImportWorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

export interface ImportClient {
  call<K extends ImportCallKind>(kind: K, request: ImportCalls[K]['request'], options?: { onProgress?: (progress: WorkerProgress) => void }): Promise<ImportCalls[K]['result']>;
  /** Asks a running commit to end after its current batch. */
  stop(): void;
  dispose(): void;
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: ((progress: WorkerProgress) => void) | undefined;
}

export function startImportWorker(): Worker {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
}

export function createImportClient(start: () => Worker = startImportWorker): ImportClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const call = pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') {
        call.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'result') call.resolve(message.result);
      else call.reject(new ImportWorkerError(message.code, message.message));
    });
    started.addEventListener('error', (event) => {
      // The worker's state is unknown after an uncaught error: drop it; the next call starts a fresh one.
      event.preventDefault();
      started.terminate();
      worker = undefined;
      failAll(new ImportWorkerError('crashed', event.message || 'the import worker stopped'));
    });
    worker = started;
    return started;
  };

  return {
    call(kind, request, options = {}) {
      const target = ensureWorker();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (result: unknown) => void, reject, onProgress: options.onProgress });
        const message = { id, kind, request } as ToWorker;
        target.postMessage(message);
      });
    },
    stop() {
      worker?.postMessage({ id: 0, kind: 'stop' } satisfies ToWorker);
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(new ImportWorkerError('disposed', 'the import worker was stopped'));
    },
  };
}
