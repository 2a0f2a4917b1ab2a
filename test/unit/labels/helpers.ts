import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit } from '../../../src/shared/codes/index.ts';
import { checkLabelItem, createFontMetrics, type LabelFonts, type LabelItem, type LabelProductInput } from '../../../src/shared/labels/index.ts';

const fontDir = new URL('../../../resources/fonts/', import.meta.url);
export const fonts: LabelFonts = {
  regular: new Uint8Array(readFileSync(new URL('DejaVuSans.ttf', fontDir))),
  bold: new Uint8Array(readFileSync(new URL('DejaVuSans-Bold.ttf', fontDir))),
};
export const metrics = createFontMetrics(fonts);

/** The Kazakh letters that Russian lacks, upper and lower case. */
export const kazakhLetters = 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі';

/** A valid NTIN: 0200 + 8-digit serial + GS1 check digit. */
export function ntin(serial: number): string {
  const body = `0200${String(serial % 100_000_000).padStart(8, '0')}`;
  return `${body}${String(gs1CheckDigit(body))}`;
}

/** A valid GTIN-13 with the Kazakh prefix 487. */
export function gtin13(serial: number): string {
  const body = `487${String(serial % 1_000_000_000).padStart(9, '0')}`;
  return `${body}${String(gs1CheckDigit(body))}`;
}

export function product(code: string, overrides: Partial<LabelProductInput> = {}): LabelProductInput {
  return {
    code,
    nameKk: 'Қымыз «Әсел» ӘҒҚҢӨҰҮҺІ',
    nameRu: 'Кумыс «Асель» кобылий',
    quantity: '0,5',
    unit: 'л',
    producer: 'ТОО «Қазақ Сүт»',
    country: 'Қазақстан',
    copies: 1,
    ...overrides,
  };
}

export function item(input: LabelProductInput): LabelItem {
  const check = checkLabelItem(input, { metrics });
  if (!check.ok) throw new Error(`bad test product: ${JSON.stringify(check.problems)}`);
  return check.item;
}

/** Distinct products with NTINs and GTINs mixed (zbar reports each distinct symbol once per image). */
export function distinctItems(count: number, seed = 1000): LabelItem[] {
  return Array.from({ length: count }, (_, i) => item(product(i % 3 === 2 ? gtin13(seed + i * 7919) : ntin(seed + i * 104_729), {
    nameKk: `Ірімшік №${String(i + 1)} ӘҒҚҢӨҰҮҺІ`,
  })));
}

export function tempDir(): { path: string; file: (name: string) => string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'ncg-labels-'));
  return { path, file: (name) => join(path, name), cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Rasterises a PDF with poppler at a resolution (grey), returns the PGM files (one per page, in order). */
export function rasterize(pdfPath: string, dpi: number, outPrefix: string, extra: string[] = []): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', ...extra, pdfPath, outPrefix]);
  const dir = outPrefix.slice(0, outPrefix.lastIndexOf('/'));
  const base = outPrefix.slice(outPrefix.lastIndexOf('/') + 1);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith('.pgm'))
    .sort()
    .map((name) => join(dir, name));
}

/** Every EAN-13 zbar finds in the images (`--raw`, one per line; zbar reports each symbol once per image). */
export function decode(images: readonly string[]): string[] {
  let out = '';
  try {
    out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sean13.enable', ...images], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // zbarimg exits 4 when an image has no symbol; what it did find is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    out = typeof stdout === 'string' ? stdout : '';
  }
  return out.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

export function writePdf(path: string, bytes: Uint8Array): string {
  writeFileSync(path, bytes);
  return path;
}

export interface BboxWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Words with their boxes (pt, from the top-left of the page) per page, from `pdftotext -bbox`. */
export function wordBoxes(pdfPath: string): BboxWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((m) => ({
      text: unescapeHtml(m[5] ?? ''),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

/** The text in content order (`pdftotext -raw`): each label's lines stay whole. */
export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

export const PT_PER_MM = 72 / 25.4;

/** A grey image read back from a binary PGM (P5). */
export interface Grey {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function readPgm(path: string): Grey {
  const bytes = readFileSync(path);
  let offset = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (bytes[offset] === 0x23) while (bytes[offset++] !== 0x0a);
    let token = '';
    while (offset < bytes.length && ![0x20, 0x0a, 0x0d, 0x09].includes(bytes[offset] ?? 0)) token += String.fromCharCode(bytes[offset++] ?? 0);
    offset += 1;
    if (token !== '') tokens.push(token);
  }
  const [magic, w, h] = tokens;
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${String(magic)}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: new Uint8Array(bytes.subarray(offset, offset + width * height)) };
}

export function writePgm(path: string, image: Grey): void {
  writeFileSync(path, Buffer.concat([Buffer.from(`P5\n${String(image.width)} ${String(image.height)}\n255\n`), Buffer.from(image.data)]));
}
