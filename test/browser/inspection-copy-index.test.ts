/**
 * The copy's bucket index (schema v8) in real IndexedDB, against a model of what the copy must hold: after a
 * download, a stop and resume, an incremental update (cards renamed, deactivated, moved to another GTIN, new
 * cards) and snapshot imports, every NTIN is found with its current card and every GTIN with all its cards.
 */
import { describe, expect, it } from 'vitest';
import { eachCopyBatch, mergeCopyBatch, readCopyState } from '../../src/renderer/db/catalogue-copy.ts';
import { attachCopyKeyMap, copyLookup, heldCopyKeyMap, readCopyKeyMap, refreshCopyKeyMap, type CopyKeyMapLoader } from '../../src/renderer/db/copy-lookup.ts';
import { CopyKeyMapBuilder, type CopyKeyMap } from '../../src/shared/inspection/copy-key-map.ts';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { downloadCopy, importSnapshotFile, type CopyProgress, type PageSource } from '../../src/renderer/features/inspection/copy-sync.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { exportRowSchema } from '../../src/shared/catalogue/export-dto.ts';
import { copyCardFromRow, createSnapshotWriter, type CopyCard } from '../../src/shared/inspection/index.ts';
import { scratchDatabases } from './scratch-database.ts';

const newDatabase = scratchDatabases('inspection-copy-index');
const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const ntinOf = (serial: number) => withCheck(`0200${String(serial).padStart(8, '0')}`);
/** 40 GTINs shared by several cards each (1:N), the rest one GTIN per card or none. */
const groupGtin = (group: number) => withCheck(`48710${String(group).padStart(7, '0')}`);

interface Row {
  id: number;
  name_ru: string;
  name_kk: string;
  gtin: string;
  ntin_code: string;
  is_social: boolean;
  is_markedeac: boolean;
  ntin_isdeactivated: boolean;
  modified: number;
  measure: { code: string; name: string; short_name: string };
}

function row(serial: number, modified: number, change: Partial<Row> = {}): Row {
  return {
    id: serial,
    name_ru: `Товар ${serial}`,
    name_kk: `Тауар ${serial} Әзір`,
    gtin: serial % 25 === 0 ? groupGtin(serial % 40) : serial % 4 === 0 ? '' : withCheck(`4870${String(serial).padStart(8, '0')}`),
    ntin_code: ntinOf(serial),
    is_social: serial % 9 === 0,
    is_markedeac: false,
    ntin_isdeactivated: serial % 31 === 0,
    modified,
    measure: { code: '796', name: 'штука', short_name: 'шт' },
    ...change,
  };
}

/** The export feed over `rows` (ordered by modified, strict cursor, `from` inclusive). */
function feed(rows: Row[], pageSize: number): PageSource {
  const ordered = [...rows].sort((a, b) => a.modified - b.modified || a.id - b.id);
  return async (request) => {
    const url = request.url ? new URL(request.url) : undefined;
    const from = url ? Number(url.searchParams.get('from')) : (request.from ?? 0);
    const after = url ? Number(url.searchParams.get('after')) : -1;
    const eligible = ordered.filter((item) => item.modified > from || (item.modified === from && item.id > after));
    const slice = eligible.slice(0, pageSize);
    const last = slice[slice.length - 1];
    return { ok: true, rows: slice as unknown as Record<string, unknown>[], skipped: 0, next: eligible.length > pageSize && last ? `https://feed.test/ofd/?from=${last.modified}&after=${last.id}` : null };
  };
}

function control(abortAfter?: number) {
  const controller = new AbortController();
  let seen = 0;
  return {
    signal: controller.signal,
    progress(_value: CopyProgress) {
      seen += 1;
      if (abortAfter !== undefined && seen >= abortAfter) controller.abort();
    },
  };
}

const cardOf = (item: Row): CopyCard => {
  const card = copyCardFromRow(exportRowSchema.parse(item));
  if (!card) throw new Error('a row without codes');
  return card;
};

/** The model: the newest version of each card. */
function modelOf(...generations: Row[][]): Map<string, CopyCard> {
  const model = new Map<string, CopyCard>();
  for (const rows of generations) {
    for (const item of rows) {
      const card = cardOf(item);
      const held = model.get(card.key);
      if (!held || held.modified <= card.modified) model.set(card.key, card);
    }
  }
  return model;
}

/** Counts the page's reads of bucket records while `run` runs. */
async function bucketReadsDuring(run: () => Promise<void>): Promise<number> {
  const get = IDBObjectStore.prototype.get;
  let reads = 0;
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (this.name === 'copyBuckets') reads += 1;
    return get.call(this, key);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.get = get;
  }
  return reads;
}

