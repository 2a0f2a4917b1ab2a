import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldRemark } from '../../../shared/sync/status.ts';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { useDatabase } from '../../db/context.tsx';
import { queueDraftsForSending, type QueueOutcome } from '../../db/sync-store.ts';

/** The catalogue's remarks on one field (or the photo slots), right under it. */
export function FieldRemarks({ remarks, testId = 'field-remarks' }: { remarks: readonly FieldRemark[]; testId?: string }) {
  const { t } = useTranslation();
  if (remarks.length === 0) return null;
  return (
    <ul className="field-remarks" data-testid={testId}>
      {remarks.map((remark, index) => (
        <li key={`${remark.source}-${index}`} data-source={remark.source}>
          <strong>{t(`applications.remarks.${remark.source}`)}:</strong> <span data-catalogue-data="">{remark.comment}</span>
          {remark.value && remark.source !== 'photoCheck' ? <span className="remark-value"> ({t('applications.remarks.value', { value: remark.value })})</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * An application returned for revision: the moderator's general comment, remarks on fields this form does not
 * show, and "send again" in one action (the fixes are saved as typed; this queues the newest content).
 */
export function RevisionBanner({ id, general, remarks, fieldLabel }: { id: string; general: readonly FieldRemark[]; remarks: readonly FieldRemark[]; fieldLabel: (field: string) => ReactNode }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<QueueOutcome>();
  const [error, setError] = useState<unknown>();
  const resend = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await queueDraftsForSending(db, [id]));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="notice revision" aria-labelledby="revision-title" data-testid="revision-banner">
      <h2 id="revision-title">{t('applications.remarks.title')}</h2>
      <FieldRemarks remarks={general} testId="general-remarks" />
      {remarks.length > 0 && (
        <ul className="field-remarks" data-testid="other-remarks">
          {remarks.map((remark, index) => (
            <li key={`${remark.field}-${index}`}>
              <strong>{fieldLabel(remark.field)}:</strong> <span data-catalogue-data="">{remark.comment}</span>
            </li>
          ))}
        </ul>
      )}
      <p>{t('applications.remarks.explain')}</p>
      <button type="button" onClick={() => void resend()} disabled={busy} data-testid="resend">
        {t('applications.remarks.resend')}
      </button>
      {outcome && outcome.queued.length > 0 && <p role="status" data-testid="resent">{t('applications.remarks.resent')}</p>}
      {outcome && outcome.refused.length > 0 && (
        <div role="alert" className="error-message" data-testid="resend-refused">
          {t('applications.remarks.notResent')} {outcome.refused.flatMap((refusal) => refusal.problems.map((problem) => t(problem.code, problem.params ?? {}))).join('; ')}
        </div>
      )}
      {error !== undefined && <ErrorMessage error={error} inline />}
    </section>
  );
}
