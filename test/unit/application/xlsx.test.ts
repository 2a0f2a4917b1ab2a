import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../src/shared/application/draft.ts';
import { escapeCellText, exportDraftsToXlsx } from '../../../src/shared/application/import/export.ts';
import { importSpreadsheet } from '../../../src/shared/application/import/import.ts';
import { readXlsx } from '../../../src/shared/application/import/xlsx.ts';
import { indexSchemas } from '../../../src/shared/application/schema.ts';
import { unzip } from './bytes.ts';
import { dictionaries, foodLeaf, schemasFor, source, today } from './seed-context.ts';

async function workbookBytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Товары'));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readXlsx', () => {
  it('reads every cell as text: numbers in full, zero-padded formats, booleans, dates, rich text', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['gtin', 'xtin', 'quantity', 'is_domestic', 'issued', 'name_kk']);
      const row = sheet.addRow([4870000000007, 41234567890, 0.1 + 0.2, true, new Date(Date.UTC(2026, 2, 1)), { richText: [{ text: 'Қымыз ' }, { text: 'Ұлы Дала', font: { bold: true } }] }]);
      row.getCell(2).numFmt = '0000000000000';
    });
    const table = await readXlsx(bytes);
    expect(table.sheetName).toBe('Товары');
    expect(table.headers).toEqual(['gtin', 'xtin', 'quantity', 'is_domestic', 'issued', 'name_kk']);
    expect(table.rows).toEqual([{ row: 2, cells: ['4870000000007', '0041234567890', '0.3', 'true', '2026-03-01', 'Қымыз Ұлы Дала'] }]);
    expect(table.issues).toEqual([]);
  });

  it('never evaluates a formula: its text is taken literally and flagged, the cached result ignored', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['name_ru', 'brand', 'article']);
      sheet.addRow([{ formula: 'HYPERLINK("http://x","y")', result: 'y' }, 'Бренд', { formula: 'A2&"!"', result: 'y!' }]);
      sheet.addRow(['Кефир', { error: '#N/A' }, '']);
    });
    const table = await readXlsx(bytes);
    expect(table.rows).toEqual([
      { row: 2, cells: ['=HYPERLINK("http://x","y")', 'Бренд', '=A2&"!"'] },
      { row: 3, cells: ['Кефир', '#N/A', ''] },
    ]);
    expect(table.issues).toEqual([
      { row: 2, column: 0, key: 'application.import.formula', params: { formula: 'HYPERLINK("http://x","y")' }, severity: 'error' },
      { row: 2, column: 2, key: 'application.import.formula', params: { formula: 'A2&"!"' }, severity: 'error' },
      { row: 3, column: 1, key: 'application.import.errorCell', params: { error: '#N/A' }, severity: 'error' },
    ]);
  });

  it('reports bytes that are not a workbook, and an empty one, instead of throwing', async () => {
    expect((await readXlsx(new TextEncoder().encode('name_ru;brand'))).issues).toEqual([{ row: 1, key: 'application.import.unreadable', severity: 'error' }]);
    expect((await readXlsx(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).issues).toEqual([{ row: 1, key: 'application.import.unreadable', severity: 'error' }]);
    expect((await readXlsx(await workbookBytes(() => undefined))).issues).toEqual([{ row: 1, key: 'application.import.emptyFile', severity: 'error' }]);
  });
});

describe('exportDraftsToXlsx', () => {
  const index = indexSchemas(schemasFor(foodLeaf.code));

  it('escapes every formula trigger with a leading apostrophe', () => {
    expect(['=1+1', '+7', '-5', '@SUM(A1)', '\tx', '\rx', 'Сүт', '', "'already"].map(escapeCellText)).toEqual([
      "'=1+1",
      "'+7",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Сүт',
      '',
      "'already",
    ]);
  });

  it('writes text cells only, never a formula, and reads back to the same values', async () => {
    const draft = emptyDraft({ id: 'x', oktru: foodLeaf.code });
    draft.values.base = {
      name_ru: '=HYPERLINK("http://x","y")',
      name_kk: 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі',
      gtin: '04870000000007',
      brand: '-минус',
      tnved: ['0401101913', '0401202542'],
      measure: { measure_unit: '112', quantity: '1' },
    };
    const bytes = await exportDraftsToXlsx([draft], { schemas: index });

    const xml = unzip(bytes);
    const sheetXml = [...xml.entries()].find(([name]) => name.startsWith('xl/worksheets/'))?.[1] ?? '';
    expect(sheetXml).not.toMatch(/<f[ >]/u);
    const strings = (xml.get('xl/sharedStrings.xml') ?? sheetXml)
      .replaceAll('&apos;', "'")
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    expect(strings).toContain("'=HYPERLINK(");
    expect(strings).toContain("'-минус");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.worksheets[0];
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
    expect(sheet?.getRow(2).getCell(1).numFmt).toBe('@');

    const back = await importSpreadsheet(bytes, 'export.xlsx', { source, dictionaries, today });
    expect(back.isDefaultLayout).toBe(true);
    expect(back.drafts[0]?.values.base).toEqual(draft.values.base);
    expect(back.problems.filter((problem) => problem.key === 'application.import.formula')).toEqual([]);
  });

  it('adds extended columns only when a draft fills them', async () => {
    const base = emptyDraft({ id: 'a', oktru: foodLeaf.code });
    base.values.base = { name_ru: 'Сүт' };
    const headersOf = async (drafts: Parameters<typeof exportDraftsToXlsx>[0]) => (await readXlsx(await exportDraftsToXlsx(drafts, { schemas: index }))).headers;
    expect(await headersOf([base])).not.toContain('enstrus');
    const gov = { ...base, isGov: true, values: { ...base.values, mainExtended: { enstrus: '329912.130.000000' } } };
    expect(await headersOf([base, gov])).toContain('enstrus');
  });
});
