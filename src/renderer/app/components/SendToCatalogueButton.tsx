import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../shared/sync/preflight.ts';
import { useDatabase } from '../../db/context.tsx';
import { routeHref } from '../router.ts';
import { queueDraftsForSending } from '../../db/sync-store.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * "Send" for one application or a selection: checks each (the editor's validation, file sizes and types,
 * twins) and queues the sendable ones; the sync engine (features/sync, started by its provider) sends them.
 * Those refused are listed with why. Shared here so any section can offer it without importing a feature.
 */
export function SendToCatalogueButton({ draftIds, publish, names }: { draftIds: readonly string[]; publish?: boolean; names?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ queued: number; refused: Refusal[] }>();
  const [error, setError] = useState<unknown>();
  const send = async () => {
    // Asked on this click (a user gesture): moderation takes days, the officer is told when an application needs them.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
    setBusy(true);
    setError(undefined);
    try {
      const result = await queueDraftsForSending(db, draftIds, { publish });
      setOutcome({ queued: result.queued.length, refused: result.refused });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="send-to-catalogue">
      <button type="button" onClick={() => void send()} disabled={busy || draftIds.length === 0} data-testid="send-to-catalogue">
        {draftIds.length > 1 ? t('sync.ui.sendSelected', { count: draftIds.length }) : t('sync.ui.send')}
      </button>
      {outcome && outcome.queued > 0 ? <span role="status">{t('sync.ui.queued', { count: outcome.queued })}</span> : null}
      {outcome ? <a href={routeHref('applications', 'sync')} data-testid="open-sync-panel">{t('sync.ui.openPanel')}</a> : null}
      {outcome && outcome.refused.length > 0 ? (
        <div role="alert" data-testid="send-refused">
          <span>{t('sync.ui.refused')}</span>
          <ul>
            {outcome.refused.map((refusal) => (
              <li key={refusal.applicationId}>
                {names?.get(refusal.applicationId) ?? refusal.applicationId}:{' '}
                {refusal.problems.map((problem) => t(problem.code, problem.params ?? {})).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error !== undefined ? <ErrorMessage error={error} inline /> : null}
    </div>
  );
}
