import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { importSpreadsheet, prepareSchemas, spreadsheetFormat } from '../../shared/application/import/index.ts';
import { dictionaryCodes } from '../../shared/application/schema.ts';
import { createPortalClient } from '../../shared/catalogue/portal-client.ts';
import { localToday } from '../../shared/i18n/format.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { CatalogueLimiter } from '../../shared/sync/limiter.ts';
import { CatalogueError } from '../../shared/catalogue/errors.ts';
import { problemOf, SyncEngine } from '../../shared/sync/engine.ts';
import { jobFromDraft } from '../../shared/sync/from-draft.ts';
import type { SyncJob, SyncProblem, SyncRecord } from '../../shared/sync/types.ts';
import { defineCommand, integerOption, UsageError, type CommandSpec, type OptionSpecs } from '../args.ts';
import { ExitCode, type CliIO } from '../io.ts';
import { openJournal, JournalLockedError, JournalMismatchError, type SyncJournal } from '../sync-journal.ts';
import { allProblems, checkSheetFiles, syncFilesOf, withoutPendingFiles } from '../sheet-files.ts';
import { problemParams } from '../problem-params.ts';
import { shown, shownParams } from '../terminal.ts';
import { remoteCatalogue } from './import.ts';

export const summary = 'send every row of a CSV or XLSX file to the catalogue, crash-safe (journal), and submit to moderation';

const usage = `Usage: ncg send FILE.csv|FILE.xlsx --catalogue URL --api-key KEY [--journal FILE] [--publish] [--concurrency N] [--lang kk|ru|en]

Checks the file like "ncg import --check" (photos and PDFs of the columns photo_* and document_files
included, read relative to the file's folder) and refuses it when any row has a problem. Otherwise uploads each
row's files, creates its request exactly once, saves its content and submits it to moderation, then prints
one line per application: "row N: <request id> <status>". With --publish, requests already approved
(readyToPublish) are published.

Every step is written to the journal (default FILE.ncg-journal, next to the file; the API key is never
written) before the next starts: run the same command again after a crash or a kill and it finishes the
batch without creating anything twice. Only one ncg works on a journal at a time (FILE.ncg-journal.lock).
Exit 0 when every row was sent, 1 when something failed or was refused, 2 on a usage error.`;

