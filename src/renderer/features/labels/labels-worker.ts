/**
 * The labels worker: checks the queued products against the label font, lays them out and draws the PDF
 * (and ZPL for thermal stock) off the UI thread, so a queue of thousands of labels never freezes scanning.
 * Spoken to through the one worker channel (workers/rpc.ts); the page coalesces jobs (label-renderer.ts).
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
import { exposeWorker, transfer, WorkerError } from '../../workers/rpc.ts';
import type { FontUrls, ProductProblem, RenderJob, RenderOutcome, RenderRequest } from './render-protocol.ts';

interface LoadedFonts {
  readonly fonts: LabelFonts;
  readonly metrics: FontMetrics;
}

let loadedFonts: Promise<LoadedFonts> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new WorkerError('fontUnavailable', `${url}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetched and measured once per worker; a failed fetch is tried again on the next job. */
function loadFonts(urls: FontUrls): Promise<LoadedFonts> {
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

async function render(job: RenderJob, urls: FontUrls): Promise<RenderOutcome> {
  const { fonts, metrics } = await loadFonts(urls).catch((error: unknown) => {
    // A fetch that failed outright (offline file, blocked URL) is the same trouble for the user as an HTTP error.
    throw error instanceof WorkerError ? error : new WorkerError('fontUnavailable', error instanceof Error ? error.message : String(error));
  });
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

const api = {
  /** One job → its outcome; the PDF's buffer is moved to the page, not copied. */
  async render({ job, fonts }: RenderRequest): Promise<RenderOutcome> {
    const outcome = await render(job, fonts);
    return outcome.kind === 'rendered' ? transfer(outcome, [outcome.labels.pdf.buffer]) : outcome;
  },
};

export type LabelsWorkerApi = typeof api;
exposeWorker(api);
