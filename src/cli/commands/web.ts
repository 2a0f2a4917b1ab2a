import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportBase } from '../../sandbox/routes/export.ts';
import { createSandboxHandler, isSandboxPath, type SandboxHandler } from '../../sandbox/server.ts';
import { ExitCode, type CliCommand, type CliIO } from '../io.ts';
import { startStaticServer, type VirtualFile } from '../static-server.ts';
import { startFailure } from '../../sandbox/startup-errors.ts';

export const summary = 'serve the web twin (built by `npm run build:web`) with a sandbox catalogue';

const usage = 'Usage: ncg web [--port N] [--host 127.0.0.1] [--data DIR] [--reset] [--cards N]';

/** An integer in [min, max], or a one-line complaint naming the option. */
function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

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
    const { values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', default: '5180' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        reset: { type: 'boolean', default: false },
        cards: { type: 'string' },
      },
    });
    options = {
      port: integerOption(values.port, 'port', 0, 65535) ?? 5180,
      host: values.host,
      dataDir: values.data === undefined ? undefined : resolve(values.data),
      reset: values.reset,
      cards: integerOption(values.cards, 'cards', 0, 1_000_000),
    };
  } catch (error) {
    io.stderr(`ncg web: ${error instanceof Error ? error.message : String(error)}. ${usage}`);
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
