import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

interface Captured {
  readonly io: CliIO;
  readonly out: string[];
  readonly err: string[];
}

function capture(): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false }, out, err };
}

async function ncg(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const { io, out, err } = capture();
  const code = await main(argv, io);
  return { code, out, err };
}

const cases = {
  gtin: { valid: ['4006381333931', '04006381333931'], invalid: ['4006381333932', 'codes.gtin.badCheckDigit'] },
  ntin: { valid: ['0200253509538', '0200253509538'], invalid: ['0200253509539', 'codes.ntin.badCheckDigit'] },
  xtin: { valid: ['0041234567890', '0041234567890'], invalid: ['0051234567890', 'codes.xtin.badPrefix'] },
  bin: { valid: ['070940001230', '070940001230'], invalid: ['070940001231', 'codes.bin.badCheckDigit'] },
  iin: { valid: ['900101300126', '900101300126'], invalid: ['900101300127', 'codes.iin.badCheckDigit'] },
  tnved: { valid: ['6810190001', '6810190001'], invalid: ['681019000', 'codes.tnved.badLength'] },
  oktru: { valid: ['1015-0001-0029-100001212', '1015-0001-0029-100001212'], invalid: ['1015-01', 'codes.oktru.badSegment'] },
  doc: { valid: ['ЕАЭС N RU Д-KZ.РА01.В.12345/26', 'ЕАЭС N RU Д-KZ.РА01.В.12345/26'], invalid: ['ЕАЭС UA 1', 'codes.doc.unknownCountry'] },
} as const;

