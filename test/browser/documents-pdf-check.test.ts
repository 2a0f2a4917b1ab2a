import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../../src/renderer/workers/pdf-inspection.ts';
import encryptedOwnerOnlyUrl from '../fixtures/attachments/encrypted-owner-only.pdf?url';
import encryptedUserPasswordUrl from '../fixtures/attachments/encrypted-user-password.pdf?url';

const fiveMegabytes = 5 * 1024 * 1024;
const options = { maxBytes: fiveMegabytes, thumbnailWidth: 200 };

async function certificatePdf(pages = 1): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index += 1) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderColor: rgb(0.1, 0.3, 0.5), borderWidth: 4 });
    page.drawText('CERTIFICATE OF CONFORMITY', { x: 120, y: 760, size: 22, font });
    page.drawText('EAEU KZ 1100317.05.01.05103', { x: 120, y: 720, size: 14, font });
  }
  return pdf.save();
}

function asFile(bytes: Uint8Array | string, name: string): File {
  return new File([typeof bytes === 'string' ? bytes : bytes.slice()], name, { type: 'application/pdf' });
}

/** A minimal PDF written by hand, with correct cross-reference offsets. */
function handWrittenPdf(objects: string[], trailerExtra = ''): string {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return body;
}

const hex = (length: number, seed: number) => Array.from({ length }, (_, index) => ((index * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');

describe('PDF checks with pdf.js in its worker (real Chromium)', () => {
  it('accepts a real PDF made with pdf-lib and renders its first page', async () => {
    const result = await inspectPdf(asFile(await certificatePdf(3), 'certificate.pdf'), options);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.facts.pages).toBe(3);
    expect(result.facts.firstPage).toEqual({ width: 595, height: 842 });
    expect(result.facts.thumbnail.type).toBe('image/png');
    const bitmap = await createImageBitmap(result.facts.thumbnail);
    expect(bitmap.width).toBe(200);
    expect(bitmap.height).toBe(Math.round((842 / 595) * 200));
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const bytes = await certificatePdf();
    const result = await inspectPdf(asFile(bytes.slice(0, Math.floor(bytes.length / 2)), 'cut.pdf'), options);
    expect(result).toMatchObject({ ok: false, problem: { code: 'corrupt', truncated: true } });
  });

  it('refuses a PDF whose body is garbage as corrupt', async () => {
    const garbage = Array.from({ length: 3000 }, (_, index) => String.fromCharCode(33 + ((index * 7919) % 90))).join('');
    const result = await inspectPdf(asFile(`%PDF-1.7\n${garbage}\n%%EOF\n`, 'broken.pdf'), options);
    expect(result).toMatchObject({ ok: false, problem: { code: 'corrupt', truncated: false } });
  });

  it('refuses a hand-written PDF with an /Encrypt dictionary as password-protected', async () => {
    const pdf = handWrittenPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -44 >>`,
      ],
      `/Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] `,
    );
    expect(await inspectPdf(asFile(pdf, 'locked.pdf'), options)).toEqual({ ok: false, problem: { code: 'passwordProtected' } });
  });

  it('refuses a PDF that needs a user password (made by Ghostscript, RC4 128-bit)', async () => {
    const bytes = new Uint8Array(await (await fetch(encryptedUserPasswordUrl)).arrayBuffer());
    expect(await inspectPdf(asFile(bytes, 'protected.pdf'), options)).toEqual({ ok: false, problem: { code: 'passwordProtected' } });
  });

  it('refuses a PDF encrypted with an owner password only (opens, but printing and copying are restricted)', async () => {
    const bytes = new Uint8Array(await (await fetch(encryptedOwnerOnlyUrl)).arrayBuffer());
    expect(await inspectPdf(asFile(bytes, 'restricted.pdf'), options)).toEqual({ ok: false, problem: { code: 'encrypted' } });
  });

  it('refuses a text file named .pdf, and says what it is', async () => {
    const result = await inspectPdf(asFile('Сертификат соответствия ЕАЭС KZ 1100317.05.01.05103\n', 'certificate.pdf'), options);
    expect(result).toEqual({ ok: false, problem: { code: 'notPdf', actual: 'text' } });
  });

  it('refuses a PNG scan named .pdf, a Word file named .pdf, and an empty file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await inspectPdf(asFile(png, 'scan.pdf'), options)).toEqual({ ok: false, problem: { code: 'notPdf', actual: 'png' } });
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect(await inspectPdf(asFile(docx, 'declaration.pdf'), options)).toEqual({ ok: false, problem: { code: 'notPdf', actual: 'zip' } });
    expect(await inspectPdf(asFile('', 'empty.pdf'), options)).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it('refuses a PDF over 5 MB (5 × 1024 × 1024 bytes) before parsing it, and accepts one exactly at the limit', async () => {
    const over = new Uint8Array(fiveMegabytes + 1);
    over.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await inspectPdf(asFile(over, 'big.pdf'), options)).toEqual({ ok: false, problem: { code: 'tooLarge', bytes: fiveMegabytes + 1, maxBytes: fiveMegabytes } });

    const real = await certificatePdf();
    const padded = new Uint8Array(fiveMegabytes);
    padded.set(real);
    padded.fill(0x20, real.length); // trailing whitespace after %%EOF is allowed
    padded.set(new TextEncoder().encode('\n%%EOF\n'), fiveMegabytes - 7);
    const atLimit = await inspectPdf(asFile(padded, 'at-limit.pdf'), options);
    expect(atLimit.ok, JSON.stringify(atLimit)).toBe(true);
  });
});
