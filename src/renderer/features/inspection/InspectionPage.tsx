import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/inspection/index.ts';
import { useDatabase } from '../../db/context.tsx';
import { attachCopyKeyMap, refreshCopyKeyMap } from '../../db/copy-lookup.ts';
import { changeInspection, useCurrentInspection } from '../../db/inspections.ts';
import { loadCopyKeyMap } from './copy-client.ts';
import { useCopyState } from './hooks.ts';
import { preloadCameraReader } from './camera-reader.ts';
import { CopyTab } from './CopyTab.tsx';
import { FinesTab } from './FinesTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { ScanTab } from './ScanTab.tsx';
import { SessionTab } from './SessionTab.tsx';
import { itemFromVerdict } from './session-items.ts';
import { playVerdict } from './sound.ts';
import { useCopyRunnerIdle, useResumeCopyOnOpen } from './use-copy-runner.ts';
import { preloadExports } from './use-inspection-exports.ts';
import { useScannerLog } from './use-scanner-log.ts';
import { useWedgeScanner } from './use-wedge-scanner.ts';
import './inspection.css';

const tabs = ['scan', 'session', 'history', 'copy', 'fines'] as const;
type Tab = (typeof tabs)[number];

export function InspectionPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [tab, setTab] = useState<Tab>('scan');
  const current = useCurrentInspection();
  // A catalogue copy left partial (window closed, network lost) goes on by itself.
  useResumeCopyOnOpen();
  useEffect(() => {
    preloadExports();
    preloadCameraReader();
  }, []);
  // While this screen is shown, the copy's index is held in memory: a scan then reads one block, not two records.
  // It is read again once this window's download, import or compaction has ended (not at each of their steps;
  // another window's changes are noticed by the lookups themselves).
  useEffect(() => attachCopyKeyMap(db, () => loadCopyKeyMap(db.name)), [db]);
  const copy = useCopyState();
  const runnerIdle = useCopyRunnerIdle();
  const settledStamp = runnerIdle && copy?.status === 'complete' && !copy.compaction ? (copy.stamp ?? 0) : undefined;
  useEffect(() => {
    if (settledStamp !== undefined) refreshCopyKeyMap(db, settledStamp);
  }, [db, settledStamp]);
  const open = useRef<Inspection | null | undefined>(undefined);
  useLayoutEffect(() => {
    open.current = current;
  });
  const log = useScannerLog((entry) => {
    playVerdict(entry.verdict.kind);
    // While an inspection is open (not paused), every scan becomes one of its lines.
    const inspection = open.current;
    if (inspection?.status === 'open') void changeInspection(db, inspection.id, (stored) => ({ ...stored, items: [...stored.items, itemFromVerdict(entry.verdict)] }));
  });
  // A scan anywhere on this screen is checked; the scan tab comes forward unless the inspection record is shown.
  useWedgeScanner((code) => {
    setTab((shown) => (shown === 'session' ? shown : 'scan'));
    void log.check(code);
  });
  return (
    <div className="inspection">
      <h1>{t('inspectionUi.title')}</h1>
      <div role="tablist" className="tabs">
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} data-testid={`tab-${name}`}>
            {t(`inspectionUi.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'scan' ? <ScanTab entries={log.entries} check={log.check} clear={log.clear} /> : null}
        {tab === 'session' ? <SessionTab /> : null}
        {tab === 'history' ? <HistoryTab onOpen={() => setTab('session')} /> : null}
        {tab === 'copy' ? <CopyTab /> : null}
        {tab === 'fines' ? <FinesTab /> : null}
      </div>
    </div>
  );
}
