import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportCommand } from '../../../src/cli/commands/import.ts';
import type { CliIO } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { encodeCp1251 } from './bytes.ts';
import { foodLeaf, gtin, validBin } from './seed-context.ts';

const folder = mkdtempSync(join(tmpdir(), 'ncg-import-'));
const kazakh = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
const tnved = foodLeaf.tnvedCodes[0] ?? '';
const header = 'oktru;name_ru;name_kk;short_name_ru;gtin;tnved;country;measure_unit;quantity;a4282e5d;producer_identifier';
const good = (n: number) => `${foodLeaf.code};Молоко 2,5% №${String(n)};Сүт №${String(n)} ${kazakh};Молоко;${gtin(`4870000${String(n).padStart(5, '0')}`)};${tnved};KZ;112;1;ТОО «Сүт»;${validBin}`;

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const cleanCsv = file('clean.csv', `\uFEFF${header}\n${good(1)}\n${good(2)}\n`);
const badCsv = file(
  'bad.csv',
  `${header}\n${good(1)}\n${good(2).replace(';KZ;', ';XX;')}\n${good(3).replace('Молоко 2,5% №3', 'М'.repeat(10_000))}\n${good(1).replaceAll('№1', '№4')}\n`,
);

interface Run {
  code: number;
  out: string[];
  err: string[];
}

function capture(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false }, out, err };
}

async function ncg(...argv: string[]): Promise<Run> {
  const { io, out, err } = capture();
  return { code: await main(argv, io), out, err };
}

beforeEach(() => {
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('ncg import --check', () => {
  it('exits 0 and prints no problem for a clean file (UTF-8 with BOM, Kazakh letters)', async () => {
    const result = await ncg('import', cleanCsv, '--check');
    expect(result).toEqual({ code: 0, out: [], err: ['Rows checked: 2; errors: 0, warnings: 0.'] });
  });

  it('prints one line per problem, "row N: <attribute code>: <message>", and exits 1', async () => {
    const result = await ncg('import', badCsv, '--check');
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      'row 3: country: “XX” is not in the Countries dictionary.',
      'row 4: name_ru: At most 500 characters; this has 10000.',
      `row 5: gtin: GTIN ${gtin('487000000001')} is also on row 2 of this file.`,
    ]);
    expect(result.err).toEqual(['Rows checked: 4; errors: 3, warnings: 0.']);
  });

  it('speaks Kazakh and Russian', async () => {
    expect((await ncg('import', badCsv, '--check', '--lang', 'kk')).out[0]).toBe('row 3: country: «XX» Елдер анықтамалығында жоқ.');
    vi.stubEnv('LANG', 'ru_RU.UTF-8');
    expect((await ncg('import', badCsv, '--check')).out[1]).toBe('row 4: name_ru: Не более 500 символов; здесь 10000.');
  });

  it('marks warnings and still exits 1 for them', async () => {
    const path = file('cp1251.csv', encodeCp1251(`${header}\n${good(1)}\n`));
    const result = await ncg('import', path, '--check');
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      expect.stringMatching(/^row 2: name_kk: warning: Column “name_kk” has «\?» where letters should be/u),
      expect.stringMatching(/^row 2: a4282e5d: warning: /u),
    ]);
    expect(result.err).toEqual(['Rows checked: 1; errors: 0, warnings: 2.']);
  });

  it('checks XLSX files, flagging formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(header.split(';'));
    sheet.addRow(good(1).split(';'));
    const row = sheet.addRow(good(2).split(';'));
    row.getCell(3).value = { formula: 'HYPERLINK("http://x","y")', result: 'y' };
    const path = file('book.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const result = await ncg('import', path, '--check');
    expect(result.code).toBe(1);
    expect(result.out).toEqual(['row 3: name_kk: A formula is not accepted (=HYPERLINK("http://x","y")): it was read as text and not calculated. Enter the value itself.']);
  });

  describe('usage errors exit 2', () => {
    it.each([
      [['import'], 'say which file'],
      [['import', join(folder, 'missing.csv'), '--check'], 'no such file'],
      [['import', join(folder, 'a.xls'), '--check'], 'neither .csv nor .xlsx'],
      [['import', cleanCsv], 'add --check'],
      [['import', cleanCsv, '--check', '--catalogue', 'http://127.0.0.1:1'], '--catalogue and --api-key go together'],
      [['import', cleanCsv, '--check', '--lang', 'de'], 'unknown language'],
      [['import', cleanCsv, '--check', '--verbose'], "'--verbose'"],
      [['import', cleanCsv, cleanCsv, '--check'], 'one file at a time'],
    ])('%j', async (argv, message) => {
      const result = await ncg(...argv);
      expect(result.code).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err.join('\n')).toContain(message);
      expect(result.err.join('\n')).toContain('Usage: ncg import FILE.csv|FILE.xlsx --check');
    });
  });

  describe('terminal hygiene', () => {
    it('never echoes control characters from the file, and caps what it echoes', async () => {
      const hostile = `\u001b]52;c;cGF5bG9hZA==\u0007\u001b[2J${'Z'.repeat(5_000)}`;
      const path = file('hostile.csv', `${header};${hostile}\n${good(1)};x\n`);
      const result = await ncg('import', path, '--check', '--lang', 'en');
      const lines = [...result.out, ...result.err];
      expect(lines.some((line) => line.includes('is not a catalogue attribute'))).toBe(true);
      for (const line of lines) {
        // eslint-disable-next-line no-control-regex
        expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
        expect(line.length).toBeLessThan(600);
      }
    });

    it('refuses a 300,000-column header with one short line instead of a 3 MB message', async () => {
      const path = file('wide.csv', `${Array.from({ length: 300_000 }, (_, i) => `column${String(i)}`).join(';')}\n1;2\n`);
      const result = await ncg('import', path, '--check', '--lang', 'en');
      expect(result.code).toBe(1);
      const text = [...result.out, ...result.err].join('\n');
      expect(text).toContain('more than 16384 columns');
      expect(text.length).toBeLessThan(1_000);
    });

    it('refuses a zip bomb with its localised message', async () => {
      const { part, repeatedPart, sheetClose, sheetOpen, stringsOpen, workbookParts, zip } = await import('./hostile-xlsx.ts');
      const bomb = zip([
        ...workbookParts(),
        part('xl/worksheets/sheet1.xml', `${sheetOpen}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetClose}`),
        repeatedPart('xl/sharedStrings.xml', `${stringsOpen}<si><t>`, 'A'.repeat(1 << 20), 300, '</t></si></sst>'),
      ]);
      const path = file('bomb.xlsx', bomb);
      for (const [lang, message] of [
        ['en', 'unpacks to more than 192 MB'],
        ['ru', 'распаковывается более чем в 192 МБ'],
        ['kk', '192 МБ-тан асады'],
      ] as const) {
        const result = await ncg('import', path, '--check', '--lang', lang);
        expect(result.code).toBe(1);
        expect(result.out.join('\n')).toContain(message);
      }
    });
  });

  it('is listed in ncg --help', async () => {
    expect((await ncg('--help')).out.some((line) => line.trimStart().startsWith('import '))).toBe(true);
  });
});

