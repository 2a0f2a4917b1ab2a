import { readFile, stat } from 'node:fs/promises';
import { importSpreadsheet, spreadsheetFormat } from '../../shared/application/import/import.ts';
import type { ImportProblem, SchemaSource } from '../../shared/application/import/rows.ts';
import { dictionaryCodes } from '../../shared/application/schema.ts';
import { createDictionaryLookup, type DictionaryEntryStatus, type DictionaryLookup } from '../../shared/application/validate.ts';
import { CatalogueError } from '../../shared/catalogue/errors.ts';
import { createPortalClient } from '../../shared/catalogue/portal-client.ts';
import { localToday } from '../../shared/i18n/format.ts';
import type { Locale } from '../../shared/i18n/locales.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { buildSeed } from '../../sandbox/seed/index.ts';
import { defineCommand, UsageError, type CommandArgs, type CommandSpec, type OptionSpecs } from '../args.ts';
import { ExitCode, type CliCommand, type CliIO } from '../io.ts';
import { allProblems, checkSheetFiles } from '../sheet-files.ts';
import { problemParams } from '../problem-params.ts';
import { shown } from '../terminal.ts';

export const summary = 'check a CSV or XLSX file of applications against the catalogue\'s schemas and dictionaries';

const usage = `Usage: ncg import FILE.csv|FILE.xlsx --check [--catalogue URL --api-key KEY] [--lang kk|ru|en]

Reads the file (default layout: docs/import-layout.md), turns each row into an application draft and
validates it like moderation would; the photos and PDFs of the columns photo_front … photo_bottom and
document_files are read relative to the file's folder and checked (JPEG/PNG and PDF by their bytes, 5 MB).
Prints one line per problem, "row N: <attribute code>: <message>",
then a summary on stderr. Exit 0 when no row has a problem, 1 when any has, 2 on a usage error.

Schemas and dictionaries come from the catalogue at --catalogue (portal API base, e.g.
https://nationalcatalog.kz/gwp, with its --api-key), or from the built-in sandbox seed when it is omitted.`;


export interface Catalogue {
  source: SchemaSource;
  /** Dictionaries for the codes a file uses (loaded after the schemas say which ones). */
  dictionaries(codes: readonly string[]): Promise<DictionaryLookup>;
}

/** The sandbox's built-in seed: the same schemas and dictionaries as any sandbox, no network. */
function seedCatalogue(): Catalogue {
  const seed = buildSeed({ cards: 0 });
  const lookup: DictionaryLookup = {
    status(dictionaryCode, code) {
      const dictionary = seed.dictionary(dictionaryCode);
      if (!dictionary) return undefined;
      const item = dictionary.byCode.get(code);
      return item === undefined ? 'missing' : item.isDeleted ? 'deleted' : 'active';
    },
  };
  return {
    source: { base: seed.baseAttributes, govAttributes: (oktru) => seed.govAttributes(oktru), categoryRules: (oktru) => seed.categoryRules(oktru) },
    dictionaries: () => Promise.resolve(lookup),
  };
}

/**
 * A real catalogue (or a running sandbox) through the portal client: the base schema, the gov-attributes
 * of each ОКТРУ in the file, and every dictionary the file's attributes use, downloaded in full by paging
 * `items` (the portal has no look-up of one code). The ОКТРУ tree itself is not downloaded (it is large,
 * and heavy dictionary paging draws 429s): the gov-attributes call already answers whether a code is a
 * current leaf (200) or not (400/404). Category rules beyond the schema are not published by the portal,
 * so they are not applied.
 */
export async function remoteCatalogue(baseUrl: string, apiKey: string, fetchImpl: typeof fetch, io: CliIO): Promise<Catalogue> {
  const client = createPortalClient({ baseUrl, apiKey, fetch: fetchImpl, timeoutMs: 60_000 });
  const base = await client.getAttributes();
  const categories = new Map<string, DictionaryEntryStatus>();
  return {
    source: {
      base,
      govAttributes: async (oktru) => {
        try {
          const gov = await client.getGovAttributes(oktru);
          categories.set(oktru, 'active');
          return gov;
        } catch (error) {
          if (error instanceof CatalogueError && (error.kind === 'validation' || error.kind === 'not-found')) categories.set(oktru, 'missing');
          else throw error;
          return undefined;
        }
      },
    },
    async dictionaries(codes) {
      const tables: [string, { code: string; isDeleted: boolean }[]][] = [];
      for (const code of codes) {
        if (code === 'OKTRU') continue;
        if (io.isTTY) io.stderr(`ncg import: loading dictionary ${code}…`);
        const items: { code: string; isDeleted: boolean }[] = [];
        for await (const item of client.iterateDictionaryItems(code)) items.push({ code: item.code, isDeleted: item.isDeleted });
        tables.push([code, items]);
      }
      const lookup = createDictionaryLookup(tables);
      return {
        status: (dictionaryCode, code) => (dictionaryCode.toUpperCase() === 'OKTRU' ? categories.get(code) : lookup.status(dictionaryCode, code)),
      };
    },
  };
}

