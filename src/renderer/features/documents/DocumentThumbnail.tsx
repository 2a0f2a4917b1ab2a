import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { appDatabase } from '../../db/database.ts';
import { BlobImage } from '../../app/components/BlobImage.tsx';
import { thumbnailIdOf } from './documents-repository.ts';

/** The first page of a register document's PDF, as drawn by pdf.js when the PDF was added. */
export function DocumentThumbnail({ pdfBlobId, testId }: { pdfBlobId: string | undefined; testId?: string }) {
  const { t } = useTranslation();
  const db = appDatabase();
  const thumbnail = useLiveQuery(async () => (pdfBlobId ? ((await db.blobs.get(thumbnailIdOf(pdfBlobId)))?.data ?? null) : null), [db, pdfBlobId]);
  if (!thumbnail) return <span className="document-thumbnail empty" aria-hidden="true" />;
  return <BlobImage blob={thumbnail} alt={t('documents.pdf.previewAlt')} className="document-thumbnail" testId={testId} />;
}
