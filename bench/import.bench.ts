/**
 * Bulk import of 5,000 rows from XLSX: read + column mapping + drafts + validation against the sandbox
 * seed's schemas and dictionaries, plus the batch checks (duplicate GTINs and unique names).
 * Baseline in the same run: exceljs loading the same bytes and reading every cell, with none of our work,
 * i.e. the floor that parsing the file alone costs. Also: the same rows as CSV, and the XLSX export.
 *
 * In the app (Debian's Chromium against the built web twin, when dist/web exists): opening the same rows as a
 * CSV until the preview shows (read → analyse → check in one worker call), and saving the valid rows as one
 * recorded batch (chunks of 500, each with its record, the already-imported look-up before). Baseline in the
 * same browser: bare IndexedDB writing the same drafts (same chunks, search words computed beforehand), i.e.
 * the floor that storing them costs.
 *
 * Run: node --import tsx bench/import.bench.ts   (one JSON line per figure; `npm run build:web` first for the app's figures)
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { exportDraftsToXlsx, importSpreadsheet, prepareSchemas, type ImportResult } from '../src/shared/application/import/index.ts';
import type { DictionaryLookup } from '../src/shared/application/validate.ts';
import { attributeCodes, nameAttributeCodes } from '../src/shared/application/attribute-codes.ts';
import { findValue, type ApplicationDraft } from '../src/shared/application/draft.ts';
import { gs1CheckDigit } from '../src/shared/codes/gs1.ts';
import { searchWords } from '../src/shared/search-words.ts';
import { buildSeed } from '../src/sandbox/seed/index.ts';
import { report, timeMs } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const rows = 5000;
const runs = 5;
const seed = buildSeed({ cards: 0 });
const leaves = seed.leaves.filter((leaf) => !leaf.isDeleted);
const source = { base: seed.baseAttributes, govAttributes: seed.govAttributes, categoryRules: seed.categoryRules };
const dictionaries: DictionaryLookup = {
  status(dictionaryCode, code) {
    const dictionary = seed.dictionary(dictionaryCode);
    if (!dictionary) return undefined;
    const item = dictionary.byCode.get(code);
    return item === undefined ? 'missing' : item.isDeleted ? 'deleted' : 'active';
  },
};
const today = '2026-03-01';

const header = ['oktru', 'isGov', 'name_ru', 'name_kk', 'short_name_ru', 'short_name_kk', 'brand', 'gtin', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d', 'producer_identifier', 'is_domestic'];

/** Realistic rows across every category; about 1 in 50 carries a mistake so the problem path is exercised. */
function makeRows(): string[][] {
  return Array.from({ length: rows }, (_, i) => {
    const leaf = leaves[i % leaves.length];
    if (!leaf) throw new Error('no leaves');
    const size = leaf.sizes[i % leaf.sizes.length] ?? { quantity: '1', unit: '796', ru: '1 шт', kk: '1 дана' };
    const body = `487${String(100_000_000 + i)}`;
    const gtin = `${body}${gs1CheckDigit(body)}`;
    const brand = leaf.section.brands[i % leaf.section.brands.length] ?? 'Бренд';
    return [
      leaf.code,
      'false',
      `${leaf.nameRu} ${brand} ${size.ru} №${String(i)}`,
      `${leaf.nameKk} ${brand} ${size.kk} №${String(i)} (Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі)`,
      `${leaf.nameRu.slice(0, 40)} ${size.ru}`,
      `${leaf.nameKk.slice(0, 40)} ${size.kk}`,
      brand,
      i % 50 === 7 ? `${body}${(gs1CheckDigit(body) + 1) % 10}` : gtin,
      leaf.tnvedCodes[i % leaf.tnvedCodes.length] ?? '9999999999',
      i % 50 === 13 ? 'XX' : 'KZ',
      size.unit,
      size.quantity,
      `ТОО «${brand}»`,
      '070940001230',
      i % 2 === 0 ? 'true' : 'false',
    ];
  });
}

