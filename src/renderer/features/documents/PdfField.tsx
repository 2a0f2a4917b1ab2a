import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { portalFileLimitBytes } from '../../../shared/application/validate.ts';
import { BlobImage } from '../../app/components/BlobImage.tsx';
import { errorText } from '../../app/errors.ts';
import { formatFileSize, formatMegabytes, type Translate } from '../../app/format.ts';
import type { CheckedPdf } from '../../db/documents.ts';
import { useStoredPdf } from '../../db/hooks.ts';
import { inspectPdf, type PdfProblem } from '../../workers/pdf-inspection.ts';

export interface AcceptedPdf extends CheckedPdf {
  pages: number;
}

type Refusal = { fileName: string; problem: PdfProblem } | { fileName: string; failure: unknown };

function problemMessage(t: Translate, refusal: Refusal, locale: string): string {
  const fileName = refusal.fileName;
  if ('failure' in refusal) return t('documents.pdf.problem.failed', { fileName, message: t(errorText(refusal.failure).key) });
  const { problem } = refusal;
  switch (problem.code) {
    case 'notPdf':
      return t('documents.pdf.problem.notPdf', { fileName, actual: t(`documents.pdf.actual.${problem.actual}`) });
    case 'tooLarge':
      return t('documents.pdf.problem.tooLarge', { fileName, size: formatMegabytes(problem.bytes, locale), max: formatMegabytes(problem.maxBytes, locale).replace(/[.,]0$/u, '') });
    case 'corrupt':
      return t(problem.truncated ? 'documents.pdf.problem.truncated' : 'documents.pdf.problem.corrupt', { fileName });
    default:
      return t(`documents.pdf.problem.${problem.code}`, { fileName });
  }
}

interface PdfFieldProps {
  /** The PDF already stored for this document, if any. */
  storedBlobId: string | undefined;
  /** A PDF checked in this form but not saved yet. */
  pending: AcceptedPdf | undefined;
  onAccepted: (pdf: AcceptedPdf) => void;
  onCheckingChange: (checking: boolean) => void;
}

/**
 * The document's PDF: chosen or dropped, checked (by its bytes, then opened with pdf.js in its worker), previewed
 * as its first page. A refused file changes nothing: the form keeps every field and the PDF it had.
 */
export function PdfField({ storedBlobId, pending, onAccepted, onCheckingChange }: PdfFieldProps) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  // How many files were checked so far: lets a test (or a screen reader's live region) tell one outcome from the next.
  const [checkedCount, setCheckedCount] = useState(0);
  const stored = useStoredPdf(storedBlobId);

  const check = async (file: File) => {
    setChecking(true);
    onCheckingChange(true);
    setRefusal(undefined);
    try {
      const inspection = await inspectPdf(file, { maxBytes: portalFileLimitBytes, thumbnailWidth: 240 });
      if (inspection.ok) onAccepted({ file, thumbnail: inspection.facts.thumbnail, pages: inspection.facts.pages });
      else setRefusal({ fileName: file.name, problem: inspection.problem });
    } catch (error) {
      setRefusal({ fileName: file.name, failure: error });
    } finally {
      setChecking(false);
      setCheckedCount((count) => count + 1);
      onCheckingChange(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file && !checking) void check(file);
  };

  const shownFile = pending?.file ?? stored?.pdf?.data;
  const shownName = pending?.file.name ?? (stored?.pdf?.data instanceof File ? stored.pdf.data.name : undefined);
  const thumbnail = pending?.thumbnail ?? stored?.thumbnail?.data;
  return (
    <div className="pdf-field" onDragOver={(event) => event.preventDefault()} onDrop={onDrop} data-testid="document-pdf" data-checked={checkedCount}>
      <span className="pdf-label">{t('documents.field.pdf')}</span>
      <div className="pdf-body">
        {thumbnail && <BlobImage blob={thumbnail} alt={t('documents.pdf.previewAlt')} className="pdf-preview" testId="document-pdf-preview" />}
        <div className="pdf-text">
          {shownFile ? (
            <p data-testid="document-pdf-facts">
              {t('documents.pdf.facts', { fileName: shownName ?? 'PDF', size: formatFileSize(shownFile.size, i18n.language) })}
              {pending && <> · {t('documents.pdf.pages', { pages: pending.pages })}</>}
            </p>
          ) : (
            <p className="pdf-none">{t('documents.pdf.none')}</p>
          )}
          <p className="hint">{t('documents.hint.pdf')}</p>
          <input
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            hidden
            data-testid="document-pdf-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void check(file);
            }}
          />
          <button type="button" disabled={checking} onClick={() => input.current?.click()} data-testid="document-pdf-choose">
            {shownFile ? t('documents.pdf.replace') : t('documents.pdf.choose')}
          </button>{' '}
          <span className="hint">{t('documents.pdf.drop')}</span>
          {checking && (
            <p role="status" data-testid="document-pdf-checking">
              {t('documents.pdf.checking')}
            </p>
          )}
          {refusal && (
            <p role="alert" className="pdf-error" data-testid="document-pdf-error" data-code={'problem' in refusal ? (refusal.problem.code === 'corrupt' && refusal.problem.truncated ? 'truncated' : refusal.problem.code) : 'failed'}>
              {problemMessage(t, refusal, i18n.language)} {t('documents.pdf.unchanged')}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
