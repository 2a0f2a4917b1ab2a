import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDraft, ConformityDocument, DraftDocumentRef } from '../../../shared/application/draft.ts';
import { DocumentSummary } from '../../app/components/documents/DocumentSummary.tsx';
import { DocumentThumbnail } from '../../app/components/documents/DocumentThumbnail.tsx';
import { routeHref } from '../../app/router.ts';
import { useRegister } from '../../db/hooks.ts';

type Refs = ApplicationDraft['documents'];

/** The element id the editor's problem links point at (`fieldId('documents.2')` → `field-documents-2`). */
function refElementId(position: number): string {
  return `field-documents-${position}`;
}

/**
 * The editor's documents section: register entries attached to the draft as `{ documentId }` refs. One register
 * document serves many applications, so nothing is copied; expiry warnings come from the register entry itself.
 */
export function DocumentAttachments({ draft, onChange }: { draft: ApplicationDraft; onChange: (documents: Refs) => void }) {
  const { t } = useTranslation();
  const register = useRegister();
  const [chosen, setChosen] = useState('');

  // Start each change from the newest refs, not from the props of an older render.
  const latestRefs = useRef(draft.documents);
  useEffect(() => {
    latestRefs.current = draft.documents;
  }, [draft.documents]);
  const change = (next: Refs) => {
    latestRefs.current = next;
    onChange(next);
  };

  const byId = new Map((register ?? []).map((document) => [document.id, document]));
  const attachedIds = new Set(draft.documents.flatMap((ref) => (ref.documentId ? [ref.documentId] : [])));
  const available = (register ?? []).filter((document) => !attachedIds.has(document.id));
  const selected = available.some((document) => document.id === chosen) ? chosen : (available[0]?.id ?? '');

  const attach = () => {
    if (!selected || latestRefs.current.some((ref) => ref.documentId === selected)) return;
    change([...latestRefs.current, { documentId: selected }]);
  };
  const detach = (position: number) => change(latestRefs.current.filter((_, at) => at !== position));

  return (
    <section aria-labelledby="documents-title" id="field-documents" className="document-attachments" data-testid="document-attachments">
      <h2 id="documents-title">{t('documents.attachments.title')}</h2>
      <p className="documents-intro">{t('documents.attachments.intro')}</p>
      {draft.documents.length === 0 ? (
        <p>{t('documents.attachments.none')}</p>
      ) : (
        <ul className="document-list">
          {draft.documents.map((ref, position) => (
            <li key={`${ref.documentId ?? ref.fileName ?? ''}-${position}`} id={refElementId(position)} tabIndex={-1} className="document-row" data-testid="attached-document">
              <AttachedDocument reference={ref} document={ref.documentId ? byId.get(ref.documentId) : undefined} loading={register === undefined} />
              <button type="button" onClick={() => detach(position)} data-testid="document-detach">
                {t('documents.attachments.detach')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-toolbar">
        {available.length > 0 ? (
          <>
            <select aria-label={t('documents.attachments.choose')} value={selected} onChange={(event) => setChosen(event.target.value)} data-testid="document-choose">
              {available.map((document) => (
                <option key={document.id} value={document.id}>
                  {document.number} · {t(`documents.type.${document.type}`)}
                  {document.technicalRegulation ? ` · ${document.technicalRegulation}` : ''}
                </option>
              ))}
            </select>
            <button type="button" onClick={attach} data-testid="document-attach">
              {t('documents.attachments.attach')}
            </button>
          </>
        ) : (
          register?.length === 0 && <span>{t('documents.attachments.emptyRegister')}</span>
        )}
        <a href={routeHref('documents', 'new', 'for', draft.id)} data-testid="document-add-to-register">
          {t('documents.attachments.addToRegister')}
        </a>
      </div>
    </section>
  );
}

function AttachedDocument({ reference, document, loading }: { reference: DraftDocumentRef; document: ConformityDocument | undefined; loading: boolean }) {
  const { t } = useTranslation();
  // A document of a published card: the catalogue names its file by a UUID, which says nothing to the officer.
  if (!reference.documentId) return <span data-file-name={reference.fileName}>{t('applications.documentOnCatalogue')}</span>;
  if (loading) return <span>{t('ui.loading')}</span>;
  if (!document) {
    return (
      <span role="alert" className="field-error">
        {t('documents.attachments.missing')}
      </span>
    );
  }
  return (
    <>
      <DocumentThumbnail pdfBlobId={document.blobId} />
      <DocumentSummary document={document} />
    </>
  );
}
