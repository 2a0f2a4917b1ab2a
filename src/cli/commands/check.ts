import { readFile } from 'node:fs/promises';
import { createTranslator } from '../../shared/i18n/translate.ts';
import { checkScan, isSnapshotError, readSnapshotCards, verdictKey, verdictRecord, verifySnapshot, type CopyCard, type CopyLookup } from '../../shared/inspection/index.ts';
import { defineCommand, UsageError } from '../args.ts';
import { ExitCode } from '../io.ts';
import { shown, shownParams } from '../terminal.ts';

export const summary = 'check product codes against a catalogue snapshot, offline (same verdicts as the Inspection screen)';

const usage = `Usage: ncg check CODE... --snapshot catalogue.ncgsnap [--json] [--lang kk|ru|en]

One line per code: the code, its verdict, the NTINs found and their names. With --json, one object per line:
{"code","verdict","ntins","names",…} where verdict is registered, several, deactivated, not-found or invalid
(a not-found NTIN newer than every card of the snapshot also has "notYetInCopy": true; an invalid code has
"problem" and its "params", e.g. the expected check digit).

Exit 0 when every code is registered, 1 when some code is not, 2 on a usage error or a damaged snapshot file.`;

/** The whole snapshot in memory, indexed by NTIN and by GTIN (all cards of a GTIN). */
async function loadSnapshot(path: string) {
  const verified = await verifySnapshot(new Uint8Array(await readFile(path)));
  const byNtin = new Map<string, CopyCard>();
  const byGtin = new Map<string, CopyCard[]>();
  await readSnapshotCards(verified, (cards) => {
    for (const card of cards) {
      if (card.ntin !== '') byNtin.set(card.ntin, card);
      if (card.gtin !== '') {
        const list = byGtin.get(card.gtin);
        if (list) list.push(card);
        else byGtin.set(card.gtin, [card]);
      }
    }
  });
  const lookup: CopyLookup = { byNtin: (ntin) => byNtin.get(ntin), byGtin: (gtin) => byGtin.get(gtin) ?? [] };
  return { header: verified.header, lookup };
}

export const run = defineCommand(
  { name: 'check', usage, options: { snapshot: { type: 'string' }, json: { type: 'boolean' } }, positionals: { min: 1 }, lang: true },
  async ({ values, positionals, locale }, io) => {
    if (!values.snapshot) throw new UsageError('say which catalogue snapshot to check against (--snapshot FILE)');
    const t = createTranslator(locale);
    let snapshot;
    try {
      snapshot = await loadSnapshot(values.snapshot);
    } catch (error) {
      if (!isSnapshotError(error)) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          io.stderr(`ncg check: ${shown(values.snapshot)}: no such file`);
          return ExitCode.usage;
        }
        throw error;
      }
      io.stderr(`ncg check: ${shown(values.snapshot)}: ${t(error.problem.key, 'params' in error.problem ? error.problem.params : {})}`);
      return ExitCode.usage;
    }
    const { header, lookup } = snapshot;
    if (!values.json) io.stderr(t('inspection.copyAge.age', { date: header.copyDate.slice(0, 10), count: header.count }));
    let allRegistered = true;
    for (const code of positionals) {
      const verdict = await checkScan(code, lookup, header);
      if (verdict.kind !== 'registered') allRegistered = false;
      if (values.json) {
        io.stdout(JSON.stringify(verdictRecord(verdict)));
        continue;
      }
      const words = t(verdictKey(verdict.kind));
      if (verdict.kind === 'invalid') {
        io.stdout(`${shown(code, 60)}\t${words}: ${t(verdict.problem.key, 'params' in verdict.problem ? shownParams(verdict.problem.params) : {})}`);
        continue;
      }
      const cards = verdict.cards.map((card) => `${card.ntin}${card.deactivated ? ' (×)' : ''} ${card.nameRu} / ${card.nameKk}`).join('; ');
      io.stdout(`${shown(code, 60)}\t${words}${cards ? `\t${cards}` : ''}`);
    }
    return allRegistered ? ExitCode.ok : ExitCode.failed;
  },
);
