export { validateBin, validateIin, kzIdCheckDigit, type BinCheck, type BinEntityType, type BinUnitAttribute, type IinCheck } from './bin.ts';
export type { CodeCheck, CodeFailure, CodeProblem, CodeProblemKey } from './check.ts';
export {
  conformityExamples,
  eaeuCountries,
  validateConformityNumber,
  type ConformityCheck,
  type ConformityDocType,
  type ConformityUnion,
  type EaeuCountry,
} from './conformity.ts';
export { gs1CheckDigit, hasValidGs1CheckDigit } from './gs1.ts';
export { gtinLengths, gtinToEan13, normalizeGtin, validateGtin, type GtinCheck, type GtinLength } from './gtin.ts';
export { codesMessages, type CodesMessageKey } from './messages.ts';
export { joinMultiValue, splitMultiValue } from './multi-value.ts';
export { isNtin, ntinPrefix, validateNtin } from './ntin.ts';
export { oktruAncestors, oktruLevel, oktruParent, oktruSegmentLengths, validateOktru, type OktruCheck, type OktruLevel } from './oktru.ts';
export { codeSchema } from './schema.ts';
export { validateTnved } from './tnved.ts';
export { codeKinds, isCodeKind, validateCode, type CodeKind } from './validate.ts';
export { validateXtin, xtinPrefix } from './xtin.ts';
