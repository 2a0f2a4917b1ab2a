import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { NcgDatabase } from '../../db/database.ts';
import type { BlobRecord } from '../../db/records.ts';
import { photoBlobIds, readPhotoFacts, type PhotoFacts } from './photo-store.ts';

export interface StoredPhoto {
  /** The row of the upload; undefined when the file is gone from this computer. */
  upload: BlobRecord | undefined;
  thumbnail: Blob | undefined;
  originalKept: boolean;
  /** Sizes and pre-check results; null while being read or when missing. */
  facts: PhotoFacts | null;
}

/** A stored photo's rows, live: undefined while loading, null for a photo without a local blob. */
export function useStoredPhoto(db: NcgDatabase, blobId: string | undefined): StoredPhoto | null | undefined {
  const rows = useLiveQuery(async () => {
    if (!blobId) return null;
    const ids = photoBlobIds(blobId);
    const [upload, original, thumbnail, facts] = await db.blobs.bulkGet([ids.upload, ids.original, ids.thumbnail, ids.facts]);
    return { upload, originalKept: original !== undefined, thumbnail: thumbnail?.data, factsRecord: facts };
  }, [db, blobId]);

  const factsRecord = rows?.factsRecord;
  const [facts, setFacts] = useState<{ record: BlobRecord; facts: PhotoFacts | null }>();
  useEffect(() => {
    if (!factsRecord) return;
    let cancelled = false;
    void readPhotoFacts(factsRecord).then((read) => {
      if (!cancelled) setFacts({ record: factsRecord, facts: read });
    });
    return () => {
      cancelled = true;
    };
  }, [factsRecord]);

  if (rows === undefined || rows === null) return rows;
  return {
    upload: rows.upload,
    thumbnail: rows.thumbnail,
    originalKept: rows.originalKept,
    // Facts read for an earlier row are not shown for a replaced photo.
    facts: facts && facts.record.id === factsRecord?.id ? facts.facts : null,
  };
}
