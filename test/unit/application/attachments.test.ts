import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  cellPaths,
  checkAttachments,
  contentKind,
  fileProblem,
  normaliseAttachmentPath,
  pendingFilePath,
  probeBytes,
  sheetAmong,
  type FileProbe,
} from '../../../src/shared/application/import/attachments.ts';
import { suggestColumnMapping } from '../../../src/shared/application/import/columns.ts';
import { importSpreadsheet } from '../../../src/shared/application/import/import.ts';
import { indexSchemas } from '../../../src/shared/application/schema.ts';
import { createTranslator } from '../../../src/shared/i18n/translate.ts';
import { utf8 } from './bytes.ts';
import { clothingLeaf, dictionaries, foodLeaf, gtin, schemasFor, source, today, validBin } from './seed-context.ts';

const fixtures = new URL('../../fixtures/import-files/', import.meta.url);
const jpeg = new Uint8Array(readFileSync(new URL('photos/milk-front.jpg', fixtures)));

const png = new Uint8Array(readFileSync(new URL('photos/milk-back.png', fixtures)));
const pngBytes = () => png;

async function pdfBytes(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  return document.save();
}

describe('attachment paths', () => {
  it('reads paths relative to the sheet: Windows separators, ./ and folded a/../b', () => {
    expect(normaliseAttachmentPath('photos/front.jpg')).toEqual({ ok: true, path: 'photos/front.jpg' });
    expect(normaliseAttachmentPath(' photos\\Сүт\\front.JPG ')).toEqual({ ok: true, path: 'photos/Сүт/front.JPG' });
    expect(normaliseAttachmentPath('./a/../b//c.png')).toEqual({ ok: true, path: 'b/c.png' });
  });

  it('refuses absolute paths, URLs, drive letters, UNC, home and climbing out of the folder', () => {
    for (const text of ['/etc/passwd', 'C:\\photos\\a.jpg', 'c:a.jpg', '\\\\server\\share\\a.jpg', '~/a.jpg', 'file:///tmp/a.jpg', 'https://example.kz/a.jpg']) {
      expect(normaliseAttachmentPath(text), text).toEqual({ ok: false, key: 'application.import.files.absolutePath' });
    }
    for (const text of ['../a.jpg', 'photos/../../a.jpg', '..\\..\\secret.pdf']) {
      expect(normaliseAttachmentPath(text), text).toEqual({ ok: false, key: 'application.import.files.outsideFolder' });
    }
    expect(normaliseAttachmentPath('a\u0000.jpg')).toEqual({ ok: false, key: 'application.import.files.unsafePath' });
    expect(normaliseAttachmentPath(' ./ ')).toEqual({ ok: false, key: 'application.import.files.emptyPath' });
  });

  it('splits documents on |, each file once; a photo cell is one path even with a |', () => {
    expect(cellPaths('documents', 'a.pdf | docs/b.pdf||./a.pdf')).toEqual([
      { ok: true, path: 'a.pdf' },
      { ok: true, path: 'docs/b.pdf' },
    ]);
    expect(cellPaths('photo', 'a|b.jpg')).toEqual([{ ok: true, path: 'a|b.jpg' }]);
  });
});

