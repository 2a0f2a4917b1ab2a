import { codeKinds, isCodeKind, validateCode } from '../../shared/codes/index.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { defineCommand, UsageError } from '../args.ts';
import { ExitCode, type CliCommand } from '../io.ts';
import { quoted, shown } from '../terminal.ts';

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
export const run: CliCommand = defineCommand(
  { name: 'validate', usage, options: { json: { type: 'boolean' } }, positionals: {}, lang: true },
  async ({ values, positionals, locale }, io) => {
    const [kind, ...valueParts] = positionals;
    if (kind === undefined) throw new UsageError('say which kind of code to check');
    if (!isCodeKind(kind)) throw new UsageError(`unknown kind "${shown(kind, 40)}"`);
    if (valueParts.length === 0) throw new UsageError(`the ${kind} to check is missing`);
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
    const t = createTranslator(locale);
    io.stderr(`${t(`codes.kind.${kind}`)} ${quoted(value)}: ${t(check.reason.key, check.reason.params)}`);
    return ExitCode.failed;
  },
);
