/**
 * The catalogue copy's storage layout (schema v8), pure so Node tests and the CLI can reach it:
 *
 * - cards live in **blocks** of up to `blockSize` cards, fields as columns, appended in arrival order; a card's
 *   address (`ref`) is `block * blockSize + slot`. A card replaced by a newer version keeps its slot, marked
 *   dead, so blocks alone say which cards are current (the index can be rebuilt from them);
 * - the lookup index is `bucketCount` **buckets**, chosen by a hash of the code, each holding sorted entry keys
 *   with the ref of their card: a card's key (NTIN, or `gtin:<14>`) once, and `#<gtin14>` for its GTIN (several
 *   entries with the same `#` key = several cards of that GTIN, 1:N).
 *
 * A million cards is ~8,000 block records and 4,096 bucket records instead of a million rows with a secondary
 * index, which is what makes the download fast; a lookup is one bucket read, a binary search and one block read
 * (one block read while the Inspection screen holds the buckets in memory: copy-key-map.ts).
 */
import type { CopyCard } from './copy-card.ts';

/**
 * Cards per block: a block stays near 20 KB, well under the 64 KB above which Chromium moves an IndexedDB value
 * out to a blob file (read back from disk on every lookup: a 100 ms tail).
 */
export const blockSize = 128;
export const bucketCount = 4096;

const DEACTIVATED = 1;
const SOCIAL = 2;
/** The slot's card was replaced by a newer version stored elsewhere. */
const DEAD = 4;

export interface CopyBlock {
  id: number;
  ids: number[];
  ntins: string[];
  /** 14 digits or ''. */
  gtins: string[];
  namesRu: string[];
  namesKk: string[];
  units: string[];
  flags: number[];
  modified: number[];
}

export interface CopyBucket {
  id: number;
  /** Sorted (code unit order); `#` keys may repeat. */
  keys: string[];
  refs: number[];
}

export function cardKeyOf(ntin: string, gtin: string): string {
  return ntin !== '' ? ntin : `gtin:${gtin}`;
}

export function gtinEntryKey(gtin14: string): string {
  return `#${gtin14}`;
}

/** FNV-1a over the code's UTF-16 units: spreads 13/14-digit codes evenly over the buckets. */
export function bucketOf(entryKey: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < entryKey.length; index += 1) {
    hash ^= entryKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % bucketCount;
}

export const refOf = (block: number, slot: number): number => block * blockSize + slot;
export const blockOfRef = (ref: number): number => Math.floor(ref / blockSize);
export const slotOfRef = (ref: number): number => ref % blockSize;

export function emptyBlock(id: number): CopyBlock {
  return { id, ids: [], ntins: [], gtins: [], namesRu: [], namesKk: [], units: [], flags: [], modified: [] };
}

/** Appends a card; returns its slot. */
export function pushCard(block: CopyBlock, card: CopyCard): number {
  block.ids.push(card.id);
  block.ntins.push(card.ntin);
  block.gtins.push(card.gtin);
  block.namesRu.push(card.nameRu);
  block.namesKk.push(card.nameKk);
  block.units.push(card.unit);
  block.flags.push((card.deactivated ? DEACTIVATED : 0) | (card.social ? SOCIAL : 0));
  block.modified.push(card.modified);
  return block.ids.length - 1;
}

export function isDeadSlot(block: CopyBlock, slot: number): boolean {
  return ((block.flags[slot] ?? DEAD) & DEAD) !== 0;
}

export function markDead(block: CopyBlock, slot: number): void {
  block.flags[slot] = (block.flags[slot] ?? 0) | DEAD;
}

export function blockLength(block: CopyBlock): number {
  return block.ids.length;
}

/** Slots of the block whose card is current. */
export function liveCount(block: CopyBlock): number {
  let live = 0;
  for (let slot = 0; slot < block.ids.length; slot += 1) if (!isDeadSlot(block, slot)) live += 1;
  return live;
}

/** Blocks the cards would fill packed densely: the least a copy of `cards` cards can take. */
export function denseBlocks(cards: number): number {
  return Math.ceil(cards / blockSize);
}

