/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture`, y4m) showing one barcode, and the
 * barcodes themselves made by an outside encoder (Debian's zint), so the app's reader is checked against symbols
 * it did not make.
 */
import { writeFileSync } from 'node:fs';
import { runTool } from '../support/external-tools.ts';

const width = 640;
const height = 480;

/** A y4m video of 20 identical frames: dark modules (`true`) of `moduleSize` pixels centred on white. */
export function writeModulesVideo(modules: readonly (readonly boolean[])[], moduleSize: number, path: string): void {
  const luma = Buffer.alloc(width * height, 235);
  const symbolHeight = modules.length * moduleSize;
  const symbolWidth = Math.max(...modules.map((row) => row.length)) * moduleSize;
  const top = Math.floor((height - symbolHeight) / 2);
  const left = Math.floor((width - symbolWidth) / 2);
  if (top < 0 || left < 0) throw new Error('the symbol does not fit the frame');
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < moduleSize; dy += 1) luma.fill(16, (top + y * moduleSize + dy) * width + left + x * moduleSize, (top + y * moduleSize + dy) * width + left + (x + 1) * moduleSize);
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 20 }, () => frame)]));
}

/**
 * The modules of a square GS1 DataMatrix carrying `elementString` (zint's bracketed form, `[01]04870…`), from
 * zint's module dump: one line per row, hexadecimal, most significant bit first, 1 = dark.
 */
export function gs1DataMatrixModules(elementString: string): boolean[][] {
  const dump = runTool('zint', ['--barcode=71', '--gs1', '--square', '--dump', `--data=${elementString}`]);
  const rows = dump.trim().split('\n').map((line) => line.replace(/\s+/gu, ''));
  if (rows.length < 10 || rows.some((row) => !/^[0-9A-F]+$/u.test(row))) throw new Error(`zint gave no module dump: ${dump}`);
  // A square symbol is as wide as it is tall; the dump pads each row to whole bytes.
  const size = rows.length;
  return rows.map((row) => Array.from({ length: size }, (_, x) => ((Number.parseInt(row[x >> 2] ?? '0', 16) >> (3 - (x & 3))) & 1) === 1));
}
