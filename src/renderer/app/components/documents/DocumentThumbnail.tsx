import { useTranslation } from 'react-i18next';
import { useDocumentThumbnail } from '../../../db/hooks.ts';
import { BlobImage } from '../BlobImage.tsx';
import './documents.css';

/** The first page of a register document's PDF, as drawn by pdf.js when the PDF was added. */
export function DocumentThumbnail({ pdfBlobId, testId }: { pdfBlobId: string | undefined; testId?: string }) {
  const { t } = useTranslation();
  const thumbnail = useDocumentThumbnail(pdfBlobId);
  if (!thumbnail) return <span className="document-thumbnail empty" aria-hidden="true" />;
  return <BlobImage blob={thumbnail} alt={t('documents.pdf.previewAlt')} className="document-thumbnail" testId={testId} />;
}
