import type { Transaction } from 'dexie';
import { migrateCopyToBlocks } from './catalogue-copy.ts';
import { localStates, withUploadedPhotoNames, type DraftRecord, type StoredSyncRecord } from './records.ts';
import { draftSearchWords } from './search-words.ts';

/**
 * The database's history, oldest first. How to change the schema:
 * 1. never edit a version that has shipped; append a new entry with the next number;
 * 2. list every table in `stores` (Dexie diffs against the previous entry; `null` deletes a table);
 * 3. put data changes in `upgrade`, which runs once inside the version-change transaction;
 * 4. add the new version to test/browser/db-migration.test.ts: fill the previous version, open the new one,
 *    check that nothing was lost.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      drafts: 'id, updatedAt, localState',
      outbox: '++seq, draftId, createdAt',
      blobs: 'id, ownerId',
      settings: 'key',
    },
  },
  {
    // v2: word index for the applications list's search (names in Kazakh and Russian, codes),
    // and the catalogue's status for its filter.
    version: 2,
    stores: {
      drafts: 'id, updatedAt, localState, *searchWords, catalogue.statusCode',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<DraftRecord, string>('drafts')
        .toCollection()
        .modify((record) => {
          record.searchWords = draftSearchWords(record.draft);
        });
    },
  },
  {
    // v3: the catalogue's schemas and dictionaries, kept for offline work. `words` carries
    // `<DICTIONARY>|<word>` entries so one multi-entry index answers prefix searches within a dictionary.
    version: 3,
    stores: {
      dictionaryItems: '[dictionary+code], dictionary, [dictionary+parentId], *words, refreshId',
      attributeSchemas: 'key',
      documents: 'id, number, expiresOn',
    },
  },
  {
    // v4: the `outbox` table nothing wrote goes, and so do the local states nothing set (`syncing`, `synced`,
    // `failed`): a row found in one of them is a draft again, to be checked and sent anew.
    version: 4,
    stores: { outbox: null },
    upgrade: async (transaction) => {
      const kept: readonly string[] = localStates;
      await transaction
        .table<DraftRecord, string>('drafts')
        .filter((record) => !kept.includes(record.localState))
        .modify((record) => {
          record.localState = 'draft';
        });
    },
  },
  {
    // v5: the inspections' offline catalogue copy (cards by NTIN key, all cards of a GTIN by `gtin`; its state
    // and resume point in `copyMeta`) and the inspections themselves (searched by `searchWords`).
    version: 5,
    stores: {
      copyCards: 'key, gtin',
      copyMeta: 'key',
      inspections: 'id, updatedAt, *searchWords',
    },
  },
  {
    // v6: the sync engine's record of each application being sent or followed (db/sync-store.ts): every
    // step's outcome (uploaded file names, request id) and the catalogue's last status.
    version: 6,
    stores: { syncRecords: 'applicationId, phase, requestId, updatedAt' },
  },
  {
    // v7: an import is one recorded batch (db/import-batches.ts): its state, and per chunk the drafts it wrote,
    // so an import cut off by a reload or crash is rolled back on the next start.
    version: 7,
    stores: {
      importBatches: 'id, state',
      importBatchChunks: '[batchId+seq], batchId',
    },
  },
  {
    // v8: the catalogue copy in blocks of 512 cards and 4,096 hash buckets (db/catalogue-copy.ts) instead of a
    // row per card with a `gtin` index: a million cards download several times faster. A v5 copy is moved over
    // in the upgrade (no new download needed).
    version: 8,
    stores: { copyCards: null, copyBlocks: 'id', copyBuckets: 'id' },
    upgrade: (transaction) => migrateCopyToBlocks(transaction),
  },
  {
    // v9: deleted applications kept for 30 days (db/trash.ts): the draft row and its sync record, restorable;
    // purged with their photos on a later start.
    version: 9,
    stores: { trash: 'id, trashedAt' },
  },
  {
    // v10: the names each sync record's photos were uploaded under, a multi-entry index (`uploadedPhotoNames`,
    // derived from `uploaded` by every write: db/sync-store.ts `putSyncRecord`), so a catalogue photo's
    // `fileName` finds this computer's upload with one keyed read instead of a pass over every record. Filled
    // here for the records kept, in the table and in the trash (a restore puts the trashed record back as is).
    version: 10,
    stores: { syncRecords: 'applicationId, phase, requestId, updatedAt, *uploadedPhotoNames' },
    upgrade: async (transaction) => {
      const names = (uploaded: StoredSyncRecord['uploaded'] | undefined) => withUploadedPhotoNames({ uploaded: uploaded ?? {} }).uploadedPhotoNames;
      // A record with no photo uploaded is left as it is: without the field it has no entry in the index, which
      // is what it needs (its next write adds the field).
      await transaction
        .table<StoredSyncRecord, string>('syncRecords')
        .filter((record) => names(record.uploaded).length > 0)
        .modify((record) => {
          record.uploadedPhotoNames = names(record.uploaded);
        });
      await transaction
        .table<{ id: string; sync?: StoredSyncRecord }, string>('trash')
        .filter((entry) => entry.sync !== undefined)
        .modify((entry) => {
          if (entry.sync) entry.sync.uploadedPhotoNames = names(entry.sync.uploaded);
        });
    },
  },
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]?.version ?? 0;
