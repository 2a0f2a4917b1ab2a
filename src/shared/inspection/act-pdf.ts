/**
 * The inspection act: an A4 PDF in Kazakh and Russian (every heading in both, names as the catalogue gives them
 * in both), with the organisation, the catalogue copy used, each product line, totals by verdict and the fine
 * estimate labelled as one. The font comes from outside (DejaVu Sans, which has the Kazakh letters) and is
 * embedded, so the act prints and reads the same everywhere. Pure: pdf-lib and fontkit only.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { createTranslator } from '../i18n/translate.ts';
import { isDefaultFineSource } from './fine-defaults.ts';
import type { FineEstimate } from './fines.ts';
import { fineMessage } from './fines.ts';
import { totalsByVerdict, type Inspection } from './session.ts';
import { verdictKey, verdictKinds } from './verdict.ts';

export interface ActFonts {
  regular: Uint8Array;
  bold?: Uint8Array;
}

/** A photo of a product line, for the annex (JPEG or PNG bytes). */
export interface ActPhoto {
  /** 0-based index of the line in `inspection.items`. */
  itemIndex: number;
  mimeType: string;
  bytes: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const BODY = 9;
const LINE = 12;

type Translate = ReturnType<typeof createTranslator>;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word longer than the column (a long code) is cut by characters.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function fineText(t: Translate, estimate: FineEstimate): string {
  const message = fineMessage(estimate);
  const params: Record<string, string | number> = { ...message.params };
  if (estimate.kind === 'no-rule') {
    params['category'] = t(`inspection.fine.category.${estimate.entityCategory}`);
    params['offence'] = t(`inspection.fine.offence.${estimate.offence}`);
  }
  return t(message.key, params);
}

export async function renderActPdf(inspection: Inspection, fonts: ActFonts, fine: FineEstimate, fineSource?: string, photos: readonly ActPhoto[] = []): Promise<Uint8Array> {
  const kk = createTranslator('kk');
  const ru = createTranslator('ru');
  const both = (key: string, params: Record<string, string | number> = {}) => `${kk(key, params)} / ${ru(key, params)}`;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = fonts.bold ? await doc.embedFont(fonts.bold, { subset: true }) : regular;
  doc.setTitle(`${ru('inspection.act.title')} — ${inspection.organisation.name}`);
  doc.setLanguage('kk-KZ');

  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPage = () => {
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) newPage();
  };
  const text = (value: string, options: { font?: PDFFont; size?: number; x?: number; maxWidth?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? BODY;
    const lines = wrap(value, font, size, options.maxWidth ?? width);
    for (const line of lines) {
      ensure(size + 3);
      page.drawText(line, { x: options.x ?? MARGIN, y: y - size, size, font });
      y -= size + 3;
    }
  };
  const gap = (points: number) => {
    y -= points;
  };

  text(kk('inspection.act.title'), { font: bold, size: 13 });
  text(ru('inspection.act.title'), { font: bold, size: 13 });
  gap(8);
  const org = inspection.organisation;
  const facts: [string, string][] = [
    ['inspection.act.organisation', org.name],
    ['inspection.act.idNumber', org.idNumber],
    ['inspection.act.address', org.address],
    ['inspection.act.category', `${kk(`inspection.fine.category.${org.category}`)} / ${ru(`inspection.fine.category.${org.category}`)}`],
    ['inspection.act.place', inspection.place],
    ['inspection.act.inspector', inspection.inspector],
    ['inspection.act.date', inspection.date],
  ];
  for (const [key, value] of facts) text(`${both(key)}: ${value || '—'}`);
  gap(4);
  const copyDate = inspection.copy.date ? inspection.copy.date.slice(0, 10) : '—';
  text(kk('inspection.act.copy', { date: copyDate, count: inspection.copy.count }));
  text(ru('inspection.act.copy', { date: copyDate, count: inspection.copy.count }));
  gap(8);

  // The table of products.
  text(both('inspection.act.items'), { font: bold, size: 11 });
  const columns = [
    { key: 'inspection.act.number', width: 24 },
    { key: 'inspection.act.code', width: 92 },
    { key: 'inspection.act.name', width: 235 },
    { key: 'inspection.act.verdict', width: 122 },
    { key: 'inspection.act.quantity', width: width - 24 - 92 - 235 - 122 },
  ];
  const drawRow = (cells: string[], font: PDFFont) => {
    const wrapped = cells.map((cell, index) => wrap(cell, font, BODY, (columns[index]?.width ?? 40) - 4));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * LINE + 4;
    if (y - height < MARGIN + 20) {
      newPage();
      if (font !== bold) drawHeader();
    }
    let x = MARGIN;
    wrapped.forEach((lines, index) => {
      lines.forEach((line, lineIndex) => page.drawText(line, { x: x + 2, y: y - BODY - lineIndex * LINE - 1, size: BODY, font }));
      x += columns[index]?.width ?? 0;
    });
    y -= height;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
  };
  const drawHeader = () => drawRow(columns.map((column) => `${kk(column.key)}\n${ru(column.key)}`), bold);
  drawHeader();
  inspection.items.forEach((item, index) => {
    const product =
      item.verdict === 'invalid' && item.problem
        ? `${kk(item.problem.key, item.problem.params ?? {})}\n${ru(item.problem.key, item.problem.params ?? {})}`
        : item.cards.map((card) => `${card.ntin}${card.deactivated ? ' (×)' : ''}\n${card.nameKk}\n${card.nameRu}`).join('\n') || '—';
    const note = item.note ? `\n${both('inspection.act.note')}: ${item.note}` : '';
    drawRow([String(index + 1), item.input, product + note, `${kk(verdictKey(item.verdict))}\n${ru(verdictKey(item.verdict))}`, String(item.quantity)], regular);
  });
  gap(10);

  text(both('inspection.act.totals'), { font: bold, size: 11 });
  const totals = totalsByVerdict(inspection.items);
  for (const kind of verdictKinds) {
    const total = totals[kind];
    if (total.lines === 0) continue;
    text(kk('inspection.act.totalLine', { verdict: kk(verdictKey(kind)), lines: total.lines, quantity: total.quantity }));
    text(ru('inspection.act.totalLine', { verdict: ru(verdictKey(kind)), lines: total.lines, quantity: total.quantity }));
  }
  gap(8);
  text(both('inspection.act.fine'), { font: bold, size: 11 });
  text(fineText(kk, fine));
  text(fineText(ru, fine));
  // The shipped defaults' note is ours, so it is printed in the act's languages; an office's own source line as written.
  if (isDefaultFineSource(fineSource)) {
    text(kk('inspection.fine.defaultSource'), { size: 7 });
    text(ru('inspection.fine.defaultSource'), { size: 7 });
  } else if (fineSource) text(fineSource, { size: 7 });
  gap(24);
  text(kk('inspection.act.signatures'));
  gap(6);
  text(ru('inspection.act.signatures'));

  if (photos.length > 0) {
    newPage();
    text(both('inspection.act.annex'), { font: bold, size: 12 });
    gap(6);
    const maxHeight = (A4.height - 2 * MARGIN - 80) / 2;
    for (const photo of photos) {
      const item = inspection.items[photo.itemIndex];
      const caption = `${kk('inspection.act.photoCaption', { number: photo.itemIndex + 1, code: item?.input ?? '' })} / ${ru('inspection.act.photoCaption', { number: photo.itemIndex + 1, code: item?.input ?? '' })}`;
      let image;
      try {
        image = photo.mimeType === 'image/png' ? await doc.embedPng(photo.bytes) : await doc.embedJpg(photo.bytes);
      } catch {
        text(`${caption}: ${both('inspection.act.photoUnreadable')}`);
        continue;
      }
      const scale = Math.min(width / image.width, maxHeight / image.height, 1);
      const size = { width: image.width * scale, height: image.height * scale };
      ensure(size.height + 2 * LINE + 8);
      text(caption);
      page.drawImage(image, { x: MARGIN, y: y - size.height, ...size });
      y -= size.height + 12;
    }
  }

  const pages = doc.getPages();
  pages.forEach((each, index) => {
    const footer = `${kk('inspection.act.page', { page: index + 1, pages: pages.length })} / ${ru('inspection.act.page', { page: index + 1, pages: pages.length })}`;
    each.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 7, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return doc.save();
}
