import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../sandbox/server.ts';
import { ExitCode, type CliCommand } from '../io.ts';
import { startStaticServer } from '../static-server.ts';

export const summary = 'serve the web twin (built by `npm run build:web`) with a sandbox catalogue';

const usage = 'Usage: ncg web [--port N] [--host 127.0.0.1] [--sandbox-port N] [--data DIR] [--cards N]';

export const run: CliCommand = async (args, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', default: '5180' },
        host: { type: 'string', default: '127.0.0.1' },
        'sandbox-port': { type: 'string', default: '0' },
        data: { type: 'string' },
        cards: { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return ExitCode.usage;
  }
  const root = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
  if (!existsSync(`${root}index.html`)) {
    io.stderr('The web twin is not built: run `npm run build:web` (or `npm run web`, which builds and serves).');
    return ExitCode.failed;
  }
  const sandbox = await startSandbox({
    port: Number(values['sandbox-port']),
    host: values.host,
    dataDir: values.data,
    ...(values.cards ? { cards: Number(values.cards) } : {}),
  });
  const config = {
    portalBaseUrl: sandbox.portalBaseUrl,
    exportBaseUrl: sandbox.exportBaseUrl,
    apiKey: sandbox.apiKey,
    exportToken: sandbox.exportToken,
  };
  const site = await startStaticServer({
    root,
    host: values.host,
    port: Number(values.port),
    virtualFiles: { '/web-twin.json': { body: JSON.stringify(config), contentType: 'application/json' } },
    connectOrigins: [sandbox.origin],
  });
  io.stdout(`NCG Desk web twin: ${site.url}`);
  io.stdout(`Sandbox catalogue (not the real catalogue): ${sandbox.portalBaseUrl}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([site.close(), sandbox.close()]);
  return ExitCode.ok;
};
