/** A worker for rpc.test.ts: each function exercises one property of the channel. */
import { catalogueOverPort } from '../../../src/renderer/workers/catalogue-port.ts';
import { exposeWorker, transfer, WorkerError, type Job } from '../../../src/renderer/workers/rpc.ts';

let kept: ArrayBuffer | undefined;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  add(input: { a: number; b: number }): number {
    return input.a + input.b;
  },
  async count(input: { to: number }, job: Job<{ done: number; total: number }>): Promise<number> {
    for (let done = 1; done <= input.to; done++) {
      await nextTask();
      job.progress({ done, total: input.to });
    }
    return input.to;
  },
  /** Progress posted in one burst right before the answer: the page must still get every one before it settles. */
  burst(input: { count: number }, job: Job<number>): number {
    for (let done = 1; done <= input.count; done++) job.progress(done);
    return input.count;
  },
  /** Counts until the caller aborts, then says how far it got: a stop that still reports its work. */
  async countUntilStopped(_input: void, job: Job<number>): Promise<{ counted: number; stopped: boolean }> {
    let counted = 0;
    while (!job.signal.aborted) {
      await nextTask();
      counted++;
      job.progress(counted);
    }
    return { counted, stopped: true };
  },
  async countUntilCancelled(_input: void, job: Job<number>): Promise<never> {
    for (let counted = 1; ; counted++) {
      await nextTask();
      job.throwIfCancelled();
      job.progress(counted);
    }
  },
  /** Receives a buffer (moved here), answers a new one moved back, and keeps it to prove it left. */
  sumAndKeep(input: { bytes: Uint8Array<ArrayBuffer> }): { sum: number; received: number; bytes: Uint8Array<ArrayBuffer> } {
    const sum = input.bytes.reduce((total, value) => total + value, 0);
    const bytes = new Uint8Array(4096).fill(7);
    kept = bytes.buffer;
    return transfer({ sum, received: input.bytes.byteLength, bytes }, [bytes.buffer]);
  },
  keptLength(): number {
    return kept?.byteLength ?? -1;
  },
  refuse(input: { code: string }): never {
    throw new WorkerError(input.code, `refused with ${input.code}`);
  },
  throwPlain(): never {
    throw new TypeError('not coded');
  },
  /** An error no call catches: the worker's 'error' event, as on a crash. */
  crashSoon(): Promise<never> {
    setTimeout(() => {
      throw new Error('boom');
    }, 0);
    return new Promise<never>(() => undefined);
  },
  async catalogue(input: { port: MessagePort; oktru: string }): Promise<unknown> {
    const call = catalogueOverPort(input.port);
    try {
      return { ok: true, value: await call('getGovCategoryAttributes', { oktru: input.oktru }) };
    } catch (error) {
      return { ok: false, kind: (error as { kind?: string }).kind, name: (error as Error).name };
    }
  },
};

export type RpcFixtureApi = typeof api;
exposeWorker(api);
