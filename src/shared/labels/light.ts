/*
 * The label core without fonts and renderers: templates, calibration, the product shape and its checks, the
 * layout model's types, the print queue and print options, product mapping and messages. Nothing here
 * reaches fontkit or pdf-lib (≈1.2 MB), so the page thread and quick commands import this; the layout
 * engine and the PDF/ZPL renderers are in index.ts (test/unit/labels/light.test.ts keeps it so).
 */
export { ean13DigitsFor, type Ean13Source } from './ean13.ts';
export { LabelError, isLabelError, type LabelParams, type LabelProblem, type LabelProblemKey } from './errors.ts';
export { fieldColumns, resolveFields, textFieldNames, type FieldStyle, type FieldsConfig, type ResolvedField, type TextFieldName } from './fields.ts';
export {
  arrangements,
  noCalibration,
  type Arrangement,
  type BarRect,
  type Box,
  type Calibration,
  type FaceName,
  type LabelContent,
  type LabelLayout,
  type LayoutOptions,
  type LayoutPage,
  type PlacedLabel,
  type SymbolGeometry,
  type TextRole,
  type TextRun,
} from './layout-model.ts';
export { labelsMessages, type LabelsMessageKey } from './messages.ts';
export {
  calibrationFor,
  chosenDpi,
  chosenTemplate,
  customTemplates,
  customToTemplate,
  defaultTemplateId,
  fieldToggles,
  jobTemplate,
  parsePrintOptions,
  type CustomTemplate,
  type FieldToggles,
  type JobTemplate,
  type PrintOptions,
} from './print-options.ts';
export {
  labelProductColumns,
  labelProductFields,
  labelProductText,
  labelTextFields,
  type LabelProduct,
  type LabelProductField,
  type LabelProductInput,
  type LabelProductText,
  type LabelTextField,
} from './product.ts';
export {
  bilingual,
  candidateFromCard,
  candidateFromDraft,
  candidateFromExportRow,
  draftNtin,
  labelProductFor,
  labelQuantity,
  printableCodes,
  type CodeKind,
  type DictionaryNames,
  type ProductCandidate,
} from './product-records.ts';
export { addToQueue, isValidCopies, labelProductSchema, moveEntry, parseQueue, queueProducts, removeEntry, setCopies, totalLabels, type QueueEntry } from './queue.ts';
export { DEFAULT_MAX_COPIES, checkLabelItem, productColumns, type FieldProblem, type ItemCheck, type LabelItem, type ProductField } from './records.ts';
export { classifyQuery, completeCandidate, defaultCodeKind, hasCode, mergeCandidates, type ScanQuery } from './scan-query.ts';
export {
  builtInTemplates,
  checkTemplate,
  defineTemplate,
  findTemplate,
  labelsPerPage,
  listTemplates,
  resolveTemplate,
  slotOrigin,
  type CustomTemplateInput,
  type Insets,
  type LabelTemplate,
  type TemplateKind,
} from './templates.ts';
export { unitSymbol } from './unit-symbols.ts';
export { mmToPt, ptToMm } from './units.ts';
