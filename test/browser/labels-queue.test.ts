import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft, type ApplicationDraft } from '../../src/shared/application/draft.ts';
import { productSchema } from '../../src/shared/catalogue/dto.ts';
import { openDatabase, type NcgDatabase } from '../../src/renderer/db/database.ts';
import { draftSearchWords } from '../../src/renderer/db/search-words.ts';
import { LabelRenderer } from '../../src/renderer/features/labels/label-renderer.ts';
import { findLocalByCode, findLocalByWords, readLabelQueue as readQueue, updateLabelQueue as updateQueue } from '../../src/renderer/db/label-queue.ts';
import {
  addToQueue,
  candidateFromCard,
  candidateFromDraft,
  chosenTemplate,
  classifyQuery,
  fieldToggles,
  moveEntry,
  parsePrintOptions,
  parseQueue,
  removeEntry,
  setCopies,
  totalLabels,
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

describe('print queue operations', () => {
  it('adds, merges a repeated scan, moves, re-counts and removes', () => {
    let queue = addToQueue([], record('0200000000011', 2), 'a');
    queue = addToQueue(queue, record('4870000000012', 1), 'b');
    queue = addToQueue(queue, record('0200000000011', 3), 'c');
    expect(queue.map((entry) => [entry.id, entry.copies])).toEqual([['a', 5], ['b', 1]]);
    queue = moveEntry(queue, 'b', -1);
    expect(queue.map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(moveEntry(queue, 'b', -5).map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(setCopies(queue, 'a', 0)).toEqual(queue);
    queue = setCopies(queue, 'a', 7);
    expect(totalLabels(queue)).toBe(8);
    expect(removeEntry(queue, 'b').map((entry) => entry.id)).toEqual(['a']);
  });

  it('keeps the good entries of a damaged stored queue', () => {
    expect(parseQueue([{ ...record('0200000000011'), id: 'x' }, { id: 'y', code: 42 }, 'junk']).map((entry) => entry.id)).toEqual(['x']);
    expect(parseQueue('not a list')).toEqual([]);
  });
});

describe('print options', () => {
  it('falls back field by field and starts L7651 with names off', () => {
    const options = parsePrintOptions({ templateId: 'avery-l7651', dpi: 'high', zplPort: 80 });
    expect(options.dpi).toBe(203);
    expect(options.zplPort).toBe(9100);
    const template = chosenTemplate(options);
    expect(template.id).toBe('avery-l7651');
    expect(fieldToggles(template, options)).toEqual({ nameKk: false, nameRu: false, quantity: false, producer: false, country: false });
    expect(chosenTemplate(parsePrintOptions({ templateId: 'gone' })).id).toBe('avery-l7160');
  });
});

describe('products to label records', () => {
  it('maps a catalogue card: both names, quantity with a comma, unit symbol, producer, bilingual country', () => {
    const card = productSchema.parse({
      id: 1,
      ntin: '0200000000011',
      gtin: '4870000000012',
      nameKk: 'Қымыз «Әсел» 1,5 л',
      nameRu: 'Кумыс «Асель» 1,5 л',
      attributes: [
        { code: 'country', dataType: 'dictionary', value: 'KZ', values: { code: 'KZ', nameRu: 'КАЗАХСТАН', nameKk: 'ҚАЗАҚСТАН' } },
        { code: 'measure', dataType: 'string', attributes: [
          { code: 'measure_unit', dataType: 'dictionary', value: '112', values: { code: '112', nameRu: 'Литр', nameKk: 'Литр' } },
          { code: 'quantity', dataType: 'number', value: '1.5' },
        ] },
        { code: 'a4282e5d', dataType: 'string', value: 'ТОО «Әсел»' },
      ],
    });
    expect(candidateFromCard(card)).toEqual({
      key: 'catalogue:0200000000011',
      source: 'catalogue',
      ntin: '0200000000011',
      gtin: '4870000000012',
      nameKk: 'Қымыз «Әсел» 1,5 л',
      nameRu: 'Кумыс «Асель» 1,5 л',
      quantity: '1,5',
      unit: 'л',
      producer: 'ТОО «Әсел»',
      country: 'ҚАЗАҚСТАН / КАЗАХСТАН',
    });
  });

  it('maps a local application with names of its dictionary codes', () => {
    const draft = withValues(emptyDraft({ id: 'd1' }), { name_kk: 'Ірімшік', name_ru: 'Сыр', gtin: '4870000000012', country: 'KZ', a4282e5d: 'ТОО «Ірімшік»', measure: { measure_unit: '166', quantity: '0.25' } });
    const candidate = candidateFromDraft('d1', draft, '0200000000011', (dictionary, code) => (dictionary === 'COUNTRY' && code === 'KZ' ? { nameKk: 'ҚАЗАҚСТАН', nameRu: 'КАЗАХСТАН' } : undefined));
    expect(candidate).toMatchObject({ ntin: '0200000000011', gtin: '4870000000012', quantity: '0,25', unit: 'кг', country: 'ҚАЗАҚСТАН / КАЗАХСТАН' });
  });
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

  it('classifies scans: a good code, a wrong check digit, words', () => {
    expect(classifyQuery(' 0200000000011 ')).toEqual({ kind: 'code', input: '0200000000011', digits: '0200000000011' });
    expect(classifyQuery('0200000000012')).toMatchObject({ kind: 'refused', problem: { key: 'codes.ntin.badCheckDigit', params: { expected: 1, actual: 2 } } });
    expect(classifyQuery('қаймақ')).toEqual({ kind: 'words', input: 'қаймақ' });
    expect(classifyQuery('  ')).toBeNull();
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
