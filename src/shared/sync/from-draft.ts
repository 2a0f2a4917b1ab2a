/** A sync job from an application draft: the body via the draft mapping, the files from its photos and documents. */
import { imageTypes } from '../catalogue/dto.ts';
import type { ApplicationDraft, ConformityDocument } from '../application/draft.ts';
import { draftToRequestBody } from '../application/mapping.ts';
import type { AttributeSchemas, SchemaIndex } from '../application/schema.ts';
import type { SyncFile, SyncJob } from './types.ts';

export interface DraftFiles {
  /** Size in bytes of a stored blob, or undefined when it is gone. */
  blobSize(blobId: string): number | undefined;
  /** The document register. */
  document(id: string): ConformityDocument | undefined;
}

export function jobFromDraft(
  draft: ApplicationDraft,
  schemas: AttributeSchemas | SchemaIndex,
  files: DraftFiles,
  options: { revision: number; publish?: boolean; row?: number },
): SyncJob {
  const body = draftToRequestBody({ ...draft, photos: {}, documents: [] }, schemas);
  const list: SyncFile[] = [];
  for (const slot of imageTypes) {
    const photo = draft.photos[slot];
    if (!photo) continue;
    if (photo.blobId !== undefined) {
      list.push({ id: `photo:${slot}:${photo.blobId}`, kind: 'photo', slot, name: `${slot}.jpg`, size: files.blobSize(photo.blobId) ?? 0, uploadedAs: photo.fileName });
    } else if (photo.fileName) {
      list.push({ id: `photo:${slot}:${photo.fileName}`, kind: 'photo', slot, name: photo.fileName, size: 0, uploadedAs: photo.fileName });
    }
  }
  draft.documents.forEach((ref, index) => {
    const entry = ref.documentId === undefined ? undefined : files.document(ref.documentId);
    const uploadedAs = entry?.fileName ?? ref.fileName;
    const blobId = entry?.blobId;
    const name = `${(entry?.number ?? `document-${String(index + 1)}`).replace(/[\\/:*?"<>|]+/g, '_')}.pdf`;
    list.push({
      id: `doc:${ref.documentId ?? ref.fileName ?? String(index)}:${blobId ?? ''}`,
      kind: 'document',
      name,
      size: blobId === undefined ? 0 : (files.blobSize(blobId) ?? 0),
      uploadedAs: blobId === undefined ? uploadedAs : entry?.fileName,
    });
  });
  return { applicationId: draft.id, body, files: list, revision: options.revision, publish: options.publish, row: options.row };
}
