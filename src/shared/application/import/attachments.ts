/**
 * Photos and documents named in the spreadsheet (columns `photo_front` … `photo_bottom`, `document_files`):
 * paths relative to the spreadsheet's folder. The rules here are the ones every reader shares (the CLI reads
 * the disk, the app a folder the officer picked): which columns, which paths are safe, what a file must be
 * by its bytes and how large it may be. A bad path or file is a problem of its row, under its column.
 *
 * While rows are checked, a named file stands in the draft as a pending reference (`pendingFileRef`), so the
 * draft's own rules (FRONT and BACK photos for extended cards, a document for medicines) see it filled; the
 * reader that stores or sends the row replaces it with the real blob or upload.
 */
import type { ImageType } from '../../catalogue/dto.ts';
import { spreadsheetFormat } from './import.ts';
import { portalFileLimitBytes } from '../validate.ts';
import type { attachmentMessagesEn } from './attachment-messages.ts';
import type { ImportProblem } from './rows.ts';

/** A problem key of a photo or document column. */
export type AttachmentProblemKey = `application.import.files.${keyof typeof attachmentMessagesEn}`;

/** Photo column → the angle it fills. */
export const photoColumns: Readonly<Record<string, ImageType>> = {
  photo_front: 'front',
  photo_back: 'back',
  photo_left: 'left',
  photo_right: 'right',
  photo_top: 'top',
  photo_bottom: 'bottom',
};

export const documentColumn = 'document_files';
/** Several documents in one cell are separated by this. */
export const documentSeparator = '|';

/** The header of a photo column for an angle. */
export function photoColumnOf(slot: ImageType): string {
  return `photo_${slot}`;
}

/** A photo larger than this is refused even where it could be re-encoded: no phone or camera makes one. */
export const maxPhotoSourceBytes = 50 * 1024 * 1024;

export interface RowAttachment {
  /** The column's header in the default layout (`photo_front`, `document_files`): the problem's field. */
  field: string;
  kind: 'photo' | 'document';
  slot?: ImageType | undefined;
  /** Normalised, relative to the spreadsheet's folder, `/`-separated. */
  path: string;
}

const pendingPrefix = 'import-file:';

/** The stand-in a draft holds for a file named in the sheet until it is stored or uploaded. */
export function pendingFileRef(path: string): string {
  return `${pendingPrefix}${path}`;
}

/** The path of a pending reference, or undefined for a real blob id. */
export function pendingFilePath(ref: string | undefined): string | undefined {
  return ref?.startsWith(pendingPrefix) ? ref.slice(pendingPrefix.length) : undefined;
}

export type PathCheck = { ok: true; path: string } | { ok: false; key: AttachmentProblemKey };

/**
 * A cell's path made safe: backslashes read as `/` (Windows users type them), `./` dropped, `a/../b` folded.
 * Refused: an absolute path (`/x`, `C:\x`, `\\server\x`), a URL, a path that climbs out of the sheet's folder,
 * control characters.
 */
export function normaliseAttachmentPath(text: string): PathCheck {
  const raw = text.trim();
  if (raw === '') return { ok: false, key: 'application.import.files.emptyPath' };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/u.test(raw)) return { ok: false, key: 'application.import.files.unsafePath' };
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(raw) || /^[a-z]:/iu.test(raw) || raw.startsWith('/') || raw.startsWith('\\') || raw.startsWith('~')) {
    return { ok: false, key: 'application.import.files.absolutePath' };
  }
  const segments: string[] = [];
  for (const segment of raw.replaceAll('\\', '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { ok: false, key: 'application.import.files.outsideFolder' };
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0) return { ok: false, key: 'application.import.files.emptyPath' };
  return { ok: true, path: segments.join('/') };
}

