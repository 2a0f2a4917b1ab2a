/**
 * One refresh of the offline copy at a time, whoever starts it (the shell by itself on a first launch, the
 * editor's "Download now", Settings): every screen of the page shows the same progress. Across windows of the
 * app (tabs of the web twin), a Web Lock keeps a second refresh from running over the first one's entries.
 * Not React: `subscribe`/`snapshot` suit `useSyncExternalStore`.
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

export interface StartOptions {
  /** While another window refreshes: wait for it, then run (the default), or start nothing. */
  otherWindow?: 'wait' | 'skip';
  /**
   * Asked once the refresh is this window's to run (after another window's ended), before anything shows:
   * false starts nothing and the state stays as it was.
   */
  onlyIf?: () => Promise<boolean>;
}

export interface DictionaryRefreshRunner {
  snapshot(): RefreshRunState;
  subscribe(listener: () => void): () => void;
  /**
   * Starts a refresh unless one is running (then it is that one); resolves when it ends, never rejects: a
   * failure is in the state.
   */
  start(options?: StartOptions): Promise<RefreshRunState>;
}

/** The Web Lock all windows of the app (one origin, one database) take for a refresh. */
export const refreshLockName = 'ncg-desk.catalogue-forms-refresh';

/** Runs `work` holding the refresh lock; `held` is false when `ifFree` and another window holds it. */
async function withRefreshLock<T>(ifFree: boolean, work: (held: boolean) => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // No Web Locks (an old runtime, Node): one window is all there is.
  if (!locks) return work(true);
  return locks.request(refreshLockName, { ifAvailable: ifFree }, (lock) => work(lock !== null));
}

/** Whether another window of the app (or this one) holds the refresh lock now. */
export async function refreshLockHeld(): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === refreshLockName);
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
  const run = async (): Promise<RefreshRunState> => {
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
    }
    return current;
  };
  // Whether the start under way is a conditional one (the launch's), which may end without downloading.
  let runningIsConditional = false;
  const runner: DictionaryRefreshRunner = {
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(options = {}) {
      if (running && runningIsConditional && !options.onlyIf) {
        // A click while the launch's own check is pending: once that check ends, the click is served unless it
        // has just downloaded (or is downloading) the forms.
        return running.then((state) => (state.state === 'done' || state.state === 'running' ? state : runner.start(options)));
      }
      if (!running) runningIsConditional = options.onlyIf !== undefined;
      running ??= (async (): Promise<RefreshRunState> => {
        const before = current;
        // An unconditional start shows at once, also while it waits for another window's refresh to end.
        if (!options.onlyIf) set({ state: 'running', progress: undefined });
        try {
          return await withRefreshLock(options.otherWindow === 'skip', async (held) => {
            if (held && (!options.onlyIf || (await options.onlyIf()))) return run();
            if (current !== before) set(before);
            return current;
          });
        } catch (error) {
          // The lock itself failed (a runtime quirk): said as a failed refresh, which can be tried again.
          set({ state: 'failed', progress: undefined, error });
          return current;
        } finally {
          running = undefined;
          runningIsConditional = false;
        }
      })();
      return running;
    },
  };
  return runner;
}
