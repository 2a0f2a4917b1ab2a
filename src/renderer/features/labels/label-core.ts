/**
 * The parts of the label core (src/shared/labels) the page thread uses, imported module by module: the
 * core's index also exports the layout and the renderers, which bring pdf-lib and fontkit (≈1.2 MB) into
 * whatever bundle imports it. Those belong to the worker's bundle alone (labels-worker.ts).
 */
import type { Calibration } from '../../../shared/labels/layout.ts';

export { ean13DigitsFor } from '../../../shared/labels/ean13.ts';
export { LabelError, isLabelError, type LabelProblem } from '../../../shared/labels/errors.ts';
export { textFieldNames, type FieldsConfig, type TextFieldName } from '../../../shared/labels/fields.ts';
export { DEFAULT_MAX_COPIES, checkLabelItem, type LabelProductInput, type ProductField } from '../../../shared/labels/records.ts';
export {
  defineTemplate,
  findTemplate,
  labelsPerPage,
  listTemplates,
  type CustomTemplateInput,
  type LabelTemplate,
  type TemplateKind,
} from '../../../shared/labels/templates.ts';
export type { Calibration };

/** The core's `noCalibration` (layout.ts would bring fontkit along): print where the template says. */
export const noCalibration: Calibration = { offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 };