beforeEach(() => {
  vi.stubEnv('LANG', 'C.UTF-8');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ncg validate', () => {
  describe.each(Object.entries(cases))('%s', (kind, { valid: [validInput, normalized], invalid: [invalidInput, reason] }) => {
    it('exits 0 and says "valid" with the kind and the normalised form for a valid value', async () => {
      const { code, out, err } = await ncg('validate', kind, validInput);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out[0]).toMatch(/^\S.* \S+: valid$/u);
      expect(out.slice(1).some((line) => line.trim().endsWith(` ${normalized}`))).toBe(true);
    });

    it('exits 1 with the localised reason on stderr for an invalid value', async () => {
      const result = await ncg('validate', kind, invalidInput);
      expect(result.code).toBe(1);
      expect(result.out).toEqual([]);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toContain(invalidInput);
      expect(result.err[0]).not.toContain(reason); // a sentence, not the key
      expect(result.err[0]).not.toMatch(/\{\{/);
    });

    it('prints one JSON line with --json, valid or not', async () => {
      const ok = await ncg('validate', kind, validInput, '--json');
      expect(ok.code).toBe(0);
      expect(ok.err).toEqual([]);
      expect(ok.out).toHaveLength(1);
      expect(JSON.parse(ok.out[0] ?? '')).toEqual({ kind, value: validInput, valid: true, normalized, reason: null });

      const bad = await ncg('validate', '--json', kind, invalidInput);
      expect(bad.code).toBe(1);
      expect(bad.err).toEqual([]);
      expect(bad.out).toHaveLength(1);
      expect(JSON.parse(bad.out[0] ?? '')).toEqual({ kind, value: invalidInput, valid: false, normalized: null, reason });
    });
  });

  it('keeps the JSON keys in the documented order', async () => {
    const { out } = await ncg('validate', 'ntin', '0200253509538', '--json');
    expect(Object.keys(JSON.parse(out[0] ?? '{}') as object)).toEqual(['kind', 'value', 'valid', 'normalized', 'reason']);
  });

  it('joins an unquoted value split by the shell', async () => {
    expect(await ncg('validate', 'doc', 'ЕАЭС', 'N', 'RU', 'Д-CN.PA01.B.12345/23')).toEqual({
      code: 0,
      out: ['Conformity document ЕАЭС N RU Д-CN.PA01.B.12345/23: valid', '  stored as: ЕАЭС N RU Д-CN.РА01.В.12345/23'],
      err: [],
    });
    expect(await ncg('validate', 'tnved', '6810', '19', '000', '1')).toEqual({ code: 0, out: ['TN VED code 6810 19 000 1: valid', '  stored as: 6810190001'], err: [] });
  });

  describe('a valid GTIN shows its format and both forms, in the chosen language', () => {
    it.each([
      ['en', 'GTIN-13 4870123456789: valid'],
      ['ru', 'GTIN-13 4870123456789: верный'],
      ['kk', 'GTIN-13 4870123456789: дұрыс'],
    ])('--lang %s', async (lang, first) => {
      expect(await ncg('validate', 'gtin', '4870123456789', '--lang', lang)).toEqual({ code: 0, out: [first, '  GTIN-13: 4870123456789', '  GTIN-14: 04870123456789'], err: [] });
    });

    it('names GTIN-14, GTIN-12 and GTIN-8 input, and leaves out a GTIN-13 that cannot exist', async () => {
      expect((await ncg('validate', 'gtin', '04870123456789')).out[0]).toBe('GTIN-14 04870123456789: valid');
      expect((await ncg('validate', 'gtin', '12345670')).out).toEqual(['GTIN-8 12345670: valid', '  GTIN-13: 0000012345670', '  GTIN-14: 00000012345670']);
      expect((await ncg('validate', 'gtin', '14870123456786')).out).toEqual(['GTIN-14 14870123456786: valid', '  GTIN-14: 14870123456786']);
    });

    it('shows an NTIN as NTIN with both forms', async () => {
      expect((await ncg('validate', 'ntin', '0200253509538')).out).toEqual(['NTIN 0200253509538: valid', '  GTIN-13: 0200253509538', '  GTIN-14: 00200253509538']);
    });
  });

  describe('language', () => {
    const messages = { en: 'Wrong check digit: it should be 7, not 1.', ru: 'Неверная контрольная цифра: должна быть 7, а не 1.', kk: 'Бақылау цифры қате: 1 емес, 7 болуы керек.' } as const;

    it.each(Object.entries(messages))('--lang %s', async (lang, message) => {
      const { code, err } = await ncg('validate', 'gtin', '4871234000001', '--lang', lang);
      expect(code).toBe(1);
      expect(err[0]).toContain(message);
    });

    it.each([
      ['ru_RU.UTF-8', 'Неверная контрольная цифра'],
      ['kk_KZ.UTF-8', 'Бақылау цифры қате'],
      ['en_US.UTF-8', 'Wrong check digit'],
      ['de_DE.UTF-8', 'Wrong check digit'],
      ['', 'Wrong check digit'],
    ])('follows LANG=%s without --lang', async (lang, message) => {
      vi.stubEnv('LANG', lang);
      const { err } = await ncg('validate', 'gtin', '4871234000001');
      expect(err[0]).toContain(message);
    });

    it('prefers --lang over LANG', async () => {
      vi.stubEnv('LANG', 'ru_RU.UTF-8');
      const { err } = await ncg('validate', 'gtin', '4871234000001', '--lang=kk');
      expect(err[0]).toContain('Бақылау цифры қате');
    });

    it('names the kind in the language', async () => {
      expect((await ncg('validate', 'bin', '123', '--lang', 'ru')).err[0]).toMatch(/^БИН /);
      expect((await ncg('validate', 'bin', '123', '--lang', 'kk')).err[0]).toMatch(/^БСН /);
      expect((await ncg('validate', 'bin', '123', '--lang', 'en')).err[0]).toMatch(/^BIN /);
    });
  });

  describe('usage errors exit 2 with the usage line', () => {
    it.each([
      [['validate'], 'say which kind'],
      [['validate', 'ean', '4006381333931'], 'unknown kind "ean"'],
      [['validate', 'GTIN', '4006381333931'], 'unknown kind "GTIN"'],
      [['validate', 'gtin'], 'missing'],
      [['validate', 'gtin', '4006381333931', '--verbose'], "'--verbose'"],
      [['validate', 'gtin', '4006381333931', '--lang', 'de'], 'unknown language "de"'],
      [['validate', 'gtin', '4006381333931', '--lang'], '--lang'],
      [['validate', '--json'], 'say which kind'],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await ncg(...argv);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      const text = err.join('\n');
      expect(text).toContain(message);
      expect(text).toContain('Usage: ncg validate <gtin|ntin|xtin|bin|iin|tnved|oktru|doc> <value> [--json] [--lang kk|ru|en]');
    });
  });

  it('prints the usage line on --help and exits 0', async () => {
    const { code, out } = await ncg('validate', '--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Usage: ncg validate');
  });

  it('exports a one-line summary', async () => {
    const { summary } = await import('../../../src/cli/commands/validate.ts');
    expect(summary).toMatch(/\S/);
    expect(summary).not.toContain('\n');
  });
});

describe('bin/ncg.mjs validate (real process)', () => {
  it('validates an NTIN and prints JSON', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['bin/ncg.mjs', 'validate', 'ntin', '0200253509538', '--json'], { cwd: root, encoding: 'utf8' }, (_error, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({ kind: 'ntin', value: '0200253509538', valid: true, normalized: '0200253509538', reason: null });
  });
});
