/** Rows of the local database. Attribute values are strings, as the catalogue sends and takes them. */
export type LocalState = 'draft' | 'ready' | 'syncing' | 'synced' | 'failed';

export interface DraftRecord {
  id: string;
  localState: LocalState;
  /** Attribute code → value, e.g. `name_kk`, `gtin`, `tnved`. */
  attributes: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** Lower-cased words of the names and codes, for the list's search (schema v2). */
  searchWords?: string[];
}

export interface OutboxRecord {
  seq?: number;
  draftId: string;
  kind: 'create' | 'update' | 'upload' | 'moderation';
  createdAt: number;
}

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
