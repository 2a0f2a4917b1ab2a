/**
 * Compaction of the catalogue copy in real IndexedDB: after many incremental updates (replaced cards leave dead
 * slots, each update page a half-empty block) the copy shrinks back to the blocks of a fresh copy, and every
 * lookup answers as a fresh copy of the same catalogue does — during compaction too, and after one cut short.
 */
import { describe, expect, it } from 'vitest';
import type { ExportPageRequest, ExportPageResult } from '../../src/shared/catalogue-export-call.ts';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { denseBlocks, worthCompacting } from '../../src/shared/inspection/copy-index.ts';
import type { CopyCard } from '../../src/shared/inspection/index.ts';
import { compactCopy, copyBlockCount, copyWorthCompacting, eachCopyBatch, readCopyState } from '../../src/renderer/db/catalogue-copy.ts';
import { copyLookup } from '../../src/renderer/db/copy-lookup.ts';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { downloadCopy, type CopyProgress, type PageSource } from '../../src/renderer/features/inspection/copy-sync.ts';
import { scratchDatabases } from './scratch-database.ts';

const newDatabase = scratchDatabases('inspection-copy-compaction');
const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const ntinOf = (serial: number) => withCheck(`0200${String(serial).padStart(8, '0')}`);
const gtinOf = (serial: number) => withCheck(`4870${String(serial).padStart(8, '0')}`);
/** A GTIN several cards share (1:N), and cards move onto and off it in the updates. */
const sharedGtin = withCheck('487100000001');

type Row = {
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
};

/** The catalogue as a mutable list; `feed` serves it as the export API does (ordered by `modified`). */
class Catalogue {
  private readonly rows = new Map<number, Row>();
  private clock = 1_760_000_000;
  private seed = 42;

  constructor(count: number) {
    for (let serial = 1; serial <= count; serial += 1) this.add(serial);
  }

  private random(below: number): number {
    this.seed = (Math.imul(this.seed, 1_103_515_245) + 12_345) >>> 0;
    return this.seed % below;
  }

  add(serial: number): void {
    this.clock += 1;
    this.rows.set(serial, {
      id: serial,
      name_ru: `Товар ${serial}`,
      name_kk: `Тауар ${serial} Қазақ`,
      gtin: serial % 40 === 0 ? sharedGtin : serial % 3 === 0 ? '' : gtinOf(serial),
      ntin_code: ntinOf(serial),
      is_social: false,
      is_markedeac: false,
      ntin_isdeactivated: serial % 50 === 7,
      modified: this.clock,
      measure: { code: '796', name: 'штука', short_name: 'шт' },
    });
  }

  /** `count` cards changed (name, deactivation, GTIN moved onto or off the shared one) and `added` new ones. */
  update(count: number, added: number): void {
    const serials = [...this.rows.keys()];
    for (let index = 0; index < count; index += 1) {
      const serial = serials[this.random(serials.length)] as number;
      const row = this.rows.get(serial) as Row;
      this.clock += 1;
      const turn = this.random(4);
      this.rows.set(serial, {
        ...row,
        name_ru: `${row.name_ru.split(' ·')[0]} · ред. ${this.clock}`,
        name_kk: `${row.name_kk.split(' ·')[0]} · өзг. ${this.clock}`,
        ntin_isdeactivated: turn === 0 ? !row.ntin_isdeactivated : row.ntin_isdeactivated,
        gtin: turn === 1 ? (row.gtin === sharedGtin ? gtinOf(serial) : sharedGtin) : row.gtin,
        modified: this.clock,
      });
    }
    const next = Math.max(...serials) + 1;
    for (let serial = next; serial < next + added; serial += 1) this.add(serial);
  }

  get all(): Row[] {
    return [...this.rows.values()].sort((a, b) => a.modified - b.modified || a.id - b.id);
  }

  feed(pageSize: number): PageSource {
    const rows = this.all;
    return async (request: ExportPageRequest): Promise<ExportPageResult> => {
      const from = request.url ? Number(new URL(request.url).searchParams.get('from')) : (request.from ?? 0);
      const eligible = rows.filter((row) => row.modified >= from);
      const slice = eligible.slice(0, pageSize);
      const last = slice[slice.length - 1];
      return { ok: true, rows: slice, skipped: 0, next: eligible.length > pageSize && last ? `https://feed.test/ofd/?from=${last.modified + 0.5}` : null };
    };
  }
}

function control() {
  const seen: CopyProgress[] = [];
  return { signal: new AbortController().signal, seen, progress: (value: CopyProgress) => void seen.push(value) };
}

