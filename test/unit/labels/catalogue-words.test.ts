/**
 * Issue 12 item 6: the labels page searches the catalogue by words through the export API's name search
 * (`search_ofd?q=`), against the real sandbox over HTTP, across the same bridge dispatcher the hosts use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { buildBridge, type Bridge } from '../../../src/shared/bridge-client.ts';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/shared/bridge.ts';
import { runCatalogueCall } from '../../../src/shared/catalogue-call.ts';
import { runExportPage } from '../../../src/shared/catalogue-export-call.ts';
import { createExportClient, createPortalClient } from '../../../src/shared/catalogue/index.ts';
import { completeFromCatalogue, findInCatalogueByWords, wordSearchUnavailable } from '../../../src/shared/labels/catalogue-search.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: 600 });
});
afterAll(() => sandbox.close());

/** A host with the catalogue channels only; `exportToken` null = a host whose export API is not configured. */
function bridgeTo(options: { exportBaseUrl?: string; exportToken?: string | null; portalBaseUrl?: string } = {}): Bridge {
  const exportBaseUrl = options.exportBaseUrl ?? sandbox.exportBaseUrl;
  const portalBaseUrl = options.portalBaseUrl ?? sandbox.portalBaseUrl;
  const portal = createPortalClient({ baseUrl: portalBaseUrl, apiKey: sandbox.apiKey, fetch, retry: { attempts: 1 } });
  const token = options.exportToken === undefined ? sandbox.exportToken : options.exportToken;
  const handlers: Partial<BridgeHandlers> = {
    'catalogue:connection': async () => ({ kind: 'sandbox', portalBaseUrl, exportBaseUrl, hasApiKey: true }),
    'catalogue:call': (request) => runCatalogueCall(portal, request),
    'catalogue:exportPage': async (request) => {
      // As the Electron host does when no export API is set up.
      if (token === null) throw new Error('The export feed is not configured in this host.');
      return runExportPage(createExportClient({ baseUrl: exportBaseUrl, token, fetch, retry: { attempts: 1 } }), request);
    },
  };
  return buildBridge((channel, request) => dispatchBridgeCall(handlers as BridgeHandlers, channel, request));
}

describe('search by words in the catalogue', () => {
  it('finds milk cards for "сүт" (Kazakh), with names and codes, deactivated NTINs left out', async () => {
    const found = await findInCatalogueByWords(bridgeTo(), 'сүт');
    expect(found.length).toBeGreaterThan(0);
    for (const candidate of found) {
      expect(candidate).toMatchObject({ source: 'catalogue', partial: true });
      expect(`${candidate.nameKk} ${candidate.nameRu}`.toLowerCase()).toContain('сүт');
      expect(candidate.ntin ?? candidate.gtin).toMatch(/^\d{8,14}$/u);
    }
    // Every answer of the sandbox is there (what the page shows is what the catalogue said).
    const direct = (await (await fetch(`${sandbox.exportBaseUrl}/search_ofd/?q=${encodeURIComponent('сүт')}`)).json()) as { result: { ntin_code: string; ntin_isdeactivated: boolean }[] };
    const active = direct.result.filter((row) => !row.ntin_isdeactivated).map((row) => row.ntin_code);
    expect(found.map((candidate) => candidate.ntin)).toEqual(active.slice(0, 20));
  });

  it('reads the card of a product found by words when it is added: quantity, producer and country', async () => {
    const bridge = bridgeTo();
    const [first] = await findInCatalogueByWords(bridge, 'сүт');
    if (!first?.ntin) throw new Error('no milk card with an NTIN in the sandbox');
    const complete = await completeFromCatalogue(bridge, first);
    expect(complete.partial).toBeUndefined();
    expect(complete).toMatchObject({ key: first.key, ntin: first.ntin, source: 'catalogue' });
    expect(complete.nameKk || complete.nameRu).not.toBe('');
    expect(complete.country).not.toBe('');
  });

  it('says "not offered" when the host has no export API or a wrong token, and "unreachable" when offline', async () => {
    const notConfigured = await findInCatalogueByWords(bridgeTo({ exportToken: null }), 'сүт').catch((error: unknown) => error);
    expect(wordSearchUnavailable(notConfigured)).toBe(true);
    const wrongToken = await findInCatalogueByWords(bridgeTo({ exportToken: 'nope' }), 'сүт').catch((error: unknown) => error);
    expect(wordSearchUnavailable(wrongToken)).toBe(true);
    // A port nothing listens on: the catalogue is unreachable, not missing the feature.
    const offline = await findInCatalogueByWords(bridgeTo({ exportBaseUrl: 'http://127.0.0.1:9/api/integration/ofd' }), 'сүт').catch((error: unknown) => error);
    expect(offline).toBeInstanceOf(Error);
    expect(wordSearchUnavailable(offline)).toBe(false);
  });
});
