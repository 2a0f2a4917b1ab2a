/** The nct.gov.kz export API (§10, §13.12): JWT auth, `{result, next}` pages, absolute `next`, search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { buildSeed } from '../../../src/sandbox/seed/index.ts';

const cards = 250;
const seed = buildSeed({ cards });
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards });
});
afterAll(() => sandbox.close());

type Page = { result: { id: number; ntin_code: string; modified: number; gtin: string; measure: unknown }[]; next: string | null };

async function get(url: string, token: string | null = sandbox.exportToken, scheme = 'JWT') {
  const response = await fetch(url, { headers: token === null ? {} : { Authorization: `${scheme} ${token}` } });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : undefined) as Page & { detail?: string }, response };
}

describe('auth', () => {
  it.each([
    ['no header', null, 'JWT'],
    ['a wrong token', 'nope', 'JWT'],
    ['the Bearer scheme', 'sandbox-demo-token', 'Bearer'],
  ])('answers 401 to %s on the export feed', async (_label, token, scheme) => {
    const answer = await get(`${sandbox.exportBaseUrl}/ofd/?from=0&limit=10`, token, scheme);
    expect(answer.status).toBe(401);
    expect(answer.json.detail).toEqual(expect.any(String));
  });

  it('lets search_ofd through without a token', async () => {
    expect((await get(`${sandbox.exportBaseUrl}/search_ofd/?tin=${seed.cards.card(3).ntin}`, null)).status).toBe(200);
  });
});

describe('ofd feed', () => {
  it('pages through the whole catalogue following absolute `next` links, in (modified, id) order', async () => {
    let url: string | null = `${sandbox.exportBaseUrl}/ofd/?from=0&limit=100`;
    const ids: number[] = [];
    let previous = Number.NEGATIVE_INFINITY;
    let pages = 0;
    while (url) {
      expect(url.startsWith(sandbox.exportBaseUrl)).toBe(true);
      const answer: { json: Page } = await get(url);
      for (const row of answer.json.result) {
        expect(row.modified).toBeGreaterThanOrEqual(previous);
        previous = row.modified;
        ids.push(row.id);
      }
      url = answer.json.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(cards);
    expect(new Set(ids).size).toBe(cards);
  });

  it('starts at `from` (inclusive) in unix seconds', async () => {
    const from = seed.cards.modifiedOf(200);
    const answer = await get(`${sandbox.exportBaseUrl}/ofd/?from=${from}&limit=1000`);
    expect(answer.json.result[0]?.id).toBe(seed.cards.idOf(200));
    expect(answer.json.result).toHaveLength(50);
    expect(answer.json.next).toBeNull();
  });

  it('reports the row fields of §10.3', async () => {
    const answer = await get(`${sandbox.exportBaseUrl}/ofd/?from=0&limit=5`);
    expect(answer.json.result[0]).toEqual({
      id: expect.any(Number),
      name_ru: expect.any(String),
      name_kk: expect.any(String),
      gtin: expect.any(String),
      ntin_code: expect.stringMatching(/^0200\d{9}$/),
      is_social: expect.any(Boolean),
      is_markedeac: expect.any(Boolean),
      ntin_isdeactivated: expect.any(Boolean),
      modified: expect.any(Number),
      measure: { code: expect.any(String), name: expect.any(String), short_name: expect.any(String) },
    });
  });

  it('redirects the path without a trailing slash, and refuses a limit over 5000', async () => {
    const redirect = await fetch(`${sandbox.exportBaseUrl}/ofd?from=0&limit=1`, { redirect: 'manual', headers: { Authorization: `JWT ${sandbox.exportToken}` } });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/api/integration/ofd/ofd/?from=0&limit=1');
    expect((await get(`${sandbox.exportBaseUrl}/ofd/?from=0&limit=5001`)).status).toBe(400);
  });

  it('ofd_spec holds medicines only', async () => {
    const answer = await get(`${sandbox.exportBaseUrl}/ofd_spec/?from=0&limit=5000`);
    expect(answer.json.result.length).toBeGreaterThan(0);
    for (const row of answer.json.result) {
      const index = seed.cards.indexOfNtin(row.ntin_code) as number;
      expect(seed.leaf(seed.cards.card(index).oktru)?.sectionKey).toBe('medicines');
    }
  });
});

describe('search_ofd', () => {
  it('finds by name (q) with rows in `result`', async () => {
    const answer = await get(`${sandbox.exportBaseUrl}/search_ofd/?q=${encodeURIComponent('шоколад')}`);
    expect(answer.status).toBe(200);
    expect(answer.json.result.length).toBeGreaterThan(0);
  });

  it('finds every card sharing a GTIN (tin)', async () => {
    const index = Array.from({ length: cards }, (_, i) => i).find((i) => {
      const gtin = seed.cards.card(i).gtin;
      return gtin !== undefined && seed.cards.indicesOfGtin(gtin).length > 1;
    }) as number;
    const gtin = seed.cards.card(index).gtin as string;
    const answer = await get(`${sandbox.exportBaseUrl}/search_ofd/?tin=${gtin}`);
    expect(answer.json.result.length).toBe(seed.cards.indicesOfGtin(gtin).length);
  });

  it('answers 400 without q or tin', async () => {
    expect((await get(`${sandbox.exportBaseUrl}/search_ofd/`)).status).toBe(400);
  });
});
