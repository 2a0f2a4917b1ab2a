/**
 * The page's live view of its database: each hook re-renders its component when the rows it read change.
 * `undefined` always means "still reading".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { AttributeSchemas } from '../../shared/application/schema.ts';
import type { ConformityDocument } from '../../shared/application/draft.ts';
import { queryWords } from '../../shared/search-words.ts';
import { loadAttributeSchemas } from './attribute-schemas.ts';
import { useDatabase } from './context.tsx';
import { dictionaryCounts, getDictionaryItem, searchDictionary } from './dictionaries.ts';
import { getRegisterDocument, getStoredPdf, listRegister } from './documents.ts';
import type { NcgDatabase } from './database.ts';
import { categoriesInUse, countDrafts, draftIdsNewestFirst, getDraftRecord, getDraftRecords, matchingDraftIds, newestDraftRecords, onDraftsChanged, type ListFilter } from './drafts.ts';
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

/** The list's rows for a filter: their ids, newest change first, and how many there are. */
export interface ListIds {
  /** All the matching ids, or only the first ones while the rest are still being read (`ids.length < count`). */
  ids: string[];
  count: number;
  /** The first screen's records, read with the ids, for painting before the rows' own read answers. */
  firstRecords?: ReadonlyMap<string, DraftRecord>;
}

/** The rows read with the ids, to paint the list's first screen (a tall window shows about 30 with the overscan). */
const firstScreenRows = 50;

function byId(records: readonly DraftRecord[]): ReadonlyMap<string, DraftRecord> {
  return new Map(records.map((record) => [record.id, record] as const));
}

function isUnfiltered(filter: ListFilter): boolean {
  return queryWords(filter.query).length === 0 && !filter.localState && !filter.statusCode;
}

/**
 * The list's ids for a filter, kept current as applications change (here or in another tab).
 *
 * Not a live query: Dexie's live queries record every primary key an index read returns, to know which changes
 * concern them, and for 10,000 applications that bookkeeping cost more than the read itself. Any change to the
 * table re-reads instead. The unfiltered order is kept between filters while nothing changes, so a search reads
 * only its words' keys; the unfiltered list first shows its first screen, read on its own, while the whole order
 * is read; the first screen's records come with the ids. While a new filter is read the previous filter's rows
 * stay (no empty flash per keystroke).
 */
export function useMatchingDraftIds(filter: ListFilter): ListIds | undefined {
  const db = useDatabase();
  const { query, localState, statusCode } = filter;
  const [rows, setRows] = useState<ListIds>();
  const [failure, setFailure] = useState<unknown>();
  // The unfiltered order and the table generation it was read at; any change to the table bumps the generation.
  const order = useRef<{ db: NcgDatabase; generation: number; ids: string[] }>(undefined);
  const generation = useRef(0);
  useEffect(() => {
    const current: ListFilter = { query, ...(localState ? { localState } : {}), ...(statusCode ? { statusCode } : {}) };
    let active = true;
    let running = false;
    let again = false;
    const read = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const at = generation.current;
          const fresh = () => active && !again && generation.current === at;
          const known = order.current?.db === db && order.current.generation === at ? order.current.ids : undefined;
          let newestFirst: string[];
          let head: DraftRecord[] | undefined;
          if (known) newestFirst = known;
          else {
            if (isUnfiltered(current)) {
              // The first screen on its own first: IndexedDB answers one read after the other, so the short
              // read goes ahead of the long one and paints while that runs.
              const first = await newestDraftRecords(db, firstScreenRows);
              head = first.records;
              if (fresh() && first.records.length < first.count) setRows({ ids: first.records.map((record) => record.id), count: first.count, firstRecords: byId(first.records) });
            }
            newestFirst = await draftIdsNewestFirst(db);
            if (generation.current === at) order.current = { db, generation: at, ids: newestFirst };
          }
          const matching = await matchingDraftIds(db, current, newestFirst);
          // The first screen's records come with the ids, so the rows paint without waiting for their own read.
          head ??= await getDraftRecords(db, matching.slice(0, firstScreenRows));
          // A change while reading means these ids may be stale: they are read again before being shown.
          if (fresh()) {
            setRows({ ids: matching, count: matching.length, firstRecords: byId(head) });
            setFailure(undefined);
          } else again ||= active;
        } while (again && active);
      } catch (error) {
        if (active) setFailure(error);
      } finally {
        running = false;
      }
    };
    const stop = onDraftsChanged(db, () => {
      generation.current += 1;
      void read();
    });
    void read();
    return () => {
      active = false;
      stop();
    };
  }, [db, query, localState, statusCode]);
  if (failure !== undefined) throw failure;
  return rows;
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
