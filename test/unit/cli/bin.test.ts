import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module of the bin (no declaration file)
import { prebuiltEntry as untypedPrebuiltEntry } from '../../../bin/prebuilt.mjs';
import type { CliIO } from '../../../src/cli/io.ts';

type Choice = { entry: URL; reason?: undefined } | { entry?: undefined; reason: string };
const prebuiltEntry = untypedPrebuiltEntry as (root: URL, env: Record<string, string | undefined>, command?: string) => Choice;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'ncg-bin-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', ...env } }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('the prebuilt command line', () => {
  it('bundles the sources into runnable modules with a manifest of every source file', { timeout: 120_000 }, async () => {
    const outdir = join(folder, 'lib');
    const build = await run(process.execPath, ['scripts/build-cli.mjs'], { NCG_CLI_OUTDIR: outdir });
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(/prebuilt in \d+ ms/u);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { entry: string; inputs: Record<string, { size: number; mtimeMs: number }>; commands: Record<string, string[] | undefined> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/args.ts', 'src/cli/commands/validate.ts', 'src/cli/commands/labels.ts']));
    expect(Object.keys(manifest.inputs).every((file) => !file.startsWith('node_modules/'))).toBe(true);
    // Each command lists the sources it may load: validate none of the label code (its messages aside).
    expect(manifest.commands.validate).toContain('src/cli/commands/validate.ts');
    expect(manifest.commands.validate).toContain('src/cli/main.ts');
    const labelCode = (file: string) => file.startsWith('src/shared/labels/') && !file.endsWith('/messages.ts');
    expect(manifest.commands.validate?.some(labelCode)).toBe(false);
    expect(manifest.commands.labels?.some(labelCode)).toBe(true);

    // The bundle's main runs a command without any TypeScript loader.
    const { main } = (await import(pathToFileURL(join(outdir, 'ncg.mjs')).href)) as { main: (argv: readonly string[], io: CliIO) => Promise<number> };
    const out: string[] = [];
    const code = await main(['validate', 'gtin', '4870123456789', '--lang', 'kk'], { stdout: (line) => out.push(line), stderr: () => undefined, isTTY: false });
    expect(code).toBe(0);
    expect(out).toEqual(['GTIN-13 4870123456789: дұрыс', '  GTIN-13: 4870123456789', '  GTIN-14: 04870123456789']);

    // `ncg validate` loads no package from node_modules: only its own chunks and Node's built-ins.
    const entrySource = readFileSync(join(outdir, 'ncg.mjs'), 'utf8');
    const validateChunk = /validate:[^"]*?import\("\.\/([^"]+)"\)/u.exec(entrySource)?.[1];
    expect(validateChunk).toBeDefined();
    const seen = new Set<string>();
    const externals = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(outdir, file), 'utf8');
      // Static imports and re-exports, minified or not: `import{a as b}from"./x.mjs"`, `import "x"`.
      for (const [, , specifier] of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"']+)\1/gmu)) {
        if (specifier === undefined) continue;
        if (specifier.startsWith('./')) visit(specifier.slice(2));
        else externals.add(specifier);
      }
    };
    visit(validateChunk ?? '');
    expect(seen.size).toBeGreaterThan(1);
    expect(externals.has('node:module')).toBe(true);
    expect([...externals].filter((name) => !name.startsWith('node:'))).toEqual([]);
  });

  it('is chosen while its sources are unchanged, and not once one changes or it is missing', () => {
    const fake = join(folder, 'package');
    mkdirSync(join(fake, 'out/cli/lib'), { recursive: true });
    mkdirSync(join(fake, 'src'), { recursive: true });
    const source = join(fake, 'src/a.ts');
    writeFileSync(source, 'export const a = 1;\n');
    const base = pathToFileURL(`${fake}/`);
    expect(prebuiltEntry(base, {}).reason).toBe('no prebuild (npm run build:cli)');

    const stamp = () => {
      const info = { size: readFileSync(source).length, mtimeMs: 1_700_000_000_000 };
      utimesSync(source, info.mtimeMs / 1000, info.mtimeMs / 1000);
      writeFileSync(join(fake, 'out/cli/lib/manifest.json'), JSON.stringify({ entry: 'out/cli/lib/ncg.mjs', inputs: { 'src/a.ts': info } }));
    };
    stamp();
    expect(prebuiltEntry(base, {}).entry?.href).toBe(new URL('out/cli/lib/ncg.mjs', base).href);
    expect(prebuiltEntry(base, { NCG_CLI_FROM_SOURCE: '1' }).reason).toBe('NCG_CLI_FROM_SOURCE=1');

    writeFileSync(source, 'export const a = 2;\n'); // same size, new time
    expect(prebuiltEntry(base, {}).reason).toBe('src/a.ts changed since the prebuild (npm run build:cli)');
    stamp();
    rmSync(source);
    expect(prebuiltEntry(base, {}).reason).toMatch(/ENOENT|no prebuild/u);

    // Per command: an edit elsewhere leaves a command on the bundle; its own sources (or unknown commands) do not.
    const other = join(fake, 'src/b.ts');
    writeFileSync(source, 'export const a = 1;\n');
    writeFileSync(other, 'export const b = 1;\n');
    const time = 1_700_000_000;
    utimesSync(source, time, time);
    utimesSync(other, time, time);
    const inputs = { 'src/a.ts': { size: readFileSync(source).length, mtimeMs: time * 1000 }, 'src/b.ts': { size: readFileSync(other).length, mtimeMs: time * 1000 } };
    writeFileSync(join(fake, 'out/cli/lib/manifest.json'), JSON.stringify({ entry: 'out/cli/lib/ncg.mjs', inputs, commands: { validate: ['src/a.ts'], labels: ['src/a.ts', 'src/b.ts'] } }));
    writeFileSync(other, 'export const b = 2;\n');
    expect(prebuiltEntry(base, {}, 'validate').entry).toBeDefined();
    expect(prebuiltEntry(base, {}, 'labels').reason).toBe('src/b.ts changed since the prebuild (npm run build:cli)');
    expect(prebuiltEntry(base, {}, 'no-such-command').reason).toBe('src/b.ts changed since the prebuild (npm run build:cli)');
    expect(prebuiltEntry(base, {}, undefined).reason).toBe('src/b.ts changed since the prebuild (npm run build:cli)');
  });

  it('bin/ncg.mjs runs from the sources when told to, and ends quietly when its reader goes away', { timeout: 120_000 }, async () => {
    const fromSource = await run(process.execPath, ['bin/ncg.mjs', 'validate', 'ntin', '0200253509538'], { NCG_CLI_FROM_SOURCE: '1', NCG_CLI_DEBUG: '1' });
    expect(fromSource.code).toBe(0);
    expect(fromSource.stderr).toBe('ncg: from source: NCG_CLI_FROM_SOURCE=1\n');
    expect(fromSource.stdout).toContain('NTIN 0200253509538: valid');

    // `true` exits at once, so every write of ncg meets a closed pipe (EPIPE).
    const piped = await run('/bin/bash', ['-c', `"${process.execPath}" bin/ncg.mjs --help | true; echo "status \${PIPESTATUS[0]}"`]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('status 0\n');
  });

  it('sits as deep below the package root as the command sources, so their file-relative paths still hold', async () => {
    const { readdirSync } = await import('node:fs');
    const commands = join(root, 'src/cli/commands');
    const bundled = pathToFileURL(join(root, 'out/cli/lib/chunk.mjs'));
    let checked = 0;
    for (const name of readdirSync(commands).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(join(commands, name), 'utf8');
      for (const [, relative] of source.matchAll(/new URL\('(\.\.\/[^']*)', import\.meta\.url\)/gu)) {
        if (relative === undefined) continue;
        expect(new URL(relative, bundled).href, `${name}: ${relative}`).toBe(new URL(relative, pathToFileURL(join(commands, name))).href);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0); // labels' fonts at least
  });
});
