import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../app/bridge-context.tsx';
import { ErrorMessage } from '../../../app/components/ErrorMessage.tsx';
import { formatCount, formatDateTime, formatProgress, uiLocale } from '../../../app/format.ts';
import { dictionaryName } from '../../../../shared/catalogue/dictionary-names.ts';
import { useDatabase } from '../../../db/context.tsx';
import { categoriesInUse } from '../../../db/drafts.ts';
import { useDictionaryCounts, useSetting } from '../../../db/hooks.ts';
import { lastDictionaryRefreshKey } from '../../../db/settings.ts';
import { refreshDictionaries, type RefreshProgress } from './refresh.ts';

/**
 * The offline copy of the catalogue's schemas and dictionaries: what is stored, and a refresh with its progress.
 * `data-refresh-state` (idle, running, done, failed) says where a refresh stands, for tests and assistive tools.
 */
export function DictionariesPanel() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const [progress, setProgress] = useState<RefreshProgress | undefined>();
  const lastRefresh = useSetting(lastDictionaryRefreshKey);
  // The last progress stays shown after the refresh as its summary (what was downloaded and stored).
  const refresh = useMutation({
    mutationFn: async () => {
      setProgress(undefined);
      return refreshDictionaries(bridge, db, { categoriesInUse: await categoriesInUse(db), onProgress: setProgress });
    },
  });
  // Counting is paused while a refresh writes (it would re-read every item after each page); the last counts stay.
  const liveCounts = useDictionaryCounts(refresh.isPending);
  const [shownCounts, setShownCounts] = useState<Record<string, number>>();
  if (liveCounts && liveCounts !== shownCounts) setShownCounts(liveCounts);
  const counts = liveCounts ?? shownCounts;
  const state = refresh.isPending ? 'running' : refresh.isError ? 'failed' : refresh.isSuccess ? 'done' : 'idle';

  return (
    <section aria-labelledby="settings-dictionaries" data-testid="dictionaries-panel" data-refresh-state={state}>
      <h2 id="settings-dictionaries">{t('ui.dictionaries.title')}</h2>
      <p>{t('ui.dictionaries.explain')}</p>
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="refresh-dictionaries">
        {refresh.isPending ? t('ui.dictionaries.refreshing') : t('ui.dictionaries.refresh')}
      </button>
      {progress && (
        <p role="status" data-testid="refresh-progress" data-done={progress.done} data-total={progress.total}>
          {refresh.isPending && <progress max={progress.total || 1} value={progress.done} />}{' '}
          {t('settingsUi.dictionaries.progress', { parts: formatProgress(progress.done, progress.total, i18n.language), items: formatCount(progress.items, i18n.language) })}
        </p>
      )}
      {refresh.isError && <ErrorMessage error={refresh.error} testId="refresh-error" />}
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
