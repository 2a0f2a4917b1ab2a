/**
 * Just enough of ZIP to read an XLSX without trusting it: the central directory says which parts exist and
 * how large they claim to be; a part is unpacked by fflate's streaming inflater in small steps, and the
 * bytes it yields are counted as they come, so a part that unpacks to more than it declared, or more than
 * the limits allow, is refused after at most one step (≤ ~1 MB) beyond the limit. Nothing is unpacked
 * that the reader does not ask for.
 */
import { Inflate } from 'fflate';
import { ImportRefused, megabytes, type ImportLimits } from './limits.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The unpacked size the archive declares (checked while unpacking). */
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

/** The archive is not a ZIP this reader can open (no central directory, unknown compression…). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000);
const u64 = (bytes: Uint8Array, at: number): number => u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;

/** Reads the central directory. Throws ZipFormatError when there is none. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no end of central directory');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits right before the end record and points at the ZIP64 end record.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw new ZipFormatError('no ZIP64 locator');
    const zip64End = u64(bytes, locator + 8);
    if (u32(bytes, zip64End) !== 0x06064b50) throw new ZipFormatError('no ZIP64 end record');
    count = u64(bytes, zip64End + 32);
    offset = u64(bytes, zip64End + 48);
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipFormatError('broken central directory');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let localHeaderOffset = u32(bytes, at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values, in this order, of whichever 32-bit fields are saturated.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.set(name.replace(/^\//u, ''), { name, method: u16(bytes, at + 10), compressedSize, size, localHeaderOffset, encrypted: (flags & 1) === 1 });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Counts the unpacked bytes of one archive across the parts read. */
export class UnpackBudget {
  private used = 0;
  constructor(private readonly limits: Pick<ImportLimits, 'maxPartBytes' | 'maxUnpackedBytes'>) {}

  /** Refuses a part whose declared size alone is over the limits, before unpacking anything. */
  admit(entry: ZipEntry): void {
    if (entry.size > this.limits.maxPartBytes) this.refuse(entry, this.limits.maxPartBytes);
    if (this.used + entry.size > this.limits.maxUnpackedBytes) this.refuse(entry, this.limits.maxUnpackedBytes);
  }

  /** Counts `bytes` more of `entry`, refusing when a limit is passed. */
  spend(entry: ZipEntry, partBytes: number, bytes: number): void {
    this.used += bytes;
    if (partBytes > entry.size) throw new ImportRefused({ row: 1, key: 'application.import.archiveDamaged', params: { part: entry.name }, severity: 'error' });
    if (partBytes > this.limits.maxPartBytes) this.refuse(entry, this.limits.maxPartBytes);
    if (this.used > this.limits.maxUnpackedBytes) this.refuse(entry, this.limits.maxUnpackedBytes);
  }

  private refuse(entry: ZipEntry, max: number): never {
    throw new ImportRefused({ row: 1, key: 'application.import.unpackedTooLarge', params: { part: entry.name, max: megabytes(max) }, severity: 'error' });
  }
}

/** Compressed bytes handed to the inflater per step: at most ~1,030× as much can come out of one step. */
const inputStep = 1024;

/**
 * Unpacks `entry` piece by piece into `sink`, within `budget`. `sink` may throw to stop early (the
 * exception propagates). Throws ZipFormatError for what this reader cannot unpack.
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget, sink: (chunk: Uint8Array) => void): void {
  if (entry.encrypted) throw new ZipFormatError('encrypted part');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`compression method ${String(entry.method)}`);
  budget.admit(entry);
  const local = entry.localHeaderOffset;
  if (u32(bytes, local) !== 0x04034b50) throw new ZipFormatError('broken local header');
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError('truncated part');
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    produced += chunk.length;
    budget.spend(entry, produced, chunk.length);
    sink(chunk);
  };
  if (entry.method === 0) {
    for (let at = start; at < end; at += 64 * 1024) take(bytes.subarray(at, Math.min(end, at + 64 * 1024)));
    return;
  }
  const inflater = new Inflate((chunk) => take(chunk));
  for (let at = start; at < end; at += inputStep) {
    const stepEnd = Math.min(end, at + inputStep);
    inflater.push(bytes.subarray(at, stepEnd), stepEnd === end);
  }
  if (end === start) inflater.push(new Uint8Array(0), true);
  if (produced !== entry.size) throw new ZipFormatError('part shorter than declared');
}
