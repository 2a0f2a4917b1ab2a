import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCatalogueError } from '../../../shared/catalogue/errors.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { navigate } from '../../app/router.ts';
import { appDatabase } from '../../db/database.ts';
import { startCardEdit } from './edit-card.ts';

export function EditCardForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [ntin, setNtin] = useState('');
  const start = useMutation({
    mutationFn: () => startCardEdit(bridge, appDatabase(), ntin),
    onSuccess: (outcome) => {
      if (outcome.ok) navigate('applications', outcome.id);
    },
  });
  const refusal = start.data && !start.data.ok ? t(start.data.key, start.data.params ?? {}) : undefined;
  const failure = start.error ? (isCatalogueError(start.error) ? t(start.error.messageKey) : start.error.message) : undefined;
  return (
    <form
      className="list-toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <input aria-label={t('ui.applications.editNtin')} placeholder={t('ui.applications.editNtin')} value={ntin} onChange={(event) => setNtin(event.target.value)} inputMode="numeric" data-testid="edit-ntin" />
      <button type="submit" disabled={!ntin.trim() || start.isPending}>{t('ui.applications.editCard')}</button>
      {(refusal ?? failure) && <span role="alert">{refusal ?? t('ui.failed', { message: failure })}</span>}
    </form>
  );
}
