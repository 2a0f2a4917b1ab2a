import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyTab } from './CopyTab.tsx';
import { ScanTab } from './ScanTab.tsx';
import { playVerdict } from './sound.ts';
import { useScannerLog } from './use-scanner-log.ts';
import { useWedgeScanner } from './use-wedge-scanner.ts';
import './inspection.css';

const tabs = ['scan', 'copy'] as const;
type Tab = (typeof tabs)[number];

export function InspectionPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('scan');
  const log = useScannerLog((entry) => playVerdict(entry.verdict.kind));
  // A scan anywhere on this screen is checked, and the scan tab comes forward to show it.
  useWedgeScanner((code) => {
    setTab('scan');
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
      <div role="tabpanel">{tab === 'scan' ? <ScanTab entries={log.entries} check={log.check} clear={log.clear} /> : <CopyTab />}</div>
    </div>
  );
}
