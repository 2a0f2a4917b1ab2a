import { describe, expect, it } from 'vitest';
import { emptyDraft, type ConformityDocument } from '../../src/shared/application/draft.ts';
import { validateDraft } from '../../src/shared/application/validate.ts';
import { scratchDatabases } from './scratch-database.ts';
import { buildValidationContext } from '../../src/renderer/db/validation-context.ts';
import { checkDocumentForm, type DocumentFormValues } from '../../src/renderer/features/documents/document-form.ts';
import { deleteRegisterDocument, listRegister, saveRegisterDocument, thumbnailIdOf } from '../../src/renderer/db/documents.ts';
import { daysBetween, expiryOf } from '../../src/shared/application/expiry.ts';
import { localToday } from '../../src/shared/i18n/format.ts';
import { parseTechnicalRegulations } from '../../src/renderer/features/documents/regulation.ts';

const database = scratchDatabases('documents');

const values = (overrides: Partial<DocumentFormValues> = {}): DocumentFormValues => ({
  number: 'ЕАЭС KZ 1100317.05.01.05103',
  type: 'certificate',
  technicalRegulation: 'ТР ТС 021/2011',
  issuer: '«Ұлттық сараптама және сертификаттау орталығы» АҚ',
  issuedOn: '2024-03-01',
  expiresOn: '2029-02-28',
  ...overrides,
});

