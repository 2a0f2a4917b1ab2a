import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { checkScan, type Verdict } from '../../../shared/inspection/index.ts';
import { copyLookup, readCopyState } from '../../db/catalogue-copy.ts';
import { useDatabase } from '../../db/context.tsx';
import type { ScanEntry } from './VerdictCard.tsx';

const KEEP = 200;

/**
 * Checks codes against the copy and keeps the latest verdicts, newest first. Each code gets its place when it
 * arrives, so a burst answered out of order still lists in scan order.
 */
export function useScannerLog(onVerdict?: (entry: ScanEntry) => void) {
  const db = useDatabase();
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const seq = useRef(0);
  const latest = useRef(onVerdict);
  useLayoutEffect(() => {
    latest.current = onVerdict;
  });

  const check = useCallback(
    async (raw: string): Promise<Verdict> => {
      seq.current += 1;
      const mine = seq.current;
      const state = await readCopyState(db);
      const started = performance.now();
      const verdict = await checkScan(raw, copyLookup(db), state);
      const entry: ScanEntry = { seq: mine, verdict, ms: performance.now() - started, copyDate: state.copyDate };
      setEntries((current) => [entry, ...current].sort((a, b) => b.seq - a.seq).slice(0, KEEP));
      latest.current?.(entry);
      return verdict;
    },
    [db],
  );
  const clear = useCallback(() => setEntries([]), []);
  return { entries, check, clear };
}
