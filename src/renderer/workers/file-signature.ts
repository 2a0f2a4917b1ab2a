/**
 * What a file really is, read from its first bytes ("magic numbers"), never from its name or the MIME type the
 * browser guessed from the name: a phone's HEIC photo renamed to .jpg, or a Word file renamed to .pdf, must be
 * told apart before anything is stored. Shared by the photo slots and the PDF checks.
 */

export type FileSignature =
  | 'jpeg'
  | 'png'
  | 'heic'
  | 'avif'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'pdf'
  | 'zip'
  | 'ole'
  | 'html'
  | 'text'
  | 'empty'
  | 'unknown';

/** How many leading bytes `sniffSignature` needs (the ISO-BMFF `ftyp` box lists its brands in the first few dozen). */
export const signatureBytes = 64;

/** Major/compatible brands of the HEIF family (ISO/IEC 23008-12) that a HEIC/HEIF decoder is needed for. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
const avifBrands = new Set(['avif', 'avis']);

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((value, index) => bytes[at + index] === value);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

/** The brands of an ISO-BMFF file's leading `ftyp` box (HEIC, AVIF, MP4…), or null when there is none. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16);
  const brands = [ascii(bytes, 8, 4)];
  // Bytes 12–15 are the minor version; the compatible brands follow, four characters each.
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

/** True when the bytes decode as UTF-8 text without control characters other than tab, CR, LF and FF. */
function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // `stream: true`: a multi-byte character cut at the end of the sample is held back, not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  for (const char of text) {
    const code = char.charCodeAt(0);
    const allowedControl = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowedControl) || code === 0x7f) return false;
  }
  return true;
}

export function sniffSignature(bytes: Uint8Array): FileSignature {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const brands = ftypBrands(bytes);
  if (brands) {
    if (brands.some((brand) => avifBrands.has(brand))) return 'avif';
    if (brands.some((brand) => heifBrands.has(brand))) return 'heic';
    return 'unknown'; // MP4, MOV, 3GP…: a video, not a photo
  }
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 14) return 'bmp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // DOCX, XLSX, ODT… are ZIP archives
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'; // DOC, XLS
  // A PDF may carry a little junk before its header (readers search the first 1024 bytes); the caller that
  // cares about PDFs reads that far with `findPdfHeader`.
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (looksLikeText(bytes)) return /^\s*<(?:!doctype html|html|head|body)/iu.test(new TextDecoder().decode(bytes)) ? 'html' : 'text';
  return 'unknown';
}

/** The first `count` bytes of a file (or fewer, for a short file). */
export async function readHead(file: Blob, count = signatureBytes): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, count).arrayBuffer());
}

export async function sniffFile(file: Blob): Promise<FileSignature> {
  return sniffSignature(await readHead(file));
}
