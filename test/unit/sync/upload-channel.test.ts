/**
 * The bridge's `catalogue:upload` channel, dispatched as both hosts do (dispatchBridgeCall) with the host's
 * client against the real sandbox: a photo and a PDF go through; an oversized file, a photo that is not an
 * image and a "PDF" that is not one are refused before the client (and its key) is used.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/shared/bridge.ts';
import { runCatalogueUpload } from '../../../src/shared/sync/upload-channel.ts';
import { jpegBytes, pdfBytes } from '../sandbox/fixtures.ts';
import { clientFor, sandboxFor } from './harness.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await sandboxFor();
});
afterAll(() => sandbox.close());

function host() {
  const client = clientFor(sandbox);
  const uploads = { uploadPhoto: vi.fn(client.uploadPhoto), uploadDocument: vi.fn(client.uploadDocument) };
  const handlers = { 'catalogue:upload': (request) => runCatalogueUpload(uploads, request) } as Partial<BridgeHandlers> as BridgeHandlers;
  return { uploads, send: (request: unknown) => dispatchBridgeCall(handlers, 'catalogue:upload', request) };
}

it('uploads a checked photo and a checked PDF with the host’s key', async () => {
  const { send } = host();
  const photo = await send({ kind: 'photo', fileName: 'front.jpg', bytes: jpegBytes(2048) });
  expect(photo).toMatchObject({ ok: true, value: { ok: true, value: { filename: expect.stringMatching(/\.jpg$/u) } } });
  const pdf = await send({ kind: 'document', fileName: 'Декларация.pdf', bytes: pdfBytes() });
  expect(pdf).toMatchObject({ ok: true, value: { ok: true, value: { filename: expect.stringMatching(/\.pdf$/u) } } });
});

it('refuses an oversized file, a non-image photo, a non-PDF document, a path as a name — before any call', async () => {
  const { send, uploads } = host();
  const refusals = [
    { kind: 'photo', fileName: 'big.jpg', bytes: jpegBytes(5 * 1024 * 1024 + 1) },
    { kind: 'photo', fileName: 'page.jpg', bytes: new TextEncoder().encode('<html>not an image</html>') },
    { kind: 'document', fileName: 'doc.pdf', bytes: jpegBytes(100) },
    { kind: 'document', fileName: 'doc.txt', bytes: pdfBytes() },
    { kind: 'photo', fileName: '../../etc/passwd', bytes: jpegBytes(100) },
    { kind: 'photo', fileName: 'empty.jpg', bytes: new Uint8Array() },
  ];
  for (const request of refusals) expect(await send(request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(uploads.uploadPhoto).not.toHaveBeenCalled();
  expect(uploads.uploadDocument).not.toHaveBeenCalled();
});

it('a wrong key comes back as the catalogue’s typed error, not a crash', async () => {
  const client = clientFor(sandbox, { apiKey: 'wrong' });
  const result = await runCatalogueUpload(client, { kind: 'photo', fileName: 'a.jpg', bytes: jpegBytes(100) });
  expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorised' } });
});
