/** The offline catalogue copy in real IndexedDB: download, resume, damaged pages, snapshot import. */
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import type { ExportPageRequest, ExportPageResult } from '../../src/shared/catalogue-export-call.ts';
import { checkScan, createSnapshotWriter, type CopyCard } from '../../src/shared/inspection/index.ts';
import { eachCopyBatch, readCopyState } from '../../src/renderer/db/catalogue-copy.ts';
import { copyLookup } from '../../src/renderer/db/copy-lookup.ts';
import type { NcgDatabase } from '../../src/renderer/db/database.ts';
import { prefetchingEndpoint } from '../../src/renderer/features/inspection/copy-client.ts';
import { CopyRunError, downloadCopy, importSnapshotFile, type CopyProgress, type PageSource } from '../../src/renderer/features/inspection/copy-sync.ts';
import { scratchDatabases } from './scratch-database.ts';

const newDatabase = scratchDatabases('inspection-copy');
const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const ntinOf = (serial: number) => withCheck(`0200${String(serial).padStart(8, '0')}`);
const sharedGtin = withCheck('487100000001');

/** Feed rows as the export API sends them; cards 1..n, every 100th shares a GTIN, every 50th deactivated. */
function feedRows(count: number, offset = 0) {
  return Array.from({ length: count }, (_, index) => {
    const serial = offset + index + 1;
    return {
      id: serial,
      name_ru: `Товар ${serial}`,
      name_kk: `Тауар ${serial} Қазақ`,
      gtin: serial % 100 === 0 || serial % 100 === 1 ? sharedGtin : serial % 3 === 0 ? '' : withCheck(`4870${String(serial).padStart(8, '0')}`),
      ntin_code: ntinOf(serial),
      is_social: false,
      is_markedeac: false,
      ntin_isdeactivated: serial % 50 === 7,
      modified: 1_760_000_000 + serial,
      measure: { code: '796', name: 'штука', short_name: 'шт' },
    };
  });
}

/** An export feed of `pages` pages, with one page replaced by a damaged answer while `damaged` says so. */
function feed(rows: ReturnType<typeof feedRows>, pageSize: number, damaged?: { page: number; answer: ExportPageResult | 'throw' }): PageSource & { requests: ExportPageRequest[] } {
  const requests: ExportPageRequest[] = [];
  const source = async (request: ExportPageRequest): Promise<ExportPageResult> => {
    requests.push(request);
    const page = request.url ? Number(new URL(request.url).searchParams.get('page')) : 0;
    const from = request.url ? Number(new URL(request.url).searchParams.get('from')) : (request.from ?? 0);
    if (damaged && damaged.page === page) {
      if (damaged.answer === 'throw') throw new Error('offline');
      return damaged.answer;
    }
    const eligible = rows.filter((row) => row.modified >= from);
    const slice = eligible.slice(0, pageSize);
    const more = eligible.length > pageSize;
    const last = slice[slice.length - 1];
    return { ok: true, rows: slice, skipped: 0, next: more && last ? `https://feed.test/ofd/?page=${page + 1}&from=${last.modified + 0.5}` : null };
  };
  return Object.assign(source, { requests });
}

/** Every current card of the copy, by key; fails on a key held twice. */
async function heldCards(db: NcgDatabase): Promise<CopyCard[]> {
  const cards: CopyCard[] = [];
  await eachCopyBatch(db, 1000, (batch) => {
    cards.push(...batch);
  });
  cards.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  expect(new Set(cards.map((card) => card.key)).size).toBe(cards.length);
  return cards;
}

const heldCount = async (db: NcgDatabase) => (await heldCards(db)).length;