/**
 * Every lookup as the model says, with whatever key map is held (none at first; later one read before the copy
 * changed: the lookups must see that and read the buckets), then with a key map read now (no bucket read at all).
 */
async function expectCopyMatches(db: NcgDatabase, model: Map<string, CopyCard>): Promise<void> {
  const held = heldCopyKeyMap(db);
  const stamp = (await readCopyState(db)).stamp ?? 0;
  const staleReads = await bucketReadsDuring(() => expectLookupsMatch(db, model));
  if (held && held.stamp !== stamp) expect(staleReads).toBeGreaterThan(0);
  attachCopyKeyMap(db, () => readCopyKeyMap(db));
  await expect.poll(() => heldCopyKeyMap(db)?.stamp, { timeout: 60_000 }).toBe(stamp);
  expect(await bucketReadsDuring(() => expectLookupsMatch(db, model))).toBe(0);
  expect(heldCopyKeyMap(db)?.stamp).toBe(stamp);
}

async function expectLookupsMatch(db: NcgDatabase, model: Map<string, CopyCard>): Promise<void> {
  const lookup = copyLookup(db);
  for (const card of model.values()) expect(await lookup.byNtin(card.ntin)).toEqual(card);
  const byGtin = new Map<string, string[]>();
  for (const card of model.values()) if (card.gtin !== '') byGtin.set(card.gtin, [...(byGtin.get(card.gtin) ?? []), card.ntin]);
  for (const [gtin, ntins] of byGtin) {
    const found = (await lookup.byGtin(gtin)).map((card) => card.ntin);
    expect(found.sort(), gtin).toEqual(ntins.sort());
  }
  // The groups really are 1:N.
  expect(Math.max(...[...byGtin.values()].map((ntins) => ntins.length))).toBeGreaterThan(1);
  const held: CopyCard[] = [];
  await eachCopyBatch(db, 1000, (batch) => {
    held.push(...batch);
  });
  expect(held.length).toBe(model.size);
  expect(new Set(held.map((card) => card.key)).size).toBe(model.size);
  expect((await readCopyState(db)).count).toBe(model.size);
}

