/**
 * The `.ncgsnap` file: a catalogue copy on a stick. Layout:
 *
 *   NCGSNAP {"format":1,"copyDate":…,"count":…,"cursor":…,"maxNtinSerial":…,"payloadBytes":…,"sha256":…}\n
 *   <gzip of one JSON array per card and line>
 *
 * The header says how long the payload is and its SHA-256, so a truncated or altered file is refused before a
 * single card is read; the card count is checked again after decompression. Pure: fflate and WebCrypto run
 * the same in Node, the page and a worker.
 */
import { Gunzip, Gzip } from 'fflate';
import { z } from 'zod';
import { localToday } from '../i18n/format.ts';
import type { CopyCard, CopyInfo } from './copy-card.ts';

export const snapshotFormat = 1;
const MAGIC = 'NCGSNAP ';
const MAX_HEADER_BYTES = 4096;

const headerSchema = z.object({
  format: z.number().int(),
  copyDate: z.string().datetime(),
  count: z.number().int().min(0),
  cursor: z.number().min(0),
  maxNtinSerial: z.number().int().min(0),
  payloadBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type SnapshotHeader = z.infer<typeof headerSchema>;

export type SnapshotProblem =
  | { key: 'inspection.snapshot.notSnapshot' }
  | { key: 'inspection.snapshot.unsupportedVersion'; params: { version: number } }
  | { key: 'inspection.snapshot.truncated'; params: { expected: number; actual: number } }
  | { key: 'inspection.snapshot.tampered' }
  | { key: 'inspection.snapshot.badPayload'; params: { detail: string } }
  | { key: 'inspection.snapshot.countMismatch'; params: { expected: number; actual: number } };

/** A refused snapshot: `problem` is a localisation key with its parameters. */
export class SnapshotError extends Error {
  constructor(readonly problem: SnapshotProblem) {
    super(problem.key);
    this.name = 'SnapshotError';
  }
}

type CardTuple = [number, string, string, string, string, string, 0 | 1, 0 | 1, number];

function toTuple(card: CopyCard): CardTuple {
  return [card.id, card.ntin, card.gtin, card.nameRu, card.nameKk, card.unit, card.deactivated ? 1 : 0, card.social ? 1 : 0, card.modified];
}

const tupleSchema = z.tuple([z.number(), z.string(), z.string(), z.string(), z.string(), z.string(), z.union([z.literal(0), z.literal(1)]), z.union([z.literal(0), z.literal(1)]), z.number()]);

function fromTuple(value: unknown): CopyCard {
  const [id, ntin, gtin, nameRu, nameKk, unit, deactivated, social, modified] = tupleSchema.parse(value);
  const key = ntin !== '' ? ntin : `gtin:${gtin}`;
  return { key, id, ntin, gtin, nameRu, nameKk, unit, deactivated: deactivated === 1, social: social === 1, modified };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Collects cards and compresses them as they come, so a million cards never sit in memory as JSON text. */
export function createSnapshotWriter() {
  const compressed: Uint8Array[] = [];
  const gzip = new Gzip({ level: 6 });
  gzip.ondata = (chunk) => compressed.push(chunk);
  const encoder = new TextEncoder();
  let count = 0;
  return {
    add(cards: readonly CopyCard[]): void {
      if (cards.length === 0) return;
      gzip.push(encoder.encode(cards.map((card) => `${JSON.stringify(toTuple(card))}\n`).join('')));
      count += cards.length;
    },
    get count(): number {
      return count;
    },
    /** The whole file. `info.count` must equal the cards added (a copy's meta may count differently). */
    async finish(info: Pick<CopyInfo, 'cursor' | 'maxNtinSerial'> & { copyDate: string }): Promise<Uint8Array> {
      gzip.push(new Uint8Array(0), true);
      const payload = concat(compressed);
      const header: SnapshotHeader = {
        format: snapshotFormat,
        copyDate: info.copyDate,
        count,
        cursor: info.cursor,
        maxNtinSerial: info.maxNtinSerial,
        payloadBytes: payload.length,
        sha256: await sha256Hex(payload),
      };
      return concat([encoder.encode(`${MAGIC}${JSON.stringify(header)}\n`), payload]);
    },
  };
}

/**
 * Reads and checks the header, the length and the checksum. Throws SnapshotError; nothing is decompressed
 * until the file is known to be whole and unaltered.
 */
export async function verifySnapshot(file: Uint8Array): Promise<{ header: SnapshotHeader; payload: Uint8Array }> {
  const magic = new TextDecoder().decode(file.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new SnapshotError({ key: 'inspection.snapshot.notSnapshot' });
  const newline = file.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) throw new SnapshotError({ key: 'inspection.snapshot.notSnapshot' });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(MAGIC.length, newline)));
  } catch {
    throw new SnapshotError({ key: 'inspection.snapshot.notSnapshot' });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > snapshotFormat) throw new SnapshotError({ key: 'inspection.snapshot.unsupportedVersion', params: { version: format } });
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotError({ key: 'inspection.snapshot.tampered' });
  const header = parsed.data;
  const payload = file.subarray(newline + 1);
  if (payload.length < header.payloadBytes) {
    throw new SnapshotError({ key: 'inspection.snapshot.truncated', params: { expected: header.payloadBytes, actual: payload.length } });
  }
  if (payload.length > header.payloadBytes || (await sha256Hex(payload)) !== header.sha256) throw new SnapshotError({ key: 'inspection.snapshot.tampered' });
  return { header, payload };
}

