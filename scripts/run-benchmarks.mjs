// Runs every bench/*.bench.ts in its own Node process (so one's memory does not colour another's figures).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const only = process.argv[2];
const files = readdirSync(benchDir).filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only))).sort();
let failed = 0;
for (const file of files) {
  process.stderr.write(`# ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', `${benchDir}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
