/*
 * Reads one file with the import's reader in a process of its own and prints what happened as one JSON
 * line: the problems, the rows kept, the time taken and the process's peak resident memory. The limit tests
 * run it so that the peak they check belongs to the reading alone, not to the test that made the file.
 */
import { readFileSync } from 'node:fs';
import { readSpreadsheet, spreadsheetFormat } from '../../../src/shared/application/import/index.ts';

const path = process.argv[2] ?? '';
const bytes = new Uint8Array(readFileSync(path));
const before = process.resourceUsage().maxRSS;
const started = performance.now();
const table = await readSpreadsheet(bytes, spreadsheetFormat(path) ?? 'xlsx');
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    issues: table.issues.slice(0, 5),
    rows: table.rows.length,
    headers: table.headers.length,
    ms: Math.round(ms),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    startMb: Math.round(before / 1024),
  })}\n`,
);
