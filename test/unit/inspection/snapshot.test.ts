import { describe, expect, it } from 'vitest';
import type { CopyCard } from '../../../src/shared/inspection/copy-card.ts';
import { createSnapshotWriter, readSnapshotCards, SnapshotError, verifySnapshot } from '../../../src/shared/inspection/snapshot.ts';

function cards(count: number): CopyCard[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `02000000${String(index).padStart(4, '0')}0`,
    id: index + 1,
    ntin: `02000000${String(index).padStart(4, '0')}0`,
    gtin: index % 3 === 0 ? '' : `0487${String(index).padStart(10, '0')}`,
    nameRu: `Молоко ${index}`,
    nameKk: `Сүт ӘҒҚҢӨҰҮҺІ ${index}`,
    unit: 'шт',
    deactivated: index % 50 === 0,
    social: index % 7 === 0,
    modified: 1_700_000_000.25 + index,
  }));
}

async function write(all: CopyCard[]): Promise<Uint8Array> {
  const writer = createSnapshotWriter();
  for (let start = 0; start < all.length; start += 700) writer.add(all.slice(start, start + 700));
  return writer.finish({ copyDate: '2026-11-20T10:00:00.000Z', cursor: all.at(-1)?.modified ?? 0, maxNtinSerial: all.length });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SnapshotError) return error.problem.key;
    throw error;
  }
  throw new Error('accepted');
}

describe('.ncgsnap', () => {
  it('round-trips cards with Kazakh letters, flags and fractional timestamps, in batches', async () => {
    const all = cards(12_345);
    const file = await write(all);
    const verified = await verifySnapshot(file);
    expect(verified.header).toMatchObject({ format: 1, count: 12_345, copyDate: '2026-11-20T10:00:00.000Z' });
    const read: CopyCard[] = [];
    const sizes: number[] = [];
    await readSnapshotCards(verified, async (batch) => {
      sizes.push(batch.length);
      read.push(...batch);
    }, 5000);
    expect(read).toEqual(all);
    expect(sizes).toEqual([5000, 5000, 2345]);
  });

  it('refuses a truncated file, saying how much is there', async () => {
    const file = await write(cards(2000));
    const cut = file.subarray(0, file.length - 100);
    const error = await verifySnapshot(cut).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).problem).toMatchObject({ key: 'inspection.snapshot.truncated' });
  });

  it('refuses a file with one byte changed in the payload or in the header', async () => {
    const file = await write(cards(2000));
    const flipped = file.slice();
    flipped[flipped.length - 500] = (flipped[flipped.length - 500] ?? 0) ^ 0x01;
    expect(await refusal(verifySnapshot(flipped))).toBe('inspection.snapshot.tampered');
    const header = new TextDecoder().decode(file.subarray(0, 300));
    const countAt = header.indexOf('"count":2000') + '"count":'.length;
    const forged = file.slice();
    forged[countAt] = '3'.charCodeAt(0);
    // a changed count is caught after decompression even though the payload's checksum holds
    const verified = await verifySnapshot(forged);
    expect(await refusal(readSnapshotCards(verified, () => undefined))).toBe('inspection.snapshot.countMismatch');
  });

  it('refuses what is not a snapshot, and a newer format', async () => {
    expect(await refusal(verifySnapshot(new TextEncoder().encode('PK\u0003\u0004 a zip file')))).toBe('inspection.snapshot.notSnapshot');
    expect(await refusal(verifySnapshot(new Uint8Array(0)))).toBe('inspection.snapshot.notSnapshot');
    const newer = new TextEncoder().encode('NCGSNAP {"format":9}\n');
    expect(await refusal(verifySnapshot(newer))).toBe('inspection.snapshot.unsupportedVersion');
  });
});
