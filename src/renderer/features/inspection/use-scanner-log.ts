import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { checkScan, type Verdict } from '../../../shared/inspection/index.ts';
import { ScanOrder } from '../../../shared/inspection/scan-order.ts';
import { readCopyState } from '../../db/catalogue-copy.ts';
import { copyLookup } from '../../db/copy-lookup.ts';
import { useDatabase } from '../../db/context.tsx';
import { useCopyState } from './hooks.ts';
import type { ScanEntry } from './VerdictCard.tsx';

/**
 * Verdicts the Scan tab keeps on screen (the inspection record keeps every line). Each one is live DOM that every
 * major garbage collection of the page must trace: at 200 a scan's lookup met their pauses (p99 4.3–7.6 ms at a
 * million cards), at 30 its p99 was 1.7–2.0 ms, under that of bare IndexedDB reads made between the same scans.
 */
const KEEP = 30;
/** A page that renders no frames (hidden) still records its scans: the follow-up runs after this at the latest. */
const FOLLOW_UP_LATEST_MS = 100;

/**
 * The latest verdicts, newest (highest scan number) first, outside React state: a scan re-renders only the list
 * that subscribes to it, not the whole Inspection screen.
 */
export class ScanEntries {
  private entries: readonly ScanEntry[] = [];
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): readonly ScanEntry[] => this.entries;

  add(entry: ScanEntry): void {
    // Each code has its place from when it arrived, so a burst answered out of order still lists in scan order.
    const at = this.entries.findIndex((held) => held.seq < entry.seq);
    const next = [...this.entries];
    next.splice(at === -1 ? next.length : at, 0, entry);
    this.publish(next.slice(0, KEEP));
  }

  clear(): void {
    this.publish([]);
  }

  private publish(entries: readonly ScanEntry[]): void {
    this.entries = entries;
    for (const listener of this.listeners) listener();
  }
}

export function useScanEntries(entries: ScanEntries): readonly ScanEntry[] {
  return useSyncExternalStore(entries.subscribe, entries.current);
}

/**
 * Work that follows the verdicts shown, run in the order they came once the frame under way has been rendered (or
 * soon, when the page renders no frames).
 */
class AfterFrameQueue {
  private pending: (() => void)[] = [];

  /** Runs what is waiting at once: the page is going away (closed, reloaded, hidden), nothing is left behind. */
  readonly runNow = (): void => {
    const due = this.pending;
    this.pending = [];
    for (const work of due) work();
  };

  push(work: () => void): void {
    this.pending.push(work);
    if (this.pending.length === 1) this.schedule();
  }

  private schedule(): void {
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      clearTimeout(timer);
      this.runNow();
    };
    const timer = setTimeout(run, FOLLOW_UP_LATEST_MS);
    requestAnimationFrame(() => {
      // A task queued from the frame's callbacks runs after that frame's layout and paint.
      const channel = new MessageChannel();
      channel.port1.onmessage = run;
      channel.port2.postMessage(null);
    });
  }
}

/**
 * Checks codes against the copy. The verdict is shown first; what follows it (the sound, the line written to the
 * open inspection: `onVerdict`) runs right after the frame that shows it, in the order the verdicts came, so the
 * screen answers before any database write or audio work. The copy's state is the one already read for the screen
 * (read from the database only until that first read is in).
 */
export function useScannerLog(onVerdict?: (entry: ScanEntry) => void) {
  const db = useDatabase();
  const copy = useCopyState();
  const [entries] = useState(() => new ScanEntries());
  const [followUps] = useState(() => new AfterFrameQueue());
  const seq = useRef(0);
  const latest = useRef(onVerdict);
  const copyNow = useRef(copy);
  useLayoutEffect(() => {
    latest.current = onVerdict;
    copyNow.current = copy;
  });

  // Verdicts may come out of scan order (an invalid code needs no lookup); their follow-ups (the inspection's
  // lines) wait for every earlier scan, so the record lists codes as they were scanned.
  const [inOrder] = useState(() => new ScanOrder<ScanEntry>());

  useEffect(() => {
    // The page is going away (closed, reloaded, hidden and maybe never shown again): every answered scan goes on
    // record now, also those still waiting behind a scan whose lookup has not answered (that one is recorded when
    // it answers, if the page lives on).
    const leave = () => {
      for (const due of inOrder.release()) followUps.push(() => latest.current?.(due));
      followUps.runNow();
    };
    const leaving = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', leaving);
    return () => {
      leave();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', leaving);
    };
  }, [followUps, inOrder]);

  const check = useCallback(
    async (raw: string): Promise<Verdict> => {
      seq.current += 1;
      const mine = seq.current;
      let entry: ScanEntry | null = null;
      try {
        const state = copyNow.current ?? (await readCopyState(db));
        const started = performance.now();
        const verdict = await checkScan(raw, copyLookup(db), state);
        entry = { seq: mine, verdict, ms: performance.now() - started, copyDate: state.copyDate };
        entries.add(entry);
        return verdict;
      } finally {
        // A scan whose lookup failed holds no later scan back.
        for (const due of inOrder.answer(mine, entry)) followUps.push(() => latest.current?.(due));
      }
    },
    [db, entries, followUps, inOrder],
  );
  const clear = useCallback(() => entries.clear(), [entries]);
  return { entries, check, clear };
}
