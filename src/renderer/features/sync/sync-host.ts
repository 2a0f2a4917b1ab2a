/**
 * Runs the sync engine in the page, at most once per profile: a Web Lock (`ncg-sync-engine`) is held by the
 * window that runs it; another window only shows the records (they are in the shared database) and takes
 * over when the first one closes. The engine starts whenever pending records appear, pauses with the
 * browser's offline event and resumes on online, and follows moderation with a batched poll: gently
 * (every `slowPollMs`), faster for a while right after a send.
 */
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import type { RequestShort } from '../../../shared/catalogue/dto.ts';
import { SyncEngine, type PollResult } from '../../../shared/sync/engine.ts';
import { appStateOf, needsOfficer } from '../../../shared/sync/status.ts';
import type { EngineSnapshot, SyncRecord } from '../../../shared/sync/types.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { watchPendingSyncRecords } from '../../db/sync-hooks.ts';
import { adoptCatalogueRequest, createDexieSyncStore } from '../../db/sync-store.ts';
import { bridgeCatalogue } from './bridge-catalogue.ts';

export interface SyncHostOptions {
  concurrency?: number;
  fastPollMs?: number;
  slowPollMs?: number;
  /** How long after a send the fast poll lasts. */
  fastPollWindowMs?: number;
  /** An application entered a state that needs the officer. */
  onNeedsOfficer?: (record: SyncRecord) => void;
  lockName?: string;
}

export interface SyncHost {
  /** The engine when this window runs it; undefined while another window holds the lock. */
  readonly engine: () => SyncEngine | undefined;
  snapshot(): EngineSnapshot | undefined;
  subscribe(listener: () => void): () => void;
  pollNow(): Promise<PollResult | undefined>;
  /** Requests of the same key no local application holds, as of the last poll. */
  foreign(): readonly RequestShort[];
  /** Makes a local application of a request made elsewhere; resolves to its id (null: already adopted or no schema). */
  adopt(requestId: number): Promise<string | null>;
  /** A new engine after a stop (wrong key fixed, address corrected); the records carry on where they were. */
  restart(): void;
  dispose(): void;
}

export function startSyncHost(bridge: Bridge, db: NcgDatabase, options: SyncHostOptions = {}): SyncHost {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  let engine: SyncEngine | undefined;
  let snapshot: EngineSnapshot | undefined;
  let foreign: readonly RequestShort[] = [];
  let disposed = false;
  let lastSend = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let releaseLock: (() => void) | undefined;
  const cleanups: (() => void)[] = [];

  const poll = async (): Promise<PollResult | undefined> => {
    if (!engine) return undefined;
    try {
      const result = await engine.poll();
      foreign = result.foreign;
      notify();
      for (const record of result.changed) if (needsOfficer(appStateOf(record))) options.onNeedsOfficer?.(record);
      return result;
    } catch {
      return undefined; // offline or refused: the next cycle tries again
    }
  };

  const schedulePoll = () => {
    if (disposed) return;
    const fast = Date.now() - lastSend < (options.fastPollWindowMs ?? 120_000);
    pollTimer = setTimeout(() => {
      void poll().finally(schedulePoll);
    }, fast ? (options.fastPollMs ?? 5_000) : (options.slowPollMs ?? 60_000));
  };

  const start = () => {
    engine = new SyncEngine({
      store: createDexieSyncStore(db),
      catalogue: bridgeCatalogue(bridge),
      concurrency: options.concurrency ?? 4,
      onState: (next) => {
        snapshot = next;
        notify();
      },
    });
    let running = false;
    const runWhilePending = async () => {
      if (running || !engine) return;
      running = true;
      try {
        await engine.run();
        lastSend = Date.now();
        await poll();
      } finally {
        running = false;
      }
    };
    cleanups.push(watchPendingSyncRecords(db, (pending) => {
      if (pending > 0) void runWhilePending();
    }));
    const online = () => engine?.online();
    const offline = () => engine?.offline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    cleanups.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    });
    if (!navigator.onLine) engine.offline();
    schedulePoll();
    notify();
  };

  const lockName = options.lockName ?? 'ncg-sync-engine';
  if ('locks' in navigator) {
    void navigator.locks.request(lockName, () =>
      new Promise<void>((resolve) => {
        releaseLock = resolve;
        if (disposed) return resolve();
        start();
      }),
    );
  } else {
    start();
  }

  return {
    engine: () => engine,
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pollNow: poll,
    foreign: () => foreign,
    async adopt(requestId) {
      const details = await callCatalogue(bridge, 'getDetails', { id: requestId });
      const id = await adoptCatalogueRequest(db, details);
      foreign = foreign.filter((item) => item.id !== requestId);
      notify();
      return id;
    },
    restart() {
      if (!engine || disposed) return;
      if (pollTimer) clearTimeout(pollTimer);
      for (const cleanup of cleanups.splice(0)) cleanup();
      engine.stop();
      start();
    },
    dispose() {
      disposed = true;
      if (pollTimer) clearTimeout(pollTimer);
      for (const cleanup of cleanups.splice(0)) cleanup();
      engine?.stop();
      engine = undefined;
      releaseLock?.();
    },
  };
}
