#!/usr/bin/env node
// The `ncg` command. It runs the prebuilt bundle (out/cli/lib/, made at install by scripts/build-cli.mjs)
// while every source file it was built from is unchanged; otherwise (a fresh edit, no prebuild) tsx
// compiles the TypeScript on the fly, as in development. NCG_CLI_FROM_SOURCE=1 forces the latter;
// NCG_CLI_DEBUG=1 says on stderr which one runs, and why.
import { prebuiltEntry } from './prebuilt.mjs';

// A reader that went away (`ncg … | head -1`) ends the command quietly, as with any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { entry, reason } = prebuiltEntry(new URL('../', import.meta.url), process.env, process.argv[2]);
if (process.env.NCG_CLI_DEBUG === '1') process.stderr.write(`ncg: ${entry ? `prebuilt ${entry.pathname}` : `from source: ${reason}`}\n`);
let main;
if (entry) {
  ({ main } = await import(entry.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
