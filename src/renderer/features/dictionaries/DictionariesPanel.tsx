import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCatalogueError } from '../../../shared/catalogue/errors.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { appDatabase } from '../../db/database.ts';
import { lastRefreshKey, refreshDictionaries, type RefreshProgress } from './refresh.ts';
import { dictionaryCounts } from './search.ts';

export function DictionariesPanel() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = appDatabase();
  const [progress, setProgress] = useState<RefreshProgress | undefined>();
  const counts = useLiveQuery(() => dictionaryCounts(db), [db]);
  const lastRefresh = useLiveQuery(() => db.settings.get(lastRefreshKey), [db]);
  const categoriesInUse = useLiveQuery(async () => {
    const oktru = new Set<string>();
    await db.drafts.each((record) => {
      if (record.draft.oktru) oktru.add(record.draft.oktru);
    });
    return [...oktru];
  }, [db]);
  const refresh = useMutation({
    mutationFn: () => refreshDictionaries(bridge, db, { categoriesInUse: categoriesInUse ?? [], onProgress: setProgress }),
    onSettled: () => setProgress(undefined),
  });
  const failure = refresh.error
    ? isCatalogueError(refresh.error)
      ? t(refresh.error.messageKey)
      : refresh.error.message
    : undefined;

  return (
    <section aria-labelledby="settings-dictionaries">
      <h2 id="settings-dictionaries">{t('ui.dictionaries.title')}</h2>
      <p>{t('ui.dictionaries.explain')}</p>
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="refresh-dictionaries">
        {refresh.isPending ? t('ui.dictionaries.refreshing') : t('ui.dictionaries.refresh')}
      </button>
      {progress && (
        <p role="status" data-testid="refresh-progress">
          <progress max={progress.total || 1} value={progress.done} />{' '}
          {t('ui.dictionaries.progress', { dictionary: progress.dictionary, done: progress.done, total: progress.total })}
        </p>
      )}
      {failure && <p role="alert">{t('ui.failed', { message: failure })}</p>}
      <dl data-testid="dictionaries">
        <dt>{t('ui.dictionaries.lastRefresh')}</dt>
        <dd data-testid="last-refresh">
          {typeof lastRefresh?.value === 'number'
            ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(lastRefresh.value)
            : t('ui.dictionaries.never')}
        </dd>
        {Object.entries(counts ?? {}).map(([dictionary, count]) => (
          <div key={dictionary} style={{ display: 'contents' }}>
            <dt>{dictionary}</dt>
            <dd data-testid={`dictionary-count-${dictionary}`}>{new Intl.NumberFormat(i18n.language).format(count)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
