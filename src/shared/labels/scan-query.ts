/**
 * What a scan or a typed query is, and how its results are ordered. A code with a wrong check digit is
 * refused before anything is searched: it cannot be printed, and no card carries it.
 */
import { gtinToEan13 } from '../codes/index.ts';
import { ean13DigitsFor } from './ean13.ts';
import type { LabelProblem } from './errors.ts';
import { printableCodes, type CodeKind, type ProductCandidate } from './product-records.ts';

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

/** True when one of the candidate's codes is the scanned one (compared as EAN-13 digits: 12/13/14 forms match). */
export function hasCode(candidate: ProductCandidate, digits: string): boolean {
  return printableCodes(candidate).some(({ code }) => gtinToEan13(code) === digits);
}

/**
 * Local and catalogue results together; a product found in both shows once: as its full card, or — when
 * the catalogue only gave a partial row (a search by words) — as the local application, which has details.
 */
export function mergeCandidates(local: readonly ProductCandidate[], catalogue: readonly ProductCandidate[]): ProductCandidate[] {
  const localNtins = new Set(local.flatMap((candidate) => (candidate.ntin ? [candidate.ntin] : [])));
  const cards = catalogue.filter((candidate) => !(candidate.partial && candidate.ntin && localNtins.has(candidate.ntin)));
  const published = new Set(cards.flatMap((candidate) => (candidate.ntin ? [candidate.ntin] : [])));
  return [...cards, ...local.filter((candidate) => !candidate.ntin || !published.has(candidate.ntin))];
}

/** The full card of a partial candidate, among the cards the portal returned for its code (same NTIN, else the first). */
export function completeCandidate(partial: ProductCandidate, cards: readonly ProductCandidate[]): ProductCandidate {
  const card = cards.find((candidate) => partial.ntin !== undefined && candidate.ntin === partial.ntin) ?? (partial.ntin ? undefined : cards[0]);
  if (!card) return partial;
  // The names the user chose from stay; the card adds what the search row lacked.
  return { ...card, key: partial.key, nameKk: card.nameKk || partial.nameKk, nameRu: card.nameRu || partial.nameRu };
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
