/**
 * Finding the product behind a scan: among the local applications (by NTIN or GTIN, or by words of a name)
 * and in the catalogue (by NTIN or GTIN, through the host). A code with a wrong check digit is refused
 * before anything is searched: it cannot be printed, and no card carries it.
 */
import { findValue } from '../../../shared/application/draft.ts';
import type { Bridge } from '../../../shared/bridge.ts';
import { callCatalogue } from '../../../shared/catalogue-call.ts';
import { gtinToEan13 } from '../../../shared/codes/index.ts';
import { ean13DigitsFor, type LabelProblem } from './label-core.ts';
import { queryWords } from '../../../shared/search-words.ts';
import type { NcgDatabase } from '../../db/database.ts';
import type { DraftRecord } from '../../db/records.ts';
import { attributeCodes, candidateFromCard, candidateFromDraft, printableCodes, type CodeKind, type DictionaryNames, type ProductCandidate } from './product-records.ts';

export type ScanQuery =
  /** A printable code: `digits` are the 13 digits its EAN-13 encodes (the catalogue's lookup form too). */
  | { readonly kind: 'code'; readonly input: string; readonly digits: string }
  | { readonly kind: 'refused'; readonly input: string; readonly problem: LabelProblem }
  | { readonly kind: 'words'; readonly input: string };

/** What a scan or a typed query is. Digits only = a code (a wedge scanner sends nothing else); else words. */
export function classifyQuery(raw: string): ScanQuery | null {
  const input = raw.trim();
  if (input === '') return null;
  if (!/^\d+$/u.test(input)) return { kind: 'words', input };
  const source = ean13DigitsFor(input);
  return source.ok ? { kind: 'code', input, digits: source.digits } : { kind: 'refused', input, problem: source.problem };
}

const MAX_LOCAL_RESULTS = 20;

/** True when one of the candidate's codes is the scanned one (compared as EAN-13 digits: 12/13/14 forms match). */
function hasCode(candidate: ProductCandidate, digits: string): boolean {
  return printableCodes(candidate).some(({ code }) => gtinToEan13(code) === digits);
}

async function dictionaryNames(db: NcgDatabase, records: readonly DraftRecord[]): Promise<DictionaryNames> {
  const keys: [string, string][] = [];
  for (const record of records) {
    const country = findValue(record.draft, attributeCodes.country)?.value;
    if (typeof country === 'string' && country) keys.push(['COUNTRY', country]);
    const measure = findValue(record.draft, attributeCodes.measure)?.value;
    const unit = measure && typeof measure === 'object' && !Array.isArray(measure) ? measure[attributeCodes.measureUnit] : undefined;
    if (typeof unit === 'string' && unit) keys.push(['MEASURE_UNIT', unit]);
  }
  const items = keys.length > 0 ? await db.dictionaryItems.bulkGet(keys) : [];
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

/** Catalogue cards with the code (a GTIN may be shared by several cards). Throws the CatalogueError when offline. */
export async function findInCatalogue(bridge: Bridge, digits: string): Promise<ProductCandidate[]> {
  const cards = await callCatalogue(bridge, 'getProductByTin', { tin: digits });
  return cards.map(candidateFromCard);
}

/** Local and catalogue results together; a local application already published shows once, as its card. */
export function mergeCandidates(local: readonly ProductCandidate[], catalogue: readonly ProductCandidate[]): ProductCandidate[] {
  const published = new Set(catalogue.flatMap((candidate) => (candidate.ntin ? [candidate.ntin] : [])));
  return [...catalogue, ...local.filter((candidate) => !candidate.ntin || !published.has(candidate.ntin))];
}

/** The code kind offered first: the one that was scanned, else the NTIN (the catalogue's own number). */
export function defaultCodeKind(candidate: ProductCandidate, query: ScanQuery): CodeKind {
  const codes = printableCodes(candidate);
  if (query.kind === 'code') {
    const scanned = codes.find(({ code }) => gtinToEan13(code) === query.digits);
    if (scanned) return scanned.kind;
  }
  return codes[0]?.kind ?? 'ntin';
}
