import { existsSync } from 'node:fs';
import { serveWithSandbox } from '../src/cli/commands/web.ts';
import type { VirtualFile } from '../src/cli/static-server.ts';
import { createSandboxHandler, type SandboxOptions } from '../src/sandbox/server.ts';

/**
 * The built web twin (dist/web) served on a free loopback port with its own sandbox catalogue on the same
 * origin, as `ncg web` serves it; extra virtual files let a benchmark add a baseline page, and sandbox options
 * (fault rules such as a per-call delay) let it stand in for a remote catalogue.
 */
export async function serveWebTwin(extraFiles: Record<string, VirtualFile> = {}, sandboxOptions: SandboxOptions = {}) {
  // NCG_WEB_DIST: a build elsewhere (`vite build --outDir …`), so a benchmark can run while dist/web is rebuilt.
  const root = process.env.NCG_WEB_DIST ? `${process.env.NCG_WEB_DIST.replace(/\/$/, '')}/` : new URL('../dist/web/', import.meta.url).pathname;
  if (!existsSync(`${root}index.html`)) throw new Error('dist/web is missing: run `npm run build:web` first.');
  const sandbox = await createSandboxHandler({ ...sandboxOptions, host: '127.0.0.1' });
  const site = await serveWithSandbox({ root, host: '127.0.0.1', port: 0, sandbox, extraFiles });
  return {
    url: site.url,
    close: async () => {
      await site.close();
      await sandbox.close();
    },
  };
}