function control(abortAfter?: number) {
  const controller = new AbortController();
  const seen: CopyProgress[] = [];
  return {
    signal: controller.signal,
    seen,
    progress(value: CopyProgress) {
      seen.push(value);
      if (abortAfter !== undefined && seen.length >= abortAfter) controller.abort();
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<CopyRunError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CopyRunError);
  return error as CopyRunError;
}

describe('catalogue copy download', () => {
  it('downloads every page, indexes NTIN and every card of a GTIN, keeps deactivated cards', async () => {
    const db = newDatabase();
    const rows = feedRows(1200);
    const run = control();
    const result = await downloadCopy(db, feed(rows, 500), run);
    expect(result).toMatchObject({ outcome: 'complete', stored: 1200, added: 1200, held: 1200 });
    expect(run.seen.at(-1)).toMatchObject({ cards: 1200, fraction: 1, secondsLeft: 0 });
    const state = await readCopyState(db);
    expect(state).toMatchObject({ status: 'complete', count: 1200, maxNtinSerial: 1200, resumeUrl: undefined });
    expect(state.copyDate).toBe(result.copyDate);
    const lookup = copyLookup(db);
    expect((await checkScan(ntinOf(5), lookup, state)).kind).toBe('registered');
    expect((await checkScan(ntinOf(5).slice(1), lookup, state)).kind).toBe('registered');
    expect((await checkScan(ntinOf(7), lookup, state)).kind).toBe('deactivated');
    const several = await checkScan(sharedGtin, lookup, state);
    expect(several.kind).toBe('several');
    expect(several.kind !== 'invalid' && several.cards.length).toBe(rows.filter((row) => row.gtin === sharedGtin).length);
    expect((await checkScan(ntinOf(1300), lookup, state)).kind).toBe('not-yet-in-copy');
    expect((await checkScan(withCheck('460000000001'), lookup, state)).kind).toBe('not-found');
  });

  it('a damaged page mid-download stores nothing of it; the run resumes from that page without duplicates', async () => {
    const db = newDatabase();
    const rows = feedRows(1500);
    // A row whose code is an object (a row without a modified time is still a card: read as 0 since ec62690).
    const badShape = { ok: true as const, rows: [{ id: 'x', modified: 'soon', ntin_code: {} }], skipped: 0, next: null };
    let error = await failure(downloadCopy(db, feed(rows, 500, { page: 1, answer: badShape }), control()));
    expect(error.code).toBe('badPage');
    let state = await readCopyState(db);
    expect(state).toMatchObject({ status: 'partial', count: 500 });
    expect(state.resumeUrl).toContain('page=1');
    // the network drops on the same page: still 500, same resume point
    error = await failure(downloadCopy(db, feed(rows, 500, { page: 1, answer: 'throw' }), control()));
    expect(error.code).toBe('network');
    const http500: ExportPageResult = { ok: false, error: { kind: 'server', retryable: true, message: 'x', messageKey: 'catalogue.errors.server', status: 500, attributeCodes: [] } };
    expect((await failure(downloadCopy(db, feed(rows, 500, { page: 1, answer: http500 }), control()))).params).toEqual({ detail: 'HTTP 500' });
    expect((await readCopyState(db)).count).toBe(500);
    const resumed = feed(rows, 500);
    const result = await downloadCopy(db, resumed, control());
    expect(resumed.requests[0]?.url).toContain('page=1');
    expect(result).toMatchObject({ outcome: 'complete', added: 1000, held: 1500 });
    expect(await heldCount(db)).toBe(1500);
    state = await readCopyState(db);
    expect(state.status).toBe('complete');
  });

  it('a damaged page during an update leaves the complete copy as it was', async () => {
    const db = newDatabase();
    await downloadCopy(db, feed(feedRows(600), 500), control());
    const before = await readCopyState(db);
    const rows = [...feedRows(600), ...feedRows(200, 600)];
    const unreadable: ExportPageResult = { ok: true, rows: [], skipped: 3, next: null };
    expect((await failure(downloadCopy(db, feed(rows, 500, { page: 0, answer: unreadable }), control()))).code).toBe('badPage');
    expect(await readCopyState(db)).toEqual(before);
    const update = feed(rows, 500);
    const result = await downloadCopy(db, update, control());
    // incremental: starts at the newest `modified` held minus the overlap, not at 0
    expect(update.requests[0]?.from).toBe(before.cursor - 300);
    expect(result).toMatchObject({ outcome: 'complete', added: 200, held: 800 });
  });

  it('a full disk stops cleanly: pages stored so far kept, the space still needed said', async () => {
    const db = newDatabase();
    const rows = feedRows(1500);
    const realBulkPut = db.copyBlocks.bulkPut.bind(db.copyBlocks);
    let calls = 0;
    // The one edge a test cannot reach for real: the browser's quota. The second page's write is refused as Chromium refuses it.
    db.copyBlocks.bulkPut = ((...args: Parameters<typeof realBulkPut>) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : realBulkPut(...args);
    }) as typeof db.copyBlocks.bulkPut;
    const error = await failure(downloadCopy(db, feed(rows, 500), control()));
    expect(error.code).toBe('quota');
    expect(error.params['stored']).toBe(500);
    expect(Number(error.params['needed'])).toBeGreaterThan(0);
    expect(await readCopyState(db)).toMatchObject({ status: 'partial', count: 500 });
    expect(await heldCount(db)).toBe(500);
    db.copyBlocks.bulkPut = realBulkPut as typeof db.copyBlocks.bulkPut;
    expect(await downloadCopy(db, feed(rows, 500), control())).toMatchObject({ outcome: 'complete', held: 1500 });
  });

  it('a refused token stops before anything is written', async () => {
    const db = newDatabase();
    const refused: ExportPageResult = { ok: false, error: { kind: 'unauthorised', retryable: false, message: 'Invalid token.', messageKey: 'catalogue.errors.unauthorised', status: 401, attributeCodes: [] } };
    expect((await failure(downloadCopy(db, feed(feedRows(10), 500, { page: 0, answer: refused }), control()))).code).toBe('unauthorised');
    expect(await readCopyState(db)).toMatchObject({ status: 'empty', count: 0 });
  });

  it('stops when asked and continues later from where it stopped', async () => {
    const db = newDatabase();
    const rows = feedRows(1500);
    const stopped = await downloadCopy(db, feed(rows, 500), control(1));
    expect(stopped).toMatchObject({ outcome: 'stopped', held: 500 });
    const result = await downloadCopy(db, feed(rows, 500), control());
    expect(result).toMatchObject({ outcome: 'complete', held: 1500, added: 1000 });
  });
});

