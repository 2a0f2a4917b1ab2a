// Prebuilds the `ncg` command line (run by `npm install` / `npm ci` through the `prepare` script, and by
// `npm run build:cli`): the TypeScript under src/ bundled by esbuild into plain ES modules, so a start costs
// no compilation. Packages stay external (loaded from node_modules as they are). Each command is its own
// chunk, loaded only when that command runs.
//
// The output sits in out/cli/lib/, three levels below the package root like src/cli/commands/, so paths
// the commands resolve against `import.meta.url` (resources/fonts, dist/web) point at the same places.
// manifest.json records every source file of ours bundled, with its size and modification time: bin/ncg.mjs uses
// the bundle only while they all still match, and otherwise runs the sources through tsx.
//
// Never fails an install: without esbuild (or on any error) it says so and leaves bin/ncg.mjs on tsx.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// NCG_CLI_OUTDIR (tests) builds elsewhere; bin/ncg.mjs only ever looks at out/cli/lib/.
const outdir = process.env.NCG_CLI_OUTDIR ? `${process.env.NCG_CLI_OUTDIR.replace(/\/?$/u, '/')}` : fileURLToPath(new URL('../out/cli/lib/', import.meta.url));

/** Left to node_modules: the TypeScript loader and Electron, which the CLI never imports at run time. */
const externalPackages = ['tsx', 'electron', 'esbuild'];

try {
  const started = performance.now();
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { ncg: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages are bundled too: importing CommonJS packages (pdf-lib, fontkit) from ES modules costs Node a
    // lexer pass over each file at every start, more than the work of a one-sheet label job.
    external: externalPackages,
    banner: { js: "import { createRequire as __ncgCreateRequire } from 'node:module'; const require = __ncgCreateRequire(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = {};
  // Our sources only: packages change only through npm, which runs this build again (`prepare`).
  for (const file of Object.keys(result.metafile.inputs).filter((name) => !name.startsWith('node_modules/'))) {
    const info = statSync(`${root}${file}`);
    inputs[file] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  writeFileSync(`${outdir}manifest.json`, `${JSON.stringify({ entry: relative(root, `${outdir}ncg.mjs`), inputs }, null, 1)}\n`);
  process.stderr.write(`ncg: command line prebuilt in ${String(Math.round(performance.now() - started))} ms (${relative(root, outdir)})\n`);
} catch (error) {
  rmSync(outdir, { recursive: true, force: true });
  process.stderr.write(`ncg: the command line was not prebuilt (${error instanceof Error ? error.message : String(error)}); bin/ncg.mjs compiles it at each start instead.\n`);
}
