import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/shared/application/import/csv.ts';
import { importSpreadsheet } from '../../../src/shared/application/import/import.ts';
import { defaultImportLimits } from '../../../src/shared/application/import/limits.ts';
import type { TableIssue } from '../../../src/shared/application/import/table.ts';
import { readXlsx } from '../../../src/shared/application/import/xlsx.ts';
import { part, repeatedPart, sheetClose, sheetOpen, smallWorkbook, stringsOpen, workbookParts, zip } from './hostile-xlsx.ts';
import { dictionaries, source, today } from './seed-context.ts';

const folder = mkdtempSync(join(tmpdir(), 'ncg-limits-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface ChildRead {
  issues: TableIssue[];
  rows: number;
  headers: number;
  ms: number;
  peakMb: number;
}

const reader = fileURLToPath(new URL('./read-in-child.ts', import.meta.url));

/** Reads the file in a fresh Node process (so its peak memory is the reading's own). */
function readInChild(name: string, bytes: Uint8Array): Promise<ChildRead> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', reader, path], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as ChildRead);
    });
  });
}

const MB = 1024 * 1024;
/*
 * Sanity bounds, far above what the reader needs and far below what the old whole-workbook reader took
 * (54 s and 3.2 GB for the 300 MB string; 78 s and 1.6 GB for a million rows). Not tuned on an idle machine.
 */
const timeBoundMs = 25_000;
const memoryBoundMb = 700;

function sharedStringBomb(megabytes: number, declaredSize?: number): Uint8Array {
  const strings = repeatedPart('xl/sharedStrings.xml', `${stringsOpen}<si><t>`, 'A'.repeat(MB), megabytes, '</t></si></sst>');
  return zip([
    ...workbookParts(),
    part('xl/worksheets/sheet1.xml', `${sheetOpen}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetClose}`),
    declaredSize === undefined ? strings : { ...strings, declaredSize },
  ]);
}