export interface ImportCommandOptions {
  /** The fetch used for `--catalogue` (tests pass their own). */
  fetch?: typeof fetch;
  /** Today's date (tests pin it); default the machine's local date. */
  today?: () => string;
}

const spec = {
  name: 'import',
  usage,
  options: { check: { type: 'boolean' }, catalogue: { type: 'string' }, 'api-key': { type: 'string' } },
  positionals: {},
  lang: true,
} as const satisfies CommandSpec<OptionSpecs>;

/** Builds the command; `run` below is the one the CLI uses. */
export function createImportCommand(options: ImportCommandOptions = {}): CliCommand {
  return defineCommand(spec, (args, io) => checkFile(args, io, options));
}

async function checkFile({ values, positionals, locale }: CommandArgs<typeof spec.options>, io: CliIO, options: ImportCommandOptions): Promise<number> {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('say which file to import');
  if (extra.length > 0) throw new UsageError(`one file at a time (also got ${extra.map((name) => shown(name, 60)).join(', ')})`);
  if (!values.check) throw new UsageError('only checking is supported for now: add --check');
  const format = spreadsheetFormat(file);
  if (format === undefined) throw new UsageError(`"${shown(file)}" is neither .csv nor .xlsx`);
  if ((values.catalogue === undefined) !== (values['api-key'] === undefined)) throw new UsageError('--catalogue and --api-key go together');
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`"${shown(file)}" is not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`no such file: ${shown(file)}`);
  }

  const t = createTranslator(locale);
  let catalogue: Catalogue;
  try {
    catalogue =
      values.catalogue !== undefined && values['api-key'] !== undefined
        ? await remoteCatalogue(values.catalogue, values['api-key'], options.fetch ?? globalThis.fetch, io)
        : seedCatalogue();
  } catch (error) {
    io.stderr(`ncg import: the catalogue could not be reached: ${shown(error instanceof Error ? error.message : String(error), 200)}`);
    return ExitCode.failed;
  }

  const bytes = new Uint8Array(await readFile(file));
  try {
    const result = await importSpreadsheet(bytes, file, {
      source: catalogue.source,
      dictionaries: (schemas) => catalogue.dictionaries(dictionaryCodes(schemas.union)),
      today: (options.today ?? localToday)(),
    });
    // Photos and documents the rows name, read next to the file: a missing or bad one is a problem of its row.
    await checkSheetFiles(result.rows, file);
    const problems = allProblems(result.rows, result.problems);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    return report(problems, { rows: result.counts.rows, errors, warnings: problems.length - errors }, io, t, locale);
  } catch (error) {
    io.stderr(`ncg import: ${shown(error instanceof Error ? error.message : String(error), 200)}`);
    return ExitCode.failed;
  }
}

function report(
  problems: readonly ImportProblem[],
  counts: { rows: number; errors: number; warnings: number },
  io: CliIO,
  t: (key: string, params?: Record<string, string | number>) => string,
  locale: Locale,
): number {
  const warning = t('application.cli.warning');
  for (const problem of problems) {
    const message = t(problem.key, problemParams(problem.params, locale));
    io.stdout(`row ${String(problem.row)}: ${shown(problem.field, 60)}: ${problem.severity === 'warning' ? `${warning}: ` : ''}${message}`);
  }
  io.stderr(t('application.cli.checked', { rows: counts.rows, errors: counts.errors, warnings: counts.warnings }));
  return problems.length > 0 ? ExitCode.failed : ExitCode.ok;
}

/**
 * `ncg import FILE --check`: exit 0 when no row has a problem, 1 when any has (errors and warnings alike:
 * a check is for looking at everything), 2 on a usage error.
 */
export const run: CliCommand = createImportCommand();
