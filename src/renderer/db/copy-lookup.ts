/**
 * The catalogue copy as the verdict reads it, on the database under Dexie (a scan waits on IndexedDB reads, not on
 * Dexie's transaction machinery):
 *
 * - with the key map in memory (shared/inspection/copy-key-map.ts, read by the copy's worker and handed over by the
 *   loader the Inspection screen attaches): one read-only transaction reading the card's block and the copy's
 *   state side by side; the answer stands while the state still carries the map's stamp;
 * - otherwise (no map yet, or the copy changed since it was read): the key's bucket, a binary search, then the
 *   block; a new map is asked for (at most one load every few seconds: a copy being downloaded changes at every
 *   page).
 */
import { blockOfRef, bucketCount, bucketOf, cardAt, gtinEntryKey, isDeadSlot, refsIn, slotOfRef, type CopyBlock, type CopyBucket } from '../../shared/inspection/copy-index.ts';
import { CopyKeyMapBuilder, refsInKeyMap, type CopyKeyMap } from '../../shared/inspection/copy-key-map.ts';
import type { CopyCard } from '../../shared/inspection/copy-card.ts';
import type { CopyLookup } from '../../shared/inspection/verdict.ts';
import type { CopyState } from './catalogue-copy.ts';
import type { NcgDatabase } from './database.ts';

export type CopyKeyMapLoader = () => Promise<CopyKeyMap | undefined>;

/** A copy written before stamps were kept has stamp 0 until its next write. */
const stampOf = (state: CopyState | undefined): number => state?.stamp ?? 0;

/** A lookup asks for a map at most this often (a copy being downloaded changes at every page). */
const RELOAD_AT_MOST_EVERY_MS = 5_000;

class KeyMapHolder {
  map: CopyKeyMap | undefined;
  loader: CopyKeyMapLoader | undefined;
  private loading = false;
  /** Asked for while a load ran (which may picture the copy before the change): load once more after it. */
  private again = false;
  /** The stamp last asked for: a load that brings it needs no other. */
  private wanted: number | undefined;
  private lastLoad = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Loads a map now, or right after the load under way (nothing when the map held already has `stamp`). */
  loadNow(stamp?: number): void {
    if (!this.loader) return;
    if (stamp !== undefined) {
      if (this.map?.stamp === stamp) return;
      this.wanted = stamp;
    }
    if (this.loading) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.start(this.loader);
  }

  /** A lookup found no current map: loads one, at most once every RELOAD_AT_MOST_EVERY_MS. */
  loadSoon(): void {
    if (!this.loader || this.loading || this.timer !== undefined) return;
    const wait = this.lastLoad + RELOAD_AT_MOST_EVERY_MS - performance.now();
    if (wait <= 0) this.start(this.loader);
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.loadNow();
      }, wait);
  }

  detach(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.loader = undefined;
    this.map = undefined;
    this.again = false;
    this.wanted = undefined;
  }

  private start(loader: CopyKeyMapLoader): void {
    this.loading = true;
    this.again = false;
    this.lastLoad = performance.now();
    loader()
      .then((map) => {
        if (this.loader === loader) this.map = map;
      })
      // No map: lookups keep reading the bucket, and a later one asks again.
      .catch(() => undefined)
      .finally(() => {
        this.loading = false;
        // A loader attached meanwhile (the screen shown again) has not loaded yet; one asked for again has, unless
        // the map now held already has the stamp asked for.
        const attachedSince = this.loader !== undefined && this.loader !== loader;
        const stillWanted = this.again && !(this.wanted !== undefined && this.map?.stamp === this.wanted);
        if (attachedSince || stillWanted) this.loadNow();
      });
  }
}

const holders = new WeakMap<NcgDatabase, KeyMapHolder>();

function holderOf(db: NcgDatabase): KeyMapHolder {
  let holder = holders.get(db);
  if (!holder) {
    holder = new KeyMapHolder();
    holders.set(db, holder);
  }
  return holder;
}

/**
 * Keeps a key map of `db`'s copy in memory from now on, loaded by `loader` (now, and again after the copy
 * changes); the returned function lets it go (the map's memory with it).
 */
export function attachCopyKeyMap(db: NcgDatabase, loader: CopyKeyMapLoader): () => void {
  const holder = holderOf(db);
  holder.detach();
  holder.loader = loader;
  holder.loadNow();
  return () => {
    if (holder.loader === loader) holder.detach();
  };
}

/** Asks for the map of the copy at `stamp` (a run here has ended); nothing when it is the one held. */
export function refreshCopyKeyMap(db: NcgDatabase, stamp: number): void {
  holders.get(db)?.loadNow(stamp);
}