describe('file contents by magic bytes', () => {
  it('tells JPEG, PNG and PDF from files that only carry their names', async () => {
    expect(contentKind(jpeg)).toBe('jpeg');
    expect(contentKind(pngBytes())).toBe('png');
    expect(contentKind(await pdfBytes())).toBe('pdf');
    expect(contentKind(utf8('GIF89a....'))).toBe('gif');
    expect(contentKind(new Uint8Array([0, 0, 0, 24, ...utf8('ftypheic'), 0, 0, 0, 0, ...utf8('mif1heic')]))).toBe('heic');
    expect(contentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('zip');
    expect(contentKind(new Uint8Array())).toBe('empty');
  });

  const photo = { field: 'photo_front', kind: 'photo', slot: 'front', path: 'p.jpg' } as const;
  const pdf = { field: 'document_files', kind: 'document', path: 'd.pdf' } as const;
  const big = (head: Uint8Array, size: number): FileProbe => ({ size, head, tail: utf8('%%EOF\n') });

  it('a photo must be JPEG or PNG; over 5 MB it is re-encoded in the app and refused on the command line', async () => {
    expect(fileProblem(photo, probeBytes(jpeg), { reencodesPhotos: false })).toBeUndefined();
    expect(fileProblem(photo, probeBytes(await pdfBytes()), { reencodesPhotos: true })).toEqual({ key: 'application.import.files.notPhoto', params: { path: 'p.jpg', format: 'PDF' } });
    expect(fileProblem(photo, big(jpeg, 6 * 1048576), { reencodesPhotos: true })).toBeUndefined();
    expect(fileProblem(photo, big(jpeg, 6 * 1048576), { reencodesPhotos: false })?.key).toBe('application.import.files.photoNeedsReencoding');
    expect(fileProblem(photo, big(jpeg, 60 * 1048576), { reencodesPhotos: true })?.key).toBe('application.import.files.tooLarge');
    expect(fileProblem(photo, undefined, { reencodesPhotos: true })).toEqual({ key: 'application.import.files.missing', params: { path: 'p.jpg' } });
    expect(fileProblem(photo, probeBytes(new Uint8Array()), { reencodesPhotos: true })?.key).toBe('application.import.files.empty');
  });

  it('a document must be a whole PDF of at most 5 MB', async () => {
    const whole = await pdfBytes();
    expect(fileProblem(pdf, probeBytes(whole), { reencodesPhotos: true })).toBeUndefined();
    expect(fileProblem(pdf, probeBytes(whole.subarray(0, whole.length - 40)), { reencodesPhotos: true })?.key).toBe('application.import.files.pdfTruncated');
    expect(fileProblem(pdf, probeBytes(jpeg), { reencodesPhotos: true })).toEqual({ key: 'application.import.files.notPdf', params: { path: 'd.pdf', format: 'JPEG' } });
    expect(fileProblem(pdf, big(utf8('%PDF-1.7\n'), 5 * 1048576 + 1), { reencodesPhotos: true })?.key).toBe('application.import.files.tooLarge');
  });
});

describe('photo and document columns in the import', () => {
  const header = ['oktru', 'isGov', 'name_ru', 'name_kk', 'short_name_ru', 'brand', 'gtin', 'tnved', 'country', 'measure_unit', 'quantity', 'a4282e5d', 'producer_identifier', 'Photo_Front', 'photo_back', 'document_files'];
  const line = (index: number, files: string[], leaf = foodLeaf, isGov = 'false') =>
    [leaf.code, isGov, `Товар №${String(index)}`, `Тауар Әә №${String(index)}`, 'Товар', 'Бренд', gtin(`48700${String(index).padStart(7, '0')}`), leaf.tnvedCodes[0] ?? '', 'KZ', '796', '1', 'ТОО «Өнім»', validBin, ...files].join(';');

  it('maps the columns by their codes in the default layout', () => {
    const suggested = suggestColumnMapping(header, indexSchemas(schemasFor(foodLeaf.code)));
    expect(suggested.isDefaultLayout).toBe(true);
    expect(suggested.mapping.slice(-3)).toEqual([{ kind: 'photo', slot: 'front' }, { kind: 'photo', slot: 'back' }, { kind: 'documents' }]);
  });

  it('holds the files as pending references, so an extended card with FRONT and BACK is not asked for them; a bad path is a row problem with its column', async () => {
    const text = [header.join(';'), line(1, ['photos/a.jpg', 'photos\\b.png', 'd/1.pdf|d/2.pdf'], clothingLeaf, 'true'), line(2, ['../a.jpg', '', ''], clothingLeaf, 'true')].join('\n');
    const result = await importSpreadsheet(utf8(text), 'files.csv', { source, dictionaries, today });
    const [first, second] = result.rows;
    expect(first?.attachments.map((file) => `${file.field} ${file.path}`)).toEqual(['photo_front photos/a.jpg', 'photo_back photos/b.png', 'document_files d/1.pdf', 'document_files d/2.pdf']);
    expect(pendingFilePath(first?.draft.photos.back?.blobId)).toBe('photos/b.png');
    expect(first?.draft.documents.map((ref) => pendingFilePath(ref.documentId))).toEqual(['d/1.pdf', 'd/2.pdf']);
    expect(first?.problems.filter((problem) => problem.group === 'photos')).toEqual([]);
    const keys = second?.problems.map((problem) => `${problem.field} ${problem.key}`) ?? [];
    expect(keys).toContain('photo_front application.import.files.outsideFolder');
    expect(keys).toContain('photos.front application.photo.required');
    expect(keys).toContain('photos.back application.photo.required');
  });

  it('checkAttachments reads each path once and reports missing and wrong files on their rows', async () => {
    const text = [header.join(';'), line(1, ['a.jpg', 'b.png', 'd.pdf|fake.pdf']), line(2, ['gone.jpg', 'b.png', 'd.pdf'])].join('\n');
    const result = await importSpreadsheet(utf8(text), 'files.csv', { source, dictionaries, today });
    const files = new Map<string, Uint8Array>([['a.jpg', jpeg], ['b.png', pngBytes()], ['d.pdf', await pdfBytes()], ['fake.pdf', jpeg]]);
    const asked: string[] = [];
    const passed = await checkAttachments(result.rows, (path) => {
      asked.push(path);
      const bytes = files.get(path);
      return Promise.resolve(bytes ? probeBytes(bytes) : undefined);
    }, { reencodesPhotos: false });
    expect(asked.sort()).toEqual(['a.jpg', 'b.png', 'd.pdf', 'fake.pdf', 'gone.jpg']);
    expect([...passed.keys()].sort()).toEqual(['document:d.pdf', 'photo:a.jpg', 'photo:b.png']);
    const problems = result.rows.flatMap((row) => row.problems.filter((problem) => problem.key.startsWith('application.import.files.')).map((problem) => `${String(problem.row)} ${problem.field} ${problem.key}`));
    expect(problems).toEqual(['2 document_files application.import.files.notPdf', '3 photo_front application.import.files.missing']);
  });

  it('every file message exists in Kazakh, Russian and English and names the file', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const t = createTranslator(locale);
      const text = t('application.import.files.missing', { path: 'photos/Сүт.jpg' });
      expect(text).toContain('photos/Сүт.jpg');
      expect(text).not.toContain('application.import');
    }
  });
});