async function snapshotOf(cards: Iterable<CopyCard>, copyDate: string): Promise<Blob> {
  const writer = createSnapshotWriter();
  const list = [...cards];
  writer.add(list);
  const bytes = await writer.finish({ copyDate, cursor: Math.max(...list.map((card) => card.modified)), maxNtinSerial: list.length });
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

describe('the copy’s bucket index', () => {
  it('finds every NTIN and all NTINs of a GTIN after download, stop and resume, update and snapshot imports', async () => {
    const db = newDatabase();
    const first = Array.from({ length: 2000 }, (_, index) => row(index + 1, 1_760_000_000 + Math.floor(index / 3)));

    // stopped after two pages: what is stored is already found
    expect(await downloadCopy(db, feed(first, 700), control(2))).toMatchObject({ outcome: 'stopped', held: 1400 });
    const lookup = copyLookup(db);
    expect(await lookup.byNtin(ntinOf(1400))).toEqual(cardOf(first[1399] as Row));
    expect(await downloadCopy(db, feed(first, 700), control())).toMatchObject({ outcome: 'complete', held: 2000 });
    let model = modelOf(first);
    await expectCopyMatches(db, model);

    // the update: renamed, deactivated, moved from one shared GTIN to another (or to none), and new cards
    const later = 1_760_100_000;
    const changed = [
      ...Array.from({ length: 70 }, (_, index) => row(index * 25 + 25, later + index, { gtin: groupGtin((index + 7) % 40), name_ru: `Изменён ${index}` })),
      ...Array.from({ length: 60 }, (_, index) => row(index * 11 + 2, later + index, { ntin_isdeactivated: true })),
      ...Array.from({ length: 10 }, (_, index) => row(index * 50 + 1800, later + 200 + index, { gtin: '' })),
      ...Array.from({ length: 500 }, (_, index) => row(2001 + index, later + 300 + index)),
    ];
    const second = [...first, ...changed];
    expect(await downloadCopy(db, feed(second, 400), control())).toMatchObject({ outcome: 'complete', added: 500 });
    model = modelOf(first, changed);
    await expectCopyMatches(db, model);

    // an older snapshot moves nothing back; a newer one with new cards is merged
    await importSnapshotFile(db, await snapshotOf(modelOf(first).values(), '2026-10-01T08:00:00.000Z'), control());
    await expectCopyMatches(db, model);
    const newer = [row(17, later + 5000, { name_kk: 'Жаңа Қ' }), row(2600, later + 5001, { gtin: groupGtin(3) })];
    await importSnapshotFile(db, await snapshotOf(newer.map(cardOf), '2026-12-01T08:00:00.000Z'), control());
    model = modelOf(first, changed, newer);
    await expectCopyMatches(db, model);

    // the same copy from a snapshot into an empty database answers the same
    const imported = newDatabase();
    await importSnapshotFile(imported, await snapshotOf(model.values(), '2026-12-01T08:00:00.000Z'), control());
    await expectCopyMatches(imported, model);
  }, 180_000);
});

describe('an update to a held card', () => {
  it('a later version replaces it, an earlier one does not, and one without a time (read as 0) is taken as the latest', async () => {
    const db = newDatabase();
    const same = (state: Awaited<ReturnType<typeof readCopyState>>) => state;
    const held = cardOf(row(7, 100));
    await mergeCopyBatch(db, [held], same);
    const lookup = copyLookup(db);
    expect(await lookup.byNtin(held.ntin)).toMatchObject({ modified: 100, deactivated: false });

    await mergeCopyBatch(db, [cardOf(row(7, 50, { name_ru: 'Старое имя' }))], same);
    expect(await lookup.byNtin(held.ntin)).toMatchObject({ modified: 100, nameRu: 'Товар 7' });

    const withoutTime = cardOf({ ...row(7, 0, { ntin_isdeactivated: true }), modified: null } as unknown as Row);
    expect(withoutTime.modified).toBe(0);
    await mergeCopyBatch(db, [withoutTime], same);
    expect(await lookup.byNtin(held.ntin)).toMatchObject({ deactivated: true });
    expect((await readCopyState(db)).count).toBe(1);
  });
});


describe('the key map held in memory', () => {
  it('is not trusted once the copy has changed: a card added since is found, and all cards of its GTIN', async () => {
    const db = newDatabase();
    const same = (state: Awaited<ReturnType<typeof readCopyState>>) => state;
    const first = cardOf(row(25, 100));
    await mergeCopyBatch(db, [first, cardOf(row(26, 100))], same);
    const detach = attachCopyKeyMap(db, () => readCopyKeyMap(db));
    try {
      await expect.poll(() => heldCopyKeyMap(db)?.stamp, { timeout: 60_000 }).toBe((await readCopyState(db)).stamp);
      const lookup = copyLookup(db);
      expect(await bucketReadsDuring(async () => expect((await lookup.byGtin(first.gtin)).map((card) => card.ntin)).toEqual([first.ntin]))).toBe(0);

      // a new card, sharing the first one's GTIN; the map still pictures the copy before it
      const added = cardOf(row(65, 200, { gtin: first.gtin }));
      await mergeCopyBatch(db, [added], same);
      expect(await lookup.byNtin(added.ntin)).toEqual(added);
      expect((await lookup.byGtin(first.gtin)).map((card) => card.ntin).sort()).toEqual([first.ntin, added.ntin].sort());
    } finally {
      detach();
    }
    expect(heldCopyKeyMap(db)).toBeUndefined();
  });
});

describe('the key map’s loads', () => {
  const emptyMap = (stamp: number): CopyKeyMap => new CopyKeyMapBuilder().finish(stamp);
  /** A loader whose loads wait until released, counted. */
  function heldLoader(stamp: number) {
    const waiting: (() => void)[] = [];
    let loads = 0;
    const loader: CopyKeyMapLoader = () => {
      loads += 1;
      return new Promise((resolve) => waiting.push(() => resolve(emptyMap(stamp))));
    };
    return { loader, loads: () => loads, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('a screen shown again while the last map is being read gets a map of its own', async () => {
    const db = {} as NcgDatabase;
    const first = heldLoader(1);
    attachCopyKeyMap(db, first.loader)();
    const second = heldLoader(2);
    const detach = attachCopyKeyMap(db, second.loader);
    first.release();
    await expect.poll(() => second.loads()).toBe(1);
    second.release();
    await expect.poll(() => heldCopyKeyMap(db)?.stamp).toBe(2);
    detach();
  });

  it('a refresh for the stamp the load under way brings reads the index once; for another stamp, once more', async () => {
    const db = {} as NcgDatabase;
    const held = heldLoader(5);
    const detach = attachCopyKeyMap(db, held.loader);
    refreshCopyKeyMap(db, 5);
    held.release();
    await expect.poll(() => heldCopyKeyMap(db)?.stamp).toBe(5);
    await settle();
    expect(held.loads()).toBe(1);
    refreshCopyKeyMap(db, 5);
    expect(held.loads()).toBe(1);

    refreshCopyKeyMap(db, 6);
    expect(held.loads()).toBe(2);
    detach();
  });
});
