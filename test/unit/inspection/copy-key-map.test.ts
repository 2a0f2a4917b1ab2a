import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { bucketCount, bucketOf, gtinEntryKey, PendingEntries, refsIn, type CopyBucket } from '../../../src/shared/inspection/copy-index.ts';
import { CopyKeyMapBuilder, encodedEntryKey, refsInKeyMap } from '../../../src/shared/inspection/copy-key-map.ts';

const withCheck = (body: string) => body + String(gs1CheckDigit(body));

/** Buckets as the copy writes them (PendingEntries.apply keeps them sorted), ascending by id. */
function bucketsOf(entries: [string, number][]): CopyBucket[] {
  const pending = new PendingEntries();
  for (const [key, ref] of entries) pending.add(key, ref);
  return pending.buckets.sort((a, b) => a - b).map((id) => pending.apply(id, undefined));
}

function mapOf(buckets: CopyBucket[], stamp = 7) {
  const builder = new CopyKeyMapBuilder(4);
  for (const bucket of buckets) builder.add(bucket);
  return builder.finish(stamp);
}

describe('the key map’s entry keys', () => {
  it('keep the order of the bucket’s string keys: GTIN entries first, then NTINs, each by value', () => {
    const keys = [gtinEntryKey('00000000000017'), gtinEntryKey('04870000000011'), gtinEntryKey('99999999999994'), '0000000000000', '0200000000017', '9999999999999'];
    const encoded = keys.map((key) => encodedEntryKey(key) as number);
    expect([...keys].sort()).toEqual(keys);
    expect([...encoded].sort((a, b) => a - b)).toEqual(encoded);
    expect(new Set(encoded).size).toBe(keys.length);
    expect(encoded.every((value) => Number.isSafeInteger(value))).toBe(true);
  });

  it('leave out keys a scan never asks for', () => {
    for (const key of ['gtin:04870000000011', '#4870000000011', '020000000001', '02000000000170', '020000000001x', '#0487000000001x', '']) expect(encodedEntryKey(key), key).toBeUndefined();
  });
});

describe('the key map', () => {
  it('files every ref under its key as the buckets do, 1:N GTINs included', () => {
    const entries: [string, number][] = [];
    for (let serial = 1; serial <= 5000; serial += 1) {
      const ntin = withCheck(`0200${String(serial).padStart(8, '0')}`);
      entries.push([ntin, serial * 3]);
      if (serial % 4 !== 0) entries.push([gtinEntryKey(withCheck(`48700${String(serial % 700).padStart(8, '0')}`)), serial * 3]);
    }
    // a card without an NTIN: filed under `gtin:` (left out) and its GTIN entry (kept)
    entries.push(['gtin:04870000099990', 99_999], [gtinEntryKey('04870000099990'), 99_999]);
    const buckets = bucketsOf(entries);
    const map = mapOf(buckets);
    expect(map.stamp).toBe(7);
    expect(map.keys.length).toBe(entries.length - 1);
    const byId = new Map(buckets.map((bucket) => [bucket.id, bucket]));
    for (const [key] of entries) {
      if (key.startsWith('gtin:')) {
        expect(refsInKeyMap(map, key)).toBeUndefined();
        continue;
      }
      expect(refsInKeyMap(map, key), key).toEqual(refsIn(byId.get(bucketOf(key)), key));
    }
    expect(refsInKeyMap(map, gtinEntryKey('04870000099990'))).toEqual([99_999]);
    // several cards under one GTIN, ascending refs
    const shared = gtinEntryKey(withCheck(`48700${String(1).padStart(8, '0')}`));
    expect(refsInKeyMap(map, shared)?.length).toBeGreaterThan(1);
    expect(refsInKeyMap(map, withCheck('020099999999'))).toEqual([]);
  });

  it('reads a bucket that is not sorted, and buckets that are missing', () => {
    const key = (serial: number) => withCheck(`0200${String(serial).padStart(8, '0')}`);
    const sameBucket: string[] = [];
    for (let serial = 1; sameBucket.length < 3; serial += 1) if (bucketOf(key(serial)) === bucketOf(key(1))) sameBucket.push(key(serial));
    const [a, b, c] = sameBucket as [string, string, string];
    const bucket: CopyBucket = { id: bucketOf(a), keys: [c, a, b, a], refs: [30, 12, 20, 10] };
    const map = mapOf([bucket]);
    expect(refsInKeyMap(map, a)).toEqual([10, 12]);
    expect(refsInKeyMap(map, b)).toEqual([20]);
    expect(refsInKeyMap(map, c)).toEqual([30]);
    expect(map.starts.length).toBe(bucketCount + 1);
    expect(refsInKeyMap(mapOf([]), a)).toEqual([]);
  });

  it('refuses buckets out of order and refs that do not fit', () => {
    const builder = new CopyKeyMapBuilder();
    builder.add({ id: 9, keys: [], refs: [] });
    expect(() => builder.add({ id: 3, keys: [], refs: [] })).toThrow(RangeError);
    expect(() => new CopyKeyMapBuilder().add({ id: 1, keys: ['0200000000017'], refs: [2 ** 32] })).toThrow(RangeError);
  });
});
