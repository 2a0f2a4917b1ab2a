export { advanceCopyInfo, copyCardFromRow, emptyCopyInfo, supersedes, type CopyCard, type CopyInfo } from './copy-card.ts';
export { defaultFineTables, isDefaultFineSource } from './fine-defaults.ts';
export {
  checkFineTables,
  entityCategories,
  estimateFine,
  fineMessage,
  fineRuleColumns,
  fineTableProblemText,
  fineTablesFile,
  fineTablesFormat,
  fineTablesSchema,
  maxFineRules,
  maxFineTablesFileChars,
  maxMciValues,
  mciValueColumns,
  offenceKinds,
  parseFineTables,
  type EntityCategory,
  type FineCase,
  type FineEstimate,
  type FineRule,
  type FineTableColumn,
  type FineTableName,
  type FineTableProblem,
  type FineTables,
  type FineTablesCheck,
  type MciValue,
  type OffenceKind,
} from './fines.ts';
export { inspectionMessages } from './messages.ts';
export { newInspection } from './new-inspection.ts';
export { gtinKey, normaliseScan, ntinSerial, type ScanCode, type ScanForm, type ScanProblem } from './scan-code.ts';
export { inspectionSearchWords, isValidOrganisationId, totalsByVerdict, violationCount, type Inspection, type InspectionItem } from './session.ts';
export { pullSnapshot, type SnapshotPullOptions } from './snapshot-pull.ts';
export { createSnapshotWriter, isSnapshotError, readSnapshotCards, SnapshotError, snapshotFileName, snapshotFormat, verifySnapshot, type SnapshotHeader, type SnapshotProblem } from './snapshot.ts';
export { checkScan, verdictFor, verdictKey, verdictKinds, verdictRecord, type CopyLookup, type Verdict, type VerdictKind } from './verdict.ts';
export { checkDraft, draftOf, draftRowKey, fineRulePairs, isBlankRule, numberFromCell, type FineRuleDraft, type FineTablesDraft, type MciValueDraft } from './fine-draft.ts';
