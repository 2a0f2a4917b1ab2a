/**
 * What the page and the labels worker exchange through the one worker channel (workers/rpc.ts). Only
 * structured-clone-safe data: the PDF travels as a transferred buffer, refusals as localisation keys with their
 * figures, failures as codes.
 */
import type { Calibration, CustomTemplateInput, FieldsConfig, LabelProblem, LabelProductInput, ProductField } from '../../../shared/labels/light.ts';

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

/** One call of the worker: the job, and where its font comes from (a fresh worker after a crash needs it too). */
export interface RenderRequest {
  readonly job: RenderJob;
  readonly fonts: FontUrls;
}

/** Why no labels were made, for the page to translate: the font could not be loaded, the worker stopped, or else. */
export const renderFailureCodes = ['fontUnavailable', 'crashed', 'failed'] as const;
export type RenderFailureCode = (typeof renderFailureCodes)[number];

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
  /** `message` is for logs; show `code` (see `renderFailureCodes`). */
  | { readonly kind: 'failed'; readonly code: RenderFailureCode; readonly message: string }
  /** A newer job arrived before this one started; its result would be stale. */
  | { readonly kind: 'superseded' };