async function cardsOf(db: NcgDatabase): Promise<CopyCard[]> {
  const cards: CopyCard[] = [];
  await eachCopyBatch(db, 1000, (batch) => void cards.push(...batch));
  return cards.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const byKey = (cards: readonly CopyCard[]) => [...cards].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** Every NTIN and every GTIN of the catalogue looked up in `db`, as comparable data. */
async function answers(db: NcgDatabase, catalogue: Catalogue) {
  const lookup = copyLookup(db);
  const rows = catalogue.all;
  const gtins = [...new Set(rows.map((row) => row.gtin).filter((gtin) => gtin !== ''))].sort();
  const byNtin = await Promise.all(rows.map((row) => lookup.byNtin(row.ntin_code)));
  const byGtin = await Promise.all(gtins.map(async (gtin) => byKey(await lookup.byGtin(gtin.padStart(14, '0')))));
  return { byNtin, byGtin };
}

/** A copy taken fresh, in one download with the same page size. */
async function freshCopy(catalogue: Catalogue, pageSize: number): Promise<NcgDatabase> {
  const db = newDatabase();
  await downloadCopy(db, catalogue.feed(pageSize), control());
  return db;
}

// Each test downloads a few thousand cards dozens of times: slow on a busy machine.
describe('catalogue copy compaction', { timeout: 180_000 }, () => {
  it('after many updates the copy returns to the size of a fresh copy and answers every lookup the same', async () => {
    const catalogue = new Catalogue(3000);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(500), control());
    const freshBlocks = await copyBlockCount(db);
    for (let round = 0; round < 25; round += 1) {
      catalogue.update(150, 8);
      await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    }
    const grown = await copyBlockCount(db);
    const state = await readCopyState(db);
    expect(state.count).toBe(3000 + 25 * 8);
    // Without compaction the dead slots stay: far more blocks than the cards need.
    expect(grown).toBeGreaterThan(denseBlocks(state.count) * 1.5);
    expect(await copyWorthCompacting(db)).toBe(true);

    const fresh = await freshCopy(catalogue, 500);
    const expected = await answers(fresh, catalogue);
    expect(await answers(db, catalogue)).toEqual(expected);

    const result = await compactCopy(db);
    expect(result.blocksBefore).toBe(grown);
    expect(result.steps).toBeGreaterThanOrEqual(1);
    const after = await copyBlockCount(db);
    expect(after).toBe(result.blocksAfter);
    expect(after).toBeLessThanOrEqual(await copyBlockCount(fresh));
    expect(after).toBeLessThanOrEqual(denseBlocks(state.count) + 1);
    expect(freshBlocks).toBeLessThanOrEqual(await copyBlockCount(fresh));
    expect(await copyWorthCompacting(db)).toBe(false);
    expect(await answers(db, catalogue)).toEqual(expected);
    expect(await cardsOf(db)).toEqual(await cardsOf(fresh));
    expect(await readCopyState(db)).toMatchObject({ count: state.count, status: 'complete', cursor: state.cursor, maxNtinSerial: state.maxNtinSerial });

    // The compacted copy keeps taking updates.
    catalogue.update(100, 5);
    await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 500), catalogue));
  });

  it('compacts by itself after an update that left enough dead slots, and says so in the progress', async () => {
    const catalogue = new Catalogue(2000);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(400), control());
    const phases = new Set<string>();
    for (let round = 0; round < 20; round += 1) {
      catalogue.update(120, 4);
      const run = control();
      await downloadCopy(db, catalogue.feed(400), run);
      for (const progress of run.seen) phases.add(progress.phase);
      const { count } = await readCopyState(db);
      // Never left wasting more than the threshold after an update.
      expect(worthCompacting(await copyBlockCount(db), count)).toBe(false);
    }
    expect(phases.has('compact')).toBe(true);
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 400), catalogue));
  });

  it('a fresh download is not compacted (a partial block per page is no waste)', async () => {
    const catalogue = new Catalogue(5000);
    const db = newDatabase();
    const run = control();
    await downloadCopy(db, catalogue.feed(1000), run);
    expect(await copyWorthCompacting(db)).toBe(false);
    expect(run.seen.some((progress) => progress.phase === 'compact')).toBe(false);
  });

  it('lookups keep answering, and answer right, while compaction runs', async () => {
    const catalogue = new Catalogue(2500);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(500), control());
    for (let round = 0; round < 15; round += 1) {
      catalogue.update(150, 0);
      await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    }
    const rows = catalogue.all;
    const lookup = copyLookup(db);
    let compacting = true;
    let looked = 0;
    const watcher = (async () => {
      while (compacting) {
        const row = rows[looked % rows.length] as Row;
        const card = await lookup.byNtin(row.ntin_code);
        expect(card?.nameRu).toBe(row.name_ru);
        expect(card?.deactivated).toBe(row.ntin_isdeactivated);
        looked += 1;
      }
    })();
    let steps = 0;
    // Small steps, so that many transactions of every phase run while the lookups do.
    await compactCopy(db, { packBlocksPerStep: 2, bucketsPerStep: 32, onStep: () => (steps += 1) });
    compacting = false;
    await watcher;
    expect(steps).toBeGreaterThan(1);
    expect(looked).toBeGreaterThan(steps);
  });

  it('a compaction cut short (stop or crash) leaves a whole copy; the next run or the next update finishes it', async () => {
    const catalogue = new Catalogue(2000);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(500), control());
    for (let round = 0; round < 15; round += 1) {
      catalogue.update(120, 2);
      await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    }
    const expected = await answers(await freshCopy(catalogue, 500), catalogue);
    const before = await copyBlockCount(db);
    // Stopped while packing (twice), then while re-pointing the index.
    for (const maxSteps of [2, 3, 40]) {
      const cut = await compactCopy(db, { maxSteps, packBlocksPerStep: 2, bucketsPerStep: 64 });
      expect(cut.finished).toBe(false);
      expect((await readCopyState(db)).compaction).toBeDefined();
      expect(await answers(db, catalogue)).toEqual(expected);
    }
    const underWay = (await readCopyState(db)).compaction;
    expect(underWay?.packed).toBe(underWay?.sources.length);
    expect(underWay?.bucketsDone).toBeGreaterThan(0);
    expect(underWay?.bucketsDone).toBeLessThan(4096);
    const rest = await compactCopy(db, { packBlocksPerStep: 2, bucketsPerStep: 64 });
    expect(rest.finished).toBe(true);
    expect((await readCopyState(db)).compaction).toBeUndefined();
    expect(rest.blocksAfter).toBeLessThan(before);
    expect(rest.blocksAfter).toBeLessThanOrEqual(denseBlocks((await readCopyState(db)).count) + 1);
    expect(await answers(db, catalogue)).toEqual(expected);
    expect(await cardsOf(db)).toEqual(await cardsOf(await freshCopy(catalogue, 500)));

    // Cut again, then an update arrives: it finishes the compaction first; no card is held twice.
    for (let round = 0; round < 10; round += 1) {
      catalogue.update(120, 2);
      await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    }
    expect((await compactCopy(db, { maxSteps: 3, packBlocksPerStep: 2 })).finished).toBe(false);
    catalogue.update(50, 3);
    await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    expect((await readCopyState(db)).compaction).toBeUndefined();
    const held = await cardsOf(db);
    expect(new Set(held.map((card) => card.key)).size).toBe(held.length);
    expect(held).toEqual(await cardsOf(await freshCopy(catalogue, 500)));
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 500), catalogue));
  });

  it('a copy written before the sparse list was kept is listed from its blocks, then compacted', async () => {
    const catalogue = new Catalogue(1500);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(300), control());
    for (let round = 0; round < 10; round += 1) {
      catalogue.update(100, 0);
      await downloadCopy(db, catalogue.feed(300), control(), { compact: false });
    }
    await db.copyMeta.delete('sparse');
    const result = await compactCopy(db);
    expect(result.steps).toBeGreaterThan(0);
    expect(result.blocksAfter).toBeLessThanOrEqual(denseBlocks((await readCopyState(db)).count) + 1);
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 300), catalogue));
  });
});

