/**
 * The copy's lookup index held in memory (copy-index.ts's buckets, read once): a scan then needs one IndexedDB
 * read (the card's block) instead of two (bucket, then block). About 12 bytes an entry, ~24 MB at a million cards
 * with a GTIN each, as typed arrays the worker that reads them hands to the page without a copy.
 *
 * Entry keys become numbers that keep their order within a bucket: `#` + 14 digits (a GTIN entry) → the GTIN's
 * value, below 10^14; a 13-digit NTIN → 10^14 + its value. Other keys (`gtin:…`, the card key of a card without an
 * NTIN) are never asked for by a scan and are left out.
 *
 * The map is a picture of the buckets at one moment: `stamp` is the copy state's stamp then (every write of the
 * copy writes a new one), and a lookup trusts the map only while the state it reads beside the block still
 * carries that stamp.
 */
import { bucketCount, bucketOf, lowerBound, type CopyBucket } from './copy-index.ts';

export interface CopyKeyMap {
  /** The copy state's `stamp` when the buckets were read. */
  stamp: number;
  /** Bucket `b`'s entries are at `[starts[b], starts[b + 1])`. */
  starts: Uint32Array;
  /** Encoded entry keys, ascending within a bucket (equal keys by ascending ref). */
  keys: Float64Array;
  refs: Uint32Array;
}

const ntinOffset = 1e14;

function allDigits(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The entry key as the map holds it, or undefined for keys it leaves out. */
export function encodedEntryKey(entryKey: string): number | undefined {
  if (entryKey.length === 15 && entryKey.charCodeAt(0) === 35 && allDigits(entryKey, 1)) return Number(entryKey.slice(1));
  if (entryKey.length === 13 && allDigits(entryKey, 0)) return ntinOffset + Number(entryKey);
  return undefined;
}

/** Fills a map from the buckets, in ascending bucket id (missing ids are empty buckets). */
export class CopyKeyMapBuilder {
  private keys: Float64Array;
  private refs: Uint32Array;
  private length = 0;
  private readonly starts = new Uint32Array(bucketCount + 1);
  private nextBucket = 0;

  constructor(expectedEntries = 1024) {
    this.keys = new Float64Array(Math.max(16, expectedEntries));
    this.refs = new Uint32Array(this.keys.length);
  }

  add(bucket: CopyBucket): void {
    if (bucket.id < this.nextBucket || bucket.id >= bucketCount) throw new RangeError(`bucket ${bucket.id} out of order`);
    this.closeBucketsBefore(bucket.id);
    const start = this.length;
    let sorted = true;
    for (let index = 0; index < bucket.keys.length; index += 1) {
      const key = encodedEntryKey(bucket.keys[index] as string);
      const ref = bucket.refs[index] as number;
      if (key === undefined) continue;
      if (!Number.isInteger(ref) || ref < 0 || ref > 0xffffffff) throw new RangeError(`ref ${ref} does not fit`);
      if (this.length === this.keys.length) this.grow();
      const previous = this.length - 1;
      if (previous >= start && ((this.keys[previous] as number) > key || ((this.keys[previous] as number) === key && (this.refs[previous] as number) > ref))) sorted = false;
      this.keys[this.length] = key;
      this.refs[this.length] = ref;
      this.length += 1;
    }
    // Buckets are kept sorted; a bucket that is not (written by an older version, say) is sorted here.
    if (!sorted) this.sortRange(start, this.length);
    this.nextBucket = bucket.id + 1;
  }

  finish(stamp: number): CopyKeyMap {
    this.closeBucketsBefore(bucketCount);
    this.starts[bucketCount] = this.length;
    return { stamp, starts: this.starts, keys: this.keys.slice(0, this.length), refs: this.refs.slice(0, this.length) };
  }

  private closeBucketsBefore(id: number): void {
    for (; this.nextBucket <= id && this.nextBucket < bucketCount; this.nextBucket += 1) this.starts[this.nextBucket] = this.length;
    this.nextBucket = id;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const refs = new Uint32Array(keys.length);
    refs.set(this.refs);
    this.keys = keys;
    this.refs = refs;
  }

  private sortRange(from: number, to: number): void {
    const order = Array.from({ length: to - from }, (_, index) => from + index);
    order.sort((a, b) => (this.keys[a] as number) - (this.keys[b] as number) || (this.refs[a] as number) - (this.refs[b] as number));
    const keys = order.map((index) => this.keys[index] as number);
    const refs = order.map((index) => this.refs[index] as number);
    this.keys.set(keys, from);
    this.refs.set(refs, from);
  }
}

/** The refs filed under `entryKey`, ascending; undefined when the map cannot tell (a key it leaves out). */
export function refsInKeyMap(map: CopyKeyMap, entryKey: string): number[] | undefined {
  const key = encodedEntryKey(entryKey);
  if (key === undefined) return undefined;
  const bucket = bucketOf(entryKey);
  const end = map.starts[bucket + 1] as number;
  const refs: number[] = [];
  for (let index = lowerBound(map.keys, key, map.starts[bucket], end); index < end && map.keys[index] === key; index += 1) refs.push(map.refs[index] as number);
  return refs;
}
