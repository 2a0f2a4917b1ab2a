import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultColumns, headerSignature, suggestColumnMapping, targetHeader } from '../../../src/shared/application/import/columns.ts';
import { importSpreadsheet } from '../../../src/shared/application/import/import.ts';
import { indexSchemas } from '../../../src/shared/application/schema.ts';
import { dictionaries, foodLeaf, schemasFor, seed, source, today } from './seed-context.ts';

const index = indexSchemas(schemasFor(foodLeaf.code));

describe('headerSignature', () => {
  it('ignores case and surrounding spaces, not order or count', () => {
    const signature = headerSignature(['oktru', 'name_ru', 'GTIN']);
    expect(signature).toMatch(/^h1-3-[0-9a-f]{8}$/u);
    expect(headerSignature(['\uFEFFOKTRU ', ' Name_RU', 'gtin'])).toBe(signature);
    expect(headerSignature(['name_ru', 'oktru', 'gtin'])).not.toBe(signature);
    expect(headerSignature(['oktru', 'name_ru', 'gtin', ''])).not.toBe(signature);
  });
});

describe('the default layout', () => {
  it('is recognised without a mapping step, column by column', () => {
    const headers = defaultColumns(index).map((target) => targetHeader(target, index));
    expect(headers.slice(0, 6)).toEqual(['oktru', 'isGov', 'autoPublication', 'gtin', 'xtin', 'name_ru']);
    expect(headers).toContain('measure_unit');
    expect(headers).toContain('package_dimensions.width');
    expect(headers).not.toContain('ntin');
    const suggested = suggestColumnMapping(headers, index);
    expect(suggested.isDefaultLayout).toBe(true);
    expect(suggested.issues).toEqual([]);
    expect(suggested.mapping).toEqual(defaultColumns(index));
  });

  it('reports a column named twice and keeps the first', () => {
    const suggested = suggestColumnMapping(['name_ru', 'NAME_RU'], index);
    expect(suggested.mapping).toEqual([{ kind: 'attribute', code: 'name_ru' }, { kind: 'ignore' }]);
    expect(suggested.issues).toEqual([{ row: 1, column: 1, key: 'application.import.duplicateColumn', params: { header: 'NAME_RU' }, severity: 'warning' }]);
  });

  it('accepts the Kazakh label of an attribute', () => {
    expect(suggestColumnMapping(['Тауардың толық атауы (қаз)'], index).mapping).toEqual([{ kind: 'attribute', code: 'name_kk' }]);
  });
});

describe('docs/import-layout.md', () => {
  const doc = readFileSync(new URL('../../../docs/import-layout.md', import.meta.url), 'utf8');

  it('names every column of the default layout, for every category', () => {
    for (const leaf of seed.leaves.filter((candidate) => !candidate.isDeleted)) {
      const leafIndex = indexSchemas(schemasFor(leaf.code));
      for (const target of defaultColumns(leafIndex)) {
        const header = targetHeader(target, leafIndex);
        // Parts may be listed in the short form `package_dimensions.width`, `.height`, ….
        const named = doc.includes(`\`${header}\``) || (target.kind === 'part' && doc.includes(`\`.${target.part}\``));
        expect(named, header).toBe(true);
      }
    }
  });

  it('has an example that imports without a problem', async () => {
    const example = doc.split('```csv\n')[1]?.split('```')[0] ?? '';
    const result = await importSpreadsheet(new TextEncoder().encode(example), 'example.csv', { source, dictionaries, today });
    expect(result.isDefaultLayout).toBe(true);
    expect(result.counts.rows).toBe(1);
    expect(result.problems).toEqual([]);
  });
});
