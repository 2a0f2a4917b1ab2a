import { readFile, rename, writeFile } from 'node:fs/promises';
import { createExportClient, isCatalogueError } from '../../shared/catalogue/index.ts';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { isSnapshotError, pullSnapshot, verifySnapshot } from '../../shared/inspection/index.ts';
import { defineCommand, integerOption, UsageError } from '../args.ts';
import { ExitCode } from '../io.ts';
import { shown, shownParams } from '../terminal.ts';

export const summary = 'write the whole catalogue to one .ncgsnap file (a copy on a stick for offline inspections)';

const usage = `Usage: ncg snapshot pull --export URL --token TOKEN --out catalogue.ncgsnap [--limit N] [--lang kk|ru|en]
       ncg snapshot info catalogue.ncgsnap

pull   downloads every card through the export API (URL = …/api/integration/ofd, catalogue-api.md §10),
       following "next", and writes one compressed file with the copy's date, card count and SHA-256.
       --limit N   cards per page (1–5000, default 1000)
info   checks a snapshot file (length, checksum) and prints its date and card count.

Exit 0 on success, 1 when the catalogue fails (the file is not written), 2 on a usage error or a damaged file.`;

export const run = defineCommand(
  {
    name: 'snapshot',
    usage,
    options: { export: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' }, limit: { type: 'string' } },
    positionals: { min: 1, max: 2 },
    lang: true,
  },
  async ({ values, positionals, locale }, io) => {
    const t = createTranslator(locale);
    const [action, file] = positionals;
    if (action === 'info') {
      if (!file) throw new UsageError('say which file to check');
      try {
        const { header } = await verifySnapshot(new Uint8Array(await readFile(file)));
        io.stdout(JSON.stringify({ file, copyDate: header.copyDate, count: header.count, cursor: header.cursor, sha256: header.sha256 }));
        return ExitCode.ok;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          io.stderr(`ncg snapshot: ${shown(file)}: no such file`);
          return ExitCode.usage;
        }
        if (!isSnapshotError(error)) throw error;
        io.stderr(`ncg snapshot: ${shown(file)}: ${t(error.problem.key, 'params' in error.problem ? error.problem.params : {})}`);
        return ExitCode.usage;
      }
    }
    if (action !== 'pull') throw new UsageError(`unknown action "${shown(action ?? '', 20)}" (use pull or info)`);
    if (file !== undefined) throw new UsageError('pull takes no file argument: use --out');
    if (!values.export) throw new UsageError('say where the export API is (--export URL)');
    if (!values.out) throw new UsageError('say where to write the snapshot (--out FILE)');
    const limit = integerOption(values.limit, '--limit', { min: 1, max: 5000 }) ?? 1000;

    const client = createExportClient({ baseUrl: values.export, token: values.token, fetch: globalThis.fetch });
    const started = Date.now();
    let lastReport = 0;
    let pulled: Awaited<ReturnType<typeof pullSnapshot>>;
    try {
      pulled = await pullSnapshot(client, {
        limit,
        copyDate: new Date(started).toISOString(),
        onCards: (_cards, written) => {
          if (!io.isTTY || Date.now() - lastReport <= 500) return;
          lastReport = Date.now();
          const rate = Math.round(written / Math.max(0.001, (Date.now() - started) / 1000));
          io.stderr(`${written} cards, ${rate}/s`);
        },
      });
    } catch (error) {
      if (!isCatalogueError(error)) throw error;
      io.stderr(`ncg snapshot: ${t(error.messageKey, shownParams({ status: error.status ?? '', operation: error.operation ?? '' }))} (${shown(error.message, 200)})`);
      return ExitCode.failed;
    }
    const { bytes, info } = pulled;
    // Written beside the target, then renamed: an interrupted run never leaves a half file under the real name.
    const partial = `${values.out}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, values.out);
    io.stdout(JSON.stringify({ out: values.out, count: info.count, bytes: bytes.length, seconds: Math.round((Date.now() - started) / 100) / 10 }));
    return ExitCode.ok;
  },
);
