/**
 * Hostile workbooks refused by the import (issue: zip bombs). Each read runs in its own Node process so its
 * peak RSS is its own; the files are made here, nothing big is committed.
 *
 * 1. A 5 MB-class XLSX with 1,000,000 rows: ours stops at the 100,000-row limit. Baseline in the same run:
 *    exceljs's streaming WorkbookReader (the library's own way not to load a whole workbook), stopping at the
 *    same row.
 * 2. A ~300 KB XLSX holding one 300 MB shared string (refused from the declared size), and the same file
 *    declaring a false small size (refused as soon as it unpacks past the claim). Baseline: Info-ZIP's
 *    `unzip -p` (Debian package unzip) merely unpacking that part to /dev/null, the floor of any reader that
 *    unpacks before it judges. Skipped with a note where unzip is missing.
 *
 * Run: node --import tsx bench/import-limits.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readSpreadsheet } from '../src/shared/application/import/index.ts';
import { part, repeatedPart, sheetClose, sheetOpen, stringsOpen, workbookParts, zip } from '../test/unit/application/hostile-xlsx.ts';
import { report } from './report.ts';

interface ChildResult {
  ms: number;
  rssMb: number;
  outcome: string;
}

async function child(mode: string, path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const start = performance.now();
  let outcome: string;
  if (mode === 'exceljs-stream') {
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore' });
    outer: for await (const sheet of reader) {
      for await (const _row of sheet) {
        rows += 1;
        if (rows > 100_001) break outer;
      }
    }
    outcome = `${String(rows)} rows read`;
  } else {
    const table = await readSpreadsheet(bytes, 'xlsx');
    outcome = `${table.issues[0]?.key ?? 'no problem'}, ${String(table.rows.length)} rows kept`;
  }
  const ms = Math.round(performance.now() - start);
  process.stdout.write(`${JSON.stringify({ ms, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome } satisfies ChildResult)}\n`);
}

function runChild(mode: string, path: string): ChildResult {
  const done = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (done.status !== 0) throw new Error(`bench child ${mode} failed: ${done.stderr}`);
  return JSON.parse(done.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

function millionRows(): Uint8Array {
  const rows: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'];
  for (let r = 2; r <= 1_000_001; r += 1) rows.push(`<row r="${String(r)}"><c r="A${String(r)}" t="s"><v>2</v></c><c r="B${String(r)}"><v>${String(4_870_000_000_000 + r)}</v></c></row>`);
  return zip([
    ...workbookParts(),
    part('xl/worksheets/sheet1.xml', `${sheetOpen}${rows.join('')}${sheetClose}`),
    part('xl/sharedStrings.xml', `${stringsOpen}<si><t>name_ru</t></si><si><t>gtin</t></si><si><t>Сүт</t></si></sst>`),
  ]);
}

function stringBomb(declaredSize?: number): Uint8Array {
  const strings = repeatedPart('xl/sharedStrings.xml', `${stringsOpen}<si><t>`, 'A'.repeat(1 << 20), 300, '</t></si></sst>');
  return zip([
    ...workbookParts(),
    part('xl/worksheets/sheet1.xml', `${sheetOpen}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetClose}`),
    declaredSize === undefined ? strings : { ...strings, declaredSize },
  ]);
}

function unzipFloor(path: string): { ms: number; rssMb: number | null } | null {
  if (spawnSync('unzip', ['-v'], { encoding: 'utf8' }).error) return null;
  const start = performance.now();
  const done = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', 'sh', '-c', `unzip -p "${path}" xl/sharedStrings.xml > /dev/null`], { encoding: 'utf8' });
  const ms = Math.round(performance.now() - start);
  const rss = /maxrss=(\d+)/u.exec(done.stderr ?? '');
  return { ms, rssMb: rss ? Math.round(Number(rss[1]) / 1024) : null };
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? 'ours', process.argv[4] ?? '');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ncg-import-limits-'));
  try {
    const rowsPath = join(dir, 'million-rows.xlsx');
    const rowsBytes = millionRows();
    writeFileSync(rowsPath, rowsBytes);
    const ours = runChild('ours', rowsPath);
    const exceljs = runChild('exceljs-stream', rowsPath);
    report({
      name: 'import.xlsx.1M-rows.refusal',
      value: ours.ms,
      unit: 'ms',
      n: 1_000_000,
      baseline: { name: 'exceljs streaming WorkbookReader stopping at the same row', value: exceljs.ms, unit: 'ms' },
      notes: `${String(Math.round(rowsBytes.length / 1024))} KB file; ours: ${ours.outcome}, peak RSS ${String(ours.rssMb)} MB; exceljs: ${exceljs.outcome}, peak RSS ${String(exceljs.rssMb)} MB`,
    });

    for (const [name, bytes] of [
      ['declared', stringBomb()],
      ['lying', stringBomb(4096)],
    ] as const) {
      const path = join(dir, `bomb-${name}.xlsx`);
      writeFileSync(path, bytes);
      const result = runChild('ours', path);
      const floor = name === 'declared' ? unzipFloor(path) : null;
      report({
        name: `import.xlsx.300MB-string.${name}.refusal`,
        value: result.ms,
        unit: 'ms',
        n: 1,
        ...(floor ? { baseline: { name: 'unzip -p of the part to /dev/null (unpacking alone)', value: floor.ms, unit: 'ms' } } : {}),
        notes: `${String(Math.round(bytes.length / 1024))} KB file${name === 'lying' ? ' declaring 4 KB unpacked' : ''}; ours: ${result.outcome}, peak RSS ${String(result.rssMb)} MB${
          floor ? `; unzip peak RSS ${String(floor.rssMb ?? '?')} MB` : name === 'declared' ? '; unzip not installed, no baseline' : ''
        }`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
