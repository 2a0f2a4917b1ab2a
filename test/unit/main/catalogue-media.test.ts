/**
 * The `catalogue:media` channel in the desktop host: a card's photo by its catalogue `fileName`. Through the IPC
 * entry point (sender check, contract validation) to the real connection manager and real loopback servers: the
 * sandbox's media route, and a stand-in "catalogue site" that answers whatever each test needs (a big image, an
 * HTML page, a redirect elsewhere) and records every header it receives.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));
import { isAppUrl } from '../../../src/main/app-url.ts';
import { createHostHandlers, type HostServices } from '../../../src/main/bridge/handlers.ts';
import { handleBridgeMessage } from '../../../src/main/bridge/ipc.ts';
import { createConnectionManager, type SandboxLauncher } from '../../../src/main/catalogue-connection.ts';
import { createSecretStore } from '../../../src/main/secrets.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/shared/bridge.ts';
import { maxMediaBytes, mediaOrigin, mediaUrl } from '../../../src/shared/catalogue-media.ts';
import { jpegBytes, pngBytes, uploadRaw } from '../sandbox/fixtures.ts';

const apiKey = 'portal-key-never-for-media';
const token = 'export-token-never-for-media';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

function site(answer: (url: string, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    answer(req.url ?? '', res);
  });
  return {
    seen,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    origin: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const image = jpegBytes(3000);
image[2000] = 0x42;
const png = pngBytes();

const stranger = site((_url, res) => {
  res.writeHead(200, { 'Content-Type': 'image/jpeg' });
  res.end(image);
});
let strangerOrigin = '';

const catalogueSite = site((url, res) => {
  const name = url.replace('/media/products/', '');
  const send = (status: number, headers: Record<string, string>, body?: Uint8Array | string) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  if (name === 'front.jpg') return send(200, { 'Content-Type': 'image/jpeg' }, image);
  if (name === 'back.png') return send(200, { 'Content-Type': 'image/png' }, png);
  if (name === 'moved.jpg') return send(302, { Location: '/media/products/front.jpg' });
  if (name === 'elsewhere.jpg') return send(302, { Location: `${strangerOrigin}/media/products/front.jpg` });
  if (name === 'page.jpg') return send(200, { 'Content-Type': 'text/html' }, '<!doctype html><html><body>Каталог</body></html>');
  if (name === 'gif.jpg') return send(200, { 'Content-Type': 'image/gif' }, 'GIF89a\x01\x00\x01\x00');
  if (name === 'empty.jpg') return send(200, { 'Content-Type': 'image/jpeg' }, new Uint8Array());
  if (name === 'declared-big.jpg') {
    // Says it is too large before sending anything: refused from the header, the body is never read.
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(maxMediaBytes + 1) });
    res.write(jpegBytes(1024));
    setTimeout(() => res.destroy(), 200);
    return;
  }
  if (name === 'streamed-big.jpg') {
    // No length announced (chunked): the host stops reading once the stream passes the cap.
    res.writeHead(200, { 'Content-Type': 'image/jpeg' });
    const chunk = jpegBytes(1024 * 1024);
    for (let index = 0; index < 6; index += 1) res.write(chunk);
    res.end();
    return;
  }
  if (name === 'exact.jpg') return send(200, { 'Content-Type': 'image/jpeg' }, jpegBytes(maxMediaBytes));
  return send(404, { 'Content-Type': 'text/plain' }, 'Not found.');
});

let sandbox: RunningSandbox;
beforeAll(async () => {
  await Promise.all([stranger.listen(), catalogueSite.listen()]);
  strangerOrigin = stranger.origin();
  sandbox = await startSandbox({ port: 0, cards: 10, log: () => undefined });
});
afterAll(async () => {
  await Promise.all([stranger.close(), catalogueSite.close(), sandbox.close()]);
});

function memoryFile() {
  let contents: string | undefined;
  return {
    read: async () => contents,
    write: async (text: string) => {
      contents = text;
    },
    setAside: async () => 'connection.json.unreadable',
  };
}

const keychain = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(plain, 'utf8'),
  decryptString: (encrypted: Buffer) => Buffer.from(encrypted).toString('utf8'),
};

const launcher: SandboxLauncher = { start: async () => sandbox, stop: async () => undefined };

async function host(kind: 'sandbox' | 'remote'): Promise<BridgeHandlers> {
  const catalogue = await createConnectionManager({ sandbox: launcher, secrets: createSecretStore(keychain, memoryFile()), settingsFile: memoryFile(), fetch });
  if (kind === 'remote') {
    // Portal and export API on the site's own origin, each with its secret: neither may go with a photo request.
    const origin = catalogueSite.origin();
    await catalogue.configure({ kind: 'remote', portalBaseUrl: `${origin}/gwp`, exportBaseUrl: `${origin}/api/integration/ofd`, apiKey, exportToken: token });
  }
  return createHostHandlers({ catalogue } as unknown as HostServices);
}

const fromApp = { senderFrame: { url: 'app://ncg/index.html' } } as never;
const trusted = (url: string | undefined) => url !== undefined && isAppUrl(url);

async function media(handlers: BridgeHandlers, request: unknown) {
  return handleBridgeMessage(handlers, trusted, 'catalogue:media', fromApp, request);
}

describe('catalogue:media — the request', () => {
  it.each([
    ['a path', { fileName: '../state.json' }],
    ['a folder', { fileName: 'products/front.jpg' }],
    ['an encoded folder', { fileName: '..%2Ffront.jpg' }],
    ['a double dot', { fileName: 'a..jpg' }],
    ['a non-image name', { fileName: 'front.svg' }],
    ['a query', { fileName: 'front.jpg?x=1' }],
    ['an empty name', { fileName: '' }],
    ['an over-long name', { fileName: `${'a'.repeat(200)}.jpg` }],
    ['a number', { fileName: 42 }],
    ['nothing', undefined],
  ])('refuses %s before anything is fetched', async (_label, request) => {
    const handlers = await host('remote');
    const before = catalogueSite.seen.length;
    const answer = await media(handlers, request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(catalogueSite.seen.length).toBe(before);
  });

  it('answers only the app’s own page', async () => {
    const handlers = await host('remote');
    const answer = await handleBridgeMessage(handlers, trusted, 'catalogue:media', { senderFrame: { url: 'https://evil.example/' } } as never, { fileName: 'front.jpg' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});

describe('catalogue:media — from the site', () => {
  it('returns a JPEG and a PNG byte for byte, sending neither the portal key nor the export token', async () => {
    const handlers = await host('remote');
    const before = catalogueSite.seen.length;
    const jpeg = await media(handlers, { fileName: 'front.jpg' });
    expect(jpeg).toMatchObject({ ok: true, value: { ok: true, mimeType: 'image/jpeg' } });
    expect(new Uint8Array((jpeg as { value: { bytes: Uint8Array } }).value.bytes)).toEqual(image);
    expect(await media(handlers, { fileName: 'back.png' })).toMatchObject({ ok: true, value: { ok: true, mimeType: 'image/png' } });
    const requests = catalogueSite.seen.slice(before);
    expect(requests.map((seen) => seen.url)).toEqual(['/media/products/front.jpg', '/media/products/back.png']);
    for (const seen of requests) {
      expect(seen.headers['x-api-key']).toBeUndefined();
      expect(seen.headers.authorization).toBeUndefined();
      expect(JSON.stringify(seen.headers)).not.toContain(apiKey);
      expect(JSON.stringify(seen.headers)).not.toContain(token);
    }
  });

  it('follows a same-origin redirect and refuses one to another origin, which then sees nothing', async () => {
    const handlers = await host('remote');
    expect(await media(handlers, { fileName: 'moved.jpg' })).toMatchObject({ ok: true, value: { ok: true, mimeType: 'image/jpeg' } });
    const before = stranger.seen.length;
    expect(await media(handlers, { fileName: 'elsewhere.jpg' })).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'redirect-refused' } } });
    expect(stranger.seen.length).toBe(before);
  });

  it.each([
    ['an HTML page', 'page.jpg'],
    ['a GIF', 'gif.jpg'],
    ['an empty body', 'empty.jpg'],
  ])('refuses %s: only JPEG or PNG by its bytes', async (_label, fileName) => {
    const answer = await media(await host('remote'), { fileName });
    expect(answer).toMatchObject({ ok: true, value: { ok: false, error: { messageKey: 'catalogue.errors.unexpectedResponse' } } });
  });

  it('takes exactly 5 MB and refuses more, announced or streamed', async () => {
    const handlers = await host('remote');
    const exact = await media(handlers, { fileName: 'exact.jpg' });
    expect(exact).toMatchObject({ ok: true, value: { ok: true } });
    expect((exact as { value: { bytes: Uint8Array } }).value.bytes.byteLength).toBe(maxMediaBytes);
    for (const fileName of ['declared-big.jpg', 'streamed-big.jpg']) {
      const answer = await media(handlers, { fileName });
      expect(answer).toMatchObject({ ok: true, value: { ok: false, error: { messageKey: 'catalogue.errors.unexpectedResponse' } } });
      expect(JSON.stringify((answer as { value: { error: { message: string } } }).value.error.message)).toContain(String(maxMediaBytes));
    }
  });

  it('says not-found for a photo the site does not have', async () => {
    expect(await media(await host('remote'), { fileName: 'gone.jpg' })).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'not-found' } } });
  });

  it('says network when the site cannot be reached', async () => {
    const catalogue = await createConnectionManager({ sandbox: launcher, secrets: createSecretStore(keychain, memoryFile()), settingsFile: memoryFile(), fetch });
    await catalogue.configure({ kind: 'remote', portalBaseUrl: 'http://127.0.0.1:9/gwp', exportBaseUrl: 'http://127.0.0.1:9/api/integration/ofd' });
    const handlers = createHostHandlers({ catalogue } as unknown as HostServices);
    expect(await media(handlers, { fileName: 'front.jpg' })).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'network' } } });
  });
});

describe('catalogue:media — from the embedded sandbox', () => {
  it('returns a photo uploaded through the portal API under its returned filename', async () => {
    const bytes = jpegBytes(5000);
    bytes[4000] = 0x11;
    const upload = await uploadRaw(sandbox, 'photo', bytes, 'Алдыңғы жағы.jpg');
    const fileName = String(upload.json?.['filename']);
    const answer = await media(await host('sandbox'), { fileName });
    expect(answer).toMatchObject({ ok: true, value: { ok: true, mimeType: 'image/jpeg' } });
    expect(new Uint8Array((answer as { value: { bytes: Uint8Array } }).value.bytes)).toEqual(bytes);
    expect(await media(await host('sandbox'), { fileName: '00000000-0000-0000-0000-000000000000.jpg' })).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'not-found' } } });
  });
});

describe('catalogue:media — the contract checks the host’s answer too', () => {
  it.each([
    ['bytes that are not an image', { ok: true, mimeType: 'image/jpeg', bytes: new TextEncoder().encode('<html>') }],
    ['more than 5 MB', { ok: true, mimeType: 'image/jpeg', bytes: jpegBytes(maxMediaBytes + 1) }],
  ])('a host bug returning %s fails instead of reaching the page', async (_label, value) => {
    const handlers = { 'catalogue:media': async () => value } as unknown as BridgeHandlers;
    expect(await dispatchBridgeCall(handlers, 'catalogue:media', { fileName: 'front.jpg' })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});

describe('where product images are', () => {
  it('uses the documented e-catalog.gov.kz for the production export hosts, the export base’s origin otherwise', () => {
    expect(mediaOrigin('https://nct.gov.kz/api/integration/ofd')).toBe('https://e-catalog.gov.kz');
    expect(mediaOrigin('https://e-catalog.gov.kz/api/integration/ofd')).toBe('https://e-catalog.gov.kz');
    expect(mediaOrigin('http://127.0.0.1:5180/api/integration/ofd')).toBe('http://127.0.0.1:5180');
    expect(mediaUrl('https://nct.gov.kz/api/integration/ofd', '0f8e2c1a-7b6d-4e5f-9a8b-1c2d3e4f5a6b.jpg')).toBe(
      'https://e-catalog.gov.kz/media/products/0f8e2c1a-7b6d-4e5f-9a8b-1c2d3e4f5a6b.jpg',
    );
  });
});
