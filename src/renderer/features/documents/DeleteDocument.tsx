import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appDatabase } from '../../db/database.ts';
import { deleteRegisterDocument } from './documents-repository.ts';

/** Delete with a second click to confirm; refused while applications still use the document. */
export function DeleteDocument({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [usedBy, setUsedBy] = useState<number>();
  const remove = async () => {
    const outcome = await deleteRegisterDocument(appDatabase(), id);
    if (outcome.deleted) onDeleted();
    else setUsedBy(outcome.usedBy);
  };
  return (
    <div className="form-actions">
      {confirming ? (
        <>
          <span>{t('documents.delete.confirm')}</span>
          <button type="button" onClick={() => void remove()} data-testid="document-delete-confirm">
            {t('documents.delete.yes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('documents.cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} data-testid="document-delete">
          {t('documents.delete.button')}
        </button>
      )}
      {usedBy !== undefined && (
        <span role="alert" data-testid="document-delete-refused">
          {t('documents.delete.inUse', { count: usedBy })}
        </span>
      )}
    </div>
  );
}
