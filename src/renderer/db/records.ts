/** Rows of the local database. */
import type { ApplicationDraft, ConformityDocument } from '../../shared/application/draft.ts';
import type { SyncRecord } from '../../shared/sync/types.ts';

/**
 * Where an application stands on this machine; the catalogue's own status is kept beside it. Only states that
 * something writes are listed (schema v4 removed the others; the sync work adds its own when it writes them).
 */
export const localStates = ['draft', 'ready'] as const;
export type LocalState = (typeof localStates)[number];

export interface DraftRecord {
  id: string;
  localState: LocalState;
  draft: ApplicationDraft;
  /** What the catalogue said last: its request id, status code and, once published, the NTIN. */
  catalogue?: { requestId?: number; statusCode?: string; ntin?: string };
  createdAt: number;
  updatedAt: number;
  /** Lower-cased words of the names and codes, for the list's search (schema v2). */
  searchWords?: string[];
  /** Counts the saves of this row (absent: never saved since it was created): editors check it before writing. */
  revision?: number;
}

/** A conformity document of the organisation's register (schema v3). */
export type DocumentRecord = ConformityDocument & { updatedAt: number };

export interface BlobRecord {
  id: string;
  ownerId: string;
  mimeType: string;
  data: Blob;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One item of a catalogue dictionary (ОКТРУ, ТН ВЭД, COUNTRY, units, …), stored for offline use. */
export interface DictionaryItemRecord {
  dictionary: string;
  code: string;
  id: number;
  /** The parent's portal id for tree dictionaries; -1 for roots (IndexedDB cannot index undefined in a compound key). */
  parentId: number;
  level?: number;
  hasChild: boolean;
  nameRu: string;
  nameKk: string;
  words: string[];
  refreshId: string;
  /** Withdrawn by the catalogue (a deprecated ОКТРУ category, …): kept so old drafts still show its name, never offered. */
  isDeleted?: true;
}

/** An attribute schema as the catalogue sent it: `base`, or `gov:<oktru>` for a category's extended attributes. */
export interface AttributeSchemaRecord {
  key: string;
  definitions: unknown;
  fetchedAt: number;
}

/**
 * The sync engine's file id of a photo is `photo:<slot>:<blobId>` (shared/sync/from-draft.ts); the blob id, for
 * a photo file, else undefined.
 */
export function photoBlobIdOfSyncFile(fileId: string): string | undefined {
  if (!fileId.startsWith('photo:')) return undefined;
  return fileId.split(':').slice(2).join(':');
}

/**
 * A sync record as stored (schema v10): beside `uploaded` (file id → the portal's `filename`), the names its
 * photos were uploaded under, a multi-entry index so a catalogue photo's `fileName` finds this computer's upload
 * with one keyed read. Derived from `uploaded` on every write (`withUploadedPhotoNames`), never edited apart.
 */
export type StoredSyncRecord = SyncRecord & { uploadedPhotoNames?: string[] };

export function withUploadedPhotoNames<T extends Pick<SyncRecord, 'uploaded'>>(record: T): T & { uploadedPhotoNames: string[] } {
  const names = new Set<string>();
  for (const [fileId, uploadedAs] of Object.entries(record.uploaded)) {
    if (photoBlobIdOfSyncFile(fileId) !== undefined) names.add(uploadedAs);
  }
  return { ...record, uploadedPhotoNames: [...names] };
}
