import { useTranslation } from 'react-i18next';
import type { ConformityDocument } from '../../../../shared/application/draft.ts';
import { validateConformityNumber } from '../../../../shared/codes/conformity.ts';
import { ExpiryBadge } from './ExpiryBadge.tsx';
import { formatIsoDate } from '../../format.ts';
import './documents.css';

/** One register entry in words: number, type, issuing country, regulation, issuer, dates and whether it is in force. */
export function DocumentSummary({ document }: { document: ConformityDocument }) {
  const { t, i18n } = useTranslation();
  const check = validateConformityNumber(document.number);
  const dates = [document.issuedOn, document.expiresOn].map((date) => (date ? formatIsoDate(date, i18n.language) : '…'));
  return (
    <div className="document-summary">
      <strong data-testid="document-summary-number">{document.number}</strong>
      <span className="summary-line">
        {t(`documents.type.${document.type}`)}
        {check.valid && ` · ${t(`documents.country.${check.country}`)}`}
      </span>
      {document.technicalRegulation && <span className="summary-line" data-testid="document-summary-regulation">{document.technicalRegulation}</span>}
      {document.issuer && <span className="summary-line" data-testid="document-summary-issuer">{document.issuer}</span>}
      {(document.issuedOn || document.expiresOn) && <span className="summary-line">{dates.join(' – ')}</span>}
      <ExpiryBadge document={document} testId="document-expiry" />
      {!document.blobId && !document.fileName && <span className="field-error">{t('documents.pdf.none')}</span>}
    </div>
  );
}
