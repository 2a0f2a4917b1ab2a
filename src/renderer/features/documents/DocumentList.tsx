import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentSummary } from '../../app/components/documents/DocumentSummary.tsx';
import { DocumentThumbnail } from '../../app/components/documents/DocumentThumbnail.tsx';
import { formatProgress } from '../../app/format.ts';
import { routeHref } from '../../app/router.ts';
import { useRegister } from '../../db/hooks.ts';

/** The register: every document with its first page, status and a link to edit it. */
export function DocumentList() {
  const { t, i18n } = useTranslation();
  const documents = useRegister();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim().toLocaleLowerCase());
  if (documents === undefined) return <p>{t('ui.loading')}</p>;
  const shown = deferredQuery
    ? documents.filter((document) => [document.number, document.technicalRegulation, document.issuer].some((text) => text?.toLocaleLowerCase().includes(deferredQuery)))
    : documents;
  return (
    <>
      <div className="list-toolbar">
        <a className="button" href={routeHref('documents', 'new')} data-testid="document-add">
          {t('documents.add')}
        </a>
        {documents.length > 0 && <input type="search" className="document-search" aria-label={t('documents.search')} placeholder={t('documents.search')} value={query} onChange={(event) => setQuery(event.target.value)} />}
      </div>
      {documents.length === 0 ? (
        <p className="empty-state">{t('documents.empty')}</p>
      ) : (
        <>
          <p className="list-count">{t('documents.count', { shown: formatProgress(shown.length, documents.length, i18n.language) })}</p>
          <ul className="document-list" data-testid="documents-list">
            {shown.map((document) => (
              <li key={document.id} className="document-row" data-testid="document-row" data-number={document.number}>
                <DocumentThumbnail pdfBlobId={document.blobId} testId="document-row-thumbnail" />
                <DocumentSummary document={document} />
                <a className="button" href={routeHref('documents', document.id)} data-testid="document-edit">
                  {t('documents.edit')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
