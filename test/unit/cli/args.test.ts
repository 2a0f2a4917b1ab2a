import { describe, expect, it } from 'vitest';
import { choiceOption, defineCommand, integerOption, parseCommandArgs, UsageError, wholeNumberOption, type CommandArgs } from '../../../src/cli/args.ts';
import { runSandbox } from '../../../src/cli/commands/sandbox.ts';
import { runWeb } from '../../../src/cli/commands/web.ts';
import type { CliIO } from '../../../src/cli/io.ts';

function capture(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
}

const usage = 'Usage: ncg demo FILE [--port N] [--dry-run]\n\nLonger help that a usage error must not repeat.';
const spec = {
  name: 'demo',
  usage,
  options: { port: { type: 'string', default: '8787' }, 'dry-run': { type: 'boolean' }, name: { type: 'string', short: 'n' }, tag: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 1 },
  lang: true,
} as const;

describe('parseCommandArgs', () => {
  it('types and defaults the values', () => {
    const { values, positionals, locale } = parseCommandArgs(spec, ['file.csv', '-n', 'Әсел', '--tag', 'a', '--tag=b'], { LANG: 'C' });
    expect(values).toEqual({ port: '8787', 'dry-run': false, name: 'Әсел', tag: ['a', 'b'] });
    expect(positionals).toEqual(['file.csv']);
    expect(locale).toBe('en');
    // Compile-time: a defaulted string is a string, a boolean is a boolean.
    const port: string = values.port;
    const dryRun: boolean = values['dry-run'];
    expect([port, dryRun]).toEqual(['8787', false]);
  });

  it('takes the language from --lang, then LANG', () => {
    expect(parseCommandArgs(spec, ['f', '--lang', 'kk'], { LANG: 'ru_RU.UTF-8' }).locale).toBe('kk');
    expect(parseCommandArgs(spec, ['f'], { LANG: 'ru_RU.UTF-8' }).locale).toBe('ru');
    expect(() => parseCommandArgs(spec, ['f', '--lang', 'de'], {})).toThrow(/unknown language "de"/u);
  });

  it.each([
    [['a.csv', '--bogus'], /Unknown option '--bogus'$/u],
    [['a.csv', '--port'], /--port/u],
    [[], /at least 1 argument$/u],
    [['a.csv', 'b.csv'], /too many arguments \(also got "b.csv"\)/u],
    [['a.csv', '--dry-run=yes'], /dry-run/u],
  ])('refuses %j with one line', (args, message) => {
    let caught: unknown;
    try {
      parseCommandArgs(spec, args, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const text = (caught as UsageError).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    expect(text).not.toMatch(/To specify a positional argument/u); // Node's advice is dropped
  });

  it('refuses positionals when the spec allows none', () => {
    expect(() => parseCommandArgs({ name: 'x', usage: 'u', options: {} }, ['stray'], {})).toThrow(/unexpected argument "stray"/u);
  });

  it('never echoes escape sequences or huge values', () => {
    const hostile = `--\u001b]0;owned\u0007\u001b[31m${'x'.repeat(100_000)}`;
    let message = '';
    try {
      parseCommandArgs(spec, ['a.csv', hostile], {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Unknown option/u);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
    expect(message.length).toBeLessThan(300);
  });
});

describe('defineCommand', () => {
  const seen: CommandArgs<typeof spec.options>[] = [];
  const command = defineCommand(spec, async (args, io) => {
    seen.push(args);
    const port = integerOption(args.values.port, '--port', { min: 0, max: 65_535 });
    io.stdout(`port ${String(port)}`);
    return 0;
  });

  it('runs the body with the parsed arguments', async () => {
    const io = capture();
    expect(await command(['a.csv', '--port', '0'], io)).toBe(0);
    expect(io.out).toEqual(['port 0']);
    expect(seen.at(-1)?.positionals).toEqual(['a.csv']);
  });

  it('prints the full usage on --help and -h, exit 0, body not run', async () => {
    for (const flag of ['--help', '-h']) {
      const io = capture();
      const before = seen.length;
      expect(await command([flag], io)).toBe(0);
      expect(io.out).toEqual([usage]);
      expect(seen.length).toBe(before);
    }
  });

  it('turns a usage error (parser or body) into exit 2: one line, then the synopsis only', async () => {
    for (const args of [['a.csv', '--nope'], ['a.csv', '--port', '70000'], ['a.csv', '--port', 'abc']]) {
      const io = capture();
      expect(await command(args, io)).toBe(2);
      expect(io.out).toEqual([]);
      const [first, rest] = io.err;
      expect(first).toMatch(/^ncg demo: /u);
      expect(first).not.toContain('\n');
      expect(rest).toContain('Usage: ncg demo FILE');
      expect(rest).not.toContain('Longer help');
    }
    const io = capture();
    await command(['a.csv', '--port', '70000'], io);
    expect(io.err[0]).toBe('ncg demo: --port must be an integer from 0 to 65535, not "70000"');
  });

  it('lets other errors through', async () => {
    const failing = defineCommand({ name: 'f', usage: 'u', options: {} }, () => Promise.reject(new Error('disk on fire')));
    await expect(failing([], capture())).rejects.toThrow('disk on fire');
  });
});

describe('option helpers', () => {
  it('integerOption', () => {
    expect(integerOption(undefined, '--n')).toBeUndefined();
    expect(integerOption('42', '--n', { min: 1 })).toBe(42);
    expect(integerOption('-3', '--n')).toBe(-3);
    for (const bad of ['', '1.5', '1e3', '0x10', 'abc', '99999999999999999999']) expect(() => integerOption(bad, '--n'), bad).toThrow(UsageError);
    expect(() => integerOption('0', '--n', { min: 1 })).toThrow('--n must be an integer ≥ 1, not "0"');
  });

  it('choiceOption', () => {
    expect(choiceOption(undefined, '--dpi', ['203', '300'])).toBeUndefined();
    expect(choiceOption('300', '--dpi', ['203', '300'])).toBe('300');
    expect(() => choiceOption('600', '--dpi', ['203', '300'])).toThrow('--dpi must be 203 or 300, not "600"');
  });

  it('wholeNumberOption (the servers’ counts and ports)', () => {
    expect(wholeNumberOption(undefined, '--port', 0, 65535)).toBeUndefined();
    expect(wholeNumberOption(' 8080 ', '--port', 0, 65535)).toBe(8080);
    for (const bad of ['-1', '+1', '1.5', '', 'abc', '65536']) expect(() => wholeNumberOption(bad, '--port', 0, 65535), bad).toThrow(UsageError);
    expect(() => wholeNumberOption('a\u001b[2Jb', '--cards', 0, 9)).toThrow('--cards must be a whole number from 0 to 9, got "ab"');
  });
});

describe('ncg sandbox and ncg web on the one parser', () => {
  it('both answer --help with their usage and refuse stray arguments with exit 2', async () => {
    const sandbox = capture();
    expect(await runSandbox(['--help'], sandbox, Promise.resolve())).toBe(0);
    expect(sandbox.out.join('\n')).toMatch(/^Usage: ncg sandbox/u);
    const web = capture();
    expect(await runWeb(['-h'], web, Promise.resolve(), '/nonexistent/')).toBe(0);
    expect(web.out).toEqual([expect.stringMatching(/^Usage: ncg web/u)]);
    const stray = capture();
    expect(await runWeb(['extra'], stray, Promise.resolve(), '/nonexistent/')).toBe(2);
    expect(stray.err).toEqual([expect.stringMatching(/^ncg web: unexpected argument "extra"\. Usage: ncg web/u)]);
    const strayServer = capture();
    expect(await runSandbox(['extra'], strayServer, Promise.resolve())).toBe(2);
    expect(strayServer.err.join('\n').split('\n')[0]).toBe('unexpected argument "extra"');
  });
});
