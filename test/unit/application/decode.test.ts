import { describe, expect, it } from 'vitest';
import { decodeTextBytes, decodeWindows1251 } from '../../../src/shared/application/import/decode.ts';
import { encodeCp1251, utf16le, utf8 } from './bytes.ts';

describe('decodeWindows1251', () => {
  it('agrees with the platform decoder on all 256 bytes', () => {
    const every = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    expect(decodeWindows1251(every)).toBe(new TextDecoder('windows-1251').decode(every));
  });

  it('decodes long input (chunked) without loss', () => {
    const text = 'Молоко пастеризованное; Іі №5 — «Тест»\n'.repeat(2000);
    expect(decodeWindows1251(encodeCp1251(text))).toBe(text);
  });
});

describe('decodeTextBytes', () => {
  it('reads a UTF-8 byte-order mark and removes it', () => {
    expect(decodeTextBytes(utf8('name_kk\nҚазақ', true))).toEqual({ text: 'name_kk\nҚазақ', encoding: 'utf-8', bom: true });
  });

  it('takes valid UTF-8 without a mark as UTF-8, Kazakh letters included', () => {
    expect(decodeTextBytes(utf8('Ә Ғ Қ Ң Ө Ұ Ү Һ І'))).toEqual({ text: 'Ә Ғ Қ Ң Ө Ұ Ү Һ І', encoding: 'utf-8', bom: false });
    expect(decodeTextBytes(utf8('plain ascii')).encoding).toBe('utf-8');
  });

  it('falls back to Windows-1251 for bytes that are not UTF-8', () => {
    const decoded = decodeTextBytes(encodeCp1251('Молоко;Сүт'));
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe('Молоко;С?т'); // Windows-1251 has no ү: Excel writes «?»
  });

  it('reads UTF-16 with its mark', () => {
    expect(decodeTextBytes(utf16le('oktru\tname_kk\nҚ\tӘ'))).toEqual({ text: 'oktru\tname_kk\nҚ\tӘ', encoding: 'utf-16le', bom: true });
  });
});
