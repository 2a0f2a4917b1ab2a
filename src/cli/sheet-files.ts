/**
 * The photos and documents a spreadsheet names (columns `photo_*`, `document_files`), read from disk relative
 * to the spreadsheet's folder: the core's rules (attachments.ts) plus what only a reader of the whole file can
 * tell — a symbolic link that leads out of the folder, and a PDF that does not open (pdf-lib parses it).
 */
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  attachmentKey,
  checkAttachments,
  headBytes,
  pendingFilePath,
  tailBytes,
  type FileProbe,
  type ImportedRow,
  type ImportProblem,
  type RowAttachment,
} from '../shared/application/import/index.ts';
import type { ApplicationDraft } from '../shared/application/draft.ts';
import type { SyncFile } from '../shared/sync/types.ts';

/** Where a relative path of the sheet is on disk, or undefined when it is not a file inside the sheet's folder. */
export async function locateSheetFile(folder: string, path: string): Promise<string | undefined> {
  const candidate = resolve(folder, ...path.split('/'));
  try {
    const [real, realFolder] = await Promise.all([realpath(candidate), realpath(folder)]);
    // A link inside the folder may point anywhere: what is read must really live under the folder.
    if (real !== realFolder && !real.startsWith(realFolder.endsWith(sep) ? realFolder : `${realFolder}${sep}`)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function probeFile(location: string): Promise<FileProbe> {
  const handle = await open(location, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, headBytes));
    await handle.read(head, 0, head.length, 0);
    const tail = new Uint8Array(Math.min(size, tailBytes));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { size, head, tail };
  } finally {
    await handle.close();
  }
}

/** A PDF that passed the envelope checks, opened: damaged, encrypted or empty ones are refused. */
async function pdfProblem(location: string): Promise<'pdfUnreadable' | 'pdfEncrypted' | 'pdfNoPages' | undefined> {
  try {
    // Opened despite encryption so that an encrypted file is told as such, not as damaged.
    const document = await PDFDocument.load(await readFile(location), { updateMetadata: false, ignoreEncryption: true });
    if (document.isEncrypted) return 'pdfEncrypted';
    return document.getPageCount() < 1 ? 'pdfNoPages' : undefined;
  } catch {
    return 'pdfUnreadable';
  }
}

export interface SheetFiles {
  /** Absolute location of each file that passed, by its path in the sheet. */
  locations: Map<string, string>;
  /** Sizes by path, for the sync jobs. */
  sizes: Map<string, number>;
}

/**
 * Checks every file the rows name and adds each problem to its row (under the file's column). The command line
 * cannot re-encode photos, so a photo over 5 MB is a problem here (the app makes it smaller).
 */
export async function checkSheetFiles(rows: readonly ImportedRow[], sheetPath: string): Promise<SheetFiles> {
  const folder = dirname(resolve(sheetPath));
  const locations = new Map<string, string>();
  const passed = await checkAttachments(
    rows,
    async (path) => {
      const location = await locateSheetFile(folder, path);
      if (location === undefined) return undefined;
      locations.set(path, location);
      return probeFile(location);
    },
    { reencodesPhotos: false },
  );
  const pdfVerdicts = new Map<string, Awaited<ReturnType<typeof pdfProblem>>>();
  for (const row of rows) {
    for (const attachment of row.attachments) {
      const location = locations.get(attachment.path);
      if (attachment.kind !== 'document' || !passed.has(attachmentKey(attachment)) || location === undefined) continue;
      if (!pdfVerdicts.has(attachment.path)) pdfVerdicts.set(attachment.path, await pdfProblem(location));
      const verdict = pdfVerdicts.get(attachment.path);
      if (verdict) row.problems.push({ row: row.row, field: attachment.field, group: 'documents', key: `application.import.files.${verdict}`, params: { path: attachment.path }, severity: 'error' });
    }
  }
  const sizes = new Map<string, number>();
  for (const row of rows) {
    for (const attachment of row.attachments) {
      const probe = passed.get(attachmentKey(attachment));
      if (probe && !(attachment.kind === 'document' && pdfVerdicts.get(attachment.path))) sizes.set(attachment.path, probe.size);
    }
  }
  return { locations: new Map([...locations].filter(([path]) => sizes.has(path))), sizes };
}

/** The file problems added to rows, merged back into a sorted list of the file's problems. */
export function allProblems(rows: readonly ImportedRow[], earlier: readonly ImportProblem[]): ImportProblem[] {
  const rowNumbers = new Set(rows.map((row) => row.row));
  return [...earlier.filter((problem) => !rowNumbers.has(problem.row)), ...rows.flatMap((row) => row.problems)].sort((a, b) => a.row - b.row);
}

/** The draft without its pending file references (the sync job carries the files instead). */
export function withoutPendingFiles(draft: ApplicationDraft): ApplicationDraft {
  const photos = Object.fromEntries(Object.entries(draft.photos).filter(([, photo]) => pendingFilePath(photo?.blobId) === undefined));
  return { ...draft, photos, documents: draft.documents.filter((ref) => pendingFilePath(ref.documentId) === undefined) };
}

/** The row's files as sync files: the id is the file's location, which the journal's store reads. */
export function syncFilesOf(attachments: readonly RowAttachment[], files: SheetFiles): SyncFile[] {
  return attachments.flatMap((attachment): SyncFile[] => {
    const location = files.locations.get(attachment.path);
    if (location === undefined) return [];
    const name = basename(attachment.path);
    return [
      {
        id: location,
        kind: attachment.kind,
        slot: attachment.slot,
        name: attachment.kind === 'document' && !/\.pdf$/iu.test(name) ? `${name}.pdf` : name,
        size: files.sizes.get(attachment.path) ?? 0,
      },
    ];
  });
}
