/**
 * The photos and PDFs a row named, stored with its draft when the import saves it: each photo as the editor
 * stores one (db/photos.ts: the upload ≤ 5 MB, the original when re-encoded, thumbnail, facts), each PDF as an
 * entry of the document register (db/documents.ts) linked to the draft. A PDF is registered once per content:
 * the same file named by many rows, or imported again later, is one register entry (its id is the SHA-256 of
 * the bytes). Its number is the file name without `.pdf`, its type "other": the officer completes them in the
 * register.
 */
import { documentNumberFromPath, pendingFilePath } from '../../../shared/application/import/index.ts';
import type { ApplicationDraft } from '../../../shared/application/draft.ts';
import type { NcgDatabase } from '../../db/database.ts';
import { getRegisterDocument, saveRegisterDocument } from '../../db/documents.ts';
import { storePreparedPhoto } from '../../db/photos.ts';
import type { PreparedFile } from './import-protocol.ts';

export interface AttachedFiles {
  /** Prepared files by `<kind>:<path>`. */
  files: ReadonlyMap<string, PreparedFile>;
  /** Register ids of the PDFs stored during this import, by path (a promise, so two rows never race). */
  documents: Map<string, Promise<string>>;
}

async function contentId(file: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return `import-pdf-${Array.from(digest.subarray(0, 20), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

async function registerPdf(db: NcgDatabase, file: Extract<PreparedFile, { kind: 'document' }>): Promise<string> {
  const id = await contentId(file.file);
  if (await getRegisterDocument(db, id)) return id;
  await saveRegisterDocument(db, { id, number: documentNumberFromPath(file.path), type: 'other' }, { file: file.file, thumbnail: file.thumbnail });
  return id;
}

/**
 * The draft with its pending files stored and referenced. A file that was not prepared (its row was imported
 * with its errors) is left out, so the editor asks for it like for any missing photo or document.
 */
export async function attachRowFiles(db: NcgDatabase, draft: ApplicationDraft, draftId: string, attached: AttachedFiles): Promise<ApplicationDraft> {
  const photos: ApplicationDraft['photos'] = {};
  for (const [slot, photo] of Object.entries(draft.photos) as [keyof ApplicationDraft['photos'], ApplicationDraft['photos'][keyof ApplicationDraft['photos']]][]) {
    const path = pendingFilePath(photo?.blobId);
    if (path === undefined) {
      photos[slot] = photo;
      continue;
    }
    const prepared = attached.files.get(`photo:${path}`);
    if (prepared?.kind === 'photo') photos[slot] = { blobId: await storePreparedPhoto(db, draftId, prepared.file, prepared.prepared) };
  }
  const documents: ApplicationDraft['documents'] = [];
  for (const ref of draft.documents) {
    const path = pendingFilePath(ref.documentId);
    if (path === undefined) {
      documents.push(ref);
      continue;
    }
    const prepared = attached.files.get(`document:${path}`);
    if (prepared?.kind !== 'document') continue;
    let registered = attached.documents.get(path);
    if (!registered) {
      registered = registerPdf(db, prepared);
      attached.documents.set(path, registered);
    }
    const documentId = await registered;
    if (!documents.some((existing) => existing.documentId === documentId)) documents.push({ documentId });
  }
  return { ...draft, photos, documents };
}
