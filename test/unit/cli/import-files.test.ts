/**
 * The photo and document columns on the command line: `ncg import --check` reads the files next to the
 * spreadsheet and reports each missing or bad one on its row and column; `ncg send` uploads them with the
 * row (checked in the sandbox's own record of the request).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { clientFor, sandboxFor, sandboxRequests } from '../sync/harness.ts';
import { foodLeaf, gtin, validBin } from '../application/seed-context.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const products = join(fixtures, 'import-files', 'products.csv');
const folder = mkdtempSync(join(tmpdir(), 'ncg-import-files-'));
const outside = mkdtempSync(join(tmpdir(), 'ncg-outside-'));
const jpeg = readFileSync(join(fixtures, 'import-files', 'photos', 'milk-front.jpg'));
const png = readFileSync(join(fixtures, 'import-files', 'photos', 'milk-back.png'));
const tnved = foodLeaf.tnvedCodes[0] ?? '';
const header = 'oktru;name_ru;name_kk;short_name_ru;gtin;tnved;country;measure_unit;quantity;a4282e5d;producer_identifier;photo_front;photo_back;document_files';
const line = (prefix: string, n: number, files: string) =>
  `${foodLeaf.code};${prefix} Сүт №${String(n)};${prefix} Сүт Әлемі №${String(n)};Молоко;${gtin(`4870777${String(n).padStart(5, '0')}`)};${tnved};KZ;112;1;ТОО «Сүт»;${validBin};${files}`;

function put(path: string, content: string | Uint8Array): string {
  const full = join(folder, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), isTTY: false };
  return { io, out, err };
}

async function onePagePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  return document.save();
}

beforeEach(() => vi.stubEnv('LANG', 'C.UTF-8'));
afterEach(() => vi.unstubAllEnvs());
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('ncg import --check with photo and document columns', () => {
  it('reads the files relative to the sheet: the fixture’s one missing photo is its only problem, on its row and column', async () => {
    const { io, out, err } = capture();
    expect(await main(['import', products, '--check'], io)).toBe(1);
    expect(out).toEqual(['row 3: photo_front: No file photos/kefir-front.jpg next to the spreadsheet. In the app, choose the folder with the spreadsheet and its files, or drop them together.']);
    expect(err).toEqual(['Rows checked: 2; errors: 1, warnings: 0.']);
  });

  it('passes a sheet whose files are all there, JPEG, PNG and PDF, from another working directory', async () => {
    put('good/photos/front.jpg', jpeg);
    put('good/photos/back.png', png);
    put('good/docs/Декларация ЕАЭС KZ 01.pdf', await onePagePdf());
    const sheet = put('good/sheet.csv', `${header}\n${line('OK', 1, 'photos/front.jpg;photos\\back.png;docs/Декларация ЕАЭС KZ 01.pdf')}\n`);
    const { io, out } = capture();
    expect(await main(['import', sheet, '--check'], io)).toBe(0);
    expect(out).toEqual([]);
  });

  it('reports every kind of bad file with its column, in the user’s language', async () => {
    const pdf = await onePagePdf();
    put('bad/heic.jpg', new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]));
    put('bad/renamed.pdf', jpeg);
    put('bad/cut.pdf', pdf.subarray(0, pdf.length - 30));
    put('bad/big.jpg', Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]));
    put('bad/front.jpg', jpeg);
    copyFileSync(join(fixtures, 'attachments', 'encrypted-owner-only.pdf'), join(folder, 'bad', 'locked.pdf'));
    writeFileSync(join(outside, 'secret.jpg'), jpeg);
    symlinkSync(join(outside, 'secret.jpg'), join(folder, 'bad', 'link.jpg'));
    const rows = [
      line('B', 1, 'heic.jpg;front.jpg;renamed.pdf'),
      line('B', 2, 'big.jpg;/etc/passwd;cut.pdf|locked.pdf'),
      line('B', 3, 'link.jpg;../secret.jpg;front.jpg'),
    ];
    const sheet = put('bad/sheet.csv', `${header}\n${rows.join('\n')}\n`);
    const { io, out } = capture();
    expect(await main(['import', sheet, '--check'], io)).toBe(1);
    const where = out.map((text) => text.slice(0, text.indexOf(':', text.indexOf(':') + 1)));
    expect(where).toEqual([
      'row 2: photo_front',
      'row 2: document_files',
      'row 3: photo_back',
      'row 3: photo_front',
      'row 3: document_files',
      'row 3: document_files',
      'row 4: photo_back',
      'row 4: photo_front',
      'row 4: document_files',
    ]);
    expect(out[0]).toContain('heic.jpg is HEIC, not a JPEG or PNG photo');
    expect(out[1]).toContain('renamed.pdf is JPEG, not a PDF');
    expect(out[2]).toContain('“/etc/passwd” is absolute');
    expect(out[3]).toContain('big.jpg is 5.0 MB'.replace('5.0', (Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]).length / 1048576).toFixed(1)));
    expect(out[4]).toContain('The PDF cut.pdf is cut off');
    expect(out[5]).toContain('The PDF locked.pdf is encrypted');
    expect(out[6]).toContain('leads out of the spreadsheet’s folder');
    // A link that points out of the folder is not read: it is as good as missing.
    expect(out[7]).toContain('No file link.jpg');
    expect(out[8]).toContain('front.jpg is JPEG, not a PDF');

    const ru = capture();
    await main(['import', sheet, '--check', '--lang', 'ru'], ru.io);
    expect(ru.out[7]).toContain('Рядом с таблицей нет файла link.jpg');
    const kk = capture();
    await main(['import', sheet, '--check', '--lang', 'kk'], kk.io);
    expect(kk.out[7]).toContain('Кестенің жанында link.jpg файлы жоқ');
  });
});

describe('ncg send with photo and document columns', () => {
  const apiKey = 'files-test-key-3Z';
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await sandboxFor({ apiKey, moderation: 'instant' });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('refuses a sheet with a missing file and sends nothing', async () => {
    const sheet = put('send-bad/sheet.csv', `${header}\n${line('FILESBAD', 1, 'nothing.jpg;;')}\n`);
    const { io, out } = capture();
    expect(await main(['send', sheet, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], io)).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^row 2: photo_front: No file nothing\.jpg/u)]);
    expect(await sandboxRequests(sandbox, 'FILESBAD')).toHaveLength(0);
  });

  it('uploads each row’s photos and PDFs with it: the catalogue’s request holds them', async () => {
    put('send/p/front.jpg', jpeg);
    put('send/p/back.png', png);
    put('send/d/one.pdf', await onePagePdf());
    put('send/d/two.pdf', await onePagePdf());
    const sheet = put('send/sheet.csv', `${header}\n${line('FILESOK', 1, 'p/front.jpg;p/back.png;d/one.pdf|d/two.pdf')}\n${line('FILESOK', 2, 'p/front.jpg;;')}\n`);
    const { io, out, err } = capture();
    expect(await main(['send', sheet, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], io), err.join('\n')).toBe(0);
    expect(out).toHaveLength(2);
    const requests = await sandboxRequests(sandbox, 'FILESOK');
    expect(requests).toHaveLength(2);
    const client = clientFor(sandbox);
    const details = await Promise.all(requests.map((request) => client.getDetails(request.id)));
    const byName = new Map(details.map((detail, index) => [requests[index]?.productData.nameRu ?? '', detail]));
    const first = byName.get('FILESOK Сүт №1');
    const second = byName.get('FILESOK Сүт №2');
    expect(first?.documents.documents).toHaveLength(2);
    expect(JSON.stringify(first?.imageData)).toMatch(/front/iu);
    expect(JSON.stringify(first?.imageData)).toMatch(/back/iu);
    expect(second?.documents.documents).toHaveLength(0);
    expect(JSON.stringify(second?.imageData)).toMatch(/front/iu);
    expect(JSON.stringify(second?.imageData)).not.toMatch(/back/iu);

    // Run again on the same journal: the files are the same job content, so nothing is created or sent twice.
    const again = capture();
    expect(await main(['send', sheet, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], again.io)).toBe(0);
    expect(again.out.map((text) => text.split(' ').slice(0, 3).join(' '))).toEqual(out.map((text) => text.split(' ').slice(0, 3).join(' ')));
    expect(await sandboxRequests(sandbox, 'FILESOK')).toHaveLength(2);
    // The journal names the files by where they are; the key is never written.
    const journal = readFileSync(`${sheet}.ncg-journal`, 'utf8');
    expect(journal).toContain(join(folder, 'send', 'p', 'front.jpg'));
    expect(journal).not.toContain(apiKey);
  });
});
