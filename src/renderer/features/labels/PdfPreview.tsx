import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawPdfPages } from './pdf-preview.ts';

const MAX_PAGES = 3;
const MAX_CSS_WIDTH = 400;
const MAX_CSS_HEIGHT = 570;

/**
 * The preview is the job's own PDF bytes drawn by pdf.js — the very file that is printed or saved — so what
 * the user checks is what the printer gets, bars and Kazakh letters included.
 */
export function PdfPreview({ bytes, pageCount, stale }: { bytes: Uint8Array; pageCount: number; stale: boolean }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState(false);
  const [drawnPages, setDrawnPages] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    drawPdfPages({ bytes, maxPages: MAX_PAGES, maxCssWidth: MAX_CSS_WIDTH, maxCssHeight: MAX_CSS_HEIGHT, pixelRatio: window.devicePixelRatio || 1 }, abort.signal)
      .then((pages) => {
        if (abort.signal.aborted || !holder.current) return;
        const figures = pages.map((page, index) => {
          const figure = document.createElement('figure');
          page.canvas.style.width = `${String(page.cssWidth)}px`;
          page.canvas.style.height = `${String(page.cssHeight)}px`;
          page.canvas.setAttribute('role', 'img');
          page.canvas.setAttribute('data-testid', 'preview-page');
          const caption = document.createElement('figcaption');
          caption.textContent = t('printQueue.preview.page', { page: index + 1, pages: pageCount });
          page.canvas.setAttribute('aria-label', caption.textContent);
          figure.append(page.canvas, caption);
          return figure;
        });
        // Swapped in at once, so the old pages stay until the new ones are complete.
        holder.current.replaceChildren(...figures);
        setDrawnPages(pages.length);
        setFailure(false);
      })
      .catch((error: unknown) => {
        // Logged for the developer; the reader gets a sentence in their language.
        if (!abort.signal.aborted) {
          console.error('labels preview', error);
          setFailure(true);
        }
      });
    return () => abort.abort();
  }, [bytes, pageCount, t]);

  return (
    <section className="labels-panel" aria-labelledby="labels-preview-title">
      <h2 id="labels-preview-title">{t('printQueue.preview.title')}</h2>
      {failure && <p className="labels-error" role="alert" data-testid="preview-failed">{t('printQueue.preview.failed')}</p>}
      <div ref={holder} className={stale ? 'labels-preview labels-stale' : 'labels-preview'} data-testid="label-preview" aria-busy={stale} />
      {drawnPages > 0 && pageCount > drawnPages && <p className="labels-muted">{t('printQueue.preview.morePages', { count: pageCount - drawnPages })}</p>}
    </section>
  );
}