describe('an update into a held copy', { timeout: 180_000 }, () => {
  it('stores its pages in groups; a stop stores the pages read so far and the resume goes on from there', async () => {
    const catalogue = new Catalogue(1500);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(300), control());
    catalogue.update(900, 40);
    const feed = catalogue.feed(100);
    const pagesServed: Row[][] = [];
    const recorded: PageSource = async (request) => {
      const page = await feed(request);
      if (page.ok) pagesServed.push(page.rows as Row[]);
      return page;
    };
    const stop = new AbortController();
    let pages = 0;
    const stopped = await downloadCopy(db, recorded, { signal: stop.signal, progress: () => (pages += 1) === 5 && stop.abort() }, { compact: false, mergeGroup: 250 });
    expect(stopped.outcome).toBe('stopped');
    expect((await readCopyState(db)).status).toBe('partial');
    // Five pages read (pages are fetched ahead: more were served): the first three stored as a group of 250+,
    // the next two at the stop; what came after them is not stored yet.
    const lookup = copyLookup(db);
    for (const row of pagesServed.slice(0, 5).flat()) expect((await lookup.byNtin(row.ntin_code))?.nameRu, row.ntin_code).toBe(row.name_ru);
    const notYet = pagesServed.slice(5).flat().find((row) => row.name_ru.includes('ред.'));
    expect(notYet).toBeDefined();
    expect((await lookup.byNtin(notYet?.ntin_code ?? ''))?.nameRu).not.toBe(notYet?.name_ru);

    const resumed = await downloadCopy(db, catalogue.feed(100), control(), { compact: false, mergeGroup: 250 });
    expect(resumed.outcome).toBe('complete');
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 300), catalogue));
    expect((await readCopyState(db)).count).toBe(1540);
  });

  it('stores an update in groups, not page by page; a page that fails stores the pages read before it', async () => {
    const catalogue = new Catalogue(1500);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(300), control());
    catalogue.update(1000, 0);
    // Every transaction that stores cards writes the copy's state: counted.
    let stateWrites = 0;
    const put = db.copyMeta.put.bind(db.copyMeta);
    db.copyMeta.put = ((record: Parameters<typeof put>[0], key?: Parameters<typeof put>[1]) => {
      if (record.key === 'state') stateWrites += 1;
      return put(record, key);
    }) as typeof db.copyMeta.put;
    const feed = catalogue.feed(100);
    const pagesServed: Row[][] = [];
    let failAt: number | undefined = 8;
    const failing: PageSource = async (request) => {
      if (pagesServed.length + 1 === failAt) {
        failAt = undefined;
        return { ok: false, error: { kind: 'server', retryable: true, message: 'x', messageKey: 'catalogue.errors.server', status: 503, attributeCodes: [] } };
      }
      const page = await feed(request);
      if (page.ok) pagesServed.push(page.rows as Row[]);
      return page;
    };
    await expect(downloadCopy(db, failing, control(), { compact: false, mergeGroup: 250 })).rejects.toMatchObject({ code: 'network' });
    // Seven pages read: two groups of three and the seventh, stored when the eighth failed; three transactions.
    expect(stateWrites).toBe(3);
    const lookup = copyLookup(db);
    for (const row of pagesServed.slice(0, 7).flat()) expect((await lookup.byNtin(row.ntin_code))?.nameRu, row.ntin_code).toBe(row.name_ru);
    expect((await readCopyState(db)).status).toBe('partial');

    stateWrites = 0;
    expect((await downloadCopy(db, failing, control(), { compact: false, mergeGroup: 250 })).outcome).toBe('complete');
    const pages = pagesServed.length - 7;
    expect(stateWrites).toBeLessThanOrEqual(Math.ceil(pages / 3));
    expect(await answers(db, catalogue)).toEqual(await answers(await freshCopy(catalogue, 300), catalogue));
  });

  it('a stop during a compaction left from a crash stops the run with the copy whole; the next run finishes it', async () => {
    const catalogue = new Catalogue(2000);
    const db = newDatabase();
    await downloadCopy(db, catalogue.feed(500), control());
    for (let round = 0; round < 12; round += 1) {
      catalogue.update(120, 2);
      await downloadCopy(db, catalogue.feed(500), control(), { compact: false });
    }
    const expected = await answers(await freshCopy(catalogue, 500), catalogue);
    // The crash: a compaction cut after two steps.
    expect((await compactCopy(db, { maxSteps: 2, packBlocksPerStep: 2 })).finished).toBe(false);
    const stop = new AbortController();
    const phases: string[] = [];
    const run = await downloadCopy(db, catalogue.feed(500), {
      signal: stop.signal,
      progress: (value) => {
        phases.push(value.phase);
        if (value.phase === 'compact') stop.abort();
      },
    });
    expect(run).toMatchObject({ outcome: 'stopped', stored: 0 });
    expect(phases).toEqual(['compact']);
    expect((await readCopyState(db)).compaction).toBeDefined();
    expect(await answers(db, catalogue)).toEqual(expected);

    const next = control();
    expect((await downloadCopy(db, catalogue.feed(500), next)).outcome).toBe('complete');
    expect(next.seen[0]?.phase).toBe('compact');
    expect((await readCopyState(db)).compaction).toBeUndefined();
    expect(await answers(db, catalogue)).toEqual(expected);
  });
});
