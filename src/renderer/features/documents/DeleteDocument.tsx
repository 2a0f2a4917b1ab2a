import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { useDatabase } from '../../db/context.tsx';
import { deleteRegisterDocument } from '../../db/documents.ts';

/** Delete with a second click to confirm; refused while applications still use the document. */
export function DeleteDocument({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const db = useDatabase();
  const [usedBy, setUsedBy] = useState<number>();
  const [failure, setFailure] = useState<unknown>();
  const remove = async () => {
    setFailure(undefined);
    try {
      const outcome = await deleteRegisterDocument(db, id);
      if (outcome.deleted) onDeleted();
      else setUsedBy(outcome.usedBy);
    } catch (error) {
      setFailure(error);
    }
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
      {failure !== undefined && <ErrorMessage error={failure} inline />}
      {usedBy !== undefined && (
        <span role="alert" data-testid="document-delete-refused">
          {t('documents.delete.inUse', { count: usedBy })}
        </span>
      )}
    </div>
  );
}
