/**
 * Text files from spreadsheets arrive as bytes in whatever encoding the officer's Excel chose: UTF-8 (with
 * or without a byte-order mark), UTF-16 ("Unicode text"), or the Windows ANSI code page of a Russian or
 * Kazakh Windows, Windows-1251. The encoding is decided from the bytes themselves:
 *
 * 1. a byte-order mark names it (UTF-8, UTF-16 LE, UTF-16 BE);
 * 2. otherwise bytes that decode as strict UTF-8 are UTF-8 (plain ASCII included);
 * 3. otherwise they are Windows-1251: every byte sequence is valid there, and Cyrillic text in it is
 *    essentially never valid UTF-8 (a lead byte С0–DF would need a continuation byte 80–BF right after).
 *
 * Windows-1251 has no Kazakh letters besides І/і: Excel replaces Ә Ғ Қ Ң Ө Ұ Ү Һ with «?» when it saves
 * "CSV (разделители – запятые)" on a Windows with that code page. `windows1251` results are therefore
 * checked for lost letters by the import (see import.ts).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** A byte-order mark was present (and removed). */
  bom: boolean;
}

/** Windows-1251 bytes 0x80–0xFF as Unicode code points (0x98 is unassigned: decoded as U+0098, as WHATWG does). */
const highHalf: readonly number[] = [
  0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039, 0x040a, 0x040c, 0x040b, 0x040f,
  0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f,
  0x00a0, 0x040e, 0x045e, 0x0408, 0x00a4, 0x0490, 0x00a6, 0x00a7, 0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407,
  0x00b0, 0x00b1, 0x0406, 0x0456, 0x0491, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0454, 0x00bb, 0x0458, 0x0405, 0x0455, 0x0457,
  // 0xC0–0xFF: А … я, U+0410–U+044F in order.
  ...Array.from({ length: 64 }, (_, i) => 0x0410 + i),
];

/** Decodes Windows-1251 bytes (total: every byte maps to one character). */
export function decodeWindows1251(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const end = Math.min(bytes.length, start + chunkSize);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte < 0x80 ? byte : (highHalf[byte - 0x80] ?? 0xfffd);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** Decodes text bytes, detecting the encoding as described above. */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1251(bytes), encoding: 'windows-1251', bom: false };
  }
}
