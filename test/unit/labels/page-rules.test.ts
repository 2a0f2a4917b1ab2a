/** The labels page's domain rules, now in src/shared/labels: the queue, print options, product mapping, scans. */
import { describe, expect, it } from 'vitest';
import { emptyDraft, type ApplicationDraft } from '../../../src/shared/application/draft.ts';
import { productSchema } from '../../../src/shared/catalogue/dto.ts';
import { exportRowSchema } from '../../../src/shared/catalogue/export-dto.ts';
import {
  DEFAULT_MAX_COPIES,
  addToQueue,
  bilingual,
  calibrationFor,
  candidateFromCard,
  candidateFromDraft,
  candidateFromExportRow,
  checkLabelItem,
  chosenDpi,
  chosenTemplate,
  classifyQuery,
  completeCandidate,
  customTemplates,
  defaultCodeKind,
  fieldToggles,
  findTemplate,
  jobTemplate,
  labelProductColumns,
  labelProductFor,
  labelQuantity,
  mergeCandidates,
  moveEntry,
  noCalibration,
  parsePrintOptions,
  parseQueue,
  printableCodes,
  queueProducts,
  removeEntry,
  setCopies,
  totalLabels,
  unitSymbol,
  type LabelProduct,
  type ProductCandidate,
} from '../../../src/shared/labels/light.ts';
import { productColumns } from '../../../src/shared/labels/index.ts';

const product = (code: string, copies = 1): LabelProduct => ({
  code,
  nameKk: 'Қымыз «Әсел»',
  nameRu: 'Кумыс «Асель»',
  quantity: '0,5',
  unit: 'л',
  producer: 'ТОО «Қазақ Сүт»',
  country: 'ҚАЗАҚСТАН / КАЗАХСТАН',
  copies,
});

describe('one product shape', () => {
  it('has the CSV columns of `ncg labels`, also under their first name', () => {
    expect(labelProductColumns).toEqual({ code: 'code', nameKk: 'name_kk', nameRu: 'name_ru', quantity: 'quantity', unit: 'unit', producer: 'producer', country: 'country', copies: 'copies' });
    expect(productColumns).toBe(labelProductColumns);
  });

  it('a queued product passes the core check unchanged (the queue stores what the layout takes)', () => {
    const check = checkLabelItem(product('0200000000011', 3));
    expect(check).toMatchObject({ ok: true, item: { ...product('0200000000011', 3), digits: '0200000000011', kind: 'ntin' } });
  });
});

