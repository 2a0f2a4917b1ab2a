/** Uploads (§4.17, §4.18, §13.10): multipart part `file`, 5 MB, PDF and images recognised by content. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { jpegBytes, pdfBytes, pngBytes, uploadRaw } from './fixtures.ts';

const fiveMB = 5 * 1024 * 1024;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

describe('photo upload', () => {
  it('answers UploadedFileDto with a lower-case `filename` (<uuid>.jpg)', async () => {
    const response = await uploadRaw(sandbox, 'photo', jpegBytes(2048), 'Фото спереди.JPG');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      id: expect.any(Number),
      filename: expect.stringMatching(/^[0-9a-f-]{36}\.jpg$/),
      originalFilename: 'Фото спереди.JPG',
      fileExtension: 'JPG',
      sizeBytes: 2048,
      sizeMB: expect.any(Number),
      createdAt: expect.any(Number),
    });
    expect(response.json).not.toHaveProperty('fileName');
  });

  it('recognises PNG by its signature whatever the name says', async () => {
    const response = await uploadRaw(sandbox, 'photo', pngBytes(), 'picture.jpg');
    expect(response.json?.['filename']).toMatch(/\.png$/);
  });

  it.each([
    ['a PDF', pdfBytes(), 'doc.pdf'],
    ['text named .jpg', new TextEncoder().encode('not an image'), 'fake.jpg'],
  ])('refuses %s as a photo (400)', async (_label, bytes, name) => {
    const response = await uploadRaw(sandbox, 'photo', bytes, name);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('accepts exactly 5 MB and refuses 5 MB + 1 byte (413)', async () => {
    expect((await uploadRaw(sandbox, 'photo', jpegBytes(fiveMB), 'big.jpg')).status).toBe(200);
    const tooBig = await uploadRaw(sandbox, 'photo', jpegBytes(fiveMB + 1), 'bigger.jpg');
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toContain("'file'");
  });

  it('refuses a body far beyond the limit without hanging', async () => {
    const response = await uploadRaw(sandbox, 'photo', jpegBytes(12 * 1024 * 1024), 'huge.jpg');
    expect(response.status).toBe(413);
  });

  it('requires the part to be named `file`', async () => {
    const response = await uploadRaw(sandbox, 'photo', jpegBytes(), 'a.jpg', 'image');
    expect(response.status).toBe(400);
    expect(response.text).toContain("'file'");
  });

  it('refuses a non-multipart body', async () => {
    const response = await fetch(`${sandbox.portalBaseUrl}/portal/api/v1/storage/upload`, {
      method: 'POST',
      headers: { 'X-API-KEY': sandbox.apiKey, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(jpegBytes()),
    });
    expect(response.status).toBe(400);
  });
});

describe('document upload (PDF only, by content)', () => {
  it('accepts a PDF and names it <uuid>.pdf', async () => {
    const response = await uploadRaw(sandbox, 'document', pdfBytes(), 'Декларация.pdf');
    expect(response.status).toBe(200);
    expect(response.json?.['filename']).toMatch(/\.pdf$/);
  });

  it('refuses a JPEG renamed to .pdf, and a PDF over 5 MB', async () => {
    expect((await uploadRaw(sandbox, 'document', jpegBytes(), 'scan.pdf')).status).toBe(400);
    const big = new Uint8Array(fiveMB + 10);
    big.set(pdfBytes());
    expect((await uploadRaw(sandbox, 'document', big, 'big.pdf')).status).toBe(413);
  });

  it('accepts a PDF with a header that is not at byte 0 (readers allow up to 1 KB of junk)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('\n\n'), ...pdfBytes()]);
    expect((await uploadRaw(sandbox, 'document', bytes, 'odd.pdf')).status).toBe(200);
  });
});
