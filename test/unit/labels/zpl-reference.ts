import { gs1CheckDigit } from '../../../src/shared/codes/index.ts';
import type { Grey } from './helpers.ts';

/*
 * A small ZPL reader for the tests, written from the ZPL II guide's command descriptions, independent of the
 * renderer: it splits a job into formats and commands, decodes `^GFA` data (ASCII hex with the G–Y/g–z
 * repeat counts, `,` `!` `:`), and paints `^BE`, `^GB` and `^GFA` fields onto a bitmap so that zbar can read
 * the symbol and the text can be compared with the PDF rasterised at the same resolution.
 */

export interface ZplCommand {
  readonly name: string;
  readonly params: string;
}

/** The formats (`^XA … ^XZ`) of a job, each as its list of commands (`^FO50,60` → { name: 'FO', params: '50,60' }). */
export function zplFormats(job: string): ZplCommand[][] {
  const formats: ZplCommand[][] = [];
  let current: ZplCommand[] | null = null;
  for (const raw of job.split('^').slice(1)) {
    const text = raw.replace(/\n$/u, '');
    const name = text.slice(0, 2).toUpperCase();
    const params = text.slice(2);
    if (name === 'XA') {
      current = [];
      continue;
    }
    if (name === 'XZ') {
      if (current) formats.push(current);
      current = null;
      continue;
    }
    if (!current) throw new Error(`command ^${name} outside ^XA…^XZ`);
    current.push({ name, params });
  }
  if (current) throw new Error('format without ^XZ');
  return formats;
}

const LOW = 'GHIJKLMNOPQRSTUVWXY';
const HIGH = 'ghijklmnopqrstuvwxyz';

/** Decodes `^GFA` ASCII data into bytes (rows of `bytesPerRow`). */
export function decodeGraphic(data: string, bytesPerRow: number, totalBytes: number): Uint8Array {
  const rowNibbles = bytesPerRow * 2;
  const rows: string[] = [];
  let row = '';
  let count = 0;
  const pushRow = () => {
    rows.push(row);
    row = '';
  };
  for (const char of data) {
    if (LOW.includes(char)) count += LOW.indexOf(char) + 1;
    else if (HIGH.includes(char)) count += (HIGH.indexOf(char) + 1) * 20;
    else if (char === ',') {
      row = row.padEnd(rowNibbles, '0');
      pushRow();
    } else if (char === '!') {
      row = row.padEnd(rowNibbles, 'F');
      pushRow();
    } else if (char === ':') {
      if (row !== '') throw new Error('":" in the middle of a row');
      const previous = rows[rows.length - 1];
      if (previous === undefined) throw new Error('":" on the first row');
      rows.push(previous);
    } else if (/[0-9A-F]/u.test(char)) {
      row += char.repeat(Math.max(1, count));
      count = 0;
      if (row.length > rowNibbles) throw new Error('row overflow');
      if (row.length === rowNibbles) pushRow();
    } else {
      throw new Error(`unexpected "${char}" in ^GFA data`);
    }
  }
  if (row !== '') throw new Error('unfinished row');
  const hex = rows.join('');
  if (hex.length !== totalBytes * 2) throw new Error(`^GFA declares ${String(totalBytes)} bytes, data has ${String(hex.length / 2)}`);
  const bytes = new Uint8Array(totalBytes);
  for (let i = 0; i < totalBytes; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const Lc = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const Gc = Lc.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).reverse().join(''));
const Rc = Lc.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).join(''));
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** EAN-13 modules from the symbology tables. */
export function referenceEan13(digits13: string): string {
  const d = [...digits13].map(Number);
  const parity = PARITY[d[0] ?? 0] ?? '';
  let out = '101';
  for (let i = 1; i <= 6; i += 1) out += (parity[i - 1] === 'G' ? Gc : Lc)[d[i] ?? 0];
  out += '01010';
  for (let i = 7; i <= 12; i += 1) out += Rc[d[i] ?? 0];
  return `${out}101`;
}

/** Paints one format like a printer would (white = 255, black = 0), with a margin of white around it. */
export function paintFormat(format: readonly ZplCommand[]): Grey {
  const get = (name: string) => format.find((c) => c.name === name)?.params;
  const width = Number(get('PW'));
  const height = Number(get('LL'));
  const data = new Uint8Array(width * height).fill(255);
  const box = (x: number, y: number, w: number, h: number) => {
    for (let row = Math.max(0, y); row < Math.min(height, y + h); row += 1) {
      for (let col = Math.max(0, x); col < Math.min(width, x + w); col += 1) data[row * width + col] = 0;
    }
  };
  let x = 0;
  let y = 0;
  let module = 2;
  let pending: { kind: 'BE'; height: number } | null = null;
  for (const { name, params } of format) {
    const p = params.split(',');
    if (name === 'FO') {
      x = Number(p[0]);
      y = Number(p[1]);
    } else if (name === 'BY') {
      module = Number(p[0]);
    } else if (name === 'BE') {
      pending = { kind: 'BE', height: Number(p[1]) };
    } else if (name === 'FD' && pending) {
      const twelve = params.padStart(12, '0').slice(-12);
      const modules = referenceEan13(`${twelve}${String(gs1CheckDigit(twelve))}`);
      [...modules].forEach((bit, i) => {
        if (bit === '1') box(x + i * module, y, module, pending?.height ?? 0);
      });
    } else if (name === 'GB') {
      box(x, y, Number(p[0]), Number(p[1]));
    } else if (name === 'GF') {
      // ^GFA,total,total,bytesPerRow,data
      const [, total, , perRow, ...rest] = p;
      const bytes = decodeGraphic(rest.join(','), Number(perRow), Number(total));
      const rows = Number(total) / Number(perRow);
      for (let row = 0; row < rows; row += 1) {
        for (let col = 0; col < Number(perRow) * 8; col += 1) {
          const byte = bytes[row * Number(perRow) + (col >> 3)] ?? 0;
          if (byte & (0x80 >> (col & 7))) box(x + col, y + row, 1, 1);
        }
      }
    } else if (name === 'FS') {
      pending = null;
    }
  }
  return { width, height, data };
}

/** Pads an image with white so that zbar sees quiet zones even when the label edge is close. */
export function padWhite(image: Grey, margin: number): Grey {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let row = 0; row < image.height; row += 1) data.set(image.data.subarray(row * image.width, (row + 1) * image.width), (row + margin) * width + margin);
  return { width, height, data };
}
