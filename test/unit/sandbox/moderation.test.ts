/** The sandbox's moderator: modes (instant, manual, delay), scripted markers, the duplicate check, admin routes. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { hasValidGs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { admin, govBody, jpegBytes, portal, requestsPath, seed, uploadRaw, validBody } from './fixtures.ts';

let sandbox: RunningSandbox;
let call: ReturnType<typeof portal>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  call = portal(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, 'PUT', '/moderation', { mode: 'instant' });
});

async function submit(body = validBody()): Promise<number> {
  const created = await call('POST', requestsPath, { body });
  const id = (created.json as unknown as { id: number }).id;
  const moderation = await call('PUT', `${requestsPath}/${id}/moderation`);
  expect(moderation.status, moderation.text).toBe(200);
  return id;
}

const status = async (id: number) => (await call('GET', `${requestsPath}/${id}/status`)).json as unknown as Record<string, unknown> & { code: string };

describe('scripted markers (instant mode)', () => {
  it('[revision] → underRevision with comment and revisionDetails; a resubmission passes', async () => {
    const id = await submit(validBody({ name: `[revision] Молоко ${Date.now()}` }));
    const first = await status(id);
    expect(first).toMatchObject({ code: 'underRevision', value: 'На доработке', comment: expect.any(String) });
    expect(first['revisionDetails']).toEqual(expect.arrayContaining([expect.objectContaining({ attributeCode: 'name_kk', comment: expect.any(String) })]));
    expect(first).not.toHaveProperty('nextAction');
    expect((await call('PUT', `${requestsPath}/${id}`, { body: validBody({ name: `[revision] Молоко ${Date.now()}` }) })).status).toBe(200);
    expect((await call('PUT', `${requestsPath}/${id}/moderation`)).status).toBe(200);
    expect(await status(id)).toEqual({ code: 'readyToPublish', value: 'Готов к публикации' });
  });

  it('[reject] → rejected with a comment, and the list shows the rejection reason', async () => {
    const id = await submit(validBody({ name: `[reject] Молоко ${Date.now()}` }));
    expect(await status(id)).toMatchObject({ code: 'rejected', comment: expect.any(String) });
    const list = (await call('GET', `${requestsPath}?page=1&size=100&status=rejected`)).json as unknown as { content: { id: number; rejectionReason?: unknown }[] };
    expect(list.content.find((item) => item.id === id)?.rejectionReason).toMatchObject({ reasonItem: { code: 'MISSING_COUNTRY' } });
  });

  it('[similar] → underRevision + reason + nextAction, duplicates listed with similarity, USE_EXISTING → existingProductSelected', async () => {
    const id = await submit(validBody({ name: `[similar] Молоко ${Date.now()}` }));
    const current = await status(id);
    expect(current).toMatchObject({
      code: 'underRevision',
      reason: expect.any(String),
      nextAction: { method: 'GET', endpoint: `/gwp/portal/api/v1/products/requests/${id}/duplicates` },
    });
    const duplicates = (await call('GET', `${requestsPath}/${id}/duplicates`)).json as unknown as { ntin: string; similarity: number; orderNumber: number }[];
    expect(duplicates.length).toBeGreaterThan(0);
    expect(duplicates[0]).toMatchObject({ orderNumber: 1, similarity: expect.any(Number), ntin: expect.stringMatching(/^0200\d{9}$/) });
    const chosen = duplicates[0]?.ntin as string;
    expect((await call('POST', `${requestsPath}/${id}/duplicate-decision`, { body: { decision: 'USE_EXISTING', ntin: chosen } })).status).toBe(200);
    expect(await status(id)).toMatchObject({ code: 'existingProductSelected', ntinCode: chosen, productUrl: expect.stringMatching(/^https:\/\/nationalcatalog\.kz\/product\/\d+$/) });
  });

  it('[exists] → rejected with the existing card’s ntinCode and productUrl, no nextAction', async () => {
    const id = await submit(validBody({ name: `[exists] Молоко ${Date.now()}` }));
    const current = await status(id);
    expect(current).toMatchObject({ code: 'rejected', comment: expect.any(String), ntinCode: expect.stringMatching(/^0200\d{9}$/) });
    expect(current).not.toHaveProperty('nextAction');
    const existing = (await call('GET', `/portal/api/v2/products/${current['ntinCode']}`)).json as unknown as { id: number }[];
    expect(current['productUrl']).toBe(`https://nationalcatalog.kz/product/${existing[0]?.id}`);
  });

  it('[photo] → underRevision with photoModeration and the AI reason', async () => {
    const id = await submit(validBody({ name: `[photo] Молоко ${Date.now()}` }));
    expect(await status(id)).toMatchObject({ code: 'underRevision', reason: 'Изображения не прошли проверку ИИ', photoModeration: { score: expect.any(Number) } });
  });
});

describe('automatic duplicate check', () => {
  it('rejects a request for a card that already exists (same GTIN and name)', async () => {
    const card = seed.cards.card(Array.from({ length: 100 }, (_, i) => i).find((i) => seed.cards.card(i).gtin) as number);
    const body = validBody({ name: card.nameRu, extra: [{ code: 'gtin', value: card.gtin as string }] });
    const id = await submit(body);
    expect(await status(id)).toMatchObject({ code: 'rejected', ntinCode: card.ntin });
  });

  it('sends a request whose GTIN is already used to duplicate review', async () => {
    const card = seed.cards.card(Array.from({ length: 100 }, (_, i) => i).find((i) => seed.cards.card(i).gtin) as number);
    const id = await submit(validBody({ extra: [{ code: 'gtin', value: card.gtin as string }] }));
    expect(await status(id)).toMatchObject({ code: 'underRevision', nextAction: expect.any(Object) });
    const duplicates = (await call('GET', `${requestsPath}/${id}/duplicates`)).json as unknown as { ntin: string }[];
    expect(duplicates.map((match) => match.ntin)).toContain(card.ntin);
  });
});

describe('manual mode and the admin routes', () => {
  it('keeps requests onModeration; cancel → cancelled; update of a cancelled request → new', async () => {
    await admin(sandbox, 'PUT', '/moderation', { mode: 'manual' });
    const id = await submit();
    expect(await status(id)).toEqual({ code: 'onModeration', value: 'На модерации' });
    expect((await call('PUT', `${requestsPath}/${id}`, { body: validBody() })).status).toBe(422);
    expect((await call('PUT', `${requestsPath}/${id}/cancel`)).status).toBe(200);
    expect(await status(id)).toEqual({ code: 'cancelled', value: 'Отозвано' });
    expect((await call('PUT', `${requestsPath}/${id}/moderation`)).status).toBe(422);
    expect((await call('PUT', `${requestsPath}/${id}`, { body: validBody() })).status).toBe(200);
    expect((await status(id)).code).toBe('new');
  });

  it('accept → accepted (cancel then refused), approve → readyToPublish', async () => {
    await admin(sandbox, 'PUT', '/moderation', { mode: 'manual' });
    const id = await submit();
    expect((await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'accept' })).json).toMatchObject({ status: 'accepted' });
    expect((await status(id)).code).toBe('accepted');
    expect((await call('PUT', `${requestsPath}/${id}/cancel`)).status).toBe(422);
    await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'approve' });
    expect((await status(id)).code).toBe('readyToPublish');
    expect((await admin(sandbox, 'POST', `/requests/${id}/moderate`, {})).status).toBe(422);
  });

  it('moderation/run decides every waiting request with the scripted outcome', async () => {
    await admin(sandbox, 'PUT', '/moderation', { mode: 'manual' });
    const plain = await submit();
    const revision = await submit(validBody({ name: `[revision] Сок ${Date.now()}` }));
    const run = await admin(sandbox, 'POST', '/moderation/run');
    expect(run.json?.['decided']).toEqual(expect.arrayContaining([plain, revision]));
    expect((await status(plain)).code).toBe('readyToPublish');
    expect((await status(revision)).code).toBe('underRevision');
  });
});

describe('delay mode', () => {
  it('shows onModeration, then accepted after half the delay, then the outcome (injected clock)', async () => {
    let clock = 1_760_000_000_000;
    const delayed = await startSandbox({ port: 0, moderation: { delayMs: 60_000 }, now: () => clock });
    try {
      const raw = portal(delayed);
      const id = ((await raw('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
      expect((await raw('PUT', `${requestsPath}/${id}/moderation`)).status).toBe(200);
      const code = async () => ((await raw('GET', `${requestsPath}/${id}/status`)).json as unknown as { code: string }).code;
      expect(await code()).toBe('onModeration');
      clock += 30_000;
      expect(await code()).toBe('accepted');
      clock += 29_999;
      expect(await code()).toBe('accepted');
      clock += 1;
      expect(await code()).toBe('readyToPublish');
    } finally {
      await delayed.close();
    }
  });
});

describe('publication', () => {
  it('autoPublication: true publishes right after approval with a valid NTIN', async () => {
    const id = await submit(validBody({ autoPublication: true }));
    const current = await status(id);
    expect(current).toMatchObject({ code: 'completed', ntinCode: expect.stringMatching(/^0200\d{9}$/), productUrl: expect.stringMatching(/\/product\/\d+$/) });
    expect(hasValidGs1CheckDigit(current['ntinCode'] as string)).toBe(true);
  });

  it('an extended card completes with gzStatus, which the admin route moves on; KZTIN never appears in /status', async () => {
    const front = (await uploadRaw(sandbox, 'photo', jpegBytes(), 'front.jpg')).json?.['filename'] as string;
    const back = (await uploadRaw(sandbox, 'photo', jpegBytes(), 'back.jpg')).json?.['filename'] as string;
    const id = await submit(govBody([{ fileName: front, imageType: 'FRONT' }, { fileName: back, imageType: 'BACK' }]));
    expect((await status(id)).code).toBe('readyToPublish');
    expect((await call('PUT', `${requestsPath}/${id}/publish`)).status).toBe(200);
    expect(await status(id)).toMatchObject({ code: 'completed', gzStatus: { code: 'publishingGz', value: 'Публикация' } });
    await admin(sandbox, 'POST', `/requests/${id}/gz`, { code: 'underRevisionGz', comment: 'Уточните код ЕНС ТРУ' });
    const after = await status(id);
    expect(after).toMatchObject({ code: 'completed', gzStatus: { code: 'underRevisionGz', comment: 'Уточните код ЕНС ТРУ' } });
    expect(JSON.stringify(after)).not.toMatch(/kztin/i);
  });

  it('speaks Kazakh status labels when asked with Accept-Language: kk', async () => {
    const id = await submit();
    const answer = await call('GET', `${requestsPath}/${id}/status`, { headers: { 'Accept-Language': 'kk' } });
    expect(answer.json).toEqual({ code: 'readyToPublish', value: 'Жариялауға дайын' });
  });
});
