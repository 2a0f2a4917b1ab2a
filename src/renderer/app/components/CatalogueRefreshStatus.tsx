import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/context.tsx';
import { refreshAtFirstLaunch } from '../../db/dictionary-refresh-launch.ts';
import { dictionaryRefreshRunner } from '../../db/dictionary-refresh-runner.ts';
import { useBridge } from '../bridge-context.tsx';
import { formatProgress } from '../format.ts';
import { routeHref } from '../router.ts';
import './refresh-status.css';

/**
 * The download of the catalogue's forms, in the app's frame: started here by itself on a first launch (when the
 * catalogue answers), and shown here whoever started it, on every screen, without blocking any. A failure is
 * said here in short; its reason and "Try again" stay with the forms' offer on the applications list.
 * `data-refresh-state` (idle, running, done, failed) is the state tests and assistive tools wait on; `data-launch`
 * what the launch decided.
 */
export function CatalogueRefreshStatus() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const runner = dictionaryRefreshRunner(bridge, db);
  const run = useSyncExternalStore(runner.subscribe, runner.snapshot);

  // What the launch decided ('start' once that refresh ended, or why not: 'refreshed-before', 'unreachable'…).
  const [launch, setLaunch] = useState<string>();
  useEffect(() => {
    let current = true;
    void refreshAtFirstLaunch(bridge, db).then((decision) => {
      if (current) setLaunch(decision.action === 'skip' ? decision.reason : decision.action);
    });
    return () => {
      current = false;
    };
  }, [bridge, db]);

  const progress = run.state === 'idle' ? undefined : run.progress;
  return (
    <span className="refresh-status" role="status" data-testid="refresh-status" data-refresh-state={run.state} data-launch={launch} data-done={progress?.done} data-total={progress?.total}>
      {run.state === 'running' &&
        (progress ? (
          <>
            <progress max={progress.total || 1} value={progress.done} aria-hidden="true" />
            {t('ui.refreshStatus.running', { parts: formatProgress(progress.done, progress.total, i18n.language) })}
          </>
        ) : (
          t('ui.refreshStatus.waiting')
        ))}
      {run.state === 'done' && t('ui.refreshStatus.done')}
      {run.state === 'failed' && (
        <>
          <span className="error-message" data-testid="refresh-status-error">
            {t('ui.refreshStatus.failed')}
          </span>{' '}
          <a href={routeHref('applications')}>{t('ui.refreshStatus.details')}</a>
        </>
      )}
    </span>
  );
}
