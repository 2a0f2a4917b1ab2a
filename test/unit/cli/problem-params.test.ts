/**
 * Problems of `ncg import --check` name the catalogue's dictionaries for people, in the command's language
 * ("Елдер", "Единицы измерения", "Countries"), never by their codes (COUNTRY, MEASURE_UNIT).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { problemParams } from '../../../src/cli/problem-params.ts';

const folder = mkdtempSync(join(tmpdir(), 'ncg-problem-params-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeEach(() => vi.stubEnv('LANG', 'C.UTF-8'));
afterEach(() => vi.unstubAllEnvs());

function capture() {
  const out: string[] = [];
  const io: CliIO = { stdout: (text) => out.push(text), stderr: () => undefined, isTTY: false };
  return { io, out };
}

describe('problemParams', () => {
  it('names a dictionary in the language asked, and keeps the other parameters (made safe for the terminal)', () => {
    expect(problemParams({ value: 'ZZ\u001b[2J', dictionary: 'COUNTRY', count: 2 }, 'kk')).toEqual({ value: 'ZZ', dictionary: 'Елдер', count: 2 });
    expect(problemParams({ dictionary: 'MEASURE_UNIT' }, 'ru')).toEqual({ dictionary: 'Единицы измерения' });
    expect(problemParams({ dictionary: 'OKTRU' }, 'en')).toEqual({ dictionary: 'Product categories (OKTRU)' });
    // One we have no name for is still said as a dictionary, with its code.
    expect(problemParams({ dictionary: 'SOMETHING_NEW' }, 'en')).toEqual({ dictionary: 'Dictionary SOMETHING_NEW' });
    expect(problemParams({ value: 'x' }, 'en')).toEqual({ value: 'x' });
    expect(problemParams(undefined, 'kk')).toBeUndefined();
  });
});

describe('ncg import --check', () => {
  // A row of the import fixture with a country and a unit of measure no dictionary holds.
  const [header = '', row = ''] = readFileSync(fileURLToPath(new URL('../../fixtures/import-ui/kazakh-default.csv', import.meta.url)), 'utf8').split(/\r?\n/u);
  const sheet = join(folder, 'bad-codes.csv');
  writeFileSync(sheet, `${header}\n${row.replace(';KZ;112;', ';ZZ;999;')}\n`);

  it.each([
    ['en', ['row 2: country: “ZZ” is not in the Countries dictionary.', 'row 2: measure.measure_unit: “999” is not in the Units of measure dictionary.']],
    ['ru', ['row 2: country: «ZZ» нет в справочнике Страны.', 'row 2: measure.measure_unit: «999» нет в справочнике Единицы измерения.']],
    ['kk', ['row 2: country: «ZZ» Елдер анықтамалығында жоқ.', 'row 2: measure.measure_unit: «999» Өлшем бірліктері анықтамалығында жоқ.']],
  ] as const)('in %s names the dictionaries, not their codes', async (lang, expected) => {
    expect(row).toContain(';KZ;112;');
    const { io, out } = capture();
    expect(await main(['import', sheet, '--check', '--lang', lang], io)).toBe(1);
    expect(out).toEqual(expected);
    expect(out.join('\n')).not.toMatch(/COUNTRY|MEASURE_UNIT/u);
  });
});
