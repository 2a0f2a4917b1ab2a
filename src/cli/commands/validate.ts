import { codeKinds, isCodeKind, validateCode, type CodeKind } from '../../shared/codes/validate.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { defineCommand, UsageError } from '../args.ts';
import { ExitCode, type CliCommand } from '../io.ts';
import { cliText, type CliMessageKey } from '../messages.ts';
import { quoted, shown } from '../terminal.ts';

export const summary = 'check a code: GTIN, NTIN, XTIN, BIN, IIN, ТН ВЭД, ОКТРУ or a conformity document number';

const usage = `Usage: ncg validate <${codeKinds.join('|')}> <value> [--json] [--lang kk|ru|en]`;

/**
 * What a valid code prints: "<kind> <value>: valid", then its forms. A GTIN names its format (GTIN-8, -12,
 * -13 or -14) and shows both the GTIN-13 (what an EAN-13 symbol encodes) and the GTIN-14 (how the catalogue
 * stores and compares it) where both exist; an NTIN likewise; other codes show the form they are stored in.
 */
function validLines(
  kind: CodeKind,
  value: string,
  normalized: string,
  text: (key: CliMessageKey) => string,
  t: (key: string) => string,
): string[] {
  const entered = value.trim();
  if (kind === 'gtin' || kind === 'ntin') {
    const gtin14 = normalized.padStart(14, '0');
    const gtin13 = gtin14.startsWith('0') ? gtin14.slice(1) : null;
    const format = kind === 'ntin' ? 'NTIN' : `GTIN-${String(entered.length)}`;
    return [`${format} ${shown(entered)}: ${text('valid')}`, ...(gtin13 !== null ? [`  GTIN-13: ${gtin13}`] : []), `  GTIN-14: ${gtin14}`];
  }
  return [`${t(`codes.kind.${kind}`)} ${shown(entered)}: ${text('valid')}`, `  ${text('storedAs')}: ${normalized}`];
}

/**
 * `ncg validate <kind> <value>`: exit 0 and, on stdout in the chosen language, "valid" with the kind and the
 * code's forms when valid; exit 1 and the localised reason on stderr when not; exit 2 on a usage error.
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
    const t = createTranslator(locale);
    if (check.valid) {
      for (const line of validLines(kind, value, check.normalized, (key) => cliText(locale, key), t)) io.stdout(line);
      return ExitCode.ok;
    }
    io.stderr(`${t(`codes.kind.${kind}`)} ${quoted(value)}: ${t(check.reason.key, check.reason.params)}`);
    return ExitCode.failed;
  },
);
