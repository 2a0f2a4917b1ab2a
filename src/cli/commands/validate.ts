import { parseArgs } from 'node:util';
import { codeKinds, isCodeKind, validateCode } from '../../shared/codes/index.ts';
import { isLocale } from '../../shared/i18n/locales.ts';
import { pickLocale } from '../locale.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { ExitCode, type CliCommand } from '../io.ts';

export const summary = 'check a code: GTIN, NTIN, XTIN, BIN, IIN, ТН ВЭД, ОКТРУ or a conformity document number';

const usage = `Usage: ncg validate <${codeKinds.join('|')}> <value> [--json] [--lang kk|ru|en]`;

/**
 * `ncg validate <kind> <value>`: exit 0 and the normalised code on stdout when valid; exit 1 and the
 * localised reason on stderr when not; exit 2 on a usage error.
 * With `--json`, exactly one line `{"kind","value","valid","normalized","reason"}` goes to stdout
 * (reason = the localisation key or null) and nothing to stderr; the exit code is the same.
 * Everything after the kind is joined with single spaces, so an unquoted document number such as
 * `ЕАЭС N RU Д-CN.РА01.В.12345/23` or a grouped ТН ВЭД code `6810 19 000 1` arrives whole.
 */
export const run: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`ncg validate: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return ExitCode.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return ExitCode.ok;
  }
  if (values.lang !== undefined && !isLocale(values.lang)) {
    io.stderr(`ncg validate: unknown language "${values.lang}" (use kk, ru or en)\n${usage}`);
    return ExitCode.usage;
  }
  const [kind, ...valueParts] = positionals;
  if (kind === undefined) {
    io.stderr(`ncg validate: say which kind of code to check\n${usage}`);
    return ExitCode.usage;
  }
  if (!isCodeKind(kind)) {
    io.stderr(`ncg validate: unknown kind "${kind}"\n${usage}`);
    return ExitCode.usage;
  }
  if (valueParts.length === 0) {
    io.stderr(`ncg validate: the ${kind} to check is missing\n${usage}`);
    return ExitCode.usage;
  }
  const value = valueParts.join(' ');
  const check = validateCode(kind, value);
  if (values.json) {
    io.stdout(
      JSON.stringify({
        kind,
        value,
        valid: check.valid,
        normalized: check.valid ? check.normalized : null,
        reason: check.valid ? null : check.reason.key,
      }),
    );
    return check.valid ? ExitCode.ok : ExitCode.failed;
  }
  if (check.valid) {
    io.stdout(check.normalized);
    return ExitCode.ok;
  }
  const t = createTranslator(pickLocale(values.lang, process.env.LANG));
  io.stderr(`${t(`codes.kind.${kind}`)} “${value}”: ${t(check.reason.key, check.reason.params)}`);
  return ExitCode.failed;
};