describe('the sheet among chosen files (a folder picked or dropped in the app)', () => {
  const chosen = (path: string) => ({ path, file: { name: path.slice(path.lastIndexOf('/') + 1) } });

  it('reads the shallowest spreadsheet and keys the files under its folder by their relative path', () => {
    const found = sheetAmong([chosen('batch/photos/a.jpg'), chosen('batch/old/earlier.csv'), chosen('batch/products.xlsx'), chosen('batch/docs/ЕАЭС KZ.pdf'), chosen('elsewhere/b.jpg')].map((entry, index) => (index === 4 ? { ...entry, path: 'b.jpg' } : entry)));
    expect(found?.sheet.name).toBe('products.xlsx');
    expect(found?.otherSheets).toBe(1);
    expect(found?.files.map((file) => file.path).sort()).toEqual(['docs/ЕАЭС KZ.pdf', 'old/earlier.csv', 'photos/a.jpg']);
  });

  it('takes dropped loose files by their names, and finds nothing without a spreadsheet', () => {
    expect(sheetAmong([chosen('front.jpg'), chosen('list.csv')])?.files.map((file) => file.path)).toEqual(['front.jpg']);
    expect(sheetAmong([chosen('front.jpg'), chosen('cert.pdf')])).toBeUndefined();
  });
});
