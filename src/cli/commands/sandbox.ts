import { resolve } from 'node:path';
import { markers } from '../../sandbox/moderation.ts';
import { parseModerationMode } from '../../sandbox/routes/admin.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { startFailure } from '../../sandbox/startup-errors.ts';
import { HelpRequested, parseCommandArgs, UsageError, wholeNumberOption, type CommandSpec, type OptionSpecs } from '../args.ts';
import { ExitCode, type CliCommand, type CliIO } from '../io.ts';
import { shown } from '../terminal.ts';

export const summary = 'run a local stand-in of the National Catalogue of Goods (portal + export API)';

const usage = `Usage: ncg sandbox [--port N] [--host H] [--api-key KEY] [--export-token TOKEN] [--cards N]
                   [--data DIR | --memory] [--reset] [--moderation instant|manual|delay:MS] [--seed N]
                   [--allow-origin ORIGIN]...

Serves the portal API under <origin>/gwp (header X-API-KEY) and the nct.gov.kz export API under
<origin>/api/integration/ofd (header Authorization: JWT <token>) until Ctrl+C (SIGINT) or SIGTERM.

Options:
  --port N              port to listen on (default 8787; 0 picks a free one)
  --host H              interface (default 127.0.0.1)
  --api-key KEY         portal key (default sandbox-demo-key)
  --export-token TOKEN  export token (default sandbox-demo-token)
  --cards N             published seed cards (default 2000)
  --data DIR            where the state (state.json + journal) is kept (default .sandbox-data/)
  --memory              keep state in memory only
  --reset               discard the saved state and start clean
  --moderation MODE     instant (default), manual (decide via the admin routes) or delay:MS
  --seed N              seed of the generated catalogue
  --allow-origin ORIGIN a web page origin that may call the sandbox cross-origin (CORS); repeatable

Scripted moderation: put a marker in name_ru (each acts once per request):
${Object.entries(markers)
  .map(([marker, outcome]) => `  ${marker.padEnd(12)} → ${describeOutcome(outcome)}`)
  .join('\n')}

Only requests addressed to a loopback host are served, and web pages only from --allow-origin origins.
Admin routes need the header X-Sandbox-Secret (printed at start; fix it with the environment variable
NCG_SANDBOX_ADMIN_SECRET): GET /__sandbox, PUT /__sandbox/moderation {"mode"}, POST /__sandbox/moderation/run,
  POST /__sandbox/requests/{id}/moderate {"outcome": accept|auto|approve|revision|reject|similar|exists|photo},
  POST /__sandbox/requests/{id}/gz {"code"}, GET|PUT|DELETE /__sandbox/faults {"faults": [...]},
  POST /__sandbox/reset`;

function describeOutcome(outcome: string): string {
  switch (outcome) {
    case 'revision':
      return 'underRevision with a moderator comment and revisionDetails';
    case 'reject':
      return 'rejected with a comment and rejectionReason';
    case 'similar':
      return 'underRevision: potential duplicates (GET …/duplicates, then duplicate-decision)';
    case 'exists':
      return 'rejected: the card already exists (ntinCode + productUrl of the existing card)';
    case 'photo':
      return 'underRevision: photos failed the AI check (photoModeration)';
    default:
      return outcome;
  }
}

const spec = {
  name: 'sandbox',
  usage,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string' },
    'export-token': { type: 'string' },
    cards: { type: 'string' },
    data: { type: 'string', default: '.sandbox-data' },
    memory: { type: 'boolean' },
    reset: { type: 'boolean' },
    moderation: { type: 'string', default: 'instant' },
    seed: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
  },
} as const satisfies CommandSpec<OptionSpecs>;

/** Runs the sandbox until `stop` settles. Separate from `run` so tests can stop it without signals. */
export async function runSandbox(args: readonly string[], io: CliIO, stop: Promise<unknown>): Promise<number> {
  let options;
  try {
    const { values } = parseCommandArgs(spec, args);
    const moderation = parseModerationMode(values.moderation);
    if (!moderation) throw new UsageError(`--moderation must be instant, manual or delay:MS, got "${shown(values.moderation, 40)}"`);
    options = {
      port: wholeNumberOption(values.port, '--port', 0, 65535) ?? 8787,
      host: values.host,
      ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
      ...(values['export-token'] ? { exportToken: values['export-token'] } : {}),
      ...(values.cards !== undefined ? { cards: wholeNumberOption(values.cards, '--cards', 0, Number.MAX_SAFE_INTEGER) } : {}),
      ...(values.seed !== undefined ? { seed: wholeNumberOption(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER) } : {}),
      dataDir: values.memory ? undefined : resolve(values.data),
      reset: values.reset,
      moderation,
      allowedOrigins: [...(values['allow-origin'] ?? [])],
    };
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(usage);
      return ExitCode.ok;
    }
    if (!(error instanceof UsageError)) throw error;
    // The message, then the whole usage (the moderation markers are worth seeing again).
    io.stderr(`${error.message}\n\n${usage}`);
    return ExitCode.usage;
  }

  let sandbox;
  try {
    sandbox = await startSandbox({ ...options, log: io.stderr });
  } catch (error) {
    io.stderr(`ncg sandbox: ${startFailure(error, options.host, options.port)}`);
    return ExitCode.failed;
  }
  const mode = typeof options.moderation === 'object' ? `delay:${options.moderation.delayMs}` : options.moderation;
  io.stdout('NCG sandbox catalogue — a local stand-in, not the real National Catalogue of Goods');
  io.stdout(`  Portal API:   ${sandbox.portalBaseUrl}`);
  io.stdout(`  API key:      ${sandbox.apiKey}   (header X-API-KEY)`);
  io.stdout(`  Export API:   ${sandbox.exportBaseUrl}`);
  io.stdout(`  Export token: ${sandbox.exportToken}   (header Authorization: JWT <token>)`);
  io.stdout(`  Admin:        ${sandbox.origin}/__sandbox   (header X-Sandbox-Secret: ${sandbox.adminSecret})`);
  io.stdout(`  State:        ${options.dataDir ? `${options.dataDir}${options.reset ? ' (reset)' : ''}` : 'in memory'}`);
  io.stdout(`  Moderation:   ${mode}   (markers in name_ru: ${Object.keys(markers).join(' ')})`);
  io.stdout('Press Ctrl+C to stop.');
  await stop;
  await sandbox.close();
  io.stdout('Sandbox stopped.');
  return ExitCode.ok;
}

export const run: CliCommand = (args, io) =>
  runSandbox(
    args,
    io,
    new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    }),
  );
