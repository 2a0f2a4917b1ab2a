import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/labels.ts';
import { main } from '../../../src/cli/main.ts';
import type { CliIO } from '../../../src/cli/io.ts';
import { encodeCp1251, utf16le } from '../application/bytes.ts';
import { decode, gtin13, ntin, pdfText, rasterize, tempDir } from './helpers.ts';
import { zplFormats } from './zpl-reference.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function capture(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
}

async function labels(args: string[]) {
  const io = capture();
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

const header = 'code;name_kk;name_ru;quantity;unit;producer;country;copies';

describe('ncg labels', () => {
  it('prints the good rows, reports the bad ones with their line numbers, exits 1', async () => {
    const good = [ntin(11), ntin(12), gtin13(13), ntin(14)];
    const bad = ntin(15).replace(/\d$/u, (d) => String((Number(d) + 1) % 10));
    const csv = [
      `\uFEFF${header}`,
      `${good[0] ?? ''};Қымыз «Әсел»;Кумыс «Асель»;0,5;л;ТОО «Қазақ Сүт»;Қазақстан;2`,
      `${bad};Айран;Айран;1;л;ТОО;KZ;1`,
      `;Кодсыз тауар;Товар без кода;1;шт;ТОО;KZ;1`,
      `${good[1] ?? ''};"Ірімшік ""Ұлы дала""";Сыр;200;г;ИП Өмірзақов;Қазақстан;1`,
      `${good[2] ?? ''};Шұбат;"Шубат,\nдве строки";1;л;ТОО;KZ;x`,
      '',
      `${good[3] ?? ''};Һ Ү Ұ Ө Ң Қ Ғ Ә І;Йогурт;125;г;ТОО;KZ;`,
    ].join('\r\n');
    const input = tmp.file('mixed.csv');
    writeFileSync(input, csv);
    const pdf = tmp.file('mixed.pdf');
    const { code, out, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', pdf, '--lang', 'en']);
    expect(code).toBe(1);
    expect(err).toEqual([
      `row 3: code: Wrong check digit: it should be ${ntin(15).slice(-1)}, not ${bad.slice(-1)}.`,
      'row 4: code: The code (NTIN or GTIN) is missing.',
      'row 6: copies: Copies must be a whole number from 1 to 10000, not “x”.',
    ]);
    expect(out).toEqual(['4 labels on 1 pages from 6 rows; 3 rows failed.']);
    const decoded = decode(rasterize(pdf, 300, tmp.file('mixed-r')));
    expect(decoded.sort()).toEqual([good[0], good[1], good[3]].sort());
    const text = pdfText(pdf);
    expect(text).toContain('Қымыз «Әсел»');
    expect(text).toContain('Ірімшік "Ұлы дала"');
    expect(text).toContain('Һ Ү Ұ Ө Ң Қ Ғ Ә І');
  });

  it('exits 0 for a clean comma-separated CSV without BOM and writes ZPL for thermal printers', async () => {
    const codes = [ntin(21), gtin13(22), ntin(23)];
    const csv = `code,name_kk,name_ru,quantity,unit,producer,country,copies\n${codes.map((c, i) => `${c},Сүт ${String(i)},Молоко ${String(i)},1,л,"ТОО ""Сүт""",Қазақстан,${String(i + 1)}`).join('\n')}\n`;
    const input = tmp.file('clean.csv');
    writeFileSync(input, csv);
    const pdf = tmp.file('clean.pdf');
    const zpl = tmp.file('clean.zpl');
    const { code, out, err } = await labels(['--input', input, '--template', 'thermal-58x40', '--dpi', '300', '--out', pdf, '--zpl', zpl]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual(['6 labels on 6 pages from 3 rows; 0 rows failed.']);
    // One page per thermal label; copies print the same code again.
    expect(decode(rasterize(pdf, 300, tmp.file('clean-r'))).sort()).toEqual(codes.flatMap((c, i) => Array<string>(i + 1).fill(c)).sort());
    const formats = zplFormats(readFileSync(zpl, 'utf8'));
    expect(formats.map((f) => f.find((c) => c.name === 'PQ')?.params ?? '1')).toEqual(['1', '2', '3']);
  });

  it('streams a large CSV and still numbers the lines right', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${ntin(100_000 + i)};Тауар ${String(i)};Товар ${String(i)};1;шт;ТОО;KZ;1`);
    rows[2998] = `${ntin(1).slice(0, 12)}0;Қате;Ошибка;1;шт;ТОО;KZ;1`;
    const input = tmp.file('large.csv');
    writeFileSync(input, `${header}\n${rows.join('\n')}\n`);
    const { code, out, err } = await labels(['--input', input, '--template', 'avery-l7651', '--out', tmp.file('large.pdf'), '--start', '3']);
    const badOk = ntin(1).endsWith('0');
    expect(code).toBe(badOk ? 0 : 1);
    if (!badOk) expect(err).toEqual([expect.stringMatching(/^row 3000: code: Wrong check digit/u)]);
    expect(out[0]).toMatch(badOk ? /^3000 labels on 47 pages/u : /^2999 labels on 47 pages from 3000 rows; 1 rows failed\.$/u);
  });

  it('uses another code column and the Kazakh messages', async () => {
    const input = tmp.file('ntin-column.csv');
    writeFileSync(input, `ntin;name_kk\n${ntin(31)};Бал\n0200253509;Қант\n`);
    const { code, err } = await labels(['--input', input, '--template', 'avery-l7163', '--out', tmp.file('ntin.pdf'), '--code-column', 'NTIN', '--lang', 'kk']);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^row 3: ntin: /u);
    expect(err[0]).not.toMatch(/[A-Za-z]{6}/u);
  });

  it('refuses a CSV without the code column', async () => {
    const input = tmp.file('nocode.csv');
    writeFileSync(input, 'gtin;name_kk\n4870000000000;Бал\n');
    const { code, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', tmp.file('nocode.pdf')]);
    expect(code).toBe(1);
    expect(err[0]).toContain('no “code” column');
    expect(existsSync(tmp.file('nocode.pdf'))).toBe(false);
  });

  it('lists the templates', async () => {
    const { code, out } = await labels(['--template', 'list']);
    expect(code).toBe(0);
    for (const id of ['avery-l7160', 'avery-l7163', 'avery-l7651', 'thermal-58x40', 'thermal-58x30', 'thermal-100x150']) expect(out.join('\n')).toContain(id);
  });

  it('is registered with the command line', async () => {
    const io = capture();
    expect(await main(['labels', '--template', 'list'], io)).toBe(0);
    expect(io.out.join('\n')).toContain('avery-l7160');
  });

  it('exits 2 on usage errors, including a template that cannot hold a compliant symbol', async () => {
    const input = tmp.file('usage.csv');
    writeFileSync(input, `${header}\n${ntin(41)};Бал;Мёд;1;кг;ТОО;KZ;1\n`);
    const out = tmp.file('usage.pdf');
    const cases: [string[], RegExp][] = [
      [['--template', 'avery-l7160', '--out', out], /--input/u],
      [['--input', input, '--out', out], /--template/u],
      [['--input', input, '--template', 'avery-l7160'], /--out/u],
      [['--input', input, '--template', 'nope', '--out', out], /Unknown label template “nope”/u],
      [['--input', input, '--template', 'thermal-58x40', '--dpi', '600', '--out', out], /203 or 300/u],
      [['--input', input, '--template', 'avery-l7160', '--zpl', tmp.file('x.zpl')], /ZPL is for thermal printers/u],
      [['--input', input, '--template', 'avery-l7160', '--out', out, '--start', '22'], /from 1 to 21/u],
      [['--input', input, '--template', 'avery-l7651', '--out', out, '--fields', 'name_kk,name_ru'], /cannot hold a GS1-compliant EAN-13 together with name_kk, name_ru/u],
      [['--input', input, '--template', 'avery-l7160', '--out', out, '--fields', 'colour'], /--fields/u],
      [['--input', input, '--template', 'avery-l7160', '--out', out, '--bogus'], /Unknown option/u],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await labels([...args, '--lang', 'en']);
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('\n'), args.join(' ')).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  describe('reads the file in any encoding ncg import reads (one decoder)', () => {
    const rows = (codes: readonly string[]) =>
      `code;name_ru;producer;country\r\n${codes.map((c, i) => `${c};Молоко «Луговое» №${String(i + 1)};ТОО Іргетас;Казахстан`).join('\r\n')}\r\n`;
    const utf16be = (text: string) => {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xfe;
      bytes[1] = 0xff;
      for (let i = 0; i < text.length; i += 1) {
        bytes[2 + i * 2] = text.charCodeAt(i) >> 8;
        bytes[3 + i * 2] = text.charCodeAt(i) & 0xff;
      }
      return bytes;
    };
    it.each([
      ['Windows-1251', (text: string) => encodeCp1251(text)],
      ['UTF-16LE', (text: string) => utf16le(text)],
      ['UTF-16BE', utf16be],
    ] as const)('%s', async (name, encode) => {
      const codes = [ntin(61), gtin13(62)];
      const input = tmp.file(`${name}.csv`);
      const bytes = encode(rows(codes));
      writeFileSync(input, bytes);
      // The bytes really are in that encoding (not UTF-8 that happens to work).
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const pdf = tmp.file(`${name}.pdf`);
      const { code, out, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', pdf, '--lang', 'en']);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out).toEqual(['2 labels on 1 pages from 2 rows; 0 rows failed.']);
      const text = pdfText(pdf);
      expect(text).toContain('Молоко «Луговое» №1');
      expect(text).toContain('ТОО Іргетас');
      expect(text).not.toContain('\uFFFD');
      expect(decode(rasterize(pdf, 300, tmp.file(`${name}-r`))).sort()).toEqual([...codes].sort());
    });

    it('says when Windows-1251 lost the Kazakh letters', async () => {
      const input = tmp.file('lost.csv');
      writeFileSync(input, encodeCp1251(`code;name_kk\n${ntin(63)};Қымыз\n`));
      const { code, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', tmp.file('lost.pdf'), '--lang', 'en']);
      expect(code).toBe(0);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^ncg labels: Column “name_kk” has «\?» where letters should be/u);
    });
  });

  describe('terminal hygiene', () => {
    it('never echoes control characters from the file, and caps what it echoes', async () => {
      const input = tmp.file('hostile.csv');
      const evil = '\u001b]0;owned\u0007\u001b[2J\u001b[31mназвание';
      writeFileSync(input, `${evil};${'x'.repeat(5_000)};name_kk\n1;2;3\n`);
      const { code, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', tmp.file('hostile.pdf'), '--lang', 'en']);
      expect(code).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain('no “code” column');
      expect(err[0]).toContain('название');
      // eslint-disable-next-line no-control-regex
      expect(err[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
      expect(err[0]?.length ?? 0).toBeLessThan(400);
    });

    it('refuses a 300,000-column header with one short line', async () => {
      const input = tmp.file('wide.csv');
      writeFileSync(input, `${Array.from({ length: 300_000 }, (_, i) => `column${String(i)}`).join(';')}\n1\n`);
      const { code, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', tmp.file('wide.pdf'), '--lang', 'en']);
      expect(code).toBe(1);
      expect(err).toEqual(['ncg labels: The file has more than 16384 columns; at most 16384 can be imported.']);
    });

    it('caps a bad value echoed in a row problem', async () => {
      const input = tmp.file('long-copies.csv');
      writeFileSync(input, `code;copies\n${ntin(64)};\u001b[31m${'9'.repeat(10_000)}\n`);
      const { code, err } = await labels(['--input', input, '--template', 'avery-l7160', '--out', tmp.file('long.pdf'), '--lang', 'en']);
      expect(code).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^row 2: copies: /u);
      // eslint-disable-next-line no-control-regex
      expect(err[0]).not.toMatch(/[\u0000-\u001f]/u);
      expect(err[0]?.length ?? 0).toBeLessThan(400);
    });
  });
});
