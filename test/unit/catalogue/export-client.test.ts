/** The export client against the sandbox: following `next` verbatim, search and lookup, auth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { buildSeed } from '../../../src/sandbox/seed/index.ts';
import { CatalogueError, collect, createExportClient, type ExportClient } from '../../../src/shared/catalogue/index.ts';

const cards = 320;
const seed = buildSeed({ cards });
let sandbox: RunningSandbox;
let client: ExportClient;
const requested: { url: string; authorization: string | null }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards });
  client = createExportClient({
    baseUrl: sandbox.origin,
    token: sandbox.exportToken,
    fetch: (input, init) => {
      requested.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return fetch(input, init);
    },
    sleep: async () => {},
  });
});
afterAll(() => sandbox.close());

describe('export feed', () => {
  it('reads every row from `from`, following `next` verbatim with the JWT header', async () => {
    requested.length = 0;
    const pages = await collect(client.pages({ from: 0, limit: 100 }));
    expect(pages.map((page) => page.rows.length)).toEqual([100, 100, 100, 20]);
    expect(pages.every((page) => page.skipped.length === 0)).toBe(true);
    expect(requested[0]?.url).toBe(`${sandbox.exportBaseUrl}/ofd/?from=0&limit=100`);
    for (let index = 1; index < pages.length; index += 1) expect(requested[index]?.url).toBe(pages[index - 1]?.next);
    expect(requested.every((request) => request.authorization === `JWT ${sandbox.exportToken}`)).toBe(true);
    const rows = pages.flatMap((page) => page.rows);
    expect(new Set(rows.map((row) => row.ntin_code)).size).toBe(cards);
    expect(rows.some((row) => row.ntin_isdeactivated)).toBe(true);
    expect(rows[0]?.measure).toMatchObject({ code: expect.any(String) });
  });

  it('resumes from a cursor (max modified minus an overlap)', async () => {
    const from = seed.cards.modifiedOf(300);
    const rows = await collect(client.rows({ from, limit: 1000 }));
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => seed.cards.idOf(300 + i)));
  });

  it('reads the ofd_spec feed', async () => {
    const rows = await collect(client.rows({ from: 0, feed: 'ofd_spec' }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(cards);
  });

  it('keeps a card that has no usable `modified` (read as 0) and sets aside only a row without an id', async () => {
    const page = { result: [
      { id: 1, ntin_code: '0200000000017', name_ru: 'Сүт', modified: null },
      { id: 2, ntin_code: '0200000000024', name_ru: 'Айран' },
      { id: 3, ntin_code: '0200000000031', name_ru: 'Қымыз', modified: 'soon' },
      { id: 4, ntin_code: '0200000000048', name_ru: 'Шұбат', modified: '1764300000.5' },
      { ntin_code: '0200000000055', name_ru: 'no id', modified: 1 },
    ], next: null };
    const offline = createExportClient({ baseUrl: 'https://export.example/api/integration/ofd', fetch: async () => Response.json(page) });
    const [read] = await collect(offline.pages({ from: 0 }));
    expect(read?.rows.map((row) => [row.id, row.modified])).toEqual([[1, 0], [2, 0], [3, 0], [4, 1764300000.5]]);
    expect(read?.skipped).toEqual([page.result[4]]);
  });

  it('reports a wrong token as unauthorised', async () => {
    const wrong = createExportClient({ baseUrl: sandbox.exportBaseUrl, token: 'nope', fetch: (...args) => fetch(...args) });
    const error = await collect(wrong.rows({ from: 0 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error).toMatchObject({ kind: 'unauthorised', status: 401, serverMessage: 'Invalid token.' });
  });

  it('throttles to minIntervalMs with the injected clock and sleep', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttled = createExportClient({
      baseUrl: sandbox.exportBaseUrl,
      token: sandbox.exportToken,
      fetch: (...args) => fetch(...args),
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      minIntervalMs: 1000,
    });
    await collect(throttled.pages({ from: 0, limit: 100 }));
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('refuses a feed whose `next` points back at a page already read', async () => {
    const looping = createExportClient({
      baseUrl: 'https://nct.gov.kz',
      token: 't',
      fetch: (async () => new Response(JSON.stringify({ result: [{ id: 1, modified: 1 }], next: 'https://nct.gov.kz/api/integration/ofd/ofd/?from=0&limit=1000' }), { headers: { 'Content-Type': 'application/json' } })) as typeof fetch,
    });
    await expect(collect(looping.rows({ from: 0 }))).rejects.toThrow(/already read/);
  });
});

describe('search', () => {
  it('searches by name and looks up by NTIN or shared GTIN', async () => {
    expect((await client.search('кофе')).length).toBeGreaterThan(0);
    const card = seed.cards.card(5);
    expect((await client.lookup(card.ntin)).map((row) => row.ntin_code)).toEqual([card.ntin]);
    const index = Array.from({ length: cards }, (_, i) => i).find((i) => {
      const gtin = seed.cards.card(i).gtin;
      return gtin !== undefined && seed.cards.indicesOfGtin(gtin).length > 1;
    }) as number;
    expect((await client.lookup(seed.cards.card(index).gtin as string)).length).toBeGreaterThan(1);
    expect(await client.lookup('4600000000003')).toEqual([]);
  });
});
