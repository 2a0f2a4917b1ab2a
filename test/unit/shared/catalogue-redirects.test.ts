/**
 * Credentials never follow a redirect to another origin: two real loopback servers, one that redirects and
 * one that records what reaches it.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExportClient, createPortalClient, isCatalogueError, type CatalogueError } from '../../../src/shared/catalogue/index.ts';
import { maxRedirects } from '../../../src/shared/catalogue/transport.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function recordingServer(answer: (seen: Seen, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      answer(entry, res);
    });
  });
  return {
    seen,
    server,
    origin: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const apiKey = 'secret-portal-key-123';
const token = 'secret-export-token-456';
const json = (res: ServerResponse, value: unknown) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
};

// The stranger answers like a catalogue would, so a client that followed the redirect would succeed there.
const stranger = recordingServer((seen, res) => json(res, seen.url.includes('ofd') ? { results: [], next: null } : []));
let redirectTarget = '';
const catalogue = recordingServer((seen, res) => {
  if (seen.url.startsWith('/gwp/portal/api/v1/dictionaries') || seen.url.startsWith('/api/integration/ofd/ofd/')) {
    res.writeHead(302, { Location: `${redirectTarget}${seen.url}` });
    res.end();
    return;
  }
  if (seen.url.startsWith('/moved/')) {
    res.writeHead(307, { Location: seen.url.replace('/moved/', '/gwp/') });
    res.end();
    return;
  }
  if (seen.url.startsWith('/loop')) {
    res.writeHead(302, { Location: '/loop' });
    res.end();
    return;
  }
  json(res, []);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => stranger.server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => catalogue.server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => stranger.server.close(resolve));
  await new Promise((resolve) => catalogue.server.close(resolve));
});
beforeEach(() => {
  stranger.seen.length = 0;
  catalogue.seen.length = 0;
  redirectTarget = stranger.origin();
});

async function failure(promise: Promise<unknown>): Promise<CatalogueError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isCatalogueError(caught)) throw new Error(`expected a CatalogueError, got ${String(caught)}`);
  return caught;
}

const noWait = { sleep: async () => {}, retry: { attempts: 3 } };

describe('the API key never follows a redirect to another origin', () => {
  it('refuses a 302 to another origin with a clear, translated, non-retryable error, and the stranger sees nothing', async () => {
    const client = createPortalClient({ baseUrl: `${catalogue.origin()}/gwp`, apiKey, fetch: (input, init) => fetch(input, init), ...noWait });
    const error = await failure(client.listDictionaries());
    expect(error).toMatchObject({ kind: 'redirect-refused', retryable: false, messageKey: 'catalogue.errors.redirectRefused', status: 302 });
    expect(error.message).toContain(stranger.origin());
    expect(stranger.seen).toEqual([]);
    // Not retried either: one request, which carried the key to the catalogue itself.
    expect(catalogue.seen).toHaveLength(1);
    expect(catalogue.seen[0]?.headers['x-api-key']).toBe(apiKey);
  });

  it('follows a same-origin 307, repeating the method, body and key', async () => {
    const client = createPortalClient({ baseUrl: `${catalogue.origin()}/moved`, apiKey, fetch: (input, init) => fetch(input, init), ...noWait });
    await client.decideDuplicates(5, { decision: 'CONTINUE' });
    expect(catalogue.seen.map((seen) => `${seen.method} ${seen.url}`)).toEqual([
      'POST /moved/portal/api/v1/products/requests/5/duplicate-decision',
      'POST /gwp/portal/api/v1/products/requests/5/duplicate-decision',
    ]);
    expect(catalogue.seen[1]?.body).toContain('CONTINUE');
    expect(catalogue.seen[1]?.body).toBe(catalogue.seen[0]?.body);
    expect(catalogue.seen[1]?.headers['x-api-key']).toBe(apiKey);
  });

  it(`stops a same-origin redirect loop after ${maxRedirects} hops`, async () => {
    const client = createPortalClient({ baseUrl: `${catalogue.origin()}/loop`, apiKey, fetch: (input, init) => fetch(input, init), ...noWait });
    expect(await failure(client.listDictionaries())).toMatchObject({ kind: 'redirect-refused', retryable: false });
    expect(catalogue.seen).toHaveLength(maxRedirects + 1);
  });

  it('has the refusal message in kk, ru and en', async () => {
    const { catalogueMessages } = await import('../../../src/shared/catalogue/messages.ts');
    for (const locale of ['kk', 'ru', 'en'] as const) expect(catalogueMessages[locale].errors.redirectRefused.length).toBeGreaterThan(20);
    expect(catalogueMessages.kk.errors.redirectRefused).not.toBe(catalogueMessages.ru.errors.redirectRefused);
  });
});

describe('the export token never follows a redirect to another origin', () => {
  it('refuses the 302 and the stranger never sees the JWT', async () => {
    const client = createExportClient({ baseUrl: catalogue.origin(), token, fetch: (input, init) => fetch(input, init), ...noWait });
    const error = await failure(client.fetchPage(client.feedUrl({ from: 0 })));
    expect(error).toMatchObject({ kind: 'redirect-refused', retryable: false });
    expect(stranger.seen).toEqual([]);
    expect(catalogue.seen[0]?.headers['authorization']).toBe(`JWT ${token}`);
  });
});

describe('a fetch that cancels manual redirects itself (Electron net.fetch)', () => {
  it('reports the cancelled redirect as redirect-refused, not as a retryable network failure', async () => {
    let calls = 0;
    const electronLike: typeof fetch = async () => {
      calls += 1;
      throw new Error('Redirect was cancelled');
    };
    const client = createPortalClient({ baseUrl: `${catalogue.origin()}/gwp`, apiKey, fetch: electronLike, ...noWait });
    expect(await failure(client.listDictionaries())).toMatchObject({ kind: 'redirect-refused', retryable: false });
    expect(calls).toBe(1);
  });
});
