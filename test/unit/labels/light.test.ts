import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Specifiers a module loads at run time: `import … from`, `export … from`, bare `import '…'`; type-only ones are erased. */
function runtimeSpecifiers(source: string): string[] {
  const out: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/gu;
  for (const match of source.matchAll(statement)) {
    if (match[5]) {
      out.push(match[5]);
      continue;
    }
    const [, , typeOnly, clause = '', specifier = ''] = match;
    if (typeOnly) continue;
    // `import { type A, type B } from` is erased too.
    const names = /^\{([^}]*)\}$/u.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '))) continue;
    out.push(specifier);
  }
  return out;
}

/** Every module reached at run time from `entry` (relative imports followed, packages listed). */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      // Source modules only (not `?url` assets or CSS); a worker started by URL is a bundle of its own.
      else if (/\.tsx?$/u.test(specifier)) visit(resolve(dirname(file), specifier));
    }
  };
  visit(resolve(root, entry));
  return { files, packages };
}

describe('the light label core (what the page thread imports)', () => {
  it('reaches neither fontkit nor pdf-lib nor the layout engine and renderers', () => {
    const { files, packages } = reach('src/shared/labels/light.ts');
    expect([...packages].filter((name) => /fontkit|pdf-lib/u.test(name))).toEqual([]);
    const heavy = ['font.ts', 'layout.ts', 'pdf.ts', 'zpl.ts', 'raster.ts'].map((name) => resolve(root, 'src/shared/labels', name));
    expect(heavy.filter((file) => files.has(file))).toEqual([]);
    // It does reach the parts it promises (the graph walk is not vacuous).
    expect(files.has(resolve(root, 'src/shared/labels/templates.ts'))).toBe(true);
    expect(files.has(resolve(root, 'src/shared/labels/queue.ts'))).toBe(true);
  });

  it('the full core does reach fontkit and pdf-lib (so the walk above can see them)', () => {
    const { packages } = reach('src/shared/labels/index.ts');
    expect([...packages].some((name) => name.includes('fontkit'))).toBe(true);
    expect([...packages].some((name) => name.includes('pdf-lib'))).toBe(true);
  });

  it('the labels page imports the core only through light.ts', () => {
    const { files } = reach('src/renderer/features/labels/LabelsPage.tsx');
    const core = [...files].filter((file) => file.includes('/src/shared/labels/'));
    expect(core.length).toBeGreaterThan(0);
    expect(core.filter((file) => /\/(font|layout|pdf|zpl|raster)\.ts$/u.test(file))).toEqual([]);
  });
});
