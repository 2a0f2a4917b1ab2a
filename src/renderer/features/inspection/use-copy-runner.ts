/**
 * The copy runner of this window (one per database and bridge), its state for React, and the automatic resume
 * when the Inspection screen opens.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Bridge } from '../../../shared/bridge.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { readCopyState, updateCopyState } from '../../db/catalogue-copy.ts';
import { useDatabase } from '../../db/context.tsx';
import type { NcgDatabase } from '../../db/database.ts';
import { runDownload, runImport, runSaveCopy } from './copy-client.ts';
import { createCopyRunner, type CopyRunner, type RunnerSnapshot } from './copy-runner.ts';

let shared: { db: NcgDatabase; bridge: Bridge; runner: CopyRunner } | undefined;

function runnerFor(db: NcgDatabase, bridge: Bridge): CopyRunner {
  if (shared?.db === db && shared.bridge === bridge) return shared.runner;
  shared?.runner.dispose();
  const runner = createCopyRunner({
    download: (options) => runDownload(bridge, options),
    importFile: (file, options) => runImport(file, options),
    saveCopy: async (options) => runSaveCopy(bridge, (await readCopyState(db)).copyDate, options),
    copyState: () => readCopyState(db),
    markStoppedByUser: async (stopped) => {
      await updateCopyState(db, (state) => (state.stoppedByUser === stopped ? state : { ...state, stoppedByUser: stopped }));
    },
    lockName: `ncg-catalogue-copy:${db.name}`,
  });
  shared = { db, bridge, runner };
  return runner;
}

export function useCopyRunner(): CopyRunner {
  return runnerFor(useDatabase(), useBridge());
}

export function useCopyRunnerState(runner: CopyRunner): RunnerSnapshot {
  return useSyncExternalStore(runner.subscribe, runner.snapshot);
}

/** On opening the screen: a partial download the user did not stop goes on by itself. */
/** Whether this window's runner is idle (re-renders only when that changes, not at each progress). */
export function useCopyRunnerIdle(): boolean {
  const runner = useCopyRunner();
  return useSyncExternalStore(runner.subscribe, () => runner.snapshot().status.kind === 'idle');
}

export function useResumeCopyOnOpen(): void {
  const runner = useCopyRunner();
  useEffect(() => {
    runner.resumeIfPartial();
  }, [runner]);
}
