/**
 * What a scanner, a camera or a keyboard delivers, turned into the one code the catalogue copy is searched by
 * (domain-rules §9.3): left-pad to 14 digits, check the GS1 check digit, and treat `00200…` as an NTIN.
 * Padding rather than stripping zeros is what brings back an NTIN read in UPC-A mode (`200…`, 12 digits).
 */
import { gs1CheckDigit } from '../codes/gs1.ts';

/** How the code arrived, by its shape. */
export type ScanForm = 'ean8' | 'upca' | 'ean13' | 'gtin14' | 'gs1';

export type ScanCode =
  | {
      readonly valid: true;
      readonly input: string;
      readonly form: ScanForm;
      /** Always 14 digits. */
      readonly gtin14: string;
      /** The 13-digit NTIN when the code is one (`^0200\d{9}$` after padding), else undefined. */
      readonly ntin: string | undefined;
    }
  | { readonly valid: false; readonly input: string; readonly problem: ScanProblem };

export type ScanProblem =
  | { readonly key: 'inspection.code.empty' }
  | { readonly key: 'inspection.code.notDigits'; readonly params: { char: string } }
  | { readonly key: 'inspection.code.badLength'; readonly params: { length: number } }
  | { readonly key: 'inspection.code.allZeros' }
  | { readonly key: 'inspection.code.badCheckDigit'; readonly params: { expected: number; actual: number } }
  | { readonly key: 'inspection.code.noGtinInGs1' };

const NTIN_PATTERN = /^0200\d{9}$/u;
const GROUP_SEPARATOR = '\u001d';
/** AIM symbology identifiers a scanner may prefix: ]d2 DataMatrix, ]C1 GS1-128, ]Q3 QR, ]e0 DataBar, ]E0 EAN. */
const SYMBOLOGY_ID = /^\][A-Za-z][0-9]/u;

const lengthForm: Record<number, ScanForm> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

/**
 * The GTIN-14 of a GS1 element string, in its bracketed human form `(01)04870…(21)…` or raw form with FNC1 as
 * the group separator (GS, 0x1D): `01` + 14 digits at the start of the data, or right after a separator.
 * Undefined when the string is not GS1 element data; '' when it is but carries no AI 01.
 */
function gtinOfElementString(data: string): string | undefined {
  const bracketed = /\(01\)(\d{14})/u.exec(data);
  if (bracketed) return bracketed[1];
  if (data.startsWith('(')) return /^\(\d{2,4}\)/u.test(data) ? '' : undefined;
  const isRaw = data.includes(GROUP_SEPARATOR) || (data.length > 16 && /^01\d{14}/u.test(data));
  if (!isRaw) return undefined;
  for (const field of data.split(GROUP_SEPARATOR)) {
    const match = /^01(\d{14})/u.exec(field);
    if (match) return match[1];
  }
  return '';
}

function failure(input: string, problem: ScanProblem): ScanCode {
  return { valid: false, input, problem };
}

/**
 * Normalises one scan. Spaces and hyphens typed between digit groups are ignored; any other non-digit outside
 * a GS1 element string means it is not a product barcode.
 */
export function normaliseScan(raw: string): ScanCode {
  const input = raw.trim();
  let data = input.replace(SYMBOLOGY_ID, '');
  if (data === '') return failure(input, { key: 'inspection.code.empty' });
  let form: ScanForm | undefined;
  const fromGs1 = gtinOfElementString(data);
  if (fromGs1 === '') return failure(input, { key: 'inspection.code.noGtinInGs1' });
  if (fromGs1 !== undefined) {
    data = fromGs1;
    form = 'gs1';
  } else {
    data = data.replace(/[\s-]+/gu, '');
    const offender = /[^0-9]/u.exec(data);
    if (offender) return failure(input, { key: 'inspection.code.notDigits', params: { char: offender[0] } });
    form = lengthForm[data.length];
    if (!form) return failure(input, { key: 'inspection.code.badLength', params: { length: data.length } });
  }
  if (/^0+$/u.test(data)) return failure(input, { key: 'inspection.code.allZeros' });
  const expected = gs1CheckDigit(data.slice(0, -1));
  const actual = Number(data.slice(-1));
  if (expected !== actual) return failure(input, { key: 'inspection.code.badCheckDigit', params: { expected, actual } });
  const gtin14 = data.padStart(14, '0');
  const thirteen = gtin14.slice(1);
  const ntin = gtin14.startsWith('0') && NTIN_PATTERN.test(thirteen) ? thirteen : undefined;
  return { valid: true, input, form, gtin14, ntin };
}

/** The number an NTIN's serial stands for (`0200` + 8 digits + check): higher = assigned later. */
export function ntinSerial(ntin: string): number {
  return Number(ntin.slice(4, 12));
}

/** The 14-digit form of a GTIN as stored in the copy, or '' when the value is not a valid GTIN. */
export function gtinKey(value: string): string {
  const scan = normaliseScan(value);
  return scan.valid && scan.form !== 'gs1' ? scan.gtin14 : '';
}
