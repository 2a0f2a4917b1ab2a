import { resolve } from 'node:path';
import { createPortalClient } from '../../shared/catalogue/portal-client.ts';
import { CatalogueError } from '../../shared/catalogue/errors.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { SyncEngine } from '../../shared/sync/engine.ts';
import { problemOf } from '../../shared/sync/engine.ts';
import { defineCommand, type CommandSpec, type OptionSpecs, UsageError } from '../args.ts';
import { ExitCode } from '../io.ts';
import { openJournal, type SyncJournal } from '../sync-journal.ts';
import { shown } from '../terminal.ts';
import { describeProblem, journalFailure, resultLine } from './send.ts';

export const summary = 'show where each request stands in the catalogue (from a send journal, or every request of the key)';

const usage = `Usage: ncg status --catalogue URL --api-key KEY [--journal FILE] [--lang kk|ru|en]

With --journal (written by "ncg send"): reads the whole request list once (100 a page, not one call per
application), records each status in the journal and prints "row N: <request id> <status> [NTIN] [remark]".
Without it: prints every request of the key, "<request id> <status> <name>".`;

const spec = {
  name: 'status',
  usage,
  options: { catalogue: { type: 'string' }, 'api-key': { type: 'string' }, journal: { type: 'string' } },
  lang: true,
} as const satisfies CommandSpec<OptionSpecs>;

export const run = defineCommand(spec, async ({ values, locale }, io) => {
  if (values.catalogue === undefined || values['api-key'] === undefined) throw new UsageError('say which catalogue: --catalogue URL --api-key KEY');
  const t = createTranslator(locale);
  const client = createPortalClient({ baseUrl: values.catalogue, apiKey: values['api-key'], fetch: (...args) => fetch(...args), timeoutMs: 60_000 });
  const failed = (error: unknown) => {
    if (!(error instanceof CatalogueError)) throw error;
    io.stderr(`ncg status: ${describeProblem(problemOf(error), t)}`);
    return ExitCode.failed;
  };

  if (values.journal === undefined) {
    try {
      for await (const item of client.iterateRequests({ size: 100, maxPages: 10_000 })) {
        io.stdout(`${String(item.id)} ${item.status.code} ${shown(item.productData.nameRu ?? '', 200)}`);
      }
      return ExitCode.ok;
    } catch (error) {
      return failed(error);
    }
  }

  let journal: SyncJournal;
  try {
    journal = await openJournal(resolve(values.journal), { catalogue: client.baseUrl });
  } catch (error) {
    const code = journalFailure(error, io, 'status');
    if (code !== undefined) return code;
    throw error;
  }
  try {
    const engine = new SyncEngine({ store: journal, catalogue: client });
    const poll = await engine.poll({ act: false });
    const records = (await journal.list()).sort((a, b) => (a.job.row ?? 0) - (b.job.row ?? 0));
    for (const record of records) io.stdout(resultLine(record, t));
    io.stderr(`ncg status: ${String(records.length)} applications, ${String(poll.calls)} catalogue calls, ${String(poll.foreign.length)} requests made elsewhere`);
    return ExitCode.ok;
  } catch (error) {
    return failed(error);
  } finally {
    await journal.close();
  }
});