async function xlsxBytes(data: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Товары');
  sheet.addRow(header);
  for (const row of data) sheet.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function csvBytes(data: string[][]): Uint8Array {
  const quote = (cell: string) => (/[";\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return new TextEncoder().encode(`${[header, ...data].map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`);
}

/** exceljs alone: load the workbook and read every cell's value. */
async function baseline(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  let cells = 0;
  workbook.worksheets[0]?.eachRow((row) => {
    row.eachCell(() => {
      cells += 1;
    });
  });
  return cells;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const data = makeRows();
const xlsx = await xlsxBytes(data);
const csv = csvBytes(data);
const run = (bytes: Uint8Array, name: string) => importSpreadsheet(bytes, name, { source, dictionaries, today });

// Warm-up (JIT, lazy module state), then alternate the measured runs so drift hits both alike.
await baseline(xlsx);
let last: ImportResult = await run(xlsx, 'bench.xlsx');
const ours: number[] = [];
const floor: number[] = [];
const csvTimes: number[] = [];
for (let i = 0; i < runs; i += 1) {
  floor.push((await timeMs(() => baseline(xlsx))).ms);
  const measured = await timeMs(() => run(xlsx, 'bench.xlsx'));
  ours.push(measured.ms);
  last = measured.result;
  csvTimes.push((await timeMs(() => run(csv, 'bench.csv'))).ms);
}
if (last.counts.rows !== rows) throw new Error(`expected ${String(rows)} rows, read ${String(last.counts.rows)}`);

const oursMs = median(ours);
const floorMs = median(floor);
const notes = `median of ${String(runs)}; ${String(xlsx.length)} bytes; ${String(last.counts.errors)} problems found in ${String(last.counts.rowsWithErrors)} rows`;
report({
  name: 'import.xlsx.ms',
  value: oursMs,
  unit: 'ms',
  n: rows,
  baseline: { name: 'exceljs.load+read.ms', value: floorMs, unit: 'ms' },
  notes,
});
report({
  name: 'import.xlsx.rowsPerSecond',
  value: Math.round((rows / oursMs) * 1000),
  unit: 'rows/s',
  n: rows,
  baseline: { name: 'exceljs.load+read.rowsPerSecond', value: Math.round((rows / floorMs) * 1000), unit: 'rows/s' },
  notes,
});
const csvMs = median(csvTimes);
report({
  name: 'import.csv.ms',
  value: csvMs,
  unit: 'ms',
  n: rows,
  baseline: { name: 'import.xlsx.ms', value: oursMs, unit: 'ms' },
  notes: `median of ${String(runs)}; ${String(csv.length)} bytes (same rows, ; separated UTF-8)`,
});
const exportSchemas = await prepareSchemas(source, last.oktruCodes);
const exported = await timeMs(() => exportDraftsToXlsx(last.drafts, { schemas: exportSchemas.union }));
const writeFloor = await timeMs(() => xlsxBytes(data));
report({
  name: 'export.xlsx.ms',
  value: exported.ms,
  unit: 'ms',
  n: rows,
  baseline: { name: 'exceljs.write.ms', value: writeFloor.ms, unit: 'ms' },
  notes: 'drafts → XLSX (text cells, escaped); baseline: exceljs writing the same rows as plain addRow',
});

// ------------------------------------------------------------------------------------------ in the app

/** The words the list's search index holds for a draft (as src/renderer/db/search-words.ts computes them). */
function draftSearchWords(draft: ApplicationDraft): string[] {
  const texts = [...nameAttributeCodes, attributeCodes.gtin, attributeCodes.ntin, attributeCodes.tnved].map((code) => {
    const found = findValue(draft, code)?.value;
    return typeof found === 'string' ? found : Array.isArray(found) ? found.join(' ') : undefined;
  });
  return searchWords(...texts, draft.editOfNtin);
}

/** The app's import in Chromium: open → preview, then save as one recorded batch; bare IndexedDB as the floor. */
async function inTheApp(): Promise<void> {
  if (!existsSync(new URL('../dist/web/index.html', import.meta.url))) {
    process.stderr.write('import.bench: dist/web is missing (npm run build:web): the in-app figures are skipped\n');
    return;
  }
  const site = await serveWebTwin();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(site.url);
    await page.goto(`${site.url}#/settings`);
    await page.getByTestId('refresh-dictionaries').click();
    await page.getByTestId('dictionaries-panel').and(page.locator('[data-refresh-state="done"]')).waitFor({ timeout: 120_000 });

    await page.goto(`${site.url}#/applications/import`);
    await page.getByTestId('import-file').waitFor({ state: 'attached' });
    // Timed inside the page: from the file's arrival to the preview's counts, and from the click to the summary.
    await page.evaluate(() => {
      const marks = {} as Record<string, number>;
      (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
      document.querySelector('[data-testid="import-file"]')?.addEventListener('change', () => (marks.chosen = performance.now()), { capture: true });
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-testid="import-start"]')) marks.started = performance.now();
      }, { capture: true });
      new MutationObserver(() => {
        if (marks.previewed === undefined && document.querySelector('[data-testid="import-counts"]')) marks.previewed = performance.now();
        if (marks.saved === undefined && document.querySelector('[data-testid="import-done"]')) marks.saved = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('import-file').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-counts').waitFor({ timeout: 300_000 });
    const valid = Number(await page.getByTestId('count-rows').innerText()) - Number(await page.getByTestId('count-errors').innerText());
    await page.getByTestId('import-only-valid').check();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 300_000 });
    const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
    const openMs = Math.round((marks.previewed ?? Number.NaN) - (marks.chosen ?? Number.NaN));
    const saveMs = Math.round((marks.saved ?? Number.NaN) - (marks.started ?? Number.NaN));

    // The floor: the same drafts (as the core made them) with their search words, written by bare IndexedDB.
    const now = Date.now();
    const records = last.drafts
      .filter((_draft, index) => !last.rows[index]?.problems.some((problem) => problem.severity === 'error'))
      .map((draft, index) => ({ id: `floor-${String(index)}`, localState: 'draft', draft: { ...draft, id: `floor-${String(index)}` }, createdAt: now - index, updatedAt: now - index, searchWords: draftSearchWords(draft) }));
    const floorMs = await page.evaluate(async (rows) => {
      const opening = indexedDB.open(`bench-floor-${String(Math.random())}`, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore('drafts', { keyPath: 'id' }).createIndex('searchWords', 'searchWords', { multiEntry: true });
      const db = await new Promise<IDBDatabase>((resolve) => (opening.onsuccess = () => resolve(opening.result)));
      const start = performance.now();
      for (let at = 0; at < rows.length; at += 500) {
        const transaction = db.transaction('drafts', 'readwrite');
        for (const row of rows.slice(at, at + 500)) transaction.objectStore('drafts').put(row);
        await new Promise((resolve) => (transaction.oncomplete = resolve));
      }
      const ms = performance.now() - start;
      db.close();
      return Math.round(ms);
    }, records);

    report({
      name: 'import.app.openToPreview.ms',
      value: openMs,
      unit: 'ms',
      n: rows,
      baseline: { name: 'import.csv.ms (core alone, Node)', value: median(csvTimes), unit: 'ms' },
      notes: 'web twin in Chromium: file chosen → preview shown (read, analyse, schemas, check in one worker call, already-imported look-up); baseline the core import of the same CSV in Node',
    });
    report({
      name: 'import.app.saveBatch.ms',
      value: saveMs,
      unit: 'ms',
      n: valid,
      baseline: { name: 'indexedDB.put.sameDrafts.ms', value: floorMs, unit: 'ms' },
      notes: `click → summary: ${String(valid)} drafts as one recorded batch (chunks of 500 with their record, search words); baseline bare IndexedDB puts of the same drafts in the same chunks`,
    });
  } finally {
    await browser.close();
    await site.close();
  }
}

await inTheApp();
