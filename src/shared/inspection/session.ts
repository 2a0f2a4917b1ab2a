/**
 * An inspection: who was inspected, where and by whom, and every product line scanned with its verdict.
 * Pure data and rules; the page stores it (src/renderer/db/inspections.ts) and the act renders it.
 */
import { validateBin, validateIin } from '../codes/bin.ts';
import type { EntityCategory, OffenceKind } from './fines.ts';
import { verdictKinds, type VerdictKind } from './verdict.ts';

export interface InspectionItem {
  id: string;
  /** ISO time of the (first) scan. */
  scannedAt: string;
  /** The code as scanned or typed. */
  input: string;
  /** The normalised GTIN-14 (empty for an invalid code). */
  gtin14: string;
  verdict: VerdictKind;
  /** Cards found: NTIN and names. */
  cards: { ntin: string; nameKk: string; nameRu: string; unit: string; deactivated: boolean }[];
  /** For an invalid code: the message key and parameters. */
  problem?: { key: string; params?: Record<string, string | number> };
  quantity: number;
  note: string;
  /** Ids of the line's photos (stored beside the inspection), in the order taken. */
  photos?: string[];
}

export interface Inspection {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: 'open' | 'paused' | 'closed';
  organisation: { idNumber: string; name: string; address: string; category: EntityCategory };
  offence: OffenceKind;
  place: string;
  inspector: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The catalogue copy the verdicts came from. */
  copy: { date: string | undefined; count: number };
  items: InspectionItem[];
}

/** A BIN or an IIN (12 digits, valid check digit). */
export function isValidOrganisationId(value: string): boolean {
  const digits = value.trim();
  return validateBin(digits).valid || validateIin(digits).valid;
}

export function totalsByVerdict(items: readonly InspectionItem[]): Record<VerdictKind, { lines: number; quantity: number }> {
  const totals = Object.fromEntries(verdictKinds.map((kind) => [kind, { lines: 0, quantity: 0 }])) as Record<VerdictKind, { lines: number; quantity: number }>;
  for (const item of items) {
    totals[item.verdict].lines += 1;
    totals[item.verdict].quantity += item.quantity;
  }
  return totals;
}

/** Product lines that are violations: a valid code that no card carries. */
export function violationCount(items: readonly InspectionItem[]): number {
  return items.filter((item) => item.verdict === 'not-found').length;
}

/** Lower-case words to find an inspection by organisation, BIN/IIN, place, inspector or date. */
export function inspectionSearchWords(inspection: Inspection): string[] {
  const text = [inspection.organisation.name, inspection.organisation.idNumber, inspection.organisation.address, inspection.place, inspection.inspector, inspection.date].join(' ');
  return [...new Set(text.toLocaleLowerCase('ru').split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0))];
}
