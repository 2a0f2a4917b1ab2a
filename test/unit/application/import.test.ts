import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerSignature } from '../../../src/shared/application/import/columns.ts';
import { exportDraftsToXlsx } from '../../../src/shared/application/import/export.ts';
import { importSpreadsheet, spreadsheetFormat, type ImportResult } from '../../../src/shared/application/import/import.ts';
import { prepareSchemas } from '../../../src/shared/application/import/rows.ts';
import { draftToRequestBody } from '../../../src/shared/application/mapping.ts';
import { encodeCp1251, utf8 } from './bytes.ts';
import { clothingLeaf, dictionaries, foodLeaf, gtin, schemasFor, source, today, validBin, validGtin } from './seed-context.ts';

const kazakh = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
const tnved = foodLeaf.tnvedCodes[0] ?? '';
const header = ['oktru', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'gtin', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d', 'producer_identifier'];

function row(overrides: Partial<Record<(typeof header)[number], string>> = {}, index = 0): string[] {
  const values: Record<string, string> = {
    oktru: foodLeaf.code,
    name_ru: `Молоко питьевое 2,5% №${String(index)}`,
    name_kk: `Ауыз сүт 2,5% №${String(index)} ${kazakh}`,
    short_name_ru: 'Молоко',
    brand: 'Сүт Әлемі',
    gtin: gtin(`48700${String(index).padStart(7, '0')}`),
    tnved,
    country: 'KZ',
    measure_unit: '112',
    quantity: '1',
    a4282e5d: 'ТОО «Сүт Әлемі»',
    producer_identifier: validBin,
    ...overrides,
  };
  return header.map((code) => values[code] ?? '');
}

function csv(rows: string[][], separator = ';'): string {
  const quote = (cell: string) => (/[";\n,]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${[header, ...rows].map((cells) => cells.map(quote).join(separator)).join('\r\n')}\r\n`;
}

async function importCsv(text: string | Uint8Array, name = 'batch.csv'): Promise<ImportResult> {
  return importSpreadsheet(typeof text === 'string' ? utf8(text, true) : text, name, { source, dictionaries, today });
}

function lines(result: ImportResult): string[] {
  return result.problems.map((problem) => `${String(problem.row)} ${problem.field} ${problem.key}`);
}

describe('importSpreadsheet (CSV, default layout)', () => {
  it('imports clean rows with no mapping and no problems, Kazakh letters intact', async () => {
    const result = await importCsv(csv([row({}, 1), row({}, 2)]));
    expect(result.isDefaultLayout).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ rows: 2, errors: 0, warnings: 0, rowsWithErrors: 0 });
    const draft = result.drafts[0];
    expect(draft?.values.base.name_kk).toBe(`Ауыз сүт 2,5% №1 ${kazakh}`);
    expect(draft?.values.base.tnved).toEqual([tnved]);
    expect(draft?.values.base.measure).toEqual({ measure_unit: '112', quantity: '1' });
  });

  it('reports problems by file row: a 10,000-character name, emoji, control characters, bad codes', async () => {
    const result = await importCsv(
      csv([
        row({ name_ru: 'М'.repeat(10_000) }, 1),
        row({ name_kk: 'Сүт 🥛', brand: 'Сүт 🐄' }, 2),
        row({ name_ru: 'Молоко\u0001' }, 3),
        row({ gtin: '4870000000000', tnved: `${tnved}@12`, country: 'XX', quantity: '1,5' }, 4),
      ]),
    );
    expect(lines(result)).toEqual([
      '2 name_ru application.value.tooLong',
      '3 name_kk application.text.emojiInName',
      '3 brand application.text.emoji',
      '4 name_ru application.text.control',
      '5 gtin codes.gtin.badCheckDigit',
      '5 tnved codes.tnved.badLength',
      '5 country application.dictionary.notFound',
      '5 measure.quantity application.value.decimalComma',
    ]);
    expect(result.problems[1]?.severity).toBe('error');
    expect(result.problems[2]?.severity).toBe('warning');
  });

  it('finds a duplicate GTIN (13 or 14 digits) and a duplicate unique name within the batch', async () => {
    const result = await importCsv(csv([row({ gtin: validGtin }, 1), row({}, 2), row({ gtin: `0${validGtin}` }, 3), row({ name_ru: 'Молоко питьевое 2,5% №1' }, 4)]));
    expect(result.problems).toEqual([
      { row: 4, field: 'gtin', group: 'base', key: 'application.import.duplicateGtin', params: { value: `0${validGtin}`, row: 2 }, severity: 'error' },
      { row: 5, field: 'name_ru', group: 'base', key: 'application.import.duplicateValue', params: { row: 2 }, severity: 'error' },
    ]);
  });

  it('numbers rows by the line where they start when values span lines', async () => {
    const result = await importCsv(csv([row({ a4282e5d: 'ТОО\n«Сүт»' }, 1), row({ country: 'XX' }, 2)]));
    // Row 2 spans lines 2–3 (and a line break in a one-line attribute is a control character); row 3 starts on line 4.
    expect(lines(result)).toEqual(['2 a4282e5d application.text.control', '4 country application.dictionary.notFound']);
  });

  it('reads Windows-1251 and warns when Kazakh letters were lost to it', async () => {
    const result = await importCsv(encodeCp1251(csv([row({ name_kk: 'Ауыз сүт' }, 1)])));
    expect(result.table.encoding).toBe('windows-1251');
    expect(result.drafts[0]?.values.base.name_ru).toBe('Молоко питьевое 2,5% №1');
    expect(lines(result)).toEqual(['2 name_kk application.import.lostLetters', '2 brand application.import.lostLetters', '2 a4282e5d application.import.lostLetters']);
  });

  it('turns a broken CSV into a problem, not a crash', async () => {
    const good = csv([row({}, 1)]);
    const text = `${good}${foodLeaf.code};"Кефир;Айран\n${foodLeaf.code};Сметана;Қаймақ\n`;
    const result = await importCsv(text);
    expect(result.drafts).toHaveLength(1);
    expect(lines(result)).toContainEqual('3 - application.import.unbalancedQuote');
  });

  it('reads card-level columns: flags, an edit’s ntin; and warns about unknown columns', async () => {
    const text = `oktru;isGov;autoPublication;ntin;name_ru;comment\n${foodLeaf.code};нет;да;0200121958529;Молоко;x\n${foodLeaf.code};maybe;0;;Кефир;y\n`;
    const result = await importCsv(text);
    expect(result.isDefaultLayout).toBe(false);
    expect(result.drafts[0]).toMatchObject({ isGov: false, autoPublication: true, editOfNtin: '0200121958529' });
    expect(lines(result).filter((line) => !line.includes('value.required'))).toEqual(['1 comment application.import.unknownColumn', '3 isGov application.import.badFlag']);
  });

  it('maps Russian labels and compound.part headers; reports a part name shared by two compounds', async () => {
    const text = `oktru;isGov;Полное наименование товара (рус);package_dimensions.width;width\n${clothingLeaf.code};true;Футболка;10;20\n`;
    const result = await importCsv(text);
    expect(result.mapping).toEqual([
      { kind: 'oktru' },
      { kind: 'isGov' },
      { kind: 'attribute', code: 'name_ru' },
      { kind: 'part', code: 'package_dimensions', part: 'width' },
      { kind: 'ignore' },
    ]);
    expect(result.drafts[0]?.values.mainExtended.package_dimensions).toEqual({ width: '10' });
    expect(lines(result)).toContain('1 width application.import.ambiguousColumn');
  });

  it('uses a remembered mapping for the header layout', async () => {
    const text = `Категория;Наименование\n${foodLeaf.code};Молоко\n`;
    const result = await importSpreadsheet(utf8(text), 'x.csv', {
      source,
      dictionaries,
      today,
      mapping: [{ kind: 'oktru' }, { kind: 'attribute', code: 'name_ru' }],
    });
    expect(result.headerSignature).toBe(headerSignature(['категория', ' НАИМЕНОВАНИЕ ']));
    expect(result.drafts[0]?.values.base.name_ru).toBe('Молоко');
    expect(lines(result).some((line) => line.includes('unknownColumn'))).toBe(false);
  });

  it('refuses other formats', async () => {
    expect(spreadsheetFormat('a.XLSX')).toBe('xlsx');
    expect(spreadsheetFormat('a.csv')).toBe('csv');
    expect(spreadsheetFormat('a.xls')).toBeUndefined();
    expect(lines(await importSpreadsheet(utf8('x'), 'a.pdf', { source, today }))).toEqual(['1 - application.import.unsupportedFormat']);
  });

  it('handles 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => row({}, index + 1));
    rows[4321] = row({ gtin: rows[17]?.[5] ?? '' }, 4322);
    const result = await importCsv(csv(rows));
    expect(result.counts.rows).toBe(5000);
    expect(lines(result)).toEqual(['4323 gtin application.import.duplicateGtin']);
  });
});