/**
 * Whether the copy wastes enough blocks to compact: more than a fifth (at least 4 blocks) above the dense
 * minimum. A fresh download (one partial block per page: ~2.5 % above) never qualifies. Replaced cards are spread
 * over the whole copy, so a compaction rewrites most of it: worth doing only once the waste is large.
 */
export function worthCompacting(blocks: number, cards: number): boolean {
  const dense = denseBlocks(cards);
  return blocks - dense > Math.max(4, Math.floor(dense / 5));
}

/** Compaction stops once the copy is within this many blocks of the dense minimum (1 %, at least 1). */
export function compactionSlack(cards: number): number {
  return Math.max(1, Math.floor(denseBlocks(cards) / 100));
}

/**
 * The blocks a compaction empties: the emptiest sparse blocks (block id → live cards) first, until packing
 * their live cards densely frees enough blocks to bring the copy within `compactionSlack` of its dense size (or
 * every sparse block is taken). Ascending ids; empty when packing would free nothing.
 */
export function planCompaction(sparse: ReadonlyMap<number, number>, heldBlocks: number, cards: number): number[] {
  const wanted = heldBlocks - denseBlocks(cards) - compactionSlack(cards);
  if (wanted <= 0) return [];
  const byLive = [...sparse].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const chosen: number[] = [];
  let live = 0;
  let freed = 0;
  for (const [id, count] of byLive) {
    chosen.push(id);
    live += count;
    freed = chosen.length - Math.ceil(live / blockSize);
    if (freed >= wanted) break;
  }
  return freed > 0 ? chosen.sort((a, b) => a - b) : [];
}

/** Entries of a bucket in their sorted order (after refs changed). */
export function sortBucket(bucket: CopyBucket): CopyBucket {
  const order = bucket.keys.map((_, index) => index);
  order.sort((a, b) => compareEntries(bucket.keys[a] as string, bucket.refs[a] as number, bucket.keys[b] as string, bucket.refs[b] as number));
  return { id: bucket.id, keys: order.map((index) => bucket.keys[index] as string), refs: order.map((index) => bucket.refs[index] as number) };
}

export function cardAt(block: CopyBlock, slot: number): CopyCard | undefined {
  if (slot >= block.ids.length) return undefined;
  const ntin = block.ntins[slot] ?? '';
  const gtin = block.gtins[slot] ?? '';
  const flags = block.flags[slot] ?? 0;
  return {
    key: cardKeyOf(ntin, gtin),
    id: block.ids[slot] ?? 0,
    ntin,
    gtin,
    nameRu: block.namesRu[slot] ?? '',
    nameKk: block.namesKk[slot] ?? '',
    unit: block.units[slot] ?? '',
    deactivated: (flags & DEACTIVATED) !== 0,
    social: (flags & SOCIAL) !== 0,
    modified: block.modified[slot] ?? 0,
  };
}

/** The current (not replaced) cards of a block with their refs. */
export function liveCards(block: CopyBlock): { card: CopyCard; ref: number }[] {
  const out: { card: CopyCard; ref: number }[] = [];
  for (let slot = 0; slot < block.ids.length; slot += 1) {
    if (isDeadSlot(block, slot)) continue;
    const card = cardAt(block, slot);
    if (card) out.push({ card, ref: refOf(block.id, slot) });
  }
  return out;
}

/** Cards packed into consecutive blocks from `firstBlock`, with the ref each card got. */
export function packBlocks(cards: readonly CopyCard[], firstBlock: number): { blocks: CopyBlock[]; refs: number[] } {
  const blocks: CopyBlock[] = [];
  const refs: number[] = [];
  let block: CopyBlock | undefined;
  for (const card of cards) {
    if (!block || blockLength(block) >= blockSize) {
      block = emptyBlock(firstBlock + blocks.length);
      blocks.push(block);
    }
    refs.push(refOf(block.id, pushCard(block, card)));
  }
  return { blocks, refs };
}

