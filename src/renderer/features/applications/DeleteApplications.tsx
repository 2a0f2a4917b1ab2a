import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { navigate, routeHref } from '../../app/router.ts';
import { useDatabase } from '../../db/context.tsx';
import { useDraftRecordsById } from '../../db/hooks.ts';
import { attributeCodes, nameCodeFor } from '../../../shared/application/attribute-codes.ts';
import { findValue } from '../../../shared/application/draft.ts';
import { moveToTrash, restoreFromTrash, type DeletionCatalogue, type DeletionOutcome } from '../../db/trash.ts';

function bridgeDeletion(bridge: Bridge): DeletionCatalogue {
  return {
    deleteRequest: (id) => callCatalogue(bridge, 'deleteProductRequest', { id }),
    cancelRequest: (id) => callCatalogue(bridge, 'cancelRequest', { id }),
  };
}

/**
 * The last deletion of this page, kept outside the components: the editor's "Delete" returns to the list, and
 * the list shows what happened with its undo.
 */
let lastDeletion: DeletionOutcome | undefined;
const listeners = new Set<() => void>();
function setLastDeletion(next: DeletionOutcome | undefined) {
  lastDeletion = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Deletes one application or a selection (to the trash, by the catalogue's rules). */
export function DeleteApplicationsButton({ ids, afterDelete, onDeleted }: { ids: readonly string[]; afterDelete: 'list' | 'stay'; onDeleted?: (trashed: readonly string[]) => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await moveToTrash(db, ids, bridgeDeletion(bridge));
      setLastDeletion(outcome);
      onDeleted?.(outcome.trashed);
      if (afterDelete === 'list' && outcome.trashed.length > 0) navigate('applications');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => void remove()} disabled={busy || ids.length === 0} data-testid="delete-applications">
        {busy ? t('applications.delete.busy') : ids.length > 1 ? t('applications.delete.selected', { count: ids.length }) : t('applications.delete.one')}
      </button>
      {error !== undefined && <ErrorMessage error={error} inline />}
      {afterDelete === 'stay' ? null : <DeletionNotice onlyFor={ids} />}
    </>
  );
}

/** What the last deletion did: how many went to the trash (with undo), which were refused and why. */
const noIds: readonly string[] = [];

export function DeletionNotice({ onlyFor }: { onlyFor?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const outcome = useSyncExternalStore(subscribe, () => lastDeletion);
  const [error, setError] = useState<unknown>();
  // The applications that stayed, to name them.
  const kept = useDraftRecordsById(outcome ? [...outcome.refused, ...outcome.failed].map((entry) => entry.id) : noIds);
  const nameOf = (id: string) => {
    const draft = kept?.get(id)?.draft;
    const name = draft ? (findValue(draft, nameCodeFor(i18n.language))?.value ?? findValue(draft, attributeCodes.nameRu)?.value) : undefined;
    return typeof name === 'string' && name ? <span data-catalogue-data="">{name}</span> : t('ui.editor.untitled');
  };
  if (!outcome) return null;
  // In the editor only a refusal of this application is news; the list shows everything.
  if (onlyFor && (outcome.trashed.length > 0 || ![...outcome.refused, ...outcome.failed].some((entry) => onlyFor.includes(entry.id)))) return null;
  const undo = () =>
    void restoreFromTrash(db, outcome.trashed).then(
      () => setLastDeletion(undefined),
      (caught: unknown) => setError(caught),
    );
  return (
    <div className="deletion-notice" data-testid="deletion-notice">
      {outcome.trashed.length > 0 && !onlyFor && (
        <p role="status">
          {t('applications.delete.done', { count: outcome.trashed.length })}{' '}
          <button type="button" onClick={undo} data-testid="undo-delete">
            {t('applications.delete.undo')}
          </button>{' '}
          <a href={routeHref('applications', 'trash')}>{t('applications.trash.title')}</a>
        </p>
      )}
      {outcome.refused.length > 0 && (
        <div role="alert" className="error-message" data-testid="delete-refused">
          {t('applications.delete.refusedTitle')}
          <ul>
            {outcome.refused.map((refusal) => (
              <li key={refusal.id} data-id={refusal.id} data-reason={refusal.reason}>
                {nameOf(refusal.id)}: {t(`applications.delete.refused.${refusal.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome.failed.length > 0 && (
        <div data-testid="delete-failed">
          {t('applications.delete.failedTitle')}
          {outcome.failed.map((failure) => (
            <div key={failure.id}>
              {nameOf(failure.id)}: <ErrorMessage error={failure.error} inline />
            </div>
          ))}
        </div>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </div>
  );
}
