import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft, type ApplicationDraft } from '../../src/shared/application/draft.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { draftSearchWords } from '../../src/renderer/db/search-words.ts';
import { LabelRenderer } from '../../src/renderer/features/labels/label-renderer.ts';
import { findLocalByCode, findLocalByWords, readLabelQueue as readQueue, updateLabelQueue as updateQueue } from '../../src/renderer/db/label-queue.ts';
import {
  addToQueue,
  type LabelProduct as LabelRecord,
} from '../../src/shared/labels/light.ts';
import type { RenderJob } from '../../src/renderer/features/labels/render-protocol.ts';

const record = (code: string, copies = 1): LabelRecord => ({
  code,
  nameKk: 'Қымыз «Әсел»',
  nameRu: 'Кумыс «Асель»',
  quantity: '0,5',
  unit: 'л',
  producer: 'ТОО «Қазақ Сүт»',
  country: 'ҚАЗАҚСТАН / КАЗАХСТАН',
  copies,
});

function withValues(draft: ApplicationDraft, base: ApplicationDraft['values']['base']): ApplicationDraft {
  return { ...draft, values: { ...draft.values, base } };
}

describe('finding products on this computer (real IndexedDB)', () => {
  let db: NcgDatabase;
  beforeAll(async () => {
    db = openDatabase(`labels-test-${crypto.randomUUID()}`);
    const now = Date.now();
    const drafts = [
      { id: 'gtin12', draft: withValues(emptyDraft({ id: 'gtin12' }), { name_kk: 'Сүт', gtin: '487000000009' }) },
      { id: 'published', draft: withValues(emptyDraft({ id: 'published' }), { name_kk: 'Қаймақ «Дала»' }), catalogue: { statusCode: 'published', ntin: '0200000000011' } },
      { id: 'nocode', draft: withValues(emptyDraft({ id: 'nocode' }), { name_kk: 'Қаймақ жоқ коды' }) },
    ];
    await db.drafts.bulkPut(drafts.map((row) => ({ ...row, localState: 'draft' as const, createdAt: now, updatedAt: now, searchWords: draftSearchWords(row.draft) })));
    await db.settings.put({ key: 'labels.queue', value: [] });
  });
  afterAll(async () => {
    await db.delete();
  });

  it('finds a GTIN-12 draft by its 13-digit scan and a published application by its catalogue NTIN', async () => {
    expect((await findLocalByCode(db, '0487000000009')).map((candidate) => candidate.key)).toEqual(['local:gtin12']);
    expect((await findLocalByCode(db, '0200000000011')).map((candidate) => candidate.key)).toEqual(['local:published']);
    expect(await findLocalByCode(db, '4870000000012')).toEqual([]);
  });

  it('finds by words only the applications that have a code to print', async () => {
    expect((await findLocalByWords(db, 'қаймақ')).map((candidate) => candidate.key)).toEqual(['local:published']);
  });

  it('stores queue changes one after another without losing any', async () => {
    await Promise.all([1, 2, 3].map((n) => updateQueue(db, (queue) => addToQueue(queue, record(`02000000000${String(n)}0`), `id${String(n)}`))));
    expect((await readQueue(db)).length).toBe(3);
  });
});

describe('the labels worker', () => {
  const renderer = new LabelRenderer();
  afterAll(() => renderer.dispose());
  const job = (overrides: Partial<RenderJob>): RenderJob => ({
    products: [record('0200000000011', 2)],
    templateId: 'avery-l7160',
    fields: {},
    startPosition: 1,
    calibration: { offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 },
    zpl: false,
    ...overrides,
  });

  it('renders a PDF of the template size, starting at the chosen label', async () => {
    const outcome = await renderer.render(job({ startPosition: 20 }));
    if (outcome.kind !== 'rendered') throw new Error(JSON.stringify(outcome));
    expect(new TextDecoder().decode(outcome.labels.pdf.subarray(0, 5))).toBe('%PDF-');
    expect(outcome.labels).toMatchObject({ labelCount: 2, pageCount: 1, labelsPerPage: 21, nextSlot: 21, pageWidthMm: 210, pageHeightMm: 297, zpl: null });
  });

  it('makes ZPL for thermal stock at the chosen resolution', async () => {
    const outcome = await renderer.render(job({ templateId: 'thermal-58x40', dpi: 300, zpl: true }));
    if (outcome.kind !== 'rendered') throw new Error(JSON.stringify(outcome));
    expect(outcome.labels.zpl).toMatch(/^\^XA/u);
    expect(outcome.labels.pageCount).toBe(2);
  });

  it('refuses a template that cannot hold a compliant symbol with the names, with the figures', async () => {
    const outcome = await renderer.render(job({ templateId: 'avery-l7651', fields: { nameKk: true } }));
    expect(outcome).toMatchObject({ kind: 'refused', problem: { key: 'labels.layout.fieldsDoNotFit' } });
  });

  it('leaves out a product whose name the label font cannot draw, and prints the rest', async () => {
    const outcome = await renderer.render(job({ products: [{ ...record('0200000000011'), nameKk: 'Сүт 🥛' }, record('4870000000012')] }));
    expect(outcome).toMatchObject({ kind: 'rendered', problems: [{ index: 0, field: 'nameKk', problem: { key: 'labels.record.missingGlyph' } }], labels: { labelCount: 1 } });
  });
});