describe('XLSX limits are enforced while reading', () => {
  it('refuses a 300 MB shared string in a ~300 KB file at once, from the size the archive declares', { timeout: 120_000 }, async () => {
    const bytes = sharedStringBomb(300);
    expect(bytes.length).toBeLessThan(600 * 1024);
    const read = await readInChild('bomb-300mb.xlsx', bytes);
    expect(read.issues).toEqual([{ row: 1, key: 'application.import.unpackedTooLarge', params: { part: 'xl/sharedStrings.xml', max: 192 }, severity: 'error' }]);
    expect(read.rows).toBe(0);
    expect(read.ms).toBeLessThan(timeBoundMs);
    expect(read.peakMb).toBeLessThan(memoryBoundMb);
  });

  it('refuses the same bomb when the archive lies about its size, as soon as it unpacks past the claim', { timeout: 120_000 }, async () => {
    const read = await readInChild('bomb-lying.xlsx', sharedStringBomb(300, 4096));
    expect(read.issues).toEqual([{ row: 1, key: 'application.import.archiveDamaged', params: { part: 'xl/sharedStrings.xml' }, severity: 'error' }]);
    expect(read.ms).toBeLessThan(timeBoundMs);
    expect(read.peakMb).toBeLessThan(memoryBoundMb);
  });

  it('refuses a 150 MB text within the size limits after reading past the longest cell Excel allows', { timeout: 120_000 }, async () => {
    const read = await readInChild('bomb-150mb.xlsx', sharedStringBomb(150));
    expect(read.issues).toEqual([{ row: 1, key: 'application.import.textTooLong', params: { max: 32_767 }, severity: 'error' }]);
    expect(read.ms).toBeLessThan(timeBoundMs);
    expect(read.peakMb).toBeLessThan(memoryBoundMb);
  });

  it('stops a million-row sheet at the row limit instead of parsing it all', { timeout: 120_000 }, async () => {
    // 1,000 blocks of 1,000 rows (rows and cells without references, as some writers do), deflated once.
    const block = Array.from({ length: 1_000 }, (_, i) => `<row><c t="s"><v>2</v></c><c><v>${String(4_870_000_000_000 + i)}</v></c></row>`).join('');
    const bytes = zip([
      ...workbookParts(),
      repeatedPart('xl/worksheets/sheet1.xml', `${sheetOpen}<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>`, block, 1_000, sheetClose),
      part('xl/sharedStrings.xml', `${stringsOpen}<si><t>name_ru</t></si><si><t>gtin</t></si><si><t>Сүт</t></si></sst>`),
    ]);
    const read = await readInChild('million-rows.xlsx', bytes);
    expect(read.issues).toEqual([{ row: 100_002, key: 'application.import.tooManyRows', params: { max: 100_000 }, severity: 'error' }]);
    expect(read.rows).toBe(100_000);
    expect(read.ms).toBeLessThan(timeBoundMs);
    expect(read.peakMb).toBeLessThan(memoryBoundMb);
  });

  it('refuses a cell longer than Excel allows, naming the cell', async () => {
    const long = 'Ә'.repeat(40_000);
    const body = `<row r="1"><c r="A1" t="inlineStr"><is><t>name_ru</t></is></c><c r="B1" t="inlineStr"><is><t>name_kk</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Сүт</t></is></c><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row>`;
    const table = await readXlsx(smallWorkbook([], body));
    expect(table.issues).toEqual([{ row: 2, column: 1, key: 'application.import.cellTooLong', params: { cell: 'B2', max: 32_767 }, severity: 'error' }]);
    expect(table.rows).toEqual([]);
  });

  it('refuses a column beyond the limit', async () => {
    const table = await readXlsx(smallWorkbook([], '<row r="1"><c r="A1" t="inlineStr"><is><t>name_ru</t></is></c><c r="XFE1"><v>1</v></c></row>'));
    expect(table.issues).toEqual([{ row: 1, key: 'application.import.tooManyColumns', params: { max: 16_384 }, severity: 'error' }]);
  });

  it('counts shared strings and their characters', async () => {
    const rows = [['name_ru', 'brand'], ...Array.from({ length: 10 }, (_, i) => [`Сүт ${String(i)}`, 'Бренд'])];
    const bytes = smallWorkbook(rows);
    expect((await readXlsx(bytes)).rows).toHaveLength(10);
    expect((await readXlsx(bytes, { limits: { maxSharedStrings: 21 } })).issues).toEqual([{ row: 1, key: 'application.import.tooManyTexts', params: { max: 21 }, severity: 'error' }]);
    expect((await readXlsx(bytes, { limits: { maxSharedStringChars: 50 } })).issues).toEqual([{ row: 1, key: 'application.import.textsTooLarge', params: { max: 0 }, severity: 'error' }]);
  });

  it('limits the unpacked size of all parts together', async () => {
    const bytes = smallWorkbook([['name_ru'], ['Сүт']]);
    const table = await readXlsx(bytes, { limits: { maxUnpackedBytes: 600 } });
    expect(table.issues[0]?.key).toBe('application.import.unpackedTooLarge');
  });

  it('still reads what Excel and others write: rows and cells without references, prefixed names, rich text, phonetic hints', async () => {
    const body =
      '<x:row><x:c t="inlineStr"><x:is><x:t>name_ru</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>gtin</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Қымыз </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">«Ұлы» &amp; К°</x:t></x:r><x:rPh><x:t>くみす</x:t></x:rPh></x:is></x:c><x:c><x:v>4870000000007</x:v></x:c></x:row>';
    const table = await readXlsx(smallWorkbook([], body.replace(/<(\/?)x:/gu, '<$1x:')).slice());
    expect(table.issues).toEqual([]);
    expect(table.headers).toEqual(['name_ru', 'gtin']);
    expect(table.rows).toEqual([{ row: 2, cells: ['Қымыз «Ұлы» & К°', '4870000000007'] }]);
  });

  it('passes the refusal through importSpreadsheet as a problem with its key', async () => {
    const body = `<row r="1"><c r="A1" t="inlineStr"><is><t>name_ru</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(33_000)}</t></is></c></row>`;
    const result = await importSpreadsheet(smallWorkbook([], body), 'big.xlsx', { source, dictionaries, today });
    expect(result.problems.map((problem) => problem.key)).toContain('application.import.cellTooLong');
    expect(result.drafts).toEqual([]);
  });
});

describe('CSV limits', () => {
  it('refuses a 300,000-column header with one problem, not 300,000', () => {
    const header = Array.from({ length: 300_000 }, (_, i) => `c${String(i)}`).join(';');
    const table = parseCsv(`${header}\n1;2\n`);
    expect(table.issues).toEqual([{ row: 1, key: 'application.import.tooManyColumns', params: { max: defaultImportLimits.maxColumns }, severity: 'error' }]);
    expect(table.headers).toEqual([]);
  });

  it('refuses a cell longer than Excel allows', () => {
    const table = parseCsv(`name_ru;brand\nСүт;${'Ә'.repeat(40_000)}\n`);
    expect(table.issues).toEqual([{ row: 2, column: 1, key: 'application.import.cellTooLong', params: { cell: 'B2', max: 32_767 }, severity: 'error' }]);
    expect(table.rows).toEqual([]);
  });
});
