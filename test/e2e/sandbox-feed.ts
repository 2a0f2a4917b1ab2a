/** The sandbox's export feed read directly by a spec (the oracle the app's catalogue copy is checked against). */
import { expect, type APIRequestContext } from '@playwright/test';

export interface FeedRow {
  id: number;
  name_kk: string;
  name_ru: string;
  gtin: string;
  ntin_code: string;
  ntin_isdeactivated: boolean;
}

/** Every row of the feed the web twin's sandbox serves, following `next`. */
export async function sandboxFeed(request: APIRequestContext): Promise<FeedRow[]> {
  const config = (await (await request.get('web-twin.json')).json()) as { exportBaseUrl: string; exportToken?: string };
  const rows: FeedRow[] = [];
  let next: string | null = `${config.exportBaseUrl}/ofd/?from=0&limit=5000`;
  while (next) {
    const answer = await request.get(next, { headers: { Authorization: `JWT ${config.exportToken ?? 'sandbox-demo-token'}` } });
    expect(answer.ok()).toBe(true);
    const page = (await answer.json()) as { result: FeedRow[]; next: string | null };
    rows.push(...page.result);
    next = page.next;
  }
  return rows;
}

/** An active card from the feed's first page (a published card a test can open by its NTIN). */
export async function activeCard(request: APIRequestContext): Promise<FeedRow> {
  const config = (await (await request.get('web-twin.json')).json()) as { exportBaseUrl: string; exportToken?: string };
  const answer = await request.get(`${config.exportBaseUrl}/ofd/?from=0&limit=50`, { headers: { Authorization: `JWT ${config.exportToken ?? 'sandbox-demo-token'}` } });
  expect(answer.ok()).toBe(true);
  const card = ((await answer.json()) as { result: FeedRow[] }).result.find((row) => !row.ntin_isdeactivated);
  if (!card) throw new Error('the sandbox feed’s first page has no active card');
  return card;
}
