import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attributeCodes, nameCodeFor } from '../../../shared/application/attribute-codes.ts';
import { findValue } from '../../../shared/application/draft.ts';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { formatDateTime } from '../../app/format.ts';
import { routeHref } from '../../app/router.ts';
import { useDatabase } from '../../db/context.tsx';
import { purgeFromTrash, restoreFromTrash } from '../../db/trash.ts';
import { useTrash } from '../../db/trash-hooks.ts';

/** `#/applications/trash`: deleted applications, kept 30 days, restored or deleted for good. */
export function TrashPage() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const entries = useTrash();
  const [error, setError] = useState<unknown>();
  const nameCode = nameCodeFor(i18n.language);
  const act = (work: Promise<unknown>) => {
    setError(undefined);
    void work.catch((caught: unknown) => setError(caught));
  };
  return (
    <section aria-labelledby="trash-title" data-testid="trash">
      <p>
        <a href={routeHref('applications')}>← {t('applications.trash.back')}</a>
      </p>
      <h1 id="trash-title">{t('applications.trash.title')}</h1>
      <p>{t('applications.trash.explain')}</p>
      {error !== undefined && <ErrorMessage error={error} />}
      {entries?.length === 0 && <p data-testid="trash-empty">{t('applications.trash.empty')}</p>}
      <ul className="trash-list">
        {entries?.map((entry) => {
          const name = findValue(entry.record.draft, nameCode)?.value ?? findValue(entry.record.draft, attributeCodes.nameRu)?.value;
          return (
            <li key={entry.id} data-testid="trash-entry" data-id={entry.id}>
              {typeof name === 'string' && name ? <span data-catalogue-data="">{name}</span> : <span>{t('ui.editor.untitled')}</span>}{' '}
              <small>{t('applications.trash.deletedOn', { date: formatDateTime(entry.trashedAt, i18n.language) })}</small>{' '}
              <button type="button" onClick={() => act(restoreFromTrash(db, [entry.id]))} data-testid="trash-restore">
                {t('applications.trash.restore')}
              </button>{' '}
              <button type="button" className="danger" onClick={() => act(purgeFromTrash(db, [entry.id]))} data-testid="trash-purge">
                {t('applications.trash.purge')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
