/**
 * Shared pieces of the sync tests: a sandbox, portal clients with fast retries, jobs with real files, the
 * sandbox's own request list as the oracle, a loopback TCP proxy that can go dark, and a kill switch that
 * makes an engine die at a chosen call or write (what `kill -9` does: nothing after that instant happens).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server.ts';
import { createPortalClient } from '../../../src/shared/catalogue/portal-client.ts';
import type { RequestShort } from '../../../src/shared/catalogue/dto.ts';
import type { CatalogueLimiter } from '../../../src/shared/sync/limiter.ts';
import type { SyncCatalogue, SyncFile, SyncJob, SyncStore } from '../../../src/shared/sync/types.ts';
import { jpegBytes, pdfBytes, validBody } from '../sandbox/fixtures.ts';

export async function sandboxFor(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, cards: 40, moderation: 'manual', log: () => {}, ...options });
}

export function clientFor(
  sandbox: RunningSandbox,
  options: { baseUrl?: string; apiKey?: string; limiter?: CatalogueLimiter; timeoutMs?: number } = {},
) {
  return createPortalClient({
    baseUrl: options.baseUrl ?? sandbox.portalBaseUrl,
    apiKey: options.apiKey ?? sandbox.apiKey,
    fetch: (...args) => fetch(...args),
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 40 },
    onRetry: options.limiter?.onRetry,
  });
}

/** Every request the sandbox holds for the key, whatever its status (the oracle for duplicates). */
export async function sandboxRequests(sandbox: RunningSandbox, prefix: string): Promise<RequestShort[]> {
  const client = clientFor(sandbox);
  const out: RequestShort[] = [];
  for await (const item of client.iterateRequests({ size: 100, maxPages: 1000 })) {
    if ((item.productData.nameRu ?? '').startsWith(prefix)) out.push(item);
  }
  return out;
}

let sequence = 0;
/** `count` jobs named `<prefix> …`, each with `photos` JPEGs (front, back, …) and `documents` PDFs. */
export function makeJobs(prefix: string, count: number, files: Map<string, Uint8Array>, options: { photos?: number; documents?: number; photoBytes?: number; publish?: boolean } = {}): SyncJob[] {
  const slots = ['front', 'back', 'left', 'right'] as const;
  return Array.from({ length: count }, (_, index) => {
    sequence += 1;
    const applicationId = `${prefix}-${String(index + 1)}`;
    const list: SyncFile[] = [];
    for (let photo = 0; photo < (options.photos ?? 0); photo += 1) {
      const id = `${applicationId}/photo-${String(photo)}`;
      const bytes = jpegBytes(options.photoBytes ?? 2048);
      bytes[10] = sequence % 256;
      files.set(id, bytes);
      list.push({ id, kind: 'photo', slot: slots[photo], name: `${slots[photo] ?? 'x'}.jpg`, size: bytes.length });
    }
    for (let doc = 0; doc < (options.documents ?? 0); doc += 1) {
      const id = `${applicationId}/doc-${String(doc)}`;
      const bytes = pdfBytes();
      files.set(id, bytes);
      list.push({ id, kind: 'document', name: `Декларация ${String(doc + 1)}.pdf`, size: bytes.length });
    }
    return { applicationId, body: validBody({ name: `${prefix} Қымыз «Әже» №${String(index + 1)}` }), files: list, revision: 1, publish: options.publish };
  });
}

export class Killed extends Error {
  constructor() {
    super('killed');
  }
}

/**
 * Wraps a store and a catalogue so that everything dies right after the `afterCalls`-th catalogue call
 * returned (its answer never reaches the engine) or right after the `afterWrites`-th durable write.
 */
export function killSwitch(store: SyncStore, catalogue: SyncCatalogue, at: { afterCalls?: number; afterWrites?: number }) {
  let dead = false;
  let calls = 0;
  let writes = 0;
  const alive = () => {
    if (dead) throw new Killed();
  };
  const deadStore: SyncStore = {
    list: async () => (alive(), store.list()),
    get: async (id) => (alive(), store.get(id)),
    readFile: async (job, file) => (alive(), store.readFile(job, file)),
    put: async (record) => {
      alive();
      await store.put(record);
      writes += 1;
      if (writes === at.afterWrites) dead = true;
    },
  };
  const wrapped = {} as Record<string, unknown>;
  for (const key of Object.keys(catalogue) as (keyof SyncCatalogue)[]) {
    const method = catalogue[key] as (...args: unknown[]) => Promise<unknown>;
    wrapped[key] = async (...args: unknown[]) => {
      alive();
      const result = await method(...args);
      calls += 1;
      if (calls === at.afterCalls) dead = true;
      alive();
      return result;
    };
  }
  return { store: deadStore, catalogue: wrapped as unknown as SyncCatalogue, isDead: () => dead, calls: () => calls, writes: () => writes };
}

/** The portal client's methods as the engine's catalogue port (bound, so they survive being wrapped). */
export function asCatalogue(client: ReturnType<typeof createPortalClient>): SyncCatalogue {
  return {
    listRequests: (q, o) => client.listRequests(q, o),
    createRequest: (b, o) => client.createRequest(b, o),
    updateRequest: (id, b, o) => client.updateRequest(id, b, o),
    submitForModeration: (id, o) => client.submitForModeration(id, o),
    publishRequest: (id, o) => client.publishRequest(id, o),
    cancelRequest: (id, o) => client.cancelRequest(id, o),
    deleteRequest: (id, o) => client.deleteRequest(id, o),
    getStatus: (id, o) => client.getStatus(id, o),
    getDuplicates: (id, o) => client.getDuplicates(id, o),
    decideDuplicates: (id, d, o) => client.decideDuplicates(id, d, o),
    uploadPhoto: (f, o) => client.uploadPhoto(f, o),
    uploadDocument: (f, o) => client.uploadDocument(f, o),
  };
}

/**
 * A loopback TCP proxy in front of the sandbox. `dark = true` drops every connection at once (the network
 * is gone); `cutAfterBytes` forwards that many bytes of a client's request and then cuts the connection
 * (a dropped upload), `cuts` times.
 */
export async function startProxy(target: RunningSandbox) {
  const { port: targetPort } = new URL(target.origin);
  const state = { dark: false, cutAfterBytes: 0, cuts: 0, cutDone: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (state.dark) return void client.destroy();
    const upstream = connect(Number(targetPort), '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    let forwarded = 0;
    const cutThis = state.cutDone < state.cuts && state.cutAfterBytes > 0;
    client.on('data', (chunk: Buffer) => {
      if (cutThis && forwarded + chunk.length > state.cutAfterBytes) {
        state.cutDone += 1;
        upstream.write(chunk.subarray(0, Math.max(0, state.cutAfterBytes - forwarded)));
        client.destroy();
        upstream.destroy();
        return;
      }
      forwarded += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}/gwp`,
    state,
    goDark() {
      state.dark = true;
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it is true (no fixed sleeps: the machine is busy). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
