/**
 * A chosen file's bytes → a table, or the reason it is no spreadsheet at all. The core decides by the name and
 * the ZIP signature; before that, the bytes are looked at, because a PDF, a photo or an old .xls renamed to
 * .csv would otherwise be "decoded" as Windows-1251 and shown as rows of gibberish.
 */
import { looksLikeZip, readSpreadsheet, spreadsheetFormat, type ImportTable } from '../../../shared/application/import/index.ts';

export type NotSpreadsheetReason = 'importer.failed.notSpreadsheet' | 'importer.failed.legacyExcel';

export type ReadOutcome = { ok: true; table: ImportTable } | { ok: false; key: NotSpreadsheetReason | 'application.import.unsupportedFormat' };

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const binarySignatures: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

/** UTF-16 text has a byte-order mark (decode.ts); without one, a NUL byte means binary data, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  if (binarySignatures.some((signature) => startsWith(bytes, signature))) return true;
  const probe = bytes.subarray(0, 8192);
  return probe.includes(0);
}

export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  if (startsWith(bytes, oleSignature)) return { ok: false, key: 'importer.failed.legacyExcel' };
  const byName = spreadsheetFormat(fileName);
  const format = looksLikeZip(bytes) ? 'xlsx' : byName;
  if (!format) return { ok: false, key: 'application.import.unsupportedFormat' };
  if (format === 'csv' && looksBinary(bytes)) return { ok: false, key: 'importer.failed.notSpreadsheet' };
  return { ok: true, table: await readSpreadsheet(bytes, format) };
}
