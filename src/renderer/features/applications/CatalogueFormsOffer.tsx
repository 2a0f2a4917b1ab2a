import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { formatNumber } from '../../app/format.ts';
import { baseSchemaKey, hasAttributeSchema } from '../../db/attribute-schemas.ts';
import { useDatabase } from '../../db/context.tsx';
import { useSetting } from '../../db/hooks.ts';
import { lastDictionaryRefreshKey } from '../../db/settings.ts';
import { dictionaryRefreshRunner, type DictionaryRefreshRunner, type RefreshRunState } from '../../db/dictionary-refresh-runner.ts';

function useRefreshRunner(): { runner: DictionaryRefreshRunner; run: RefreshRunState } {
  const runner = dictionaryRefreshRunner(useBridge(), useDatabase());
  const run = useSyncExternalStore(runner.subscribe, runner.snapshot);
  return { runner, run };
}

/**
 * Where the forms are needed and missing (a first launch whose own download did not start: the catalogue did
 * not answer then), the download starts by itself when there is a network; once only: after a failure the
 * officer chooses to try again. Another window's download is waited for, and then nothing is left to do.
 */
export function useRefreshWhenMissing(missing: boolean): void {
  const bridge = useBridge();
  const db = useDatabase();
  useEffect(() => {
    if (!missing || (typeof navigator !== 'undefined' && !navigator.onLine)) return;
    const runner = dictionaryRefreshRunner(bridge, db);
    if (runner.snapshot().state === 'idle') void runner.start({ onlyIf: async () => !(await hasAttributeSchema(db, baseSchemaKey)) });
  }, [bridge, db, missing]);
}

/**
 * Downloads the catalogue's schemas and dictionaries right where they are missing (the editor, the first
 * screen), with its progress, instead of sending the officer to Settings. `always`: shown even when nothing
 * is running (the editor, where the form cannot open without them).
 */
export function CatalogueFormsOffer({ always }: { always: boolean }) {
  const { t, i18n } = useTranslation();
  const { runner, run } = useRefreshRunner();
  const lastRefresh = useSetting(lastDictionaryRefreshKey);
  const neverRefreshed = lastRefresh !== undefined && lastRefresh.value === undefined;
  // Elsewhere (the list) a download under way or failed is news, and so is "never downloaded" while none runs.
  if (!always && (run.state === 'done' || (run.state === 'idle' && !neverRefreshed))) return null;
  const progress = run.state === 'idle' ? undefined : run.progress;
  return (
    <section className="notice first-refresh" aria-labelledby="first-refresh-title" data-testid="first-refresh" data-refresh-state={run.state}>
      <h2 id="first-refresh-title">{run.state === 'done' ? t('applications.firstRefresh.done') : t('applications.firstRefresh.title')}</h2>
      {run.state !== 'done' && <p>{t('applications.firstRefresh.explain')}</p>}
      {(run.state === 'idle' || run.state === 'failed') && (
        <button type="button" onClick={() => void runner.start()} data-testid="first-refresh-start">
          {run.state === 'failed' ? t('applications.firstRefresh.retry') : t('applications.firstRefresh.start')}
        </button>
      )}
      {run.state === 'running' && <p>{t('applications.firstRefresh.running')}</p>}
      {progress && (
        <p role="status" data-testid="first-refresh-progress" data-done={progress.done} data-total={progress.total}>
          {run.state === 'running' && <progress max={progress.total || 1} value={progress.done} />}{' '}
          {t('applications.firstRefresh.progress', {
            done: formatNumber(progress.done, i18n.language),
            total: formatNumber(progress.total, i18n.language),
            items: formatNumber(progress.items, i18n.language),
          })}
        </p>
      )}
      {run.state === 'failed' && <ErrorMessage error={run.error} testId="first-refresh-error" />}
    </section>
  );
}
