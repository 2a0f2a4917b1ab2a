import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { navigate } from '../../app/router.ts';
import { useDatabase } from '../../db/context.tsx';
import { startCardEdit } from './edit-card.ts';
import './applications.css';

export function EditCardForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const [ntin, setNtin] = useState('');
  const start = useMutation({
    mutationFn: () => startCardEdit(bridge, db, ntin),
    onSuccess: (outcome) => {
      if (outcome.ok) navigate('applications', outcome.id);
    },
  });
  const refusal = start.data && !start.data.ok ? t(start.data.key, start.data.params ?? {}) : undefined;
  return (
    <form
      className="list-toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      {/* As wide as its placeholder in every language, so the hint is never cut off. */}
      <input
        aria-label={t('ui.applications.editNtin')}
        placeholder={t('ui.applications.editNtin')}
        // `size` counts average characters; a little spare keeps wide letters of any language inside.
        size={Math.max(t('ui.applications.editNtin').length + 4, 16)}
        className="ntin-input"
        value={ntin}
        onChange={(event) => setNtin(event.target.value)}
        inputMode="numeric"
        data-testid="edit-ntin"
      />
      <button type="submit" disabled={!ntin.trim() || start.isPending}>{t('ui.applications.editCard')}</button>
      {refusal && <span role="alert" className="error-message">{refusal}</span>}
      {start.error && <ErrorMessage error={start.error} inline />}
    </form>
  );
}
