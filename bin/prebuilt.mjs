// Which `ncg` to run: the prebuilt bundle (out/cli/lib/, made by scripts/build-cli.mjs) while every source
// file it was built from is unchanged, else the TypeScript sources (through tsx).
import { readFileSync, statSync } from 'node:fs';

/**
 * The prebuilt entry under `root` (a file: URL ending in "/") when its manifest matches the sources, else
 * the reason it cannot be used. NCG_CLI_FROM_SOURCE=1 in `env` always chooses the sources.
 * @param {URL} root
 * @param {Record<string, string | undefined>} env
 * @returns {{ entry: URL, reason?: undefined } | { entry?: undefined, reason: string }}
 */
export function prebuiltEntry(root, env) {
  if (env.NCG_CLI_FROM_SOURCE === '1') return { reason: 'NCG_CLI_FROM_SOURCE=1' };
  try {
    const manifest = JSON.parse(readFileSync(new URL('out/cli/lib/manifest.json', root), 'utf8'));
    for (const [file, built] of Object.entries(manifest.inputs)) {
      const now = statSync(new URL(file, root));
      if (now.size !== built.size || now.mtimeMs !== built.mtimeMs) return { reason: `${file} changed since the prebuild (npm run build:cli)` };
    }
    return { entry: new URL(manifest.entry, root) };
  } catch (error) {
    return { reason: error?.code === 'ENOENT' ? 'no prebuild (npm run build:cli)' : String(error) };
  }
}
