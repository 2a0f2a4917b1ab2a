import { useTranslation } from 'react-i18next';
import type { ConformityDocument } from '../../../../shared/application/draft.ts';
import { expiryOf } from '../../../../shared/application/expiry.ts';
import { localToday } from '../../../../shared/i18n/format.ts';
import { formatIsoDate } from '../../format.ts';

/**
 * Whether a document is in force, worded like the editor's checklist (the same `application.document.*` messages
 * that `validateDraft` reports), so the officer sees the same warning at the document and in the checklist.
 */
export function ExpiryBadge({ document, testId }: { document: ConformityDocument; testId?: string }) {
  const { t, i18n } = useTranslation();
  const expiry = expiryOf(document.expiresOn, localToday());
  const date = document.expiresOn ? formatIsoDate(document.expiresOn, i18n.language) : '';
  const text =
    expiry.state === 'expired'
      ? t('application.document.expired', { number: document.number, date })
      : expiry.state === 'soon'
        ? t('application.document.expiresSoon', { number: document.number, date, days: expiry.days })
        : expiry.state === 'valid'
          ? t('documents.status.valid', { date })
          : t('documents.status.noExpiry');
  return (
    <span className={`expiry expiry-${expiry.state}`} data-testid={testId} data-state={expiry.state} role={expiry.state === 'expired' || expiry.state === 'soon' ? 'status' : undefined}>
      {text}
    </span>
  );
}
