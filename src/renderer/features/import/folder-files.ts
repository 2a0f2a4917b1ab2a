/**
 * A spreadsheet chosen with its photos and PDFs: a folder picked with `<input webkitdirectory>` (every file
 * carries `webkitRelativePath`), or files and folders dropped together. The sheet is the shallowest CSV/XLSX;
 * the other files are keyed by their path relative to the sheet's folder, the way the sheet names them
 * (attachments.ts normalises both sides the same way).
 */
import { sheetAmong, type ChosenEntry } from '../../../shared/application/import/index.ts';

/** A file chosen with the sheet, by its path relative to the sheet's folder (`/`-separated). */
export type FolderFile = ChosenEntry<File>;

/** A chosen file and where it sits among the chosen ones (`folder/sub/name.jpg`, or just its name). */
export type PickedFile = ChosenEntry<File>;

export interface SheetWithFiles {
  sheet: File;
  files: FolderFile[];
  /** More than one spreadsheet was among the files (the first by depth and name is read). */
  otherSheets: number;
}

/** Finds the sheet and keys the files under its folder; undefined when no spreadsheet was chosen. */
export function sheetWithFiles(picked: readonly PickedFile[]): SheetWithFiles | undefined {
  return sheetAmong(picked);
}

/** The files of an `<input webkitdirectory>` (or a plain multiple input: then each path is the name). */
export function pickedFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [], (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** Everything dropped, folders walked (Chromium's entries API), each file with its path among the dropped ones. */
export async function pickedFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Array.from(transfer.files, (file) => ({ path: file.name, file }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: `${prefix}${entry.name}`, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 in Chromium) until it answers none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}