const spec = {
  name: 'send',
  usage,
  options: {
    catalogue: { type: 'string' },
    'api-key': { type: 'string' },
    journal: { type: 'string' },
    publish: { type: 'boolean' },
    concurrency: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  lang: true,
} as const satisfies CommandSpec<OptionSpecs>;

type Translate = ReturnType<typeof createTranslator>;

export function describeProblem(problem: SyncProblem, t: Translate): string {
  return t(problem.code, shownParams(problem.params));
}

/** `row N: <request id> <status>` — the status the catalogue last reported, or the engine's verdict. */
export function resultLine(record: SyncRecord, t: Translate): string {
  const where = record.job.row === undefined ? record.applicationId : `row ${String(record.job.row)}`;
  const id = record.requestId === undefined ? '-' : String(record.requestId);
  if (record.phase === 'failed') return `${where}: ${id} failed: ${record.problem ? describeProblem(record.problem, t) : ''}`;
  if (record.phase !== 'sent') return `${where}: ${id} ${record.phase}`;
  const remote = record.remote;
  const extra = [remote?.ntin, remote?.status?.comment ?? remote?.status?.reason].filter((part) => part !== undefined && part !== '');
  return `${where}: ${id} ${remote?.code ?? 'onModeration'}${extra.length > 0 ? ` ${extra.map((part) => shown(String(part), 200)).join(' ')}` : ''}`;
}

export function journalFailure(error: unknown, io: CliIO, command: string): number | undefined {
  if (error instanceof JournalLockedError) {
    io.stderr(`ncg ${command}: ${error.message}`);
    return ExitCode.failed;
  }
  if (error instanceof JournalMismatchError) {
    io.stderr(`ncg ${command}: ${error.message}`);
    return ExitCode.failed;
  }
  return undefined;
}

/** Progress on a terminal: one line at most twice a second. */
function progressReporter(io: CliIO, total: number) {
  let last = 0;
  return (counts: () => { sent: number; failed: number }, bytes: { done: number }, state: string) => {
    if (!io.isTTY) return;
    const now = Date.now();
    if (now - last < 500) return;
    last = now;
    const records = counts();
    io.stderr(`ncg send: ${state}: ${String(records.sent)}/${String(total)} sent, ${String(records.failed)} failed, ${(bytes.done / 1048576).toFixed(1)} MB uploaded`);
  };
}

export const run = defineCommand(spec, async ({ values, positionals, locale }, io) => {
  const [file] = positionals as [string];
  const format = spreadsheetFormat(file);
  if (format === undefined) throw new UsageError(`"${shown(file)}" is neither .csv nor .xlsx`);
  if (values.catalogue === undefined || values['api-key'] === undefined) throw new UsageError('say where to send: --catalogue URL --api-key KEY');
  const concurrency = integerOption(values.concurrency, '--concurrency', { min: 1, max: 16 }) ?? 4;
  try {
    if (!(await stat(file)).isFile()) throw new UsageError(`"${shown(file)}" is not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`no such file: ${shown(file)}`);
  }
  const t = createTranslator(locale);
  const apiKey = values['api-key'];
  const limiter = new CatalogueLimiter();
  const client = createPortalClient({ baseUrl: values.catalogue, apiKey, fetch: (...args) => fetch(...args), timeoutMs: 60_000, onRetry: limiter.onRetry });

  // 1. The check of "ncg import --check": any problem refuses the whole file before anything is sent.
  let jobs: SyncJob[];
  try {
    const catalogue = await remoteCatalogue(values.catalogue, apiKey, (...args) => fetch(...args), io);
    const result = await importSpreadsheet(new Uint8Array(await readFile(file)), file, {
      source: catalogue.source,
      dictionaries: (schemas) => catalogue.dictionaries(dictionaryCodes(schemas.union)),
      today: localToday(),
      idFor: (row) => `${basename(file)}#${String(row)}`,
    });
    const files = await checkSheetFiles(result.rows, file);
    const problems = allProblems(result.rows, result.problems);
    if (problems.length > 0) {
      for (const problem of problems) io.stdout(`row ${String(problem.row)}: ${problem.field}: ${t(problem.key, problemParams(problem.params, locale))}`);
      io.stderr(`ncg send: ${String(result.counts.rows)} rows checked, ${String(problems.length)} problems: nothing was sent`);
      return ExitCode.failed;
    }
    const schemas = await prepareSchemas(catalogue.source, result.oktruCodes);
    jobs = result.rows.map((row) => {
      const job = jobFromDraft(withoutPendingFiles(row.draft), schemas.forOktru(row.draft.oktru), { blobSize: () => undefined, document: () => undefined }, { revision: 1, publish: values.publish, row: row.row });
      // The row's photos and PDFs, uploaded by the engine from their place next to the file.
      return { ...job, files: [...job.files, ...syncFilesOf(row.attachments, files)] };
    });
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    io.stderr(`ncg send: ${describeProblem(problemOf(error), t)}`);
    return ExitCode.failed;
  }

  // 2. The journal: one engine per journal; what an earlier run recorded is resumed, not repeated.
  let journal: SyncJournal;
  try {
    journal = await openJournal(resolve(values.journal ?? `${file}.ncg-journal`), { catalogue: client.baseUrl });
  } catch (error) {
    const code = journalFailure(error, io, 'send');
    if (code !== undefined) return code;
    throw error;
  }
  try {
    const progress = progressReporter(io, jobs.length);
    const phases = new Map((await journal.list()).map((record) => [record.applicationId, record.phase]));
    const counts = () => {
      let sent = 0;
      let failed = 0;
      for (const phase of phases.values()) {
        if (phase === 'sent') sent += 1;
        else if (phase === 'failed') failed += 1;
      }
      return { sent, failed };
    };
    const engine = new SyncEngine({
      store: journal,
      catalogue: client,
      limiter,
      concurrency,
      onRecord: (record) => phases.set(record.applicationId, record.phase),
      onState: (snapshot) => progress(counts, snapshot.bytes, t(`sync.engine.${snapshot.state}`)),
    });
    const { refused } = await engine.enqueue(jobs.map((job) => ({ job })), { allOrNothing: true });
    if (refused.length > 0) {
      for (const refusal of refused) for (const problem of refusal.problems) io.stdout(`row ${String(refusal.row ?? '?')}: ${describeProblem(problem, t)}`);
      io.stderr(`ncg send: ${String(refused.length)} rows refused: nothing was sent`);
      return ExitCode.failed;
    }
    const outcome = await engine.run();
    if (outcome.state === 'stopped' && outcome.problem) {
      io.stderr(`ncg send: ${describeProblem(outcome.problem, t)}`);
      return ExitCode.failed;
    }
    await engine.poll().catch(() => undefined);
    const records = (await journal.list()).sort((a, b) => (a.job.row ?? 0) - (b.job.row ?? 0));
    for (const record of records) io.stdout(resultLine(record, t));
    const failed = records.filter((record) => record.phase === 'failed').length;
    io.stderr(`ncg send: ${String(records.length - failed)} of ${String(records.length)} applications sent`);
    return failed > 0 ? ExitCode.failed : ExitCode.ok;
  } finally {
    await journal.close();
  }
});
