import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../app/bridge-context.tsx';
import { ErrorMessage } from '../../../app/components/ErrorMessage.tsx';
import { formatCount, formatDateTime, formatProgress, uiLocale } from '../../../app/format.ts';
import { dictionaryName } from '../../../../shared/catalogue/dictionary-names.ts';
import { useDatabase } from '../../../db/context.tsx';
import { useDictionaryCounts, useSetting } from '../../../db/hooks.ts';
import { lastDictionaryRefreshKey } from '../../../db/settings.ts';
import { dictionaryRefreshRunner } from '../../../db/dictionary-refresh-runner.ts';

/**
 * The offline copy of the catalogue's schemas and dictionaries: what is stored, and a refresh with its progress.
 * `data-refresh-state` (idle, running, done, failed) says where a refresh stands, for tests and assistive tools.
 */
export function DictionariesPanel() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  // One refresh for the whole page: one started elsewhere (the applications' offer) shows here with its progress.
  const runner = dictionaryRefreshRunner(bridge, db);
  const run = useSyncExternalStore(runner.subscribe, runner.snapshot);
  const progress = run.state === 'idle' ? undefined : run.progress;
  const running = run.state === 'running';
  const lastRefresh = useSetting(lastDictionaryRefreshKey);
  // Counting is paused while a refresh writes (it would re-read every item after each page); the last counts stay.
  const liveCounts = useDictionaryCounts(running);
  const [shownCounts, setShownCounts] = useState<Record<string, number>>();
  if (liveCounts && liveCounts !== shownCounts) setShownCounts(liveCounts);
  const counts = liveCounts ?? shownCounts;
  const state = run.state;

  return (
    <section aria-labelledby="settings-dictionaries" data-testid="dictionaries-panel" data-refresh-state={state}>
      <h2 id="settings-dictionaries">{t('ui.dictionaries.title')}</h2>
      <p>{t('ui.dictionaries.explain')}</p>
      <button type="button" onClick={() => void runner.start()} disabled={running} data-testid="refresh-dictionaries">
        {running ? t('ui.dictionaries.refreshing') : t('ui.dictionaries.refresh')}
      </button>
      {progress && (
        <p role="status" data-testid="refresh-progress" data-done={progress.done} data-total={progress.total}>
          {running && <progress max={progress.total || 1} value={progress.done} />}{' '}
          {t('settingsUi.dictionaries.progress', { parts: formatProgress(progress.done, progress.total, i18n.language), items: formatCount(progress.items, i18n.language) })}
        </p>
      )}
      {run.state === 'failed' && <ErrorMessage error={run.error} testId="refresh-error" />}
      <dl data-testid="dictionaries">
        <dt>{t('ui.dictionaries.lastRefresh')}</dt>
        <dd data-testid="last-refresh">
          {typeof lastRefresh?.value === 'number'
            ? formatDateTime(lastRefresh.value, i18n.language)
            : t('ui.dictionaries.never')}
        </dd>
        {Object.entries(counts ?? {}).map(([dictionary, count]) => (
          <div key={dictionary} style={{ display: 'contents' }}>
            <dt data-testid={`dictionary-name-${dictionary}`}>{dictionaryName(dictionary, uiLocale(i18n.language))}</dt>
            <dd data-testid={`dictionary-count-${dictionary}`}>{formatCount(count, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
