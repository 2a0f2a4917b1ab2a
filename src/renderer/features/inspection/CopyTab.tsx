import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/i18n/format.ts';
import { formatBytes, numberFormat, uiLocale } from '../../app/format.ts';
import { useDatabase } from '../../db/context.tsx';
import type { RunnerOutcome, RunnerStatus } from './copy-runner.ts';
import { CopyAge } from './CopyAge.tsx';
import { saveStaleDays, useCopyState, useStaleDays } from './hooks.ts';
import { useCopyRunner, useCopyRunnerState } from './use-copy-runner.ts';

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

function ProgressLine({ status }: { status: RunnerStatus }) {
  const { t, i18n } = useTranslation();
  const numbers = numberFormat(i18n.language);
  if (status.kind === 'waiting') {
    return (
      <p className="copy-waiting" role="status" data-testid="copy-waiting" data-reason={status.reason}>
        {status.reason === 'retry'
          ? t('inspectionUi.copy.waiting.retry', { time: formatDuration((status.delayMs ?? 0) / 1000, uiLocale(i18n.language)), attempt: numbers.format(status.attempt) })
          : t(`inspectionUi.copy.waiting.${status.reason}`)}
      </p>
    );
  }
  if (status.kind !== 'running' || !status.progress) return null;
  const { progress } = status;
  const text =
    progress.phase === 'compact'
      ? t('inspectionUi.copy.compacting', { blocks: numbers.format(progress.cards) })
      : progress.phase === 'export'
        ? t('inspectionUi.copy.exporting', { cards: numbers.format(progress.cards) })
        : t('inspectionUi.copy.progress', { cards: numbers.format(progress.cards), rate: numbers.format(progress.rate) });
  const left = progress.secondsLeft !== undefined && progress.secondsLeft > 0 ? ` · ${t('inspectionUi.copy.timeLeft', { time: formatDuration(progress.secondsLeft, uiLocale(i18n.language)) })}` : '';
  return (
    <div className="copy-progress" data-testid="copy-progress" data-phase={progress.phase}>
      <progress max={1} value={progress.fraction ?? undefined} />
      <span>
        {text}
        {left}
      </span>
    </div>
  );
}

function OutcomeLine({ outcome }: { outcome: RunnerOutcome | undefined }) {
  const { t, i18n } = useTranslation();
  const numbers = numberFormat(i18n.language);
  if (!outcome) return null;
  if (outcome.kind === 'result') {
    return (
      <p role="status" data-testid="copy-outcome" data-outcome={outcome.result.outcome}>
        {outcome.result.outcome === 'complete'
          ? t('inspectionUi.copy.done', { added: numbers.format(outcome.result.added), held: numbers.format(outcome.result.held) })
          : t('inspectionUi.copy.stopped', { held: numbers.format(outcome.result.held) })}
      </p>
    );
  }
  if (outcome.kind === 'saved') {
    return (
      <p role="status" data-testid="copy-saved" data-saved={outcome.saved.saved}>
        {outcome.saved.saved ? t('inspectionUi.copy.saved', { location: outcome.saved.location ?? '', size: formatBytes(outcome.saved.bytes, i18n.language) }) : t('inspectionUi.copy.notSaved')}
      </p>
    );
  }
  const sizes = Object.fromEntries(
    (['needed', 'size', 'max'] as const).flatMap((name) => {
      const value = outcome.params[name];
      return typeof value === 'number' ? [[name, formatBytes(value, i18n.language)]] : [];
    }),
  );
  return (
    <p role="alert" className="error-message" data-testid="copy-error" data-error={outcome.key}>
      {t(outcome.key, { ...outcome.params, ...sizes })}
    </p>
  );
}

/**
 * Download, update, resume, import or save the copy, with progress and the storage it takes. The work runs in
 * the window's copy runner: it goes on (and a partial download resumes by itself) while other tabs are shown.
 */
export function CopyTab() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const copy = useCopyState();
  const staleDays = useStaleDays();
  const runner = useCopyRunner();
  const { status, outcome } = useCopyRunnerState(runner);
  const busy = status.kind !== 'idle';
  const estimate = useStorageEstimate(`${copy?.count ?? 0}|${busy}`);
  const numbers = numberFormat(i18n.language);

  useEffect(() => {
    // Ask once that the browser keep the copy when space runs low.
    if (busy) void navigator.storage?.persist?.().catch(() => false);
  }, [busy]);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) runner.importFile(file);
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
        <button type="button" onClick={() => runner.download()} disabled={busy} data-testid="copy-download">
          {downloadLabel}
        </button>
        <label className="button-like">
          {t('inspectionUi.copy.import')}
          <input type="file" accept=".ncgsnap,application/octet-stream" onChange={onFile} disabled={busy} data-testid="copy-import" hidden />
        </label>
        <button type="button" onClick={() => runner.saveCopy()} disabled={busy || copy?.status !== 'complete'} data-testid="copy-save">
          {t('inspectionUi.copy.save')}
        </button>
        {busy ? (
          <button type="button" onClick={() => runner.stop()} data-testid="copy-stop">
            {t('inspectionUi.copy.stop')}
          </button>
        ) : null}
      </div>
      <ProgressLine status={status} />
      <OutcomeLine outcome={outcome} />
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
