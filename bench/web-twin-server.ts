import { existsSync } from 'node:fs';
import { startStaticServer } from '../src/cli/static-server.ts';
import { startSandbox } from '../src/sandbox/server.ts';

/**
 * The built web twin (dist/web) served on a free loopback port with its own sandbox catalogue, as `ncg web`
 * serves it; extra virtual files let a benchmark add a baseline page.
 */
export async function serveWebTwin(extraFiles: Record<string, { body: string; contentType: string }> = {}) {
  const root = new URL('../dist/web/', import.meta.url).pathname;
  if (!existsSync(`${root}index.html`)) throw new Error('dist/web is missing: run `npm run build:web` first.');
  const sandbox = await startSandbox({ port: 0 });
  const config = { portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, apiKey: sandbox.apiKey, exportToken: sandbox.exportToken };
  const site = await startStaticServer({
    root,
    host: '127.0.0.1',
    port: 0,
    connectOrigins: [sandbox.origin],
    virtualFiles: { '/web-twin.json': { body: JSON.stringify(config), contentType: 'application/json' }, ...extraFiles },
  });
  return {
    url: site.url,
    close: async () => {
      await site.close();
      await sandbox.close();
    },
  };
}
