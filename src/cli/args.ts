import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../shared/i18n/locales.ts';
import { ExitCode, type CliCommand, type CliIO } from './io.ts';
import { pickLocale } from './locale.ts';
import { shown } from './terminal.ts';

/**
 * The one argument parser of the `ncg` commands, on Node's own `util.parseArgs` (strict: unknown options
 * and stray positionals are usage errors).
 *
 * ```ts
 * export const run = defineCommand(
 *   {
 *     name: 'labels',                       // messages start with "ncg labels: "
 *     usage,                                // --help prints it; its first paragraph follows a usage error
 *     options: { out: { type: 'string', short: 'o' }, outlines: { type: 'boolean' }, port: { type: 'string', default: '8787' } },
 *     positionals: { min: 1, max: 1 },      // omitted: none allowed; {} = any number; no max = no upper bound
 *     lang: true,                           // adds --lang kk|ru|en and resolves `locale` (else from LANG, else en)
 *   },
 *   async ({ values, positionals, locale }, io) => {
 *     const port = integerOption(values.port, '--port', { min: 0, max: 65_535 });  // UsageError if not
 *     const dpi = choiceOption(values.dpi, '--dpi', ['203', '300']);                // likewise
 *     if (!values.out) throw new UsageError('say where to write the labels (--out)');
 *     …
 *     return ExitCode.ok;
 *   },
 * );
 * ```
 *
 * Typed values: a boolean option is always `boolean` (false when absent); a string option is `string` when it
 * has a `default`, else `string | undefined`; `multiple: true` gives `string[]`. `--help`/`-h` is built in
 * (usage on stdout, exit 0).
 *
 * A usage error — from `util.parseArgs`, from the positional count, or a `UsageError` thrown by the body —
 * exits 2 with ONE line on stderr, `ncg <name>: <message>`, followed by the usage synopsis. Values echoed in
 * messages go through `shown` (./terminal.ts: control characters stripped, length capped); do the same in
 * your own `UsageError` messages and in anything else you print from a file or an argument. Other
 * exceptions propagate: report runtime failures yourself (one line, exit 1).
 *
 * A spec declared apart from `defineCommand` keeps its literal types with
 * `const spec = { … } as const satisfies CommandSpec<OptionSpecs>`; the body then takes
 * `CommandArgs<typeof spec.options>` (see commands/labels.ts).
 *
 * `parseCommandArgs` is the same parse without the wrapper, for commands with their own entry point (such
 * as a runner tests can stop): it throws `UsageError` (print it with `reportUsageError`) or `HelpRequested`.
 */

/** An echoed value inside an (English) usage message. */
const quoted = (value: string, limit: number): string => `"${shown(value, limit)}"`;

export type OptionSpec =
  | { readonly type: 'boolean'; readonly short?: string }
  | { readonly type: 'string'; readonly short?: string; readonly default?: string; readonly multiple?: false }
  | { readonly type: 'string'; readonly short?: string; readonly multiple: true };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed value of each option, typed from its spec. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends { type: 'boolean' }
    ? boolean
    : O[K] extends { multiple: true }
      ? readonly string[]
      : O[K] extends { default: string }
        ? string
        : string | undefined;
};

export interface CommandSpec<O extends OptionSpecs> {
  /** The command as typed after `ncg`. */
  readonly name: string;
  /** Full help text; the part before the first blank line is the synopsis repeated after a usage error. */
  readonly usage: string;
  readonly options: O;
  /** How many positional arguments are allowed: none when omitted; given without `max`, no upper bound. */
  readonly positionals?: { readonly min?: number; readonly max?: number };
  /** Adds `--lang kk|ru|en` and resolves `locale` from it or from the LANG environment variable. */
  readonly lang?: boolean;
}

export interface CommandArgs<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
  /** The language of messages: `--lang` if given (with `lang: true`), else LANG (ru…/kk…), else English. */
  readonly locale: Locale;
}

/** A mistake in how the command was called: exit code 2. The message is one line, values passed through `shown`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--help` was asked for (parseCommandArgs throws it; defineCommand prints the usage). */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
}