describe('print queue', () => {
  it('adds, merges a repeated scan, moves, re-counts and removes', () => {
    let queue = addToQueue([], product('0200000000011', 2), 'a');
    queue = addToQueue(queue, product('4870000000012', 1), 'b');
    queue = addToQueue(queue, product('0200000000011', 3), 'c');
    expect(queue.map((entry) => [entry.id, entry.copies])).toEqual([['a', 5], ['b', 1]]);
    queue = moveEntry(queue, 'b', -1);
    expect(queue.map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(moveEntry(queue, 'b', -5).map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(moveEntry(queue, 'zz', 1)).toEqual(queue);
    expect(setCopies(queue, 'a', 0)).toEqual(queue);
    expect(setCopies(queue, 'a', 2.5)).toEqual(queue);
    queue = setCopies(queue, 'a', 7);
    expect(totalLabels(queue)).toBe(8);
    expect(removeEntry(queue, 'b').map((entry) => entry.id)).toEqual(['a']);
    expect(queueProducts(queue)).toEqual([product('4870000000012', 1), product('0200000000011', 7)]);
  });

  it('keeps the same code with another text as a separate entry, and caps merged copies', () => {
    let queue = addToQueue([], product('0200000000011', DEFAULT_MAX_COPIES - 1), 'a');
    queue = addToQueue(queue, { ...product('0200000000011'), producer: 'ТОО «Басқа»' }, 'b');
    queue = addToQueue(queue, product('0200000000011', 5), 'c');
    expect(queue.map((entry) => [entry.id, entry.copies])).toEqual([['a', DEFAULT_MAX_COPIES], ['b', 1]]);
  });

  it('keeps the good entries of a damaged stored queue', () => {
    expect(parseQueue([{ ...product('0200000000011'), id: 'x' }, { id: 'y', code: 42 }, 'junk', { ...product('0200000000011', 0), id: 'z' }]).map((entry) => entry.id)).toEqual(['x']);
    expect(parseQueue('not a list')).toEqual([]);
    expect(parseQueue(undefined)).toEqual([]);
  });
});

describe('print options', () => {
  it('falls back field by field and starts L7651 with names off', () => {
    const options = parsePrintOptions({ templateId: 'avery-l7651', dpi: 'high', zplPort: 80, zplHost: 'zebra.local' });
    expect(options.dpi).toBe(203);
    expect(options.zplPort).toBe(9100);
    expect(options.zplHost).toBe('zebra.local');
    const template = chosenTemplate(options);
    expect(template.id).toBe('avery-l7651');
    expect(fieldToggles(template, options)).toEqual({ nameKk: false, nameRu: false, quantity: false, producer: false, country: false });
    expect(chosenTemplate(parsePrintOptions({ templateId: 'gone' })).id).toBe('avery-l7160');
    expect(parsePrintOptions(null)).toEqual(parsePrintOptions({}));
    expect(parsePrintOptions({ zplPort: 9105 }).zplPort).toBe(9105);
  });

  it('chooses the resolution the template offers, the user fields and the printer calibration', () => {
    const thermal = findTemplate('thermal-58x40');
    const sheet = findTemplate('avery-l7160');
    if (!thermal || !sheet) throw new Error('built-in templates missing');
    expect(chosenDpi(thermal, parsePrintOptions({ dpi: 300 }))).toBe(300);
    expect(chosenDpi(thermal, parsePrintOptions({ dpi: 600 }))).toBe(203);
    expect(chosenDpi(sheet, parsePrintOptions({ dpi: 300 }))).toBeUndefined();
    const options = parsePrintOptions({ fieldsByTemplate: { 'avery-l7160': { producer: false } }, calibrationByPrinter: { Zebra: { offsetXMm: 0.5, offsetYMm: 0, scaleX: 1, scaleY: 1 } } });
    expect(fieldToggles(sheet, options)).toEqual({ nameKk: true, nameRu: true, quantity: true, producer: false, country: true });
    expect(calibrationFor(options, 'Zebra').offsetXMm).toBe(0.5);
    expect(calibrationFor(options, 'Other')).toBe(noCalibration);
  });

  it('keeps valid custom templates, drops broken ones alone, and sends their figures with the job', () => {
    const good = { id: 'custom-1', name: '50×30', kind: 'thermal', pageWidthMm: 50, pageHeightMm: 30, columns: 1, rows: 1, labelWidthMm: 50, labelHeightMm: 30, marginLeftMm: 0, marginTopMm: 0, pitchXMm: 50, pitchYMm: 30, dpi: 300 };
    const overlapping = { ...good, id: 'custom-2', columns: 3, pageWidthMm: 60 };
    const options = parsePrintOptions({ templateId: 'custom-1', customTemplates: [good, overlapping, 'junk'] });
    expect(options.customTemplates.map((entry) => entry.id)).toEqual(['custom-1']);
    const template = chosenTemplate(options);
    expect(template).toMatchObject({ id: 'custom-1', kind: 'thermal', dpiChoices: [300] });
    expect(customTemplates(options).map((entry) => entry.id)).toEqual(['custom-1']);
    expect(jobTemplate(template, options)).toEqual({ templateId: 'custom-1', customTemplate: options.customTemplates[0] });
    expect(jobTemplate(chosenTemplate(parsePrintOptions({})), options)).toEqual({ templateId: 'avery-l7160' });
  });
});

function withValues(draft: ApplicationDraft, base: ApplicationDraft['values']['base']): ApplicationDraft {
  return { ...draft, values: { ...draft.values, base } };
}

describe('products to label products', () => {
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
    const candidate = candidateFromCard(card);
    expect(candidate).toEqual({
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
    expect(printableCodes(candidate)).toEqual([{ kind: 'ntin', code: '0200000000011' }, { kind: 'gtin', code: '4870000000012' }]);
    expect(labelProductFor(candidate, '4870000000012', 4)).toEqual({ code: '4870000000012', nameKk: 'Қымыз «Әсел» 1,5 л', nameRu: 'Кумыс «Асель» 1,5 л', quantity: '1,5', unit: 'л', producer: 'ТОО «Әсел»', country: 'ҚАЗАҚСТАН / КАЗАХСТАН', copies: 4 });
  });

  it('maps a local application with names of its dictionary codes', () => {
    const draft = withValues(emptyDraft({ id: 'd1' }), { name_kk: 'Ірімшік', name_ru: 'Сыр', gtin: '4870000000012', country: 'KZ', a4282e5d: 'ТОО «Ірімшік»', measure: { measure_unit: '166', quantity: '0.25' } });
    const candidate = candidateFromDraft('d1', draft, '0200000000011', (dictionary, code) => (dictionary === 'COUNTRY' && code === 'KZ' ? { nameKk: 'ҚАЗАҚСТАН', nameRu: 'КАЗАХСТАН' } : undefined));
    expect(candidate).toMatchObject({ key: 'local:d1', source: 'local', ntin: '0200000000011', gtin: '4870000000012', nameKk: 'Ірімшік', nameRu: 'Сыр', quantity: '0,25', unit: 'кг', producer: 'ТОО «Ірімшік»', country: 'ҚАЗАҚСТАН / КАЗАХСТАН' });
    // Without dictionary names: the country's code, the unit's ОКЕИ code.
    const bare = candidateFromDraft('d2', withValues(emptyDraft({ id: 'd2' }), { name_ru: 'Сыр', country: 'KZ', measure: { measure_unit: '999', quantity: '2' } }), undefined, () => undefined);
    expect(bare).toMatchObject({ country: 'KZ', unit: '999', quantity: '2' });
    expect(printableCodes(bare)).toEqual([]);
  });

  it('writes both names once, decimal commas and short unit symbols', () => {
    expect(bilingual('Қазақстан', 'Казахстан')).toBe('Қазақстан / Казахстан');
    expect(bilingual('ИТАЛИЯ', 'Италия')).toBe('ИТАЛИЯ');
    expect(bilingual('', '', 'KZ')).toBe('KZ');
    expect(labelQuantity('1.5')).toBe('1,5');
    expect(labelQuantity(' 500 ')).toBe('500');
    expect(unitSymbol('112')).toBe('л');
    expect(unitSymbol('555', 'Упаковка')).toBe('Упаковка');
  });
});

describe('scans', () => {
  it('classifies scans: a good code, a wrong check digit, words', () => {
    expect(classifyQuery(' 0200000000011 ')).toEqual({ kind: 'code', input: '0200000000011', digits: '0200000000011' });
    expect(classifyQuery('0200000000012')).toMatchObject({ kind: 'refused', problem: { key: 'codes.ntin.badCheckDigit', params: { expected: 1, actual: 2 } } });
    expect(classifyQuery('қаймақ')).toEqual({ kind: 'words', input: 'қаймақ' });
    expect(classifyQuery('  ')).toBeNull();
  });

  const local = (key: string, ntin?: string, gtin?: string): ProductCandidate => ({
    key,
    source: 'local',
    ...(ntin ? { ntin } : {}),
    ...(gtin ? { gtin } : {}),
    nameKk: '',
    nameRu: key,
    quantity: '',
    unit: '',
    producer: '',
    country: '',
  });

  it('shows a published application once, as its card, and offers the scanned code first', () => {
    const card = { ...local('catalogue:0200000000011', '0200000000011', '4870000000012'), source: 'catalogue' as const };
    const merged = mergeCandidates([local('local:a', '0200000000011'), local('local:b', undefined, '4870000000029')], [card]);
    expect(merged.map((candidate) => candidate.key)).toEqual(['catalogue:0200000000011', 'local:b']);
    const byGtin = classifyQuery('04870000000012');
    if (byGtin === null) throw new Error('no query');
    expect(defaultCodeKind(card, byGtin)).toBe('gtin');
    expect(defaultCodeKind(card, { kind: 'words', input: 'сүт' })).toBe('ntin');
  });
});

describe('cards found by words', () => {
  const row = (overrides: Record<string, unknown> = {}) =>
    exportRowSchema.parse({ id: 7, name_ru: 'Молоко 2,5 %', name_kk: 'Сүт 2,5 %', gtin: '4870000000012', ntin_code: '0200000000011', modified: 1_700_000_000, ...overrides });

  it('become partial candidates (names and codes), deactivated or code-less rows none', () => {
    expect(candidateFromExportRow(row())).toEqual({
      key: 'catalogue:0200000000011',
      source: 'catalogue',
      ntin: '0200000000011',
      gtin: '4870000000012',
      nameKk: 'Сүт 2,5 %',
      nameRu: 'Молоко 2,5 %',
      quantity: '',
      unit: '',
      producer: '',
      country: '',
      partial: true,
    });
    expect(candidateFromExportRow(row({ gtin: '-' }))?.gtin).toBeUndefined();
    expect(candidateFromExportRow(row({ ntin_isdeactivated: true }))).toBeNull();
    expect(candidateFromExportRow(row({ ntin_code: '', gtin: '' }))).toBeNull();
  });

  it('give way to the local application with the same NTIN (which has details), and get their card when added', () => {
    const partial = candidateFromExportRow(row());
    if (!partial) throw new Error('no candidate');
    const { partial: _partial, ...found } = partial;
    const local: ProductCandidate = { ...found, key: 'local:a', source: 'local', producer: 'ТОО «Сүт»' };
    expect(mergeCandidates([local], [partial]).map((candidate) => candidate.key)).toEqual(['local:a']);
    // A full card still wins over the local copy.
    const card: ProductCandidate = { ...local, key: 'catalogue:0200000000011', source: 'catalogue', country: 'ҚАЗАҚСТАН' };
    expect(mergeCandidates([local], [card]).map((candidate) => candidate.key)).toEqual(['catalogue:0200000000011']);
    expect(completeCandidate(partial, [{ ...card, ntin: '0200000000028' }, card])).toEqual({ ...card, key: partial.key });
    expect(completeCandidate(partial, [])).toBe(partial);
  });
});
