/**
 * The sandbox's product images (`/media/products/<fileName>`, mirroring the site's §10.2): an uploaded photo comes
 * back byte for byte, unknown names and documents are 404, only loopback hosts are answered, and with a data folder
 * the bytes outlive a restart while an admin reset forgets them.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryMediaStore } from '../../../src/sandbox/media-store.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { admin, jpegBytes, pdfBytes, pngBytes, uploadRaw } from './fixtures.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: 20, allowedOrigins: ['app://ncg'], log: () => undefined });
});
afterAll(() => sandbox.close());

async function uploaded(target: RunningSandbox, kind: 'photo' | 'document', bytes: Uint8Array, name: string): Promise<string> {
  const answer = await uploadRaw(target, kind, bytes, name);
  expect(answer.status).toBe(200);
  return String(answer.json?.['filename']);
}

function rawGet(target: RunningSandbox, path: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  const { hostname, port } = new URL(target.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method: 'GET', path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('sandbox media route', () => {
  it('serves an uploaded JPEG and PNG under the filename the upload returned, with no credentials', async () => {
    const jpeg = jpegBytes(4096);
    jpeg[100] = 0x5a; // not all zeros: the comparison below sees real content
    const jpegName = await uploaded(sandbox, 'photo', jpeg, 'алдыңғы жағы.jpg');
    const png = pngBytes();
    const pngName = await uploaded(sandbox, 'photo', png, 'back.png');

    const first = await fetch(`${sandbox.origin}/media/products/${jpegName}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(jpeg);

    const second = await fetch(`${sandbox.origin}/media/products/${pngName}`);
    expect(second.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(png);
  });

  it.each([
    ['an unknown name', '/media/products/00000000-0000-0000-0000-000000000000.jpg'],
    ['a path below the name', '/media/products/a/b.jpg'],
    ['an encoded traversal', '/media/products/..%2F..%2Fstate.json'],
    ['the folder itself', '/media/products/'],
  ])('answers 404 for %s', async (_label, path) => {
    const answer = await rawGet(sandbox, path, { Host: `127.0.0.1:${new URL(sandbox.origin).port}` });
    expect(answer.status).toBe(404);
  });

  it('does not serve uploaded documents (the site’s media are product images)', async () => {
    const name = await uploaded(sandbox, 'document', pdfBytes(), 'certificate.pdf');
    expect((await fetch(`${sandbox.origin}/media/products/${name}`)).status).toBe(404);
  });

  it('answers only a loopback Host, like every other route', async () => {
    const name = await uploaded(sandbox, 'photo', jpegBytes(256), 'front.jpg');
    const port = new URL(sandbox.origin).port;
    expect((await rawGet(sandbox, `/media/products/${name}`, { Host: `localhost:${port}` })).status).toBe(200);
    expect((await rawGet(sandbox, `/media/products/${name}`, { Host: 'evil.example' })).status).toBe(421);
    expect((await rawGet(sandbox, `/media/products/${name}`, { Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' })).status).toBe(403);
    // Another site's <img> sends no Origin, but the browser says where the request comes from.
    expect((await rawGet(sandbox, `/media/products/${name}`, { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await rawGet(sandbox, `/media/products/${name}`, { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('keeps the bytes in the data folder across a restart, and an admin reset forgets them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ncg-media-'));
    try {
      let persistent = await startSandbox({ port: 0, cards: 0, dataDir, log: () => undefined });
      const bytes = jpegBytes(2048);
      const name = await uploaded(persistent, 'photo', bytes, 'front.jpg');
      await persistent.close();
      persistent = await startSandbox({ port: 0, cards: 0, dataDir, log: () => undefined });
      const again = await fetch(`${persistent.origin}/media/products/${name}`);
      expect(again.status).toBe(200);
      expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
      expect((await admin(persistent, 'POST', '/reset')).status).toBe(200);
      expect((await fetch(`${persistent.origin}/media/products/${name}`)).status).toBe(404);
      await persistent.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('memory media store', () => {
  it('drops the oldest photos first beyond its budget, never the one just stored', async () => {
    const store = memoryMediaStore(10);
    await store.put('a.jpg', new Uint8Array(4));
    await store.put('b.jpg', new Uint8Array(4));
    await store.put('c.jpg', new Uint8Array(4));
    expect(await store.get('a.jpg')).toBeUndefined();
    expect(await store.get('b.jpg')).toHaveLength(4);
    expect(await store.get('c.jpg')).toHaveLength(4);
    await store.put('huge.jpg', new Uint8Array(20));
    expect(await store.get('huge.jpg')).toHaveLength(20);
    expect(await store.get('c.jpg')).toBeUndefined();
  });
});
