// Prebuilds the `ncg` command line (run by `npm install` / `npm ci` through the `prepare` script, and by
// `npm run build:cli`): the TypeScript under src/ bundled by esbuild into plain ES modules, so a start costs
// no compilation. Packages stay external (loaded from node_modules as they are). Each command is its own
// chunk, loaded only when that command runs.
//
// The output sits in out/cli/lib/, three levels below the package root like src/cli/commands/, so paths
// the commands resolve against `import.meta.url` (resources/fonts, dist/web) point at the same places.
// manifest.json records every source file of ours bundled, with its size and modification time, and which
// of them each command loads: bin/ncg.mjs uses the bundle only while the files of the command it runs all
// still match, and otherwise runs the sources through tsx.
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
  // Our sources only: packages change only through npm, which runs this build again (`prepare`).
  const ours = (file) => !file.startsWith('node_modules/');
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs).filter(ours)) {
    const info = statSync(`${root}${file}`);
    inputs[file] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  // Per command, the sources of the chunks it may load (its own, everything they import, the entry's), so
  // an edit to one command does not send the others back to compiling from source.
  const outputs = result.metafile.outputs;
  const closure = (start, followDynamic) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path) || !outputs[path]) return;
      seen.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' || followDynamic) visit(imported.path);
    };
    visit(start);
    return seen;
  };
  const entryOutput = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'src/cli/main.ts');
  const commands = {};
  for (const [path, output] of Object.entries(outputs)) {
    const command = /^src\/cli\/commands\/([\w-]+)\.ts$/u.exec(output.entryPoint ?? '')?.[1];
    if (!command || !entryOutput) continue;
    const files = new Set();
    // The entry's dynamic imports are the other commands; a command's own dynamic imports are part of it.
    for (const chunk of [...closure(path, true), ...closure(entryOutput, false)]) for (const file of Object.keys(outputs[chunk].inputs).filter(ours)) files.add(file);
    commands[command] = [...files].sort();
  }
  writeFileSync(`${outdir}manifest.json`, `${JSON.stringify({ entry: relative(root, `${outdir}ncg.mjs`), inputs, commands }, null, 1)}\n`);
  process.stderr.write(`ncg: command line prebuilt in ${String(Math.round(performance.now() - started))} ms (${relative(root, outdir)})\n`);
} catch (error) {
  rmSync(outdir, { recursive: true, force: true });
  process.stderr.write(`ncg: the command line was not prebuilt (${error instanceof Error ? error.message : String(error)}); bin/ncg.mjs compiles it at each start instead.\n`);
}
