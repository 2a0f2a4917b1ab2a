/** The act PDF read back by poppler's pdftotext: Kazakh and Russian text, every line, totals, the fine estimate. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderActPdf } from '../../../src/shared/inspection/act-pdf.ts';
import { defaultFineTables } from '../../../src/shared/inspection/fine-defaults.ts';
import { estimateFine } from '../../../src/shared/inspection/fines.ts';
import { violationCount, type Inspection, type InspectionItem } from '../../../src/shared/inspection/session.ts';

let dir: string;
let fonts: { regular: Uint8Array; bold: Uint8Array };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ncg-act-'));
  fonts = {
    regular: new Uint8Array(await readFile(new URL('../../../resources/fonts/DejaVuSans.ttf', import.meta.url))),
    bold: new Uint8Array(await readFile(new URL('../../../resources/fonts/DejaVuSans-Bold.ttf', import.meta.url))),
  };
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function item(verdict: InspectionItem['verdict'], input: string, quantity: number, name?: [string, string]): InspectionItem {
  return {
    id: crypto.randomUUID(),
    scannedAt: '2026-11-20T09:00:00.000Z',
    input,
    gtin14: verdict === 'invalid' ? '' : input.padStart(14, '0'),
    verdict,
    cards: name ? [{ ntin: '0200000000017', nameKk: name[0], nameRu: name[1], unit: 'шт', deactivated: verdict === 'deactivated' }] : [],
    ...(verdict === 'invalid' ? { problem: { key: 'inspection.code.badCheckDigit', params: { expected: 7, actual: 1 } } } : {}),
    quantity,
    note: verdict === 'not-found' ? 'Сөреде, бағасы бар' : '',
  };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${crypto.randomUUID()}.pdf`);
  await writeFile(path, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describe('act PDF', () => {
  it('carries the organisation, every line, totals and the fine estimate in Kazakh and Russian', async () => {
    const items = [
      item('registered', '0200000000017', 3, ['Сүт «Әсел» 1 л', 'Молоко «Асель» 1 л']),
      item('not-found', '4600000000013', 2),
      item('not-found', '4870000000011', 5),
      item('deactivated', '0200000000024', 1, ['Нан Қазақ', 'Хлеб казахский']),
      item('invalid', '4870000001231', 1),
    ];
    const inspection: Inspection = {
      id: 'x',
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
      status: 'closed',
      organisation: { idNumber: '000740000728', name: 'ТОО «Ұлы Дала Сауда»', address: 'Алматы, Абай даңғылы 1', category: 'medium' },
      offence: 'repeat',
      place: 'Дүкен №3',
      inspector: 'Әлиев Ғ. Қ.',
      date: '2026-11-20',
      copy: { date: '2026-11-19T06:00:00.000Z', count: 1_000_000 },
      items,
    };
    const fine = estimateFine(defaultFineTables, { entityCategory: 'medium', offence: 'repeat', date: inspection.date, violations: violationCount(items) });
    const bytes = await renderActPdf(inspection, fonts, fine, defaultFineTables.source);
    const text = (await pdfText(bytes)).replace(/\s+/gu, ' ');
    expect(text).toContain('Ұлттық тауарлар каталогындағы тауар кодтарының болуын тексеру актісі');
    expect(text).toContain('Акт проверки наличия кодов товаров');
    for (const expected of ['ТОО «Ұлы Дала Сауда»', '000740000728', 'Әлиев Ғ. Қ.', 'Сүт «Әсел» 1 л', 'Молоко «Асель» 1 л', 'Нан Қазақ', 'Сөреде, бағасы бар', '4600000000013', '1000000 карточек']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toContain('Нет в каталоге (нарушение): позиций 2, количество 7');
    expect(text).toContain('Каталогта жоқ (бұзушылық): 2 позиция, саны 7');
    expect(text).toContain('Зарегистрирован: позиций 1, количество 3');
    expect(text).toContain('последней должна быть 7');
    // 30 MCI for a medium business's repeat offence in the default data, × 4,325 KZT (2026)
    expect(text).toContain(`Оценка штрафа: ${30 * 4325} тг`);
    expect(text).toContain('Это оценка, а не решение');
    expect(text).toContain('Бұл шешім емес, бағалау');
    // The defaults' "unconfirmed" note in the act's own languages, not in English.
    expect(text).toContain('Это неподтверждённые значения по умолчанию');
    expect(text).toContain('Бұл расталмаған әдепкі мәндер');
    expect(text).not.toContain(defaultFineTables.source);
    expect(text).toContain('Страница 1 из 1');
  });

  it('runs onto further pages with the header repeated when there are many lines', async () => {
    const items = Array.from({ length: 120 }, (_, index) => item('registered', `02000000${String(index).padStart(4, '0')}0`, 1, [`Тауар ${index} Ңң`, `Товар ${index}`]));
    const inspection: Inspection = {
      id: 'y', createdAt: '', updatedAt: '', status: 'open', organisation: { idNumber: '', name: 'Ү', address: '', category: 'small' }, offence: 'first', place: '', inspector: '', date: '2026-11-20', copy: { date: undefined, count: 0 }, items,
    };
    const text = await pdfText(await renderActPdf(inspection, fonts, { kind: 'none' }));
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    for (const pageText of pages.slice(1, -1)) expect(pageText).toContain('Результат');
    expect(text).toContain('Тауар 119 Ңң');
    expect(text).toContain('Нарушений нет: штрафа нет.');
  });
});

describe('XLSX export', () => {
  it('keeps codes as text and names in both languages', async () => {
    const { inspectionWorkbook } = await import('../../../src/shared/inspection/xlsx.ts');
    const ExcelJS = (await import('exceljs')).default;
    const inspection: Inspection = {
      id: 'z', createdAt: '', updatedAt: '', status: 'open', organisation: { idNumber: '000740000728', name: 'ТОО Ақ', address: '', category: 'small' }, offence: 'first', place: 'Дүкен', inspector: 'Ғ', date: '2026-11-20', copy: { date: undefined, count: 5 },
      items: [item('registered', '0200000000017', 4, ['Сүт Әсел', 'Молоко Асель']), item('not-found', '04600000000013', 1)],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await inspectionWorkbook(inspection, 'ru')).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe('0200000000017');
    expect(sheet.getRow(2).getCell(4).value).toBe('Сүт Әсел');
    expect(sheet.getRow(2).getCell(6).value).toBe('Зарегистрирован');
    expect(sheet.getRow(3).getCell(2).value).toBe('04600000000013');
    expect(sheet.getRow(3).getCell(8).value).toBe('Сөреде, бағасы бар');
    expect(workbook.worksheets[1]!.getRow(1).getCell(2).value).toBe('ТОО Ақ');
  });
});

describe('act annex', () => {
  it('adds the lines’ photos on annex pages, and names a photo it cannot read', async () => {
    const inspection: Inspection = {
      id: 'p', createdAt: '', updatedAt: '', status: 'open', organisation: { idNumber: '', name: 'Ә', address: '', category: 'small' }, offence: 'first', place: '', inspector: '', date: '2026-11-20', copy: { date: undefined, count: 0 },
      items: [item('registered', '0200000000017', 1, ['Сүт', 'Молоко']), item('not-found', '4600000000013', 1)],
    };
    // A real PNG: the first page of an act, rasterised by poppler.
    const first = await renderActPdf(inspection, fonts, { kind: 'none' });
    const pdfPath = join(dir, 'for-photo.pdf');
    await writeFile(pdfPath, first);
    execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', pdfPath, join(dir, 'photo')]);
    const png = new Uint8Array(await readFile(join(dir, 'photo.png')));
    const bytes = await renderActPdf(inspection, fonts, { kind: 'none' }, undefined, [
      { itemIndex: 1, mimeType: 'image/png', bytes: png },
      { itemIndex: 0, mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 1, 2, 3]) },
    ]);
    const text = (await pdfText(bytes)).replace(/\s+/gu, ' ');
    expect(text).toContain('Қосымша: фотосуреттер / Приложение: фотографии');
    expect(text).toContain('Позиция 2, код 4600000000013');
    expect(text).toContain('Позиция 1, код 0200000000017: Фото оқылмайды. / Фото не читается.');
    const path = join(dir, 'annex.pdf');
    await writeFile(path, bytes);
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
  });
});
