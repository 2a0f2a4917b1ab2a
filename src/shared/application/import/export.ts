/**
 * Drafts → an XLSX workbook in the default import layout (so an export can be edited and imported back).
 *
 * Every cell is written as text (number format `@`, string values), and a value that starts with a formula
 * trigger (`=`, `+`, `-`, `@`, tab, CR) is escaped with a leading `'`, so that neither Excel nor anything
 * the file is later converted to (CSV) ever takes it for a formula: a `=HYPERLINK(…)` that came in as text
 * goes out as the text `'=HYPERLINK(…)`. The import removes that `'` again (table.ts `cellText`).
 */
import type { ApplicationDraft, DraftValue } from '../draft.ts';
import { findValue } from '../draft.ts';
import { toSchemaIndex, type AttributeSchemas, type SchemaIndex } from '../schema.ts';
import { defaultColumns, targetHeader, type ColumnTarget } from './columns.ts';
import { formulaTriggers } from './table.ts';

/** The text to write for a value: escaped with `'` when it starts with a formula trigger. */
export function escapeCellText(value: string): string {
  return value.length > 0 && formulaTriggers.includes(value.charAt(0)) ? `'${value}` : value;
}

function partText(value: DraftValue | undefined, part?: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return part === undefined ? value : '';
  if (Array.isArray(value)) return part === undefined ? value.join('@') : '';
  if (part === undefined) return '';
  const inner = value[part];
  return inner === undefined ? '' : Array.isArray(inner) ? inner.join('@') : inner;
}

function cellValue(draft: ApplicationDraft, target: ColumnTarget): string {
  switch (target.kind) {
    case 'oktru':
      return draft.oktru;
    case 'isGov':
      return draft.isGov ? 'true' : 'false';
    case 'autoPublication':
      return draft.autoPublication ? 'true' : 'false';
    case 'editOfNtin':
      return draft.editOfNtin ?? '';
    case 'photo':
    case 'documents':
      return ''; // files are not exported: the sheet would name paths that do not exist next to it
    case 'attribute':
      return partText(findValue(draft, target.code)?.value);
    case 'part':
      return partText(findValue(draft, target.code)?.value, target.part);
    case 'ignore':
      return '';
  }
}

export interface ExportOptions {
  /** The schema whose default layout gives the columns (e.g. `PreparedSchemas.union` of the drafts' categories). */
  schemas: SchemaIndex | AttributeSchemas;
  /** Columns to write; default: the default layout, without extended columns no draft fills. */
  columns?: ColumnTarget[];
  sheetName?: string;
}

/** Writes drafts to XLSX bytes. */
export async function exportDraftsToXlsx(drafts: readonly ApplicationDraft[], options: ExportOptions): Promise<Uint8Array> {
  const index = toSchemaIndex(options.schemas);
  let columns = options.columns ?? defaultColumns(index);
  if (!options.columns) {
    if (drafts.some((draft) => draft.editOfNtin !== undefined)) columns = [...columns.slice(0, 3), { kind: 'editOfNtin' }, ...columns.slice(3)];
    columns = columns.filter((target) => {
      if (target.kind !== 'attribute' && target.kind !== 'part') return true;
      if (index.byCode.get(target.code)?.group === 'base') return true;
      return drafts.some((draft) => cellValue(draft, target) !== '');
    });
  }
  // Loaded here, not at the top: reading files never needs exceljs, and it is a megabyte of code.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'drafts', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((target) => ({ header: escapeCellText(targetHeader(target, index)), width: 18, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const draft of drafts) {
    sheet.addRow(columns.map((target) => escapeCellText(cellValue(draft, target))));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
