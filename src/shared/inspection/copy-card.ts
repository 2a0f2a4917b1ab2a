/**
 * One card of the offline catalogue copy: the few fields an inspector's verdict needs, read from an export row
 * (catalogue-api.md §10.3). Keyed by NTIN; a row without an NTIN is keyed by its GTIN (§10.4).
 */
import type { ExportRow } from '../catalogue/export-dto.ts';
import { gtinKey, ntinSerial } from './scan-code.ts';

export interface CopyCard {
  /** The NTIN, or `gtin:<14 digits>` for a row without one. */
  key: string;
  id: number;
  ntin: string;
  /** 14 digits, or '' when the card has no (valid) GTIN. */
  gtin: string;
  nameRu: string;
  nameKk: string;
  /** The unit's short name (шт, кг, …) as the feed gives it. */
  unit: string;
  deactivated: boolean;
  social: boolean;
  /** Unix seconds (the feed's `modified`). */
  modified: number;
}

function unitOf(measure: ExportRow['measure']): string {
  if (measure === undefined) return '';
  if (typeof measure === 'string') return measure;
  return measure.short_name || measure.name || measure.code || '';
}

/** The copy's card for an export row, or undefined when the row names neither an NTIN nor a GTIN. */
export function copyCardFromRow(row: ExportRow): CopyCard | undefined {
  const ntin = row.ntin_code.trim();
  const gtin = row.gtin.trim() === '' ? '' : gtinKey(row.gtin);
  const key = ntin !== '' ? ntin : gtin !== '' ? `gtin:${gtin}` : '';
  if (key === '') return undefined;
  return {
    key,
    id: row.id,
    ntin,
    gtin,
    nameRu: row.name_ru,
    nameKk: row.name_kk,
    unit: unitOf(row.measure),
    deactivated: row.ntin_isdeactivated,
    social: row.is_social,
    modified: row.modified,
  };
}

/** What the copy knows about itself: stamped on every verdict (domain-rules §9.3 step 4). */
export interface CopyInfo {
  /** When the copy was last complete (ISO 8601), or undefined while no download or import has finished. */
  copyDate: string | undefined;
  count: number;
  /** The highest NTIN serial held: an NTIN above it may have been assigned after the copy was taken. */
  maxNtinSerial: number;
  /** max(modified) held, unix seconds: the next incremental download's `from`. */
  cursor: number;
}

export const emptyCopyInfo: CopyInfo = { copyDate: undefined, count: 0, maxNtinSerial: 0, cursor: 0 };

/** The info after new cards were added (`added` = how many keys were new). */
export function advanceCopyInfo(info: CopyInfo, cards: readonly CopyCard[], added: number): CopyInfo {
  let { maxNtinSerial, cursor } = info;
  for (const card of cards) {
    if (card.ntin !== '') maxNtinSerial = Math.max(maxNtinSerial, ntinSerial(card.ntin));
    cursor = Math.max(cursor, card.modified);
  }
  return { ...info, count: info.count + added, maxNtinSerial, cursor };
}
