// Which `ncg` to run: the prebuilt bundle (out/cli/lib/, made by scripts/build-cli.mjs) while every source
// file the command was built from is unchanged, else the TypeScript sources (through tsx).
import { readFileSync, statSync } from 'node:fs';

/**
 * The prebuilt entry under `root` (a file: URL ending in "/") when the sources of `command` (all sources
 * when it is not a command the bundle knows) match the manifest, else the reason it cannot be used.
 * NCG_CLI_FROM_SOURCE=1 in `env` always chooses the sources.
 * @param {URL} root
 * @param {Record<string, string | undefined>} env
 * @param {string | undefined} command
 * @returns {{ entry: URL, reason?: undefined } | { entry?: undefined, reason: string }}
 */
export function prebuiltEntry(root, env, command) {
  if (env.NCG_CLI_FROM_SOURCE === '1') return { reason: 'NCG_CLI_FROM_SOURCE=1' };
  try {
    const manifest = JSON.parse(readFileSync(new URL('out/cli/lib/manifest.json', root), 'utf8'));
    const files = command !== undefined && Object.hasOwn(manifest.commands ?? {}, command) ? manifest.commands[command] : Object.keys(manifest.inputs);
    for (const file of files) {
      const built = manifest.inputs[file];
      const now = statSync(new URL(file, root));
      if (now.size !== built.size || now.mtimeMs !== built.mtimeMs) return { reason: `${file} changed since the prebuild (npm run build:cli)` };
    }
    return { entry: new URL(manifest.entry, root) };
  } catch (error) {
    return { reason: error?.code === 'ENOENT' ? 'no prebuild (npm run build:cli)' : String(error) };
  }
}
