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

/**
 * Whether `incoming` replaces the `held` version of the same card: the later `modified` wins, and a card that
 * came without one (read as 0) is taken as the newer, since the feed hands cards on in the order they changed.
 */
export function supersedes(incoming: CopyCard, held: CopyCard): boolean {
  return incoming.modified === 0 || held.modified <= incoming.modified;
}

/** The info after new cards were added (`added` = how many keys were new). */
export function advanceCopyInfo(info: CopyInfo, cards: readonly CopyCard[], added: number): CopyInfo {
  let { maxNtinSerial, cursor } = info;
  for (const card of cards) {
    if (card.ntin !== '') maxNtinSerial = Math.max(maxNtinSerial, ntinSerial(card.ntin));
    cursor = Math.max(cursor, card.modified);
  }
  return { ...info, count: info.count + added, maxNtinSerial, cursor };
}

const isText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/**
 * The same card as `copyCardFromRow(exportRowSchema.parse(raw))` for a row of the feed's usual plain shape,
 * read without the schema (a million rows through zod cost seconds); `'unusual'` for any other shape, which the
 * caller then reads through the schema.
 */
export function copyCardFromPlainRow(raw: unknown): CopyCard | undefined | 'unusual' {
  if (typeof raw !== 'object' || raw === null) return 'unusual';
  const row = raw as Record<string, unknown>;
  const { id, modified, name_ru: nameRu, name_kk: nameKk, gtin, ntin_code: ntinCode, is_social: social, ntin_isdeactivated: deactivated, is_markedeac: marked, measure } = row;
  if (typeof id !== 'number' || !Number.isFinite(id) || typeof modified !== 'number' || !Number.isFinite(modified)) return 'unusual';
  if (typeof nameRu !== 'string' || typeof nameKk !== 'string' || typeof gtin !== 'string' || typeof ntinCode !== 'string') return 'unusual';
  if (typeof social !== 'boolean' || typeof deactivated !== 'boolean' || (marked !== undefined && typeof marked !== 'boolean')) return 'unusual';
  let unit: string;
  if (measure === undefined) unit = '';
  else if (typeof measure === 'string') unit = measure;
  else if (typeof measure === 'object' && measure !== null) {
    const { short_name: shortName, name, code } = measure as Record<string, unknown>;
    if (!isText(shortName) || !isText(name) || !isText(code)) return 'unusual';
    unit = shortName || name || code || '';
  } else return 'unusual';
  const ntin = ntinCode.trim();
  const gtin14 = gtin.trim() === '' ? '' : gtinKey(gtin);
  const key = ntin !== '' ? ntin : gtin14 !== '' ? `gtin:${gtin14}` : '';
  if (key === '') return undefined;
  return { key, id, ntin, gtin: gtin14, nameRu, nameKk, unit, deactivated, social, modified };
}