/**
 * The cards of a verified payload, handed over in batches of about `batchSize` as they are decompressed.
 * `onBatch` may be async (a database write): decompression waits for it. Throws SnapshotError when a line is
 * not a card or the count differs from the header's.
 */
export async function readSnapshotCards(
  verified: { header: SnapshotHeader; payload: Uint8Array },
  onBatch: (cards: CopyCard[]) => Promise<void> | void,
  batchSize = 5000,
): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const inflated: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => inflated.push(chunk));
  let carry = '';
  let batch: CopyCard[] = [];
  let total = 0;
  const fail = (detail: string) => new SnapshotError({ key: 'inspection.snapshot.badPayload', params: { detail } });
  const take = async (text: string): Promise<void> => {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') continue;
      try {
        batch.push(fromTuple(JSON.parse(line)));
      } catch {
        throw fail(`line ${total + batch.length + 1}`);
      }
      if (batch.length >= batchSize) {
        total += batch.length;
        const full = batch;
        batch = [];
        await onBatch(full);
      }
    }
  };
  const STEP = 1 << 20;
  const { payload } = verified;
  for (let offset = 0; offset < payload.length; offset += STEP) {
    try {
      gunzip.push(payload.subarray(offset, offset + STEP), offset + STEP >= payload.length);
      for (const chunk of inflated.splice(0)) await take(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      if (error instanceof SnapshotError) throw error;
      throw fail('gzip');
    }
  }
  await take(decoder.decode() + '\n');
  if (batch.length > 0) {
    total += batch.length;
    await onBatch(batch);
  }
  if (total !== verified.header.count) throw new SnapshotError({ key: 'inspection.snapshot.countMismatch', params: { expected: verified.header.count, actual: total } });
  return total;
}

/** Named by the copy's local calendar day (an evening copy in Almaty is not dated the day before, as UTC would). */
export function snapshotFileName(copyDate: string | undefined, now = new Date()): string {
  const taken = copyDate === undefined ? now : new Date(copyDate);
  return `catalogue-${localToday(Number.isNaN(taken.getTime()) ? now : taken)}.ncgsnap`;
}

export function isSnapshotError(error: unknown): error is SnapshotError {
  return error instanceof SnapshotError;
}
