/**
 * The column-mapping step: which column of a spreadsheet holds what.
 *
 * The default layout needs no mapping: its headers are the portal's own codes (docs/import-layout.md):
 * `oktru`, `isGov`, `autoPublication`, `ntin` (an edit of that published card), then attribute codes
 * (`name_ru`, `gtin`, `tnved`, …), compound parts by their own code when only one compound has them
 * (`measure_unit`, `quantity`) or as `compound.part` (`package_dimensions.width`). Headers are matched
 * without regard to case and surrounding spaces; an attribute's Russian or Kazakh label (`nameRu`/`nameKk`)
 * is accepted too. Anything else is ignored with a warning.
 *
 * A mapping is plain data (one target per column), so the app can remember it per header layout,
 * keyed by `headerSignature(headers)`.
 */
import type { ImageType } from '../../catalogue/dto.ts';
import type { SchemaIndex } from '../schema.ts';
import { attachmentColumn, documentColumn, photoColumnOf } from './attachments.ts';
import type { TableIssue } from './table.ts';

export type ColumnTarget =
  | { kind: 'oktru' }
  | { kind: 'isGov' }
  | { kind: 'autoPublication' }
  | { kind: 'editOfNtin' }
  | { kind: 'attribute'; code: string }
  | { kind: 'part'; code: string; part: string }
  /** A photo of this angle: a path relative to the sheet's folder (attachments.ts). */
  | { kind: 'photo'; slot: ImageType }
  /** Conformity documents: PDF paths relative to the sheet's folder, `|`-separated. */
  | { kind: 'documents' }
  | { kind: 'ignore' };

/** One target per column, in column order. */
export type ColumnMapping = ColumnTarget[];

/** Header spellings of the card-level columns. */
const cardColumns: Readonly<Record<string, ColumnTarget>> = {
  oktru: { kind: 'oktru' },
  isgov: { kind: 'isGov' },
  is_gov: { kind: 'isGov' },
  autopublication: { kind: 'autoPublication' },
  auto_publication: { kind: 'autoPublication' },
  ntin: { kind: 'editOfNtin' },
};

function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/u, '').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * A stable key of a header layout: the normalised headers in order, hashed (FNV-1a, 32 bits), with their
 * count. Two files with the same headers in the same order get the same signature whatever their case
 * or surrounding spaces.
 */