/** The attachment column a header names, by the same matching as the other columns (case, spaces). */
export function attachmentColumn(header: string): { kind: 'photo'; slot: ImageType } | { kind: 'documents' } | undefined {
  const key = header.replace(/^\uFEFF/u, '').trim().toLowerCase();
  const slot = photoColumns[key];
  if (slot !== undefined) return { kind: 'photo', slot };
  return key === documentColumn ? { kind: 'documents' } : undefined;
}

/** The paths of one cell: one for a photo column, `|`-separated for documents (the same file once). */
export function cellPaths(kind: 'photo' | 'documents', text: string): PathCheck[] {
  const parts = kind === 'documents' ? text.split(documentSeparator).filter((part) => part.trim() !== '') : [text];
  const seen = new Set<string>();
  const out: PathCheck[] = [];
  for (const part of parts) {
    const check = normaliseAttachmentPath(part);
    if (check.ok) {
      if (seen.has(check.path)) continue;
      seen.add(check.path);
    }
    out.push(check);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ contents

export type ContentKind = 'jpeg' | 'png' | 'pdf' | 'heic' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'zip' | 'ole' | 'empty' | 'other';

/** Leading bytes `contentKind` looks at (a PDF may have junk before its header within the first 1 KB). */
export const headBytes = 1024;
/** Trailing bytes in which a complete PDF has its `%%EOF`. */
export const tailBytes = 2048;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((value, index) => bytes[at + index] === value);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first); at >= 0 && at + text.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    if (ascii(bytes, at, text.length) === text) return at;
  }
  return -1;
}

/** What a file is by its first bytes ("magic numbers"), never by its name. */
export function contentKind(head: Uint8Array): ContentKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 4, 4) === 'ftyp') return /hei[cx]|mif1|msf1|hev[cx]/u.test(ascii(head, 8, 24)) ? 'heic' : 'other';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(head, [0x42, 0x4d])) return 'bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (indexOfAscii(head.subarray(0, headBytes), '%PDF-') >= 0) return 'pdf';
  return 'other';
}

/** What a reader knows of a file without loading it whole. */
export interface FileProbe {
  size: number;
  /** The first `headBytes` bytes (fewer for a short file). */
  head: Uint8Array;
  /** The last `tailBytes` bytes. */
  tail: Uint8Array;
}

/** A file of the sheet's folder by its normalised relative path, or undefined when there is none. */
export type FileProber = (path: string) => Promise<FileProbe | undefined>;

export interface FileRules {
  /** Upload limit of the catalogue (5 MB) for photos and PDFs. */
  uploadBytes?: number;
  /**
   * True where photos over the upload limit are re-encoded (the app's photo worker); false where they cannot be
   * (the command line), so such a photo is a problem of its row.
   */
  reencodesPhotos: boolean;
}

