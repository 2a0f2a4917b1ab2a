import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBase } from '../../sandbox/routes/export.ts';
import { createSandboxHandler, isSandboxPath, type SandboxHandler } from '../../sandbox/server.ts';
import { HelpRequested, parseCommandArgs, UsageError, wholeNumberOption, type CommandSpec, type OptionSpecs } from '../args.ts';
import { ExitCode, type CliCommand, type CliIO } from '../io.ts';
import { startStaticServer, type VirtualFile } from '../static-server.ts';
import { startFailure } from '../../sandbox/startup-errors.ts';

export const summary = 'serve the web twin (built by `npm run build:web`) with a sandbox catalogue';

const usage = 'Usage: ncg web [--port N] [--host 127.0.0.1] [--data DIR] [--reset] [--cards N]';

const spec = {
  name: 'web',
  usage,
  options: {
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    reset: { type: 'boolean' },
    cards: { type: 'string' },
  },
} as const satisfies CommandSpec<OptionSpecs>;

/**
 * The web twin's files and the sandbox on one origin: the page reaches the catalogue same-origin (no CORS),
 * and web-twin.json names the origin the browser used. Also used by the benchmarks.
 */
export function serveWithSandbox(options: { root: string; host: string; port: number; sandbox: SandboxHandler; extraFiles?: Record<string, VirtualFile> }) {
  const { sandbox } = options;
  return startStaticServer({
    root: options.root,
    host: options.host,
    port: options.port,
    mount: { matches: isSandboxPath, handle: (req, res) => sandbox.handle(req, res) },
    virtualFiles: {
      '/web-twin.json': {
        contentType: 'application/json',
        body: ({ origin }) =>
          JSON.stringify({ portalBaseUrl: `${origin}/gwp`, exportBaseUrl: `${origin}${exportBase}`, apiKey: sandbox.apiKey, exportToken: sandbox.exportToken }),
      },
      ...options.extraFiles,
    },
  });
}

/** Serves page and sandbox on one origin until `stop` settles (tests stop it without signals). */
export async function runWeb(args: readonly string[], io: CliIO, stop: Promise<unknown>, root = fileURLToPath(new URL('../../../dist/web/', import.meta.url))): Promise<number> {
  let options;
  try {
    const { values } = parseCommandArgs(spec, args);
    options = {
      port: wholeNumberOption(values.port, '--port', 0, 65535) ?? 5180,
      host: values.host,
      dataDir: values.data === undefined ? undefined : resolve(values.data),
      reset: values.reset,
      cards: wholeNumberOption(values.cards, '--cards', 0, 1_000_000),
    };
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(usage);
      return ExitCode.ok;
    }
    if (!(error instanceof UsageError)) throw error;
    // One line: the message and the synopsis.
    io.stderr(`ncg web: ${error.message}. ${usage}`);
    return ExitCode.usage;
  }
  if (!existsSync(`${root}index.html`)) {
    io.stderr('The web twin is not built: run `npm run build:web` (or `npm run web`, which builds and serves).');
    return ExitCode.failed;
  }

  let sandbox: SandboxHandler;
  try {
    sandbox = await createSandboxHandler({
      host: options.host,
      ...(options.dataDir ? { dataDir: options.dataDir, reset: options.reset } : {}),
      ...(options.cards === undefined ? {} : { cards: options.cards }),
      log: io.stderr,
    });
  } catch (error) {
    io.stderr(`ncg web: ${startFailure(error, options.host, options.port)}`);
    return ExitCode.failed;
  }
  let site;
  try {
    site = await serveWithSandbox({ root, host: options.host, port: options.port, sandbox });
  } catch (error) {
    await sandbox.close();
    io.stderr(`ncg web: ${startFailure(error, options.host, options.port)}`);
    return ExitCode.failed;
  }
  const origin = site.url.replace(/\/$/, '');
  io.stdout(`NCG Desk web twin: ${site.url}`);
  io.stdout(`Sandbox catalogue (not the real catalogue): ${origin}/gwp`);
  io.stdout(`Sandbox admin: ${origin}/__sandbox   (header X-Sandbox-Secret: ${sandbox.adminSecret})`);
  await stop;
  await site.close();
  await sandbox.close();
  return ExitCode.ok;
}

export const run: CliCommand = (args, io) =>
  runWeb(
    args,
    io,
    new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    }),
  );
