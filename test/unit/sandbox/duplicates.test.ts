/**
 * The sandbox publishes one card per product (issue 9, item 11): the duplicate check also sees requests
 * approved and waiting to publish, and publication checks again, so identical requests never make two NTINs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { admin, portal, requestsPath, validBody } from './fixtures.ts';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A GTIN no seed card carries (prefix 200: in-store numbers), with its check digit. */
function unusedGtin(serial: number): string {
  const body = `200${String(serial).padStart(9, '0')}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const identicalBody = (gtin: string, autoPublication: boolean) =>
  validBody({ name: `Айран «Бірдей» ${gtin}`, autoPublication, extra: [{ code: 'gtin', value: gtin }] });

async function createAndSubmit(call: ReturnType<typeof portal>, body: ReturnType<typeof validBody>): Promise<number> {
  const created = await call('POST', requestsPath, { body });
  expect(created.status, created.text).toBe(200);
  const id = (created.json as unknown as { id: number }).id;
  const submitted = await call('PUT', `${requestsPath}/${id}/moderation`);
  expect(submitted.status, submitted.text).toBe(200);
  return id;
}

async function statusOf(call: ReturnType<typeof portal>, id: number) {
  return (await call('GET', `${requestsPath}/${id}/status`)).json as unknown as { code: string; ntinCode?: string; comment?: string };
}

describe('sandbox duplicate check', () => {
  it('publishes one card for 50 identical requests with autoPublication false', async () => {
    sandbox = await startSandbox({ port: 0, cards: 50 });
    const call = portal(sandbox);
    const gtin = unusedGtin(4242);
    const ids = await Promise.all(Array.from({ length: 50 }, () => createAndSubmit(call, identicalBody(gtin, false))));
    const statuses = await Promise.all(ids.map((id) => statusOf(call, id)));
    expect(statuses.filter((status) => status.code === 'readyToPublish')).toHaveLength(1);
    expect(statuses.filter((status) => status.code === 'rejected')).toHaveLength(49);
    expect(statuses.find((status) => status.code === 'rejected')?.comment).toMatch(/ожидает публикации/);

    const published = await Promise.all(ids.map((id) => call('PUT', `${requestsPath}/${id}/publish`)));
    expect(published.filter((answer) => answer.status === 200)).toHaveLength(1);
    const cards = (await call('GET', `/portal/api/v2/products/${gtin}`)).json as unknown as { ntin: string }[];
    expect(cards).toHaveLength(1);
    const ntins = new Set((await Promise.all(ids.map((id) => statusOf(call, id)))).map((status) => status.ntinCode).filter(Boolean));
    expect(ntins.size).toBe(1);
  });

  it('publishes one card for 50 identical requests with autoPublication true', async () => {
    sandbox = await startSandbox({ port: 0, cards: 50 });
    const call = portal(sandbox);
    const gtin = unusedGtin(4343);
    const ids = await Promise.all(Array.from({ length: 50 }, () => createAndSubmit(call, identicalBody(gtin, true))));
    const statuses = await Promise.all(ids.map((id) => statusOf(call, id)));
    expect(statuses.filter((status) => status.code === 'completed')).toHaveLength(1);
    expect(new Set(statuses.map((status) => status.ntinCode)).size).toBe(1);
    expect((await call('GET', `/portal/api/v2/products/${gtin}`)).json).toHaveLength(1);
  });

  it('refuses at publication a twin that reached readyToPublish beside the first (admin override)', async () => {
    sandbox = await startSandbox({ port: 0, cards: 50, moderation: 'manual' });
    const call = portal(sandbox);
    const gtin = unusedGtin(4444);
    const first = await createAndSubmit(call, identicalBody(gtin, false));
    const second = await createAndSubmit(call, identicalBody(gtin, false));
    for (const id of [first, second]) expect((await admin(sandbox, 'POST', `/requests/${id}/moderate`, { outcome: 'approve' })).status).toBe(200);
    expect((await statusOf(call, second)).code).toBe('readyToPublish');

    expect((await call('PUT', `${requestsPath}/${first}/publish`)).status).toBe(200);
    const ntin = (await statusOf(call, first)).ntinCode;
    const refused = await call('PUT', `${requestsPath}/${second}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: 'BUSINESS_ERROR' });
    const after = await statusOf(call, second);
    expect(after.code).toBe('rejected');
    expect(after.ntinCode).toBe(ntin);
    expect((await call('GET', `/portal/api/v2/products/${gtin}`)).json).toHaveLength(1);
  });

  it('still approves a different product with another GTIN and name', async () => {
    sandbox = await startSandbox({ port: 0, cards: 50 });
    const call = portal(sandbox);
    const first = await createAndSubmit(call, identicalBody(unusedGtin(4545), false));
    const other = await createAndSubmit(call, identicalBody(unusedGtin(4646), false));
    expect((await statusOf(call, first)).code).toBe('readyToPublish');
    expect((await statusOf(call, other)).code).toBe('readyToPublish');
  });
});