function addDays(isoDate: string, days: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

describe('technical regulations', () => {
  it('reads Latin look-alikes, missing spaces and lists, and writes the canonical form', () => {
    expect(parseTechnicalRegulations('tp tc 021/2011; ТР ЕАЭС037/2016, ТР ТС 021/2011')).toEqual({ ok: true, normalized: 'ТР ТС 021/2011, ТР ЕАЭС 037/2016' });
    expect(parseTechnicalRegulations('')).toEqual({ ok: true, normalized: '' });
    expect(parseTechnicalRegulations('ТР ТС 021/2011, ГОСТ 31450-2013')).toEqual({ ok: false, invalid: 'ГОСТ 31450-2013' });
  });
});

describe('the register form’s rules', () => {
  it('normalises a valid number and keeps the Kazakh and Russian text as typed', () => {
    const check = checkDocumentForm(values({ number: ' eaэc  kz 1100317.05.01.05103 ', issuer: 'ТОО «Сертификация Алматы»' }), '2025-01-01');
    expect(check).toEqual({
      ok: true,
      document: { number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', technicalRegulation: 'ТР ТС 021/2011', issuer: 'ТОО «Сертификация Алматы»', issuedOn: '2024-03-01', expiresOn: '2029-02-28' },
    });
  });

  it('reports a missing or malformed number, a bad regulation, a future issue date and reversed dates', () => {
    expect(checkDocumentForm(values({ number: '  ' }), '2025-01-01')).toMatchObject({ ok: false, errors: { number: { key: 'documents.errors.numberRequired' } } });
    expect(checkDocumentForm(values({ number: 'ЕАЭС KZ 12345' }), '2025-01-01')).toMatchObject({ ok: false, errors: { number: { key: 'codes.doc.badFormat', params: { country: 'KZ' } } } });
    expect(checkDocumentForm(values({ technicalRegulation: 'TP 21' }), '2025-01-01')).toMatchObject({ ok: false, errors: { technicalRegulation: { params: { value: 'TP 21' } } } });
    expect(checkDocumentForm(values({ issuedOn: '2025-01-02' }), '2025-01-01')).toMatchObject({ ok: false, errors: { issuedOn: { key: 'documents.errors.issuedInFuture' } } });
    expect(checkDocumentForm(values({ expiresOn: '2024-02-01' }), '2025-01-01')).toMatchObject({ ok: false, errors: { expiresOn: { key: 'documents.errors.datesReversed' } } });
  });

  it('accepts any number for a state registration certificate or another document', () => {
    expect(checkDocumentForm(values({ type: 'stateRegistration', number: 'KZ.16.01.98.003.Е.000123.03.18' }), '2025-01-01')).toMatchObject({ ok: true });
  });
});

describe('expiry, with the 30-day window of validateDraft', () => {
  it('counts calendar days and sorts documents into valid, soon, expired', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(expiryOf(undefined, '2025-01-01')).toEqual({ state: 'none' });
    expect(expiryOf('2025-01-31', '2025-01-01')).toEqual({ state: 'soon', days: 30 });
    expect(expiryOf('2025-02-01', '2025-01-01')).toEqual({ state: 'valid', days: 31 });
    expect(expiryOf('2024-12-31', '2025-01-01')).toEqual({ state: 'expired', days: -1 });
    expect(localToday(new Date(2025, 0, 1, 23, 30))).toBe('2025-01-01');
  });
});

describe('the register in the local database (real IndexedDB)', () => {
  it('stores a document and its PDF (owned by the document) in one go, and replaces the PDF cleanly', async () => {
    const db = database();
    const document: ConformityDocument = { id: 'doc-1', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', technicalRegulation: 'ТР ТС 021/2011' };
    const first = await saveRegisterDocument(db, document, { file: new File(['%PDF-1.7 first'], 'сертификат.pdf', { type: 'application/pdf' }), thumbnail: new Blob(['png'], { type: 'image/png' }) });
    expect(first.blobId).toMatch(/^document-pdf:/);
    const pdfRow = await db.blobs.get(first.blobId ?? '');
    expect(pdfRow).toMatchObject({ ownerId: 'doc-1', mimeType: 'application/pdf' });
    expect((pdfRow?.data as File).name).toBe('сертификат.pdf');
    expect(await db.blobs.get(thumbnailIdOf(first.blobId ?? ''))).toMatchObject({ ownerId: 'doc-1' });

    // An edit of the fields keeps the PDF; a new PDF replaces the old rows and the stale portal file name.
    await db.documents.update('doc-1', { fileName: 'uploaded-on-portal.pdf' });
    const edited = await saveRegisterDocument(db, { ...first, issuer: 'ТОО «Серт»' });
    expect(edited).toMatchObject({ blobId: first.blobId, fileName: 'uploaded-on-portal.pdf', issuer: 'ТОО «Серт»' });
    const replaced = await saveRegisterDocument(db, edited, { file: new File(['%PDF-1.7 second'], 'new.pdf'), thumbnail: new Blob(['png']) });
    expect(replaced.blobId).not.toBe(first.blobId);
    expect(replaced.fileName).toBeUndefined();
    expect((await db.blobs.where('ownerId').equals('doc-1').primaryKeys()).sort()).toEqual([replaced.blobId, thumbnailIdOf(replaced.blobId ?? '')].sort());
    expect(await listRegister(db)).toHaveLength(1);
  });

  it('refuses a malformed entry before writing anything', async () => {
    const db = database();
    await expect(saveRegisterDocument(db, { id: 'doc-2', number: 'x', type: 'certificate', issuedOn: '01.02.2024' })).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
  });

  it('is what the editor validates: expiring and expired register documents warn and fail the attached draft', async () => {
    const db = database();
    const today = localToday();
    await saveRegisterDocument(db, { id: 'soon', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate', expiresOn: addDays(today, 10) }, { file: new File(['%PDF'], 'a.pdf'), thumbnail: new Blob(['png']) });
    await saveRegisterDocument(db, { id: 'old', number: 'ЕАЭС KZ 7500533.01.01.06080', type: 'certificate', expiresOn: addDays(today, -1) }, { file: new File(['%PDF'], 'b.pdf'), thumbnail: new Blob(['png']) });
    const draft = { ...emptyDraft({ id: 'draft-9' }), documents: [{ documentId: 'soon' }, { documentId: 'old' }] };
    const problems = validateDraft(draft, await buildValidationContext(db, draft, { base: [] })).filter((problem) => problem.group === 'documents');
    expect(problems.map((problem) => [problem.field, problem.key, problem.severity])).toEqual([
      ['documents.0', 'application.document.expiresSoon', 'warning'],
      ['documents.1', 'application.document.expired', 'error'],
    ]);
  });
});

describe('deleting from the register', () => {
  it('refuses while an application uses the document, and removes the PDF and thumbnail once none does', async () => {
    const db = database();
    const stored = await saveRegisterDocument(
      db,
      { id: 'doc-1', number: 'ЕАЭС KZ 1100317.05.01.05103', type: 'certificate' },
      { file: new File(['%PDF-1.7 x'], 'сертификат.pdf', { type: 'application/pdf' }), thumbnail: new Blob(['png'], { type: 'image/png' }) },
    );
    const draft = { ...emptyDraft({ id: 'app-1' }), documents: [{ documentId: stored.id }] };
    await db.drafts.add({ id: draft.id, localState: 'draft', draft, createdAt: 1, updatedAt: 1 });

    expect(await deleteRegisterDocument(db, stored.id)).toEqual({ deleted: false, usedBy: 1 });
    expect(await db.documents.get(stored.id)).toBeDefined();
    expect(await db.blobs.where('ownerId').equals(stored.id).count()).toBe(2);

    await db.drafts.update(draft.id, { draft: { ...draft, documents: [] } });
    expect(await deleteRegisterDocument(db, stored.id)).toEqual({ deleted: true });
    expect(await db.documents.get(stored.id)).toBeUndefined();
    expect(await db.blobs.where('ownerId').equals(stored.id).count()).toBe(0);
    expect(await db.drafts.get(draft.id)).toBeDefined();
  });
});