describe('snapshot import', () => {
  async function snapshotOf(cards: CopyCard[], copyDate: string): Promise<Uint8Array> {
    const writer = createSnapshotWriter();
    writer.add(cards);
    return writer.finish({ copyDate, cursor: Math.max(...cards.map((card) => card.modified)), maxNtinSerial: cards.length });
  }

  function cardsOf(count: number): CopyCard[] {
    return feedRows(count).map((row) => ({ key: row.ntin_code, id: row.id, ntin: row.ntin_code, gtin: row.gtin ? row.gtin.padStart(14, '0') : '', nameRu: row.name_ru, nameKk: row.name_kk, unit: 'шт', deactivated: row.ntin_isdeactivated, social: false, modified: row.modified }));
  }

  it('imports a file with the same result as a download, and refuses a damaged one without touching the copy', async () => {
    const downloaded = newDatabase();
    await downloadCopy(downloaded, feed(feedRows(1200), 500), control());
    const db = newDatabase();
    const bytes = await snapshotOf(cardsOf(1200), '2026-11-01T08:00:00.000Z');
    const run = control();
    const result = await importSnapshotFile(db, new Blob([bytes as Uint8Array<ArrayBuffer>]), run);
    expect(result).toMatchObject({ outcome: 'complete', stored: 1200, held: 1200, copyDate: '2026-11-01T08:00:00.000Z' });
    expect(run.seen.at(-1)).toMatchObject({ phase: 'import', cards: 1200, fraction: 1 });
    expect(await heldCards(db)).toEqual(await heldCards(downloaded));
    const before = await readCopyState(db);

    const truncated = new Blob([bytes.subarray(0, bytes.length - 10) as Uint8Array<ArrayBuffer>]);
    expect((await failure(importSnapshotFile(db, truncated, control()))).code).toBe('inspection.snapshot.truncated');
    const altered = bytes.slice();
    altered[altered.length - 40] = (altered[altered.length - 40] ?? 0) ^ 0x10;
    expect((await failure(importSnapshotFile(db, new Blob([altered as Uint8Array<ArrayBuffer>]), control()))).code).toBe('inspection.snapshot.tampered');
    expect(await readCopyState(db)).toEqual(before);
    expect(await heldCount(db)).toBe(1200);
  });

  it('an older snapshot never replaces newer cards', async () => {
    const db = newDatabase();
    const newer = cardsOf(10).map((card) => ({ ...card, nameRu: `${card.nameRu} (новое)`, modified: card.modified + 1000 }));
    await importSnapshotFile(db, new Blob([(await snapshotOf(newer, '2026-11-20T08:00:00.000Z')) as Uint8Array<ArrayBuffer>]), control());
    const result = await importSnapshotFile(db, new Blob([(await snapshotOf(cardsOf(20), '2026-10-01T08:00:00.000Z')) as Uint8Array<ArrayBuffer>]), control());
    expect(result).toMatchObject({ held: 20, added: 10, copyDate: '2026-11-20T08:00:00.000Z' });
    expect((await copyLookup(db).byNtin(ntinOf(3)))?.nameRu).toBe('Товар 3 (новое)');
    expect(await heldCount(db)).toBe(20);
  });
});

describe('export pages fetched ahead for the worker', () => {
  it('fetches the pages the answers name, at most two ahead, each once, and a failed one fails when asked for', async () => {
    const asked: string[] = [];
    const page = (index: number): ExportPageResult => ({ ok: true, rows: [], skipped: 0, next: index < 5 ? `https://feed.test/ofd/?page=${index + 1}` : null });
    const endpoint = prefetchingEndpoint(async (request) => {
      const index = request.url ? Number(new URL(request.url).searchParams.get('page')) : 0;
      asked.push(String(index));
      if (index === 4) throw new Error('offline');
      return page(index);
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    expect(await endpoint.page({ from: 0, limit: 10 })).toEqual(page(0));
    await expect.poll(() => asked).toEqual(['0', '1', '2']);
    await settle();
    expect(asked).toEqual(['0', '1', '2']);
    expect(await endpoint.page({ url: 'https://feed.test/ofd/?page=1' })).toEqual(page(1));
    await expect.poll(() => asked).toEqual(['0', '1', '2', '3']);
    expect(await endpoint.page({ url: 'https://feed.test/ofd/?page=2' })).toEqual(page(2));
    expect(await endpoint.page({ url: 'https://feed.test/ofd/?page=3' })).toEqual(page(3));
    await expect(endpoint.page({ url: 'https://feed.test/ofd/?page=4' })).rejects.toThrow('offline');
    // a page not fetched ahead is fetched when asked
    expect(await endpoint.page({ url: 'https://feed.test/ofd/?page=5' })).toEqual(page(5));
    expect(asked).toEqual(['0', '1', '2', '3', '4', '5']);
  });
});