const formatNames: Partial<Record<ContentKind, string>> = { heic: 'HEIC', gif: 'GIF', webp: 'WebP', bmp: 'BMP', tiff: 'TIFF', zip: 'ZIP (DOCX/XLSX)', ole: 'DOC/XLS', pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

/** The problem key and params of one file by what the reader found, or undefined when it passes. */
export function fileProblem(attachment: RowAttachment, probe: FileProbe | undefined, rules: FileRules): { key: AttachmentProblemKey; params: Record<string, string> } | undefined {
  const path = attachment.path;
  if (!probe) return { key: 'application.import.files.missing', params: { path } };
  const kind = contentKind(probe.head);
  if (kind === 'empty' || probe.size === 0) return { key: 'application.import.files.empty', params: { path } };
  const limit = rules.uploadBytes ?? portalFileLimitBytes;
  const size = { size: megabytes(probe.size), max: megabytes(limit) };
  if (attachment.kind === 'photo') {
    if (kind !== 'jpeg' && kind !== 'png') return { key: 'application.import.files.notPhoto', params: { path, format: formatNames[kind] ?? '?' } };
    if (probe.size > maxPhotoSourceBytes) return { key: 'application.import.files.tooLarge', params: { path, ...size, max: megabytes(maxPhotoSourceBytes) } };
    if (probe.size > limit && !rules.reencodesPhotos) return { key: 'application.import.files.photoNeedsReencoding', params: { path, ...size } };
    return undefined;
  }
  if (kind !== 'pdf') return { key: 'application.import.files.notPdf', params: { path, format: formatNames[kind] ?? '?' } };
  if (probe.size > limit) return { key: 'application.import.files.tooLarge', params: { path, ...size } };
  if (indexOfAscii(probe.tail, '%%EOF') < 0) return { key: 'application.import.files.pdfTruncated', params: { path } };
  return undefined;
}

/** A file as one kind of attachment: `photo:<path>` or `document:<path>`. */
export function attachmentKey(attachment: Pick<RowAttachment, 'kind' | 'path'>): string {
  return `${attachment.kind}:${attachment.path}`;
}

/** Rows whose files were looked at: each row's attachments, with the problems found added to the row. */
export interface RowWithAttachments {
  row: number;
  attachments: readonly RowAttachment[];
  problems: ImportProblem[];
}

/**
 * Looks at every file the rows name (each distinct path once) and adds a row problem, under the file's
 * column, for each missing or bad one. Returns the probes of the files that passed, by `attachmentKey` (a file
 * named as a photo on one row and as a document on another passes or fails each way on its own).
 */
export async function checkAttachments(rows: readonly RowWithAttachments[], probe: FileProber, rules: FileRules): Promise<Map<string, FileProbe>> {
  const probes = new Map<string, FileProbe | undefined>();
  const passed = new Map<string, FileProbe>();
  for (const row of rows) {
    for (const attachment of row.attachments) {
      if (!probes.has(attachment.path)) probes.set(attachment.path, await probe(attachment.path));
      const found = probes.get(attachment.path);
      const problem = fileProblem(attachment, found, rules);
      if (problem) row.problems.push({ row: row.row, field: attachment.field, group: attachment.kind === 'photo' ? 'photos' : 'documents', key: problem.key, params: problem.params, severity: 'error' });
      else if (found) passed.set(attachmentKey(attachment), found);
    }
  }
  return passed;
}

/** The probe of an in-memory file (tests, and readers that hold the bytes anyway). */
export function probeBytes(bytes: Uint8Array): FileProbe {
  return { size: bytes.length, head: bytes.subarray(0, headBytes), tail: bytes.subarray(Math.max(0, bytes.length - tailBytes)) };
}

/** A register document's number from its file name: `ЕАЭС KZ 1100317.05.01.05103.pdf` → without `.pdf`. */
export function documentNumberFromPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.pdf$/iu, '').trim() || name;
}

/** A file chosen with others: where it sits among them (`folder/sub/name.jpg`, or just its name). */
export interface ChosenEntry<F> {
  path: string;
  file: F;
}

/**
 * The spreadsheet among chosen files (a folder picked or dropped): the shallowest CSV/XLSX, ties by path; the
 * other files under its folder keyed by their path relative to it, the way the sheet names them.
 */
export function sheetAmong<F extends { readonly name: string }>(chosen: readonly ChosenEntry<F>[]): { sheet: F; files: ChosenEntry<F>[]; otherSheets: number } | undefined {
  const depth = (path: string) => path.split('/').length;
  const sheets = chosen.filter((entry) => spreadsheetFormat(entry.file.name) !== undefined).sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const first = sheets[0];
  if (!first) return undefined;
  const folder = first.path.slice(0, first.path.lastIndexOf('/') + 1);
  const files: ChosenEntry<F>[] = [];
  for (const entry of chosen) {
    if (entry === first || !entry.path.startsWith(folder)) continue;
    const relative = normaliseAttachmentPath(entry.path.slice(folder.length));
    if (relative.ok) files.push({ path: relative.path, file: entry.file });
  }
  return { sheet: first.file, files, otherSheets: sheets.length - 1 };
}
