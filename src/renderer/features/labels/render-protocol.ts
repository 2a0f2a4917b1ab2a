/**
 * Messages between the page and the labels worker. Only structured-clone-safe data: the PDF travels as a
 * transferred buffer, refusals as localisation keys with their figures.
 */
import type { Calibration, CustomTemplateInput, FieldsConfig, LabelProblem, LabelProductInput, ProductField } from './label-core.ts';

/** Where the worker fetches the label font from (absolute URLs of the bundled TTFs). */
export interface FontUrls {
  readonly regular: string;
  readonly bold: string;
}

/**
 * The job's template: a built-in one by its id, or a custom one as the figures the user gave (plain data, so
 * it survives structured clone; the worker checks it again with `defineTemplate`).
 */
export type JobTemplate = { readonly templateId: string } | { readonly templateId: string; readonly customTemplate: CustomTemplateInput };

export interface RenderJob {
  readonly products: readonly LabelProductInput[];
  /** A built-in template's id; with `customTemplate`, the custom template's own id. */
  readonly templateId: string;
  /** A template the user defined; when given, it is the job's template (see `JobTemplate`). */
  readonly customTemplate?: CustomTemplateInput;
  readonly dpi?: number;
  readonly fields: FieldsConfig;
  readonly startPosition: number;
  readonly calibration: Calibration;
  /** Also make ZPL (thermal templates only). */
  readonly zpl: boolean;
}

export type WorkerRequest =
  | { readonly type: 'fonts'; readonly urls: FontUrls }
  | { readonly type: 'render'; readonly id: number; readonly job: RenderJob };

/** A queued product left out of the job, by its index in `products`. */
export interface ProductProblem {
  readonly index: number;
  readonly field: ProductField;
  readonly problem: LabelProblem;
}

export interface RenderedLabels {
  /** Backed by a plain ArrayBuffer (never shared): the bridge's channels take exactly that. */
  readonly pdf: Uint8Array<ArrayBuffer>;
  readonly zpl: string | null;
  readonly labelCount: number;
  readonly pageCount: number;
  readonly labelsPerPage: number;
  /** 0-based slot after the last label on the last page (for the next job on a partly used sheet). */
  readonly nextSlot: number;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
}

export type RenderOutcome =
  | { readonly kind: 'rendered'; readonly labels: RenderedLabels; readonly problems: readonly ProductProblem[] }
  /** The template and options cannot hold a compliant label (or every product was refused). */
  | { readonly kind: 'refused'; readonly problem: LabelProblem | null; readonly problems: readonly ProductProblem[] }
  | { readonly kind: 'failed'; readonly message: string }
  /** A newer job arrived before this one started; its result would be stale. */
  | { readonly kind: 'superseded' };

export interface WorkerReply {
  readonly id: number;
  readonly outcome: RenderOutcome;
}
