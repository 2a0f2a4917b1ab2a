import { describe, expect, it } from 'vitest';
import { echoLimit, lineLimit, quoted, shown, shownParams, terminalSafe } from '../../../src/cli/terminal.ts';

// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u001f\u007f-\u009f]/u;

describe('shown', () => {
  it('keeps ordinary text, Kazakh letters and emoji as they are', () => {
    expect(shown('Қымыз «Әсел» 🐎')).toBe('Қымыз «Әсел» 🐎');
  });

  it('removes escape sequences (CSI, OSC, 8-bit CSI) and replaces other controls with "?"', () => {
    const hostile = '\u001b[31mred\u001b[0m \u001b]0;title\u0007x \u001b]8;;http://evil\u001b\\link \u009b2Jy a\tb\nc\u0000d\u202eRTL';
    const result = shown(hostile);
    expect(result).not.toMatch(anyControl);
    expect(result).not.toContain('\u202e');
    expect(result).toBe('red x link y a?b?c?d?RTL');
  });

  it('caps long values by characters, never splitting a surrogate pair', () => {
    expect(shown('x'.repeat(3_000_000))).toBe(`${'x'.repeat(echoLimit - 1)}…`);
    const emoji = shown('🐎'.repeat(500), 10);
    expect(Array.from(emoji)).toHaveLength(10);
    expect(emoji).toBe(`${'🐎'.repeat(9)}…`);
    expect(shown('abc', 3)).toBe('abc');
  });

  it('quotes', () => {
    expect(quoted('a\u001b[1mb')).toBe('“ab”');
  });

  it('passes message parameters through', () => {
    expect(shownParams({ value: '\u001b[2Jx', count: 3 })).toEqual({ value: 'x', count: 3 });
    expect(shownParams(undefined)).toBeUndefined();
  });
});

describe('terminalSafe (every line the process writes)', () => {
  it('keeps newlines and tabs of help texts, drops the rest', () => {
    expect(terminalSafe('Usage:\n\tncg \u001b[1mvalidate\u0007')).toBe('Usage:\n\tncg validate?');
  });

  it('caps each line unless told not to', () => {
    const long = 'y'.repeat(lineLimit * 3);
    expect(terminalSafe(`${long}\nshort`).split('\n').map((line) => line.length)).toEqual([lineLimit, 5]);
    expect(terminalSafe(long, { cap: false })).toHaveLength(lineLimit * 3);
  });
});

describe('the real process', () => {
  it('writes no control character a file or an argument brought in', { timeout: 120_000 }, async () => {
    const { execFile } = await import('node:child_process');
    const root = new URL('../../../', import.meta.url);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['bin/ncg.mjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } }, (_error, stdout, stderr) =>
          resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
    const hostile = `\u001b]0;owned\u0007\u001b[2J${'w'.repeat(10_000)}`;
    for (const args of [[hostile], ['validate', 'gtin', hostile], ['validate', hostile, '1'], ['labels', `--${hostile}`]]) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args[0]?.slice(0, 20)).toBeGreaterThan(0);
      // eslint-disable-next-line no-control-regex
      expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
      expect(stderr.split('\n').every((line) => line.length <= lineLimit)).toBe(true);
      expect(stderr.length).toBeLessThan(3_000);
    }
  });
});