export function headerSignature(headers: readonly string[]): string {
  const joined = headers.map(normaliseHeader).join('\u001f');
  let hash = 0x811c9dc5;
  for (let i = 0; i < joined.length; i += 1) {
    hash ^= joined.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `h1-${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** How the target of a column is written in the default layout (for exports and the documentation). */
export function targetHeader(target: ColumnTarget, index: SchemaIndex): string {
  switch (target.kind) {
    case 'oktru':
      return 'oktru';
    case 'isGov':
      return 'isGov';
    case 'autoPublication':
      return 'autoPublication';
    case 'editOfNtin':
      return 'ntin';
    case 'attribute':
      return target.code;
    case 'part':
      return (index.partOwners.get(target.part)?.length ?? 0) === 1 && !index.byCode.has(target.part) ? target.part : `${target.code}.${target.part}`;
    case 'photo':
      return photoColumnOf(target.slot);
    case 'documents':
      return documentColumn;
    case 'ignore':
      return '';
  }
}

/** The default layout's columns for a schema: card columns, then every attribute, compounds as their parts. */
export function defaultColumns(index: SchemaIndex): ColumnTarget[] {
  const columns: ColumnTarget[] = [{ kind: 'oktru' }, { kind: 'isGov' }, { kind: 'autoPublication' }];
  for (const group of ['base', 'mainExtended', 'additionalExtended'] as const) {
    for (const entry of index.groups[group]) {
      if (entry.code === 'ntin') continue; // assigned by the catalogue; a `ntin` column means an edit
      if (entry.parts.size > 0) for (const part of entry.parts.keys()) columns.push({ kind: 'part', code: entry.code, part });
      else columns.push({ kind: 'attribute', code: entry.code });
    }
  }
  return columns;
}

export interface SuggestedMapping {
  mapping: ColumnMapping;
  /** Unknown, duplicate and ambiguous columns (at the header row). */
  issues: TableIssue[];
  /** True when every column was recognised by its code: the file follows the default layout. */
  isDefaultLayout: boolean;
}

/** Maps headers to targets by code, `compound.part`, unique part code, or label. */
export function suggestColumnMapping(headers: readonly string[], index: SchemaIndex, headerRow = 1): SuggestedMapping {
  const byCode = new Map<string, string>();
  for (const code of index.byCode.keys()) byCode.set(code.toLowerCase(), code);
  const byLabel = new Map<string, string>();
  for (const entry of index.byCode.values()) {
    for (const label of [entry.definition.nameRu, entry.definition.nameKk]) {
      const key = normaliseHeader(label);
      if (key !== '' && !byLabel.has(key)) byLabel.set(key, entry.code);
    }
  }
  const issues: TableIssue[] = [];
  const used = new Set<string>();
  let allByCode = true;
  const mapping = headers.map((header, column): ColumnTarget => {
    const key = normaliseHeader(header);
    if (key === '') return { kind: 'ignore' };
    let target: ColumnTarget | undefined = cardColumns[key] ?? attachmentColumn(key);
    if (!target) {
      const code = byCode.get(key);
      const dot = key.indexOf('.');
      if (code !== undefined && !(index.byCode.get(code)?.parts.size)) target = { kind: 'attribute', code };
      else if (dot > 0) {
        const compound = byCode.get(key.slice(0, dot));
        const entry = compound === undefined ? undefined : index.byCode.get(compound);
        const part = entry ? [...entry.parts.keys()].find((candidate) => candidate.toLowerCase() === key.slice(dot + 1)) : undefined;
        if (entry && part !== undefined) target = { kind: 'part', code: entry.code, part };
      } else {
        const owners = [...index.partOwners.entries()].find(([part]) => part.toLowerCase() === key);
        if (owners && owners[1].length === 1 && owners[1][0] !== undefined) target = { kind: 'part', code: owners[1][0], part: owners[0] };
        else if (owners) {
          const [part, codes] = owners;
          issues.push({ row: headerRow, column, key: 'application.import.ambiguousColumn', params: { header, owners: codes.join(', '), example: `${codes[0] ?? ''}.${part}` }, severity: 'error' });
          allByCode = false;
          return { kind: 'ignore' };
        } else if (code !== undefined) target = { kind: 'attribute', code }; // a compound as one column: validation asks for its parts
      }
    }
    if (!target) {
      const labelled = byLabel.get(key);
      if (labelled !== undefined && !(index.byCode.get(labelled)?.parts.size)) {
        target = { kind: 'attribute', code: labelled };
        allByCode = false;
      }
    }
    if (!target) {
      issues.push({ row: headerRow, column, key: 'application.import.unknownColumn', params: { header }, severity: 'warning' });
      allByCode = false;
      return { kind: 'ignore' };
    }
    const id =
      target.kind === 'attribute' ? `a:${target.code}` : target.kind === 'part' ? `p:${target.code}.${target.part}` : target.kind === 'photo' ? `photo:${target.slot}` : target.kind;
    if (used.has(id)) {
      issues.push({ row: headerRow, column, key: 'application.import.duplicateColumn', params: { header }, severity: 'warning' });
      return { kind: 'ignore' };
    }
    used.add(id);
    return target;
  });
  return { mapping, issues, isDefaultLayout: allByCode };
}

/** The column holding the ОКТРУ code, or -1. */
export function oktruColumn(mapping: ColumnMapping): number {
  return mapping.findIndex((target) => target.kind === 'oktru');
}
