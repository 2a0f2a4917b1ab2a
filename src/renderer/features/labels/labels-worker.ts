/**
 * The labels worker: checks the queued products against the label font, lays them out and draws the PDF
 * (and ZPL for thermal stock) off the UI thread, so a queue of thousands of labels never freezes scanning.
 *
 * Jobs are coalesced: while one renders, only the newest waiting job is kept; an older waiting one is
 * answered `superseded` at once, because the page only ever shows the latest settings.
 */
import {
  checkLabelItem,
  createFontMetrics,
  defineTemplate,
  isLabelError,
  labelsPerPage,
  layoutLabels,
  renderLabelsPdf,
  renderLabelsZpl,
  type FontMetrics,
  type LabelFonts,
  type LabelItem,
  type LabelLayout,
} from '../../../shared/labels/index.ts';
import type { FontUrls, ProductProblem, RenderJob, RenderOutcome, WorkerReply, WorkerRequest } from './render-protocol.ts';

interface LoadedFonts {
  readonly fonts: LabelFonts;
  readonly metrics: FontMetrics;
}

let fontUrls: FontUrls | undefined;
let loadedFonts: Promise<LoadedFonts> | undefined;
let waiting: { id: number; job: RenderJob } | null = null;
let busy = false;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetched and measured once per worker; a failed fetch is tried again on the next job. */
function loadFonts(): Promise<LoadedFonts> {
  const urls = fontUrls;
  if (!urls) return Promise.reject(new Error('The label font was not announced to the worker.'));
  loadedFonts ??= Promise.all([fetchBytes(urls.regular), fetchBytes(urls.bold)]).then(([regular, bold]) => {
    const fonts = { regular, bold };
    return { fonts, metrics: createFontMetrics(fonts) };
  });
  loadedFonts.catch(() => {
    loadedFonts = undefined;
  });
  return loadedFonts;
}

/** 0-based slot after the last label: where the next job would start on the last, partly used sheet. */
function nextSlotOf(layout: LabelLayout): number {
  const lastPage = layout.pages[layout.pages.length - 1];
  const lastLabel = lastPage?.labels[lastPage.labels.length - 1];
  return lastLabel ? lastLabel.slot + 1 : 0;
}

async function render(job: RenderJob): Promise<RenderOutcome> {
  const { fonts, metrics } = await loadFonts();
  const problems: ProductProblem[] = [];
  const items: LabelItem[] = [];
  job.products.forEach((product, index) => {
    // With the metrics, a character the font cannot draw is caught here, per product, not as a blank box.
    const check = checkLabelItem(product, { metrics });
    if (check.ok) items.push(check.item);
    else problems.push(...check.problems.map(({ field, problem }) => ({ index, field, problem })));
  });
  if (items.length === 0) return { kind: 'refused', problem: null, problems };
  try {
    const layout = layoutLabels(
      items,
      {
        // A custom template is checked here as well: a stored one could come from an older, laxer version.
        template: job.customTemplate ? defineTemplate(job.customTemplate) : job.templateId,
        ...(job.dpi === undefined ? {} : { dpi: job.dpi }),
        fields: job.fields,
        startPosition: job.startPosition,
        calibration: job.calibration,
      },
      metrics,
    );
    // pdf-lib builds its output in an ordinary ArrayBuffer; the typings only say "some buffer".
    const pdf = (await renderLabelsPdf(layout, fonts, { title: 'NCG Desk labels' })) as Uint8Array<ArrayBuffer>;
    const zpl = job.zpl && layout.template.kind === 'thermal' ? renderLabelsZpl(layout, metrics) : null;
    return {
      kind: 'rendered',
      problems,
      labels: {
        pdf,
        zpl,
        labelCount: layout.labelCount,
        pageCount: layout.pages.length,
        labelsPerPage: labelsPerPage(layout.template),
        nextSlot: nextSlotOf(layout),
        pageWidthMm: layout.pageWidthMm,
        pageHeightMm: layout.pageHeightMm,
      },
    };
  } catch (error) {
    if (isLabelError(error)) return { kind: 'refused', problem: error.problem, problems };
    throw error;
  }
}

function reply(id: number, outcome: RenderOutcome): void {
  const message: WorkerReply = { id, outcome };
  const transfer = outcome.kind === 'rendered' ? [outcome.labels.pdf.buffer] : [];
  self.postMessage(message, { transfer });
}

async function drain(): Promise<void> {
  busy = true;
  while (waiting) {
    const { id, job } = waiting;
    waiting = null;
    try {
      reply(id, await render(job));
    } catch (error) {
      reply(id, { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
  busy = false;
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'fonts') {
    fontUrls = message.urls;
    return;
  }
  if (waiting) reply(waiting.id, { kind: 'superseded' });
  waiting = { id: message.id, job: message.job };
  if (!busy) void drain();
});
