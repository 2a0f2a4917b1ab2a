import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { useLabelQueue, usePrintOptions } from '../../db/label-queue.ts';
import {
  addToQueue,
  calibrationFor,
  chosenDpi,
  chosenTemplate,
  fieldToggles,
  jobTemplate,
  labelsPerPage,
  moveEntry,
  queueProducts,
  removeEntry,
  setCopies,
  type LabelProduct,
} from '../../../shared/labels/light.ts';
import { useLabelRender } from './label-renderer.ts';
import './labels.css';
import { OutputPanel } from './OutputPanel.tsx';
import { PdfPreview } from './PdfPreview.tsx';
import { PrintSettingsPanel } from './PrintSettingsPanel.tsx';
import { useProblemText } from './problem-text.ts';
import { QueueTable, type QueueActions } from './QueueTable.tsx';
import type { RenderJob } from './render-protocol.ts';
import { RenderStatus } from './RenderStatus.tsx';
import { ScanPanel } from './ScanPanel.tsx';

/**
 * The print queue for warehouse staff (`#/labels`): scan products into a queue that survives restarts, pick
 * the label stock and printer, check the preview — the job's own PDF — and print, save or send it.
 */
export function LabelsPage() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const problemText = useProblemText();
  const { entries: queue, update: updateQueue } = useLabelQueue();
  const [options, updateOptions] = usePrintOptions();
  // Not stored: it describes one partly used sheet (see print-options.ts).
  const [startPosition, setStartPosition] = useState(1);
  const printers = useQuery({ queryKey: ['print', 'printers'], queryFn: () => bridge.print.printers(), staleTime: 60_000 });

  const template = options ? chosenTemplate(options) : null;
  const printerList = printers.data?.printers ?? [];
  // A remembered printer that is gone (unplugged, another machine) falls back to the system dialog.
  const printerName = options && (printers.isPending || printerList.some((printer) => printer.name === options.printerName)) ? options.printerName : '';

  const job = useMemo<RenderJob | null>(() => {
    if (!queue || !options || !template || queue.length === 0) return null;
    const dpi = chosenDpi(template, options);
    return {
      products: queueProducts(queue),
      ...jobTemplate(template, options),
      ...(dpi === undefined ? {} : { dpi }),
      fields: fieldToggles(template, options),
      startPosition: Math.min(startPosition, labelsPerPage(template)),
      calibration: calibrationFor(options, printerName),
      zpl: template.kind === 'thermal',
    };
  }, [queue, options, template, startPosition, printerName]);
  const render = useLabelRender(job);
  const outcome = render.settled?.outcome ?? null;
  const rendered = render.current && outcome?.kind === 'rendered' ? outcome.labels : null;

  const productName = (index: number) => {
    const entry = queue?.[index];
    if (!entry) return String(index + 1);
    return (i18n.language === 'kk' ? entry.nameKk || entry.nameRu : entry.nameRu || entry.nameKk) || entry.code;
  };
  const problemsOf = (index: number): string[] =>
    render.current && outcome && outcome.kind !== 'failed' ? outcome.problems.filter((problem) => problem.index === index).map((problem) => problemText(problem.problem)) : [];

  // A change the database refused is shown (translated) until the next change succeeds.
  const [queueError, setQueueError] = useState<unknown>(null);
  const change = (edit: Parameters<typeof updateQueue>[0]) =>
    void updateQueue(edit).then(
      () => setQueueError(null),
      (error: unknown) => setQueueError(error),
    );
  const actions: QueueActions = {
    setCopies: (id, copies) => change((current) => setCopies(current, id, copies)),
    move: (id, delta) => change((current) => moveEntry(current, id, delta)),
    remove: (id) => change((current) => removeEntry(current, id)),
    clear: () => change(() => []),
  };
  const add = async (product: LabelProduct) => {
    await updateQueue((current) => addToQueue(current, product, crypto.randomUUID()));
  };

  return (
    <div className="labels-page">
      <h1>{t('printQueue.title')}</h1>
      <p className="labels-muted">{t('printQueue.intro')}</p>
      <div className="labels-layout">
        <div className="labels-column">
          <ScanPanel bridge={bridge} onAdd={add} />
          {queueError !== null && <ErrorMessage error={queueError} testId="queue-error" />}
          {queue && <QueueTable queue={queue} actions={actions} problemsOf={problemsOf} />}
        </div>
        <div className="labels-column">
          {options && template && (
            <>
              <PrintSettingsPanel
                options={options}
                update={updateOptions}
                template={template}
                printers={printerList}
                printerName={printerName}
                startPosition={startPosition}
                onStartPosition={setStartPosition}
              />
              <OutputPanel bridge={bridge} template={template} labels={rendered} printerName={printerName} options={options} update={updateOptions}>
                {job && <RenderStatus outcome={outcome} current={render.current} productName={productName} />}
              </OutputPanel>
            </>
          )}
          {job && outcome?.kind === 'rendered' ? (
            <PdfPreview bytes={outcome.labels.pdf} pageCount={outcome.labels.pageCount} stale={!render.current} />
          ) : (
            !job && <p className="labels-muted" data-testid="preview-empty">{t('printQueue.preview.empty')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
