/** The import page's pure pieces for files beside the sheet: finding the sheet among picked files, and the mapping keys of file columns. */
import { describe, expect, it } from 'vitest';
import { sheetWithFiles, type PickedFile } from '../../../src/renderer/features/import/folder-files.ts';
import { targetField, targetFromKey, targetKey, targetOptions } from '../../../src/renderer/features/import/mapping-targets.ts';
import { indexSchemas } from '../../../src/shared/application/schema.ts';
import { seed } from './seed-context.ts';

const picked = (path: string): PickedFile => ({ path, file: new File([path], path.slice(path.lastIndexOf('/') + 1)) });

describe('sheetWithFiles', () => {
  it('reads the shallowest spreadsheet and keys the files under its folder by their relative path', () => {
    const found = sheetWithFiles([picked('batch/photos/a.jpg'), picked('batch/old/earlier.csv'), picked('batch/products.xlsx'), picked('batch/docs/ЕАЭС KZ.pdf'), picked('other.txt.jpg')]);
    expect(found?.sheet.name).toBe('products.xlsx');
    expect(found?.otherSheets).toBe(1);
    expect(found?.files.map((file) => file.path).sort()).toEqual(['docs/ЕАЭС KZ.pdf', 'old/earlier.csv', 'photos/a.jpg']);
  });

  it('takes dropped loose files by their names, and says when no spreadsheet is among them', () => {
    expect(sheetWithFiles([picked('front.jpg'), picked('list.csv')])?.files.map((file) => file.path)).toEqual(['front.jpg']);
    expect(sheetWithFiles([picked('front.jpg'), picked('cert.pdf')])).toBeUndefined();
  });
});

describe('file columns in the mapping step', () => {
  it('each photo angle and the documents have a key of their own that reads back', () => {
    const targets = [{ kind: 'photo', slot: 'front' }, { kind: 'photo', slot: 'back' }, { kind: 'documents' }] as const;
    expect(targets.map(targetKey)).toEqual(['photo_front', 'photo_back', 'document_files']);
    for (const target of targets) expect(targetFromKey(targetKey(target))).toEqual(target);
    expect(targets.map(targetField)).toEqual(['photo_front', 'photo_back', 'document_files']);
    const offered = targetOptions(indexSchemas({ base: seed.baseAttributes })).map((option) => option.value);
    expect(offered).toEqual(expect.arrayContaining(['photo_front', 'photo_bottom', 'document_files']));
  });
});
