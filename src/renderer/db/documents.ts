/**
 * The register in the local database: `documents` rows, and the PDF of each in `blobs` owned by the document
 * (`ownerId` = document id, which is how the editor's validation finds its size):
 *
 *   document-pdf:<uuid>             the PDF (a File, so its name is kept), referenced by `document.blobId`
 *   document-pdf:<uuid>:thumbnail   its first page as PNG, drawn by pdf.js when the PDF was checked
 *
 * A document and its PDF are written in one transaction: a reload never finds one without the other.
 */
import { conformityDocumentSchema, type ConformityDocument } from '../../shared/application/draft.ts';
import type { NcgDatabase } from './database.ts';
import { countDraftsUsingDocument } from './drafts.ts';
import type { BlobRecord, DocumentRecord } from './records.ts';

export const documentPdfPrefix = 'document-pdf:';

export function thumbnailIdOf(pdfBlobId: string): string {
  return `${pdfBlobId}:thumbnail`;
}

export interface CheckedPdf {
  file: File;
  thumbnail: Blob;
}

/**
 * Adds or updates a register entry. With `pdf`, the new PDF replaces the old one (whose rows are deleted, and whose
 * portal `fileName` no longer applies). Returns what was stored.
 */
export async function saveRegisterDocument(db: NcgDatabase, document: ConformityDocument, pdf?: CheckedPdf, now = Date.now()): Promise<ConformityDocument> {
  const shaped = conformityDocumentSchema.parse(document);
  return db.transaction('rw', db.documents, db.blobs, async () => {
    const previous = await db.documents.get(shaped.id);
    let stored: ConformityDocument = { ...shaped, blobId: previous?.blobId ?? shaped.blobId, fileName: previous?.fileName ?? shaped.fileName };
    if (pdf) {
      const blobId = `${documentPdfPrefix}${crypto.randomUUID()}`;
      const rows: BlobRecord[] = [
        { id: blobId, ownerId: shaped.id, mimeType: 'application/pdf', data: pdf.file },
        { id: thumbnailIdOf(blobId), ownerId: shaped.id, mimeType: pdf.thumbnail.type || 'image/png', data: pdf.thumbnail },
      ];
      await db.blobs.bulkPut(rows);
      if (previous?.blobId) await db.blobs.bulkDelete([previous.blobId, thumbnailIdOf(previous.blobId)]);
      stored = { ...stored, blobId, fileName: undefined };
    }
    await db.documents.put({ ...stored, updatedAt: now });
    return stored;
  });
}

/** The register, sorted by number, for lists and pickers. */
export async function listRegister(db: NcgDatabase): Promise<ConformityDocument[]> {
  return db.documents.orderBy('number').toArray();
}

export type DeleteOutcome = { deleted: true } | { deleted: false; usedBy: number };

/**
 * Removes a register entry with its PDF and thumbnail, unless an application still refers to it: deleting it
 * then would leave those applications pointing at nothing, so the officer detaches it there first.
 */
export async function deleteRegisterDocument(db: NcgDatabase, id: string): Promise<DeleteOutcome> {
  return db.transaction('rw', db.documents, db.blobs, db.drafts, async () => {
    const usedBy = await countDraftsUsingDocument(db, id);
    if (usedBy > 0) return { deleted: false, usedBy };
    await db.blobs.where('ownerId').equals(id).delete();
    await db.documents.delete(id);
    return { deleted: true };
  });
}

export async function getRegisterDocument(db: NcgDatabase, id: string): Promise<DocumentRecord | undefined> {
  return db.documents.get(id);
}

/** A stored PDF and its first-page thumbnail. */
export async function getStoredPdf(db: NcgDatabase, pdfBlobId: string): Promise<{ pdf: BlobRecord | undefined; thumbnail: BlobRecord | undefined }> {
  const [pdf, thumbnail] = await db.blobs.bulkGet([pdfBlobId, thumbnailIdOf(pdfBlobId)]);
  return { pdf, thumbnail };
}
