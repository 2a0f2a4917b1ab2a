/**
 * One refresh of the offline copy at a time for the whole page, whoever starts it (the applications' first
 * screen by itself on a first launch, the editor's "Download now", Settings): every screen shows the same
 * progress. Not React: `subscribe`/`snapshot` suit `useSyncExternalStore`.
 */
import type { Bridge } from '../../shared/bridge.ts';
import type { NcgDatabase } from './database.ts';
import { refreshDictionaries, type RefreshOutcome, type RefreshProgress } from './dictionary-refresh.ts';
import { categoriesInUse } from './drafts.ts';

export type RefreshRunState =
  | { state: 'idle' }
  | { state: 'running'; progress: RefreshProgress | undefined }
  | { state: 'done'; progress: RefreshProgress | undefined; outcome: RefreshOutcome }
  | { state: 'failed'; progress: RefreshProgress | undefined; error: unknown };

export interface DictionaryRefreshRunner {
  snapshot(): RefreshRunState;
  subscribe(listener: () => void): () => void;
  /** Starts a refresh unless one is running; resolves when it ends (never rejects: a failure is in the state). */
  start(): Promise<RefreshRunState>;
}

const runners = new WeakMap<NcgDatabase, WeakMap<Bridge, DictionaryRefreshRunner>>();

export function dictionaryRefreshRunner(bridge: Bridge, db: NcgDatabase): DictionaryRefreshRunner {
  let byBridge = runners.get(db);
  if (!byBridge) runners.set(db, (byBridge = new WeakMap()));
  let runner = byBridge.get(bridge);
  if (!runner) byBridge.set(bridge, (runner = createRunner(bridge, db)));
  return runner;
}

function createRunner(bridge: Bridge, db: NcgDatabase): DictionaryRefreshRunner {
  let current: RefreshRunState = { state: 'idle' };
  let running: Promise<RefreshRunState> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: RefreshRunState) => {
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      running ??= (async (): Promise<RefreshRunState> => {
        let progress: RefreshProgress | undefined;
        set({ state: 'running', progress });
        try {
          const outcome = await refreshDictionaries(bridge, db, {
            categoriesInUse: await categoriesInUse(db),
            onProgress: (next) => {
              progress = next;
              set({ state: 'running', progress });
            },
          });
          set({ state: 'done', progress, outcome });
        } catch (error) {
          set({ state: 'failed', progress, error });
        } finally {
          running = undefined;
        }
        return current;
      })();
      return running;
    },
  };
}
