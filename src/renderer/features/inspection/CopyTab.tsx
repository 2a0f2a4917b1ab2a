import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { formatBytes, numberFormat } from '../../app/format.ts';
import { useDatabase } from '../../db/context.tsx';
import { copyErrorMessage, runDownload, runImport } from './copy-client.ts';
import type { CopyProgress, CopyRunResult } from './copy-sync.ts';
import { CopyAge } from './CopyAge.tsx';
import { saveStaleDays, useCopyState, useStaleDays } from './hooks.ts';

type Outcome = { kind: 'result'; result: CopyRunResult } | { kind: 'error'; key: string; params: Record<string, string | number> };

function useStorageEstimate(refreshKey: unknown) {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number; persisted: boolean } | undefined>();
  useEffect(() => {
    let live = true;
    void (async () => {
      const storage = navigator.storage;
      if (!storage?.estimate) return;
      const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]);
      if (live) setEstimate({ usage, quota, persisted });
    })();
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return estimate;
}

function formatDuration(seconds: number, locale: string): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${numberFormat(locale).format(minutes)} min ${rest} s` : `${rest} s`;
}

/** Download, update, resume or import the copy, with progress and the storage it takes. */
export function CopyTab() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const copy = useCopyState();
  const staleDays = useStaleDays();
  const [progress, setProgress] = useState<CopyProgress | undefined>();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const estimate = useStorageEstimate(`${copy?.count ?? 0}|${running}`);
  const numbers = numberFormat(i18n.language);

  const run = async (start: (options: { onProgress: (value: CopyProgress) => void; signal: AbortSignal }) => Promise<CopyRunResult>) => {
    controller.current = new AbortController();
    setRunning(true);
    setOutcome(undefined);
    setProgress(undefined);
    // Ask once that the browser keep the copy when space runs low.
    await navigator.storage?.persist?.().catch(() => false);
    try {
      const result = await start({ onProgress: setProgress, signal: controller.current.signal });
      setOutcome({ kind: 'result', result });
    } catch (error) {
      setOutcome({ kind: 'error', ...copyErrorMessage(error) });
    } finally {
      setRunning(false);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void run((options) => runImport(file, options));
  };

  const downloadLabel = copy?.status === 'partial' ? t('inspectionUi.copy.resume') : copy?.status === 'complete' ? t('inspectionUi.copy.update') : t('inspectionUi.copy.download');
  return (
    <section className="inspection-copy" aria-labelledby="copy-title">
      <h2 id="copy-title">{t('inspectionUi.copy.title')}</h2>
      <p>{t('inspectionUi.copy.intro')}</p>
      <CopyAge copy={copy} staleDays={staleDays} />
      <p data-testid="copy-status" data-status={copy?.status ?? 'empty'}>
        {t(`inspectionUi.copy.status.${copy?.status ?? 'empty'}`)} {t('inspectionUi.copy.held', { count: numbers.format(copy?.count ?? 0) })}
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void run((options) => runDownload(bridge, options))} disabled={running} data-testid="copy-download">
          {downloadLabel}
        </button>
        <label className="button-like">
          {t('inspectionUi.copy.import')}
          <input type="file" accept=".ncgsnap,application/octet-stream" onChange={onFile} disabled={running} data-testid="copy-import" hidden />
        </label>
        {running ? (
          <button type="button" onClick={() => controller.current?.abort()} data-testid="copy-stop">
            {t('inspectionUi.copy.stop')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="copy-progress" data-testid="copy-progress">
          <progress max={1} value={progress.fraction ?? undefined} />
          <span>
            {t('inspectionUi.copy.progress', { cards: numbers.format(progress.cards), rate: numbers.format(progress.rate) })}
            {progress.secondsLeft !== undefined && progress.secondsLeft > 0 ? ` · ${t('inspectionUi.copy.timeLeft', { time: formatDuration(progress.secondsLeft, i18n.language) })}` : ''}
          </span>
        </div>
      ) : null}
      {outcome?.kind === 'result' ? (
        <p role="status" data-testid="copy-outcome" data-outcome={outcome.result.outcome}>
          {outcome.result.outcome === 'complete'
            ? t('inspectionUi.copy.done', { added: numbers.format(outcome.result.added), held: numbers.format(outcome.result.held) })
            : t('inspectionUi.copy.stopped', { held: numbers.format(outcome.result.held) })}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" className="error-message" data-testid="copy-error" data-error={outcome.key}>
          {t(outcome.key, { ...outcome.params, ...(typeof outcome.params['needed'] === 'number' ? { needed: formatBytes(outcome.params['needed'], i18n.language) } : {}) })}
        </p>
      ) : null}
      {estimate ? (
        <p className="copy-storage" data-testid="copy-storage">
          {t('inspectionUi.copy.storage', { used: formatBytes(estimate.usage, i18n.language), quota: formatBytes(estimate.quota, i18n.language) })}{' '}
          {estimate.persisted ? t('inspectionUi.copy.persisted') : t('inspectionUi.copy.notPersisted')}
        </p>
      ) : null}
      <label className="stale-days">
        {t('inspectionUi.copy.staleDays')}
        <input
          type="number"
          min={1}
          max={365}
          defaultValue={staleDays}
          key={staleDays}
          data-testid="stale-days"
          onBlur={(event) => {
            const days = Number(event.target.value);
            if (Number.isInteger(days) && days >= 1 && days <= 365) void saveStaleDays(db, days);
            else event.target.value = String(staleDays);
          }}
        />
      </label>
    </section>
  );
}
