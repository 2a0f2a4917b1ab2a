import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraPanel } from './CameraPanel.tsx';
import { CopyAge } from './CopyAge.tsx';
import { useCopyState, useStaleDays } from './hooks.ts';
import { useScanEntries, type ScanEntries } from './use-scanner-log.ts';
import { VerdictCard } from './VerdictCard.tsx';

/**
 * Typing a code; the verdicts of every scan (wedge, camera, typing), newest first, each with the copy's age. A scan
 * re-renders only the verdict list: the rest of the tab does not depend on the verdicts.
 */
export function ScanTab({ entries, check, clear }: { entries: ScanEntries; check: (code: string) => Promise<unknown>; clear: () => void }) {
  const { t } = useTranslation();
  const copy = useCopyState();
  const staleDays = useStaleDays();
  const field = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = field.current;
    const value = input?.value ?? '';
    if (!input || value.trim() === '') return;
    // Emptied with the verdict, not before it: a change to the page now would have the browser render a frame
    // before the lookup's answer is handled. Left alone when the person has typed on meanwhile.
    void check(value).finally(() => {
      if (input.value === value) input.value = '';
    });
  };
  return (
    <section className="inspection-scan">
      <CopyAge copy={copy} staleDays={staleDays} />
      {copy && copy.count === 0 ? <p className="notice">{t('inspectionUi.scan.noCopy')}</p> : null}
      <form onSubmit={submit} className="scan-form">
        <label htmlFor="inspection-code">{t('inspectionUi.scan.label')}</label>
        <div className="toolbar">
          <input id="inspection-code" ref={field} autoComplete="off" inputMode="numeric" data-testid="scan-input" />
          <button type="submit">{t('inspectionUi.scan.check')}</button>
        </div>
        <small>{t('inspectionUi.scan.hint')}</small>
      </form>
      <CameraPanel onCode={(code) => void check(code)} />
      <h2>{t('inspectionUi.scan.results')}</h2>
      <VerdictList entries={entries} clear={clear} />
    </section>
  );
}

function VerdictList({ entries, clear }: { entries: ScanEntries; clear: () => void }) {
  const { t } = useTranslation();
  const shown = useScanEntries(entries);
  if (shown.length === 0) return <p>{t('inspectionUi.scan.none')}</p>;
  return (
    <>
      <button type="button" onClick={clear} data-testid="scan-clear">
        {t('inspectionUi.scan.clear')}
      </button>
      <ol className="verdicts" data-testid="verdicts" aria-live="polite">
        {shown.map((entry) => (
          <VerdictCard key={entry.seq} entry={entry} />
        ))}
      </ol>
    </>
  );
}
