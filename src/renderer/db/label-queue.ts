/**
 * The labels page's data: its print queue and print options (rows of the `settings` table, so they survive
 * reloads and restarts and every window sees the same), and the local applications it prints labels of.
 * The rules — merging a repeated scan, parsing stored options, mapping a draft to a label — are in
 * src/shared/labels; this file only reads and writes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { findValue } from '../../shared/application/draft.ts';
import { gtinToEan13 } from '../../shared/codes/index.ts';
import { parsePrintOptions, type PrintOptions } from '../../shared/labels/print-options.ts';
import { attributeCodes, candidateFromDraft, printableCodes, type DictionaryNames, type ProductCandidate } from '../../shared/labels/product-records.ts';
import { parseQueue, type QueueEntry } from '../../shared/labels/queue.ts';
import { hasCode } from '../../shared/labels/scan-query.ts';
import { queryWords } from '../../shared/search-words.ts';
import { useDatabase } from './context.tsx';
import type { NcgDatabase } from './database.ts';
import { getDictionaryItems } from './dictionaries.ts';
import type { DraftRecord } from './records.ts';
import { readSetting, writeSetting } from './settings.ts';

export const labelQueueSettingKey = 'labels.queue';
export const printOptionsSettingKey = 'labels.printOptions';

// ------------------------------------------------------------------------------------------- print queue

export async function readLabelQueue(db: NcgDatabase): Promise<QueueEntry[]> {
  return parseQueue(await readSetting(db, labelQueueSettingKey));
}

/** Applies a change to the stored queue in one transaction, so two quick scans never overwrite each other. */
export async function updateLabelQueue(db: NcgDatabase, change: (queue: QueueEntry[]) => QueueEntry[]): Promise<QueueEntry[]> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await readLabelQueue(db));
    await writeSetting(db, labelQueueSettingKey, next);
    return next;
  });
}

export interface LabelQueue {
  /** The queue as it is stored now; undefined while the first read is under way. */
  readonly entries: QueueEntry[] | undefined;
  readonly update: (change: (queue: QueueEntry[]) => QueueEntry[]) => Promise<QueueEntry[]>;
}

export function useLabelQueue(): LabelQueue {
  const db = useDatabase();
  const entries = useLiveQuery(() => readLabelQueue(db), [db]);
  const update = useCallback((change: (queue: QueueEntry[]) => QueueEntry[]) => updateLabelQueue(db, change), [db]);
  return useMemo(() => ({ entries, update }), [entries, update]);
}

// ------------------------------------------------------------------------------------------ print options

export async function readPrintOptions(db: NcgDatabase): Promise<PrintOptions> {
  return parsePrintOptions(await readSetting(db, printOptionsSettingKey));
}

/**
 * The options (undefined during the first read) and a function that changes them. Changes show at once —
 * a select or checkbox must not snap back while the database write and the live query go round — and are
 * stored right after. Once this page has changed them, its own copy wins over the stored one.
 */
export function usePrintOptions(): [PrintOptions | undefined, (change: (options: PrintOptions) => PrintOptions) => void] {
  const db = useDatabase();
  const stored = useLiveQuery(() => readPrintOptions(db), [db]);
  const [edited, setEdited] = useState<PrintOptions | null>(null);
  const update = useCallback(
    (change: (current: PrintOptions) => PrintOptions) => setEdited((current) => change(current ?? stored ?? parsePrintOptions({}))),
    [stored],
  );
  useEffect(() => {
    if (edited) void writeSetting(db, printOptionsSettingKey, edited);
  }, [db, edited]);
  return [edited ?? stored, update];
}

// ------------------------------------------------------------------------ local applications to print

const MAX_LOCAL_RESULTS = 20;

/** Names of the dictionary codes the drafts use (country, unit), read in one go. */
async function dictionaryNames(db: NcgDatabase, records: readonly DraftRecord[]): Promise<DictionaryNames> {
  const keys: [string, string][] = [];
  for (const record of records) {
    const country = findValue(record.draft, attributeCodes.country)?.value;
    if (typeof country === 'string' && country) keys.push(['COUNTRY', country]);
    const measure = findValue(record.draft, attributeCodes.measure)?.value;
    const unit = measure && typeof measure === 'object' && !Array.isArray(measure) ? measure[attributeCodes.measureUnit] : undefined;
    if (typeof unit === 'string' && unit) keys.push(['MEASURE_UNIT', unit]);
  }
  const items = keys.length > 0 ? await getDictionaryItems(db, keys) : [];
  const byKey = new Map(items.flatMap((item) => (item ? [[`${item.dictionary}|${item.code}`, item] as const] : [])));
  return (dictionary, code) => byKey.get(`${dictionary}|${code}`);
}

async function toCandidates(db: NcgDatabase, records: readonly DraftRecord[]): Promise<ProductCandidate[]> {
  const names = await dictionaryNames(db, records);
  return records.map((record) => candidateFromDraft(record.id, record.draft, record.catalogue?.ntin, names));
}

/**
 * Local applications carrying the code. The draft's own GTIN and NTIN are in the `searchWords` index (as
 * typed: 12, 13 or 14 digits, so every form is asked for); the NTIN the catalogue assigned on publication
 * (`catalogue.ntin`) is not indexed, so only applications the catalogue has answered about — those in the
 * `catalogue.statusCode` index — are read for it.
 */
export async function findLocalByCode(db: NcgDatabase, digits: string): Promise<ProductCandidate[]> {
  const forms = [digits, `0${digits}`, ...(digits.startsWith('0') ? [digits.slice(1)] : [])];
  const [byWords, byCatalogueNtin] = await Promise.all([
    db.drafts.where('searchWords').anyOf(forms).toArray(),
    db.drafts.orderBy('catalogue.statusCode').filter((record) => record.catalogue?.ntin !== undefined && gtinToEan13(record.catalogue.ntin) === digits).toArray(),
  ]);
  const unique = new Map([...byWords, ...byCatalogueNtin].map((record) => [record.id, record]));
  const candidates = await toCandidates(db, [...unique.values()]);
  return candidates.filter((candidate) => hasCode(candidate, digits)).slice(0, MAX_LOCAL_RESULTS);
}

/** Local applications whose names (or codes) start with every word typed, that have a code to print. */
export async function findLocalByWords(db: NcgDatabase, query: string): Promise<ProductCandidate[]> {
  const [first, ...others] = queryWords(query);
  if (first === undefined) return [];
  const records = await db.drafts
    .where('searchWords')
    .startsWith(first)
    .filter((record) => others.every((word) => (record.searchWords ?? []).some((candidate) => candidate.startsWith(word))))
    .limit(MAX_LOCAL_RESULTS * 5)
    .toArray();
  const candidates = await toCandidates(db, records);
  return candidates.filter((candidate) => printableCodes(candidate).length > 0).slice(0, MAX_LOCAL_RESULTS);
}
