/** The deterministic seed: dictionaries, schema, generated cards. */
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../../src/sandbox/seed/index.ts';
import { fullCheck } from '../../../src/sandbox/validation.ts';
import { hasValidGs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { validateBin } from '../../../src/shared/codes/bin.ts';
import { validateOktru } from '../../../src/shared/codes/oktru.ts';
import { validateTnved } from '../../../src/shared/codes/tnved.ts';
import { validBody } from './fixtures.ts';

const seed = buildSeed();
const kazakhLetters = /[әғқңөұүһі]/i;

describe('dictionaries', () => {
  it('has a 4-level ОКТРУ tree over the five sections, with Russian and Kazakh names', () => {
    const oktru = seed.dictionary('oktru');
    expect(oktru?.roots.map((root) => root.properties.nameRu)).toEqual([
      'Продукты пищевые, напитки',
      'Одежда и обувь',
      'Электроника и бытовая техника',
      'Строительные материалы',
      'Лекарственные средства',
    ]);
    for (const item of oktru?.items ?? []) {
      const check = validateOktru(item.code);
      expect(check.valid && check.level, item.code).toBe(item.level);
      expect(item.hasChild).toBe(item.level < 4);
    }
    expect((oktru?.items ?? []).filter((item) => kazakhLetters.test(item.properties.nameKk)).length).toBeGreaterThan(50);
    expect(seed.leaves.some((leaf) => leaf.isDeleted)).toBe(true);
  });

  it('has a few hundred valid 10-digit ТН ВЭД codes with names', () => {
    const tnved = seed.dictionary('TNVED');
    expect(tnved?.items.length).toBeGreaterThan(300);
    for (const item of tnved?.items ?? []) {
      expect(validateTnved(item.code).valid, item.code).toBe(true);
      expect(item.properties.nameRu.length).toBeGreaterThan(3);
    }
    expect(tnved?.byCode.get('9999999999')?.properties.nameRu).toBe('Прочие товары');
  });

  it('has at least 60 countries (ISO alpha-2) with ru and kk names, and the units of §5.3', () => {
    const countries = seed.dictionary('COUNTRY');
    expect(countries?.items.length).toBeGreaterThanOrEqual(60);
    for (const code of ['KZ', 'RU', 'CN', 'TR', 'DE', 'UZ', 'KG', 'BY', 'US']) expect(countries?.byCode.has(code), code).toBe(true);
    expect(countries?.byCode.get('KZ')?.properties).toMatchObject({ nameRu: 'КАЗАХСТАН', nameKk: 'ҚАЗАҚСТАН' });
    const units = seed.dictionary('MEASURE_UNIT');
    expect(units?.byCode.get('796')?.properties).toMatchObject({ nameRu: 'Штука', nameKk: 'Дана' });
    for (const code of ['166', '112', '163', '006', '111']) expect(units?.byCode.has(code), code).toBe(true);
  });
});

describe('generated cards', () => {
  it('is deterministic for a seed and different for another', () => {
    expect(buildSeed({ seed: 7 }).cards.card(42)).toEqual(buildSeed({ seed: 7 }).cards.card(42));
    expect(buildSeed({ seed: 7 }).cards.card(42).nameRu === buildSeed({ seed: 8 }).cards.card(42).nameRu && buildSeed({ seed: 7 }).cards.card(42).gtin === buildSeed({ seed: 8 }).cards.card(42).gtin).toBe(false);
  });

  it('has valid NTINs, GTINs (487 and foreign prefixes), BINs, shared GTINs, deactivations and increasing `modified`', () => {
    const prefixes = new Set<string>();
    let shared = 0;
    let deactivated = 0;
    let previous = 0;
    for (let index = 0; index < seed.cards.count; index += 1) {
      const card = seed.cards.card(index);
      expect(card.ntin).toMatch(/^0200\d{9}$/);
      expect(hasValidGs1CheckDigit(card.ntin)).toBe(true);
      expect(seed.cards.indexOfNtin(card.ntin)).toBe(index);
      if (card.gtin) {
        expect(hasValidGs1CheckDigit(card.gtin), card.gtin).toBe(true);
        prefixes.add(card.gtin.slice(0, 3));
        const holders = seed.cards.indicesOfGtin(card.gtin);
        expect(holders).toContain(index);
        if (holders.length > 1) shared += 1;
      }
      expect(validateBin(card.producerBin).valid, card.producerBin).toBe(true);
      if (card.deactivated) deactivated += 1;
      expect(card.modified).toBeGreaterThan(previous);
      previous = card.modified;
      expect(seed.leaf(card.oktru)?.isDeleted).toBe(false);
    }
    expect(prefixes.has('487')).toBe(true);
    expect(prefixes.size).toBeGreaterThan(5);
    expect(shared).toBeGreaterThan(10);
    expect(deactivated).toBeGreaterThan(10);
    expect(Array.from({ length: 50 }, (_, i) => seed.cards.card(i).nameKk).some((name) => kazakhLetters.test(name))).toBe(true);
  });

  it('seeks the feed cursor by arithmetic', () => {
    const big = buildSeed({ cards: 1_000_000 });
    const index = 654_321;
    expect(big.cards.seek(big.cards.modifiedOf(index))).toBe(index);
    expect(big.cards.seek(big.cards.modifiedOf(index), big.cards.idOf(index))).toBe(index + 1);
    expect(big.cards.seek(0)).toBe(0);
    expect(big.cards.seek(Number.MAX_SAFE_INTEGER)).toBe(1_000_000);
  });

  it('finds nothing for codes that are not its own', () => {
    expect(seed.cards.indexOfNtin('0200999999993')).toBeUndefined();
    expect(seed.cards.indicesOfGtin('4600000000003')).toEqual([]);
    expect(seed.cards.indicesOfGtin('abc')).toEqual([]);
  });
});

describe('offline validation against the seed', () => {
  it('accepts the fixture body and names every problem of a broken one', () => {
    expect(fullCheck(validBody(), seed)).toEqual([]);
    const body = validBody();
    const broken = { ...body, attributes: body.attributes.filter((attribute) => attribute.code !== 'name_kk').concat([{ code: 'gtin', value: '12' }]) };
    expect(fullCheck(broken, seed).map((problem) => problem.code)).toEqual(expect.arrayContaining(['name_kk', 'gtin']));
  });
});