/** The index entries of one card. */
export function entriesOf(card: Pick<CopyCard, 'key' | 'gtin'>, ref: number): [string, number][] {
  return card.gtin !== '' ? [[card.key, ref], [gtinEntryKey(card.gtin), ref]] : [[card.key, ref]];
}

interface BucketChange {
  addKeys: string[];
  addRefs: number[];
  /** `ref|key` of entries to drop. */
  remove: Set<string> | undefined;
}

const compareEntries = (keyA: string, refA: number, keyB: string, refB: number): number => (keyA < keyB ? -1 : keyA > keyB ? 1 : refA - refB);

/** Index entries waiting to be merged into their buckets, grouped by bucket. */
export class PendingEntries {
  private readonly byBucket = new Map<number, BucketChange>();
  private count = 0;

  private slot(bucket: number): BucketChange {
    let entry = this.byBucket.get(bucket);
    if (!entry) {
      entry = { addKeys: [], addRefs: [], remove: undefined };
      this.byBucket.set(bucket, entry);
    }
    return entry;
  }

  add(key: string, ref: number): void {
    const change = this.slot(bucketOf(key));
    change.addKeys.push(key);
    change.addRefs.push(ref);
    this.count += 1;
  }

  remove(key: string, ref: number): void {
    const change = this.slot(bucketOf(key));
    (change.remove ??= new Set()).add(`${ref}|${key}`);
    this.count += 1;
  }

  addCard(card: Pick<CopyCard, 'key' | 'gtin'>, ref: number): void {
    this.add(card.key, ref);
    if (card.gtin !== '') this.add(gtinEntryKey(card.gtin), ref);
  }

  get buckets(): number[] {
    return [...this.byBucket.keys()];
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.byBucket.clear();
    this.count = 0;
  }

  /** The bucket with this bucket's changes applied (a new object; `held` is left as it was). */
  apply(id: number, held: CopyBucket | undefined): CopyBucket {
    const change = this.byBucket.get(id);
    const base = held ?? { id, keys: [], refs: [] };
    if (!change) return base;
    let heldKeys = base.keys;
    let heldRefs = base.refs;
    const { remove } = change;
    if (remove && remove.size > 0) {
      heldKeys = [];
      heldRefs = [];
      base.keys.forEach((key, index) => {
        const ref = base.refs[index] as number;
        if (!remove.has(`${ref}|${key}`)) {
          heldKeys.push(key);
          heldRefs.push(ref);
        }
      });
    }
    // The additions sorted, then one merge with the (already sorted) held entries.
    const order = change.addKeys.map((_, index) => index);
    order.sort((a, b) => compareEntries(change.addKeys[a] as string, change.addRefs[a] as number, change.addKeys[b] as string, change.addRefs[b] as number));
    const keys: string[] = [];
    const refs: number[] = [];
    let i = 0;
    let j = 0;
    while (i < heldKeys.length || j < order.length) {
      const addIndex = order[j];
      const takeHeld =
        addIndex === undefined || (i < heldKeys.length && compareEntries(heldKeys[i] as string, heldRefs[i] as number, change.addKeys[addIndex] as string, change.addRefs[addIndex] as number) <= 0);
      if (takeHeld) {
        keys.push(heldKeys[i] as string);
        refs.push(heldRefs[i] as number);
        i += 1;
      } else if (addIndex !== undefined) {
        keys.push(change.addKeys[addIndex] as string);
        refs.push(change.addRefs[addIndex] as number);
        j += 1;
      }
    }
    return { id, keys, refs };
  }
}

/** Index of the first item ≥ `key` in sorted `items[from..to)` (binary search). */
export function lowerBound<T extends string | number>(items: ArrayLike<T>, key: T, from = 0, to = items.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle] as T) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The refs filed under `key` in its bucket (at most one for a card key, any number for a `#` GTIN key). */
export function refsIn(bucket: CopyBucket | undefined, key: string): number[] {
  if (!bucket) return [];
  const out: number[] = [];
  for (let index = lowerBound(bucket.keys, key); index < bucket.keys.length && bucket.keys[index] === key; index += 1) out.push(bucket.refs[index] as number);
  return out;
}