describe('ncg import --check --catalogue (a running sandbox)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ cards: 10, log: () => undefined });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('loads schemas and dictionaries through the portal client and finds the same problems', async () => {
    const { io, out, err } = capture();
    const run = createImportCommand();
    const code = await run([badCsv, '--check', '--catalogue', sandbox.portalBaseUrl, '--api-key', sandbox.apiKey], io);
    expect({ code, out, err }).toEqual({ code: 1, out: (await ncg('import', badCsv, '--check')).out, err: ['Rows checked: 4; errors: 3, warnings: 0.'] });
  });

  it('learns from gov-attributes whether an ОКТРУ code is a current leaf', async () => {
    const path = file('oktru.csv', `${header}\n${good(1).replace(foodLeaf.code, '1020-0001-0001-999999999')}\n`);
    const { io, out } = capture();
    expect(await createImportCommand()([path, '--check', '--catalogue', sandbox.portalBaseUrl, '--api-key', sandbox.apiKey], io)).toBe(1);
    expect(out).toEqual(['row 2: oktru: “1020-0001-0001-999999999” is not in the Product categories (OKTRU) dictionary.']);
    expect((await ncg('import', path, '--check')).out).toEqual(out);
  });

  it('exits 1 with a message when the key is refused', async () => {
    const { io, err } = capture();
    expect(await createImportCommand()([cleanCsv, '--check', '--catalogue', sandbox.portalBaseUrl, '--api-key', 'wrong'], io)).toBe(1);
    expect(err[0]).toMatch(/^ncg import: the catalogue could not be reached/u);
  });
});

describe('bin/ncg.mjs import (child process)', () => {
  it('runs as a real command', async () => {
    const bin = fileURLToPath(new URL('../../../bin/ncg.mjs', import.meta.url));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, 'import', badCsv, '--check', '--lang', 'en'], { env: { ...process.env, LANG: 'C.UTF-8' } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.stdout).toContain('row 3: country: “XX” is not in the Countries dictionary.');
    expect(result.stderr).toContain('Rows checked: 4; errors: 3, warnings: 0.');
  });
});
