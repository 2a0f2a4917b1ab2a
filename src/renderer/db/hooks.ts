/**
 * The page's live view of its database: each hook re-renders its component when the rows it read change.
 * `undefined` always means "still reading".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { AttributeSchemas } from '../../shared/application/schema.ts';
import type { ConformityDocument } from '../../shared/application/draft.ts';
import { loadAttributeSchemas } from './attribute-schemas.ts';
import { useDatabase } from './context.tsx';
import { dictionaryCounts, getDictionaryItem, searchDictionary } from './dictionaries.ts';
import { getRegisterDocument, getStoredPdf, listRegister } from './documents.ts';
import { categoriesInUse, countDrafts, getDraftRecord, getDraftRecords, matchingDraftIds, type ListFilter } from './drafts.ts';
import { getPhotoRows, readPhotoFacts, type PhotoFacts } from './photos.ts';
import type { BlobRecord, DictionaryItemRecord, DocumentRecord, DraftRecord } from './records.ts';
import { readSetting } from './settings.ts';

// ---- applications

export function useDraftRecord(id: string): DraftRecord | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await getDraftRecord(db, id)) ?? null, [db, id]);
}

export function useDraftCount(): number | undefined {
  const db = useDatabase();
  return useLiveQuery(() => countDrafts(db), [db]);
}

export function useMatchingDraftIds(filter: ListFilter): string[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => matchingDraftIds(db, filter), [db, filter.query, filter.localState, filter.statusCode]);
}

/** The records of the given ids, by id (rows on screen of a long list). */
export function useDraftRecordsById(ids: readonly string[]): Map<string, DraftRecord> | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => new Map((await getDraftRecords(db, ids)).map((record) => [record.id, record] as const)), [db, ids.join('|')]);
}

export function useCategoriesInUse(): string[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => categoriesInUse(db), [db]);
}

// ---- schemas and dictionaries

/** The stored schemas for a category; `null` when nothing was downloaded yet. */
export function useAttributeSchemas(oktru: string): AttributeSchemas | null | undefined {
  const db = useDatabase();
  return useLiveQuery(() => loadAttributeSchemas(db, oktru), [db, oktru]);
}

export function useDictionaryItem(dictionary: string, code: string): DictionaryItemRecord | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (code ? ((await getDictionaryItem(db, dictionary, code)) ?? null) : null), [db, dictionary, code]);
}

/** Search-as-you-type over one dictionary; nothing is read while `enabled` is false. */
export function useDictionarySearch(dictionary: string, query: string, options: { enabled: boolean; leavesOnly?: boolean; limit?: number }): DictionaryItemRecord[] | undefined {
  const db = useDatabase();
  const limit = options.limit ?? 30;
  return useLiveQuery(
    async () => (options.enabled ? (await searchDictionary(db, dictionary, query, limit * 2)).filter((item) => !options.leavesOnly || !item.hasChild).slice(0, limit) : []),
    [db, dictionary, query, options.enabled, options.leavesOnly, limit],
  );
}

/** Items per dictionary; while `paused` (a refresh writing thousands of items) nothing is read and `null` comes back. */
export function useDictionaryCounts(paused = false): Record<string, number> | null | undefined {
  const db = useDatabase();
  return useLiveQuery(() => (paused ? null : dictionaryCounts(db)), [db, paused]);
}

export function useSetting(key: string): { value: unknown } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => ({ value: await readSetting(db, key) }), [db, key]);
}

// ---- documents register

export function useRegister(): ConformityDocument[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listRegister(db), [db]);
}

/** One register entry; `null` when there is none with this id (or no id). */
export function useRegisterDocument(id: string | undefined): DocumentRecord | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? ((await getRegisterDocument(db, id)) ?? null) : null), [db, id]);
}

export function useDocumentThumbnail(pdfBlobId: string | undefined): Blob | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (pdfBlobId ? ((await getStoredPdf(db, pdfBlobId)).thumbnail?.data ?? null) : null), [db, pdfBlobId]);
}

export function useStoredPdf(pdfBlobId: string | undefined): { pdf: BlobRecord | undefined; thumbnail: BlobRecord | undefined } | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (pdfBlobId ? getStoredPdf(db, pdfBlobId) : null), [db, pdfBlobId]);
}

// ---- photos

export interface StoredPhoto {
  /** The row of the upload; undefined when the file is gone from this computer. */
  upload: BlobRecord | undefined;
  thumbnail: Blob | undefined;
  originalKept: boolean;
  /** Sizes and pre-check results; null while being read or when missing. */
  facts: PhotoFacts | null;
}

/** A stored photo's rows, live: undefined while loading, null for a photo without a local blob. */
export function useStoredPhoto(blobId: string | undefined): StoredPhoto | null | undefined {
  const db = useDatabase();
  const rows = useLiveQuery(async () => (blobId ? getPhotoRows(db, blobId) : null), [db, blobId]);

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