describe('Kazakh letters end to end', () => {
  it('survive CSV → draft → request body → XLSX → draft', async () => {
    const first = await importCsv(csv([row({ brand: `Бренд ${kazakh}` }, 1)]));
    const draft = first.drafts[0];
    if (!draft) throw new Error('no draft');
    const schemas = await prepareSchemas(source, first.oktruCodes);
    const body = draftToRequestBody(draft, schemas.forOktru(draft.oktru));
    expect(body.attributes.find((item) => item.code === 'name_kk')?.value).toContain(kazakh);
    expect(body.attributes.find((item) => item.code === 'brand')?.value).toBe(`Бренд ${kazakh}`);
    const xlsx = await exportDraftsToXlsx(first.drafts, { schemas: schemas.union });
    const second = await importSpreadsheet(xlsx, 'back.xlsx', { source, dictionaries, today });
    expect(second.problems).toEqual([]);
    expect(second.drafts[0]?.values).toEqual(draft.values);
  });
});

describe('importSpreadsheet (XLSX)', () => {
  it('flags a formula cell at its row and attribute, and keeps it out of exports unescaped', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(header);
    sheet.addRow(row({}, 1));
    const second = sheet.addRow(row({}, 2));
    second.getCell(2).value = { formula: 'HYPERLINK("http://x","y")', result: 'y' };
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await importSpreadsheet(bytes, 'book.xlsx', { source, dictionaries, today });
    expect(result.problems).toEqual([
      { row: 3, field: 'name_ru', group: 'base', key: 'application.import.formula', params: { formula: 'HYPERLINK("http://x","y")' }, severity: 'error' },
    ]);
    expect(result.drafts[1]?.values.base.name_ru).toBe('=HYPERLINK("http://x","y")');
    const exported = await exportDraftsToXlsx(result.drafts, { schemas: schemasFor(foodLeaf.code) });
    expect(structuredClone(result)).toEqual(result); // plain data: a worker can post it
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(exported.slice().buffer);
    const headers = (check.worksheets[0]?.getRow(1).values ?? []) as unknown[];
    const cell = check.worksheets[0]?.getRow(3).getCell(headers.indexOf('name_ru'));
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('\'=HYPERLINK("http://x","y")');
  });
});