/** The map a lookup would use now (tests). */
export function heldCopyKeyMap(db: NcgDatabase): CopyKeyMap | undefined {
  return holders.get(db)?.map;
}

/** Reads the key map of the copy as it is now, in one read-only transaction (in the copy's worker). */
export async function readCopyKeyMap(db: NcgDatabase): Promise<CopyKeyMap> {
  return db.transaction('r', db.copyMeta, db.copyBuckets, async () => {
    const state = (await db.copyMeta.get('state'))?.state;
    const builder = new CopyKeyMapBuilder((state?.count ?? 0) * 2);
    for (let from = 0; from < bucketCount; from += 256) {
      for (const bucket of await db.copyBuckets.where(':id').between(from, from + 256, true, false).toArray()) builder.add(bucket);
    }
    return builder.finish(stampOf(state));
  });
}

function request<T>(store: IDBObjectStore, key: IDBValidKey): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const read = store.get(key);
    read.onsuccess = () => resolve(read.result as T | undefined);
    read.onerror = () => reject(read.error ?? new Error('IndexedDB read failed'));
  });
}

async function readBlocks(transaction: IDBTransaction, refs: readonly number[]): Promise<Map<number, CopyBlock | undefined>> {
  const store = transaction.objectStore('copyBlocks');
  const ids = [...new Set(refs.map(blockOfRef))];
  return new Map(await Promise.all(ids.map(async (id) => [id, await request<CopyBlock>(store, id)] as const)));
}

async function backend(db: NcgDatabase): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}

/** The bucket of `entryKey`, then the cards it files under that key: two reads in one transaction. */
async function cardsFromBucket(db: NcgDatabase, entryKey: string, first: boolean): Promise<CopyCard[]> {
  const transaction = (await backend(db)).transaction(['copyBuckets', 'copyBlocks'], 'readonly');
  const bucket = await request<CopyBucket>(transaction.objectStore('copyBuckets'), bucketOf(entryKey));
  const refs = refsIn(bucket, entryKey);
  const wanted = first ? refs.slice(0, 1) : refs;
  const blocks = await readBlocks(transaction, wanted);
  return wanted.flatMap((ref) => {
    const block = blocks.get(blockOfRef(ref));
    const card = block && cardAt(block, slotOfRef(ref));
    return card ? [card] : [];
  });
}

/**
 * The cards the map files under `entryKey`, read with the copy's state; undefined when the map cannot answer (the
 * copy changed since, or a card is not where the map says, which a current map never does).
 */
async function cardsFromMap(db: NcgDatabase, map: CopyKeyMap, entryKey: string, first: boolean, filedUnder: (card: CopyCard) => boolean): Promise<CopyCard[] | undefined> {
  const refs = refsInKeyMap(map, entryKey);
  if (!refs) return undefined;
  const wanted = first ? refs.slice(0, 1) : refs;
  const transaction = (await backend(db)).transaction(['copyMeta', 'copyBlocks'], 'readonly');
  const [record, blocks] = await Promise.all([request<{ state?: CopyState }>(transaction.objectStore('copyMeta'), 'state'), readBlocks(transaction, wanted)]);
  if (stampOf(record?.state) !== map.stamp) return undefined;
  const cards: CopyCard[] = [];
  for (const ref of wanted) {
    const block = blocks.get(blockOfRef(ref));
    const card = block && !isDeadSlot(block, slotOfRef(ref)) ? cardAt(block, slotOfRef(ref)) : undefined;
    if (!card || !filedUnder(card)) return undefined;
    cards.push(card);
  }
  return cards;
}

async function cardsFiledUnder(db: NcgDatabase, entryKey: string, first: boolean, filedUnder: (card: CopyCard) => boolean): Promise<CopyCard[]> {
  const holder = holders.get(db);
  const map = holder?.map;
  if (map) {
    const cards = await cardsFromMap(db, map, entryKey, first, filedUnder);
    if (cards) return cards;
    if (holder.map === map) holder.map = undefined;
  }
  holder?.loadSoon();
  return cardsFromBucket(db, entryKey, first);
}

/** The copy as the verdict reads it. */
export function copyLookup(db: NcgDatabase): CopyLookup {
  return {
    byNtin: async (ntin) => (await cardsFiledUnder(db, ntin, true, (card) => card.ntin === ntin))[0],
    byGtin: (gtin14) => cardsFiledUnder(db, gtinEntryKey(gtin14), false, (card) => card.gtin === gtin14),
  };
}
