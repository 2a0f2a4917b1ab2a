import { describe, expect, it } from 'vitest';
import { sniffFile, sniffSignature } from '../../src/renderer/workers/file-signature.ts';

/** An ISO-BMFF `ftyp` box as a phone writes it at the start of a HEIC/AVIF file. */
function ftyp(major: string, compatible: string[]): Uint8Array {
  const text = major + '\0\0\0\0' + compatible.join('');
  const size = 8 + text.length;
  return new Uint8Array([0, 0, 0, size, ...new TextEncoder().encode('ftyp'), ...Array.from(text, (char) => char.charCodeAt(0)), 0, 0, 0, 0]);
}

async function canvasImage(type: string): Promise<Blob> {
  const canvas = new OffscreenCanvas(8, 8);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.fillStyle = '#c33';
  context.fillRect(0, 0, 8, 8);
  return canvas.convertToBlob({ type });
}

describe('file signatures: what a file is by its bytes, not its name', () => {
  it('knows JPEG, PNG and WebP made by the browser itself, whatever the file is called', async () => {
    expect(await sniffFile(new File([await canvasImage('image/jpeg')], 'photo.png'))).toBe('jpeg');
    expect(await sniffFile(new File([await canvasImage('image/png')], 'photo.jpg'))).toBe('png');
    expect(await sniffFile(await canvasImage('image/webp'))).toBe('webp');
  });

  it('tells HEIC/HEIF (iPhone) from AVIF and from a video by the ftyp brands', () => {
    expect(sniffSignature(ftyp('heic', ['mif1', 'heic']))).toBe('heic');
    expect(sniffSignature(ftyp('mif1', ['mif1', 'heic', 'miaf']))).toBe('heic');
    expect(sniffSignature(ftyp('heix', ['heix']))).toBe('heic');
    expect(sniffSignature(ftyp('avif', ['avif', 'mif1', 'miaf']))).toBe('avif');
    expect(sniffSignature(ftyp('isom', ['isom', 'mp42']))).toBe('unknown');
  });

  it('knows GIF, BMP, TIFF, PDF, office files, web pages and text', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(sniffSignature(ascii('GIF89a\x01\x00'))).toBe('gif');
    expect(sniffSignature(new Uint8Array([0x42, 0x4d, 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]))).toBe('bmp');
    expect(sniffSignature(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('tiff');
    expect(sniffSignature(ascii('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(sniffSignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toBe('zip');
    expect(sniffSignature(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniffSignature(ascii('<!DOCTYPE html><html lang="kk">'))).toBe('html');
    expect(sniffSignature(ascii('Сәйкестік сертификаты №'))).toBe('text');
    expect(sniffSignature(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe]))).toBe('unknown');
    expect(sniffSignature(new Uint8Array())).toBe('empty');
  });

  it('reads text cut in the middle of a multi-byte letter as text', () => {
    const bytes = new TextEncoder().encode('Қазақстан Республикасы');
    expect(sniffSignature(bytes.subarray(0, 3))).toBe('text'); // «Қ» and half of «а»… cut after one byte of the second letter
  });
});
