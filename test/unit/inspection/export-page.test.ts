/** The `catalogue:exportPage` bridge channel's host side, against the real sandbox feed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportClient } from '../../../src/shared/catalogue/index.ts';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/shared/bridge.ts';
import { runExportPage } from '../../../src/shared/catalogue-export-call.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: 250 });
});
afterAll(async () => {
  await sandbox?.close();
});

function handlers(token: string): Pick<BridgeHandlers, 'catalogue:exportPage'> {
  const client = createExportClient({ baseUrl: sandbox.exportBaseUrl, token, fetch: globalThis.fetch, retry: { attempts: 1 } });
  return { 'catalogue:exportPage': (request) => runExportPage(client, request) };
}

describe('catalogue:exportPage', () => {
  it('pages through the feed by following next links', async () => {
    const host = handlers(sandbox.exportToken) as BridgeHandlers;
    let answer = await dispatchBridgeCall(host, 'catalogue:exportPage', { from: 0, limit: 100 });
    let total = 0;
    let pages = 0;
    for (;;) {
      expect(answer).toMatchObject({ ok: true, value: { ok: true, skipped: 0 } });
      const value = (answer as { value: { rows: unknown[]; next: string | null } }).value;
      total += value.rows.length;
      pages += 1;
      if (!value.next) break;
      answer = await dispatchBridgeCall(host, 'catalogue:exportPage', { url: value.next });
    }
    expect([total, pages]).toEqual([250, 3]);
  });

  it('refuses a link outside the export API (the token would go there) and a malformed request', async () => {
    const host = handlers(sandbox.exportToken) as BridgeHandlers;
    const foreign = await dispatchBridgeCall(host, 'catalogue:exportPage', { url: 'https://attacker.example/api/integration/ofd/ofd/?from=0' });
    expect(foreign).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'misconfigured' } } });
    const portal = await dispatchBridgeCall(host, 'catalogue:exportPage', { url: `${sandbox.portalBaseUrl}/anything` });
    expect(portal).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'misconfigured' } } });
    expect(await dispatchBridgeCall(host, 'catalogue:exportPage', { limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers a wrong token with the typed unauthorised error', async () => {
    const answer = await dispatchBridgeCall(handlers('wrong') as BridgeHandlers, 'catalogue:exportPage', { from: 0 });
    expect(answer).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'unauthorised' } } });
  });
});