/** The first sentence of Node's parse error, made terminal-safe: Node appends advice that does not fit one line. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstSentence = message.split(/\.\s/u)[0] ?? message;
  return shown(firstSentence.replace(/\.$/u, ''), 200);
}

/** Parses `args` by `spec`; throws `UsageError` or `HelpRequested`. */
export function parseCommandArgs<O extends OptionSpecs>(spec: CommandSpec<O>, args: readonly string[], env: { LANG?: string } = process.env): CommandArgs<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        ...spec.options,
        ...(spec.lang ? { lang: { type: 'string' } } : {}),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const raw = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (raw.help === true) throw new HelpRequested();
  const { min = 0, max = spec.positionals ? Number.POSITIVE_INFINITY : 0 } = spec.positionals ?? {};
  const positionals = parsed.positionals;
  if (positionals.length > max) {
    const extra = positionals.slice(max).map((value) => quoted(value, 40));
    throw new UsageError(max === 0 ? `unexpected argument ${extra.join(' ')}` : `too many arguments (also got ${extra.join(', ')})`);
  }
  if (positionals.length < min) throw new UsageError(`expected at least ${String(min)} argument${min === 1 ? '' : 's'}`);

  const values: Record<string, string | boolean | readonly string[] | undefined> = {};
  for (const [key, option] of Object.entries(spec.options)) {
    values[key] = raw[key] ?? (option.type === 'boolean' ? false : undefined);
  }
  const langFlag = raw.lang;
  if (spec.lang && typeof langFlag === 'string' && !isLocale(langFlag)) throw new UsageError(`unknown language ${quoted(langFlag, 20)} (use kk, ru or en)`);
  const locale = pickLocale(spec.lang && typeof langFlag === 'string' ? langFlag : undefined, env.LANG);
  return { values: values as OptionValues<O>, positionals, locale };
}

/** The synopsis: the usage text up to its first blank line. */
export function synopsis(usage: string): string {
  return usage.split(/\n\s*\n/u)[0] ?? usage;
}

/** Writes the one-line usage error and the synopsis to stderr; returns exit code 2. */
export function reportUsageError(name: string, usage: string, error: UsageError, io: CliIO): number {
  io.stderr(`ncg ${name}: ${error.message}`);
  io.stderr(`${synopsis(usage)}\n(ncg ${name} --help for details)`);
  return ExitCode.usage;
}

/** A command whose arguments are parsed by `spec` before `body` runs; see the module comment. */
export function defineCommand<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  body: (args: CommandArgs<O>, io: CliIO) => Promise<number>,
): CliCommand {
  return async (args, io) => {
    try {
      return await body(parseCommandArgs(spec, args), io);
    } catch (error) {
      if (error instanceof HelpRequested) {
        io.stdout(spec.usage);
        return ExitCode.ok;
      }
      if (error instanceof UsageError) return reportUsageError(spec.name, spec.usage, error, io);
      throw error;
    }
  };
}

/**
 * An integer option: undefined when absent; a `UsageError` naming the flag when it is not an integer in
 * [min, max]. `flag` is how the user typed it, e.g. "--port".
 */
export function integerOption(value: string | undefined, flag: string, range: { min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
  const number = /^[+-]?\d+$/u.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    const bounds = range.min !== undefined && range.max !== undefined ? ` from ${String(min)} to ${String(max)}` : range.min !== undefined ? ` ≥ ${String(min)}` : range.max !== undefined ? ` ≤ ${String(max)}` : '';
    throw new UsageError(`${flag} must be an integer${bounds}, not ${quoted(value, 40)}`);
  }
  return number;
}

/**
 * A count or a port: digits only, in [min, max] (the servers' wording, kept by `ncg sandbox` and `ncg web`:
 * "--port must be a whole number from 0 to 65535, got "abc""). Undefined when absent, else `UsageError`.
 */
export function wholeNumberOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/u.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) throw new UsageError(`${flag} must be a whole number from ${String(min)} to ${String(max)}, got ${quoted(value, 40)}`);
  return number;
}

/** One of a fixed set of words: undefined when absent, else a `UsageError` listing the choices. */
export function choiceOption<const C extends string>(value: string | undefined, flag: string, choices: readonly C[]): C | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as C;
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${String(choices.at(-1))}` : String(choices[0]);
  throw new UsageError(`${flag} must be ${list}, not ${quoted(value, 40)}`);
}
