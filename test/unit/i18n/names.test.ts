import { describe, expect, it } from 'vitest';
import { attributeLabel } from '../../../src/shared/application/attribute-names.ts';
import { dictionaryName, knownDictionaryCodes } from '../../../src/shared/catalogue/dictionary-names.ts';
import { locales } from '../../../src/shared/i18n/locales.ts';
import { additionalExtendedAttributes, baseAttributes, mainExtendedAttributes } from '../../../src/sandbox/seed/attributes.ts';

const cyrillic = /[\u0400-\u04ff]/u;
const latin = /[A-Za-z]/u;

describe('attribute labels in the UI language', () => {
  it('names every base and extended attribute the sandbox publishes in English, without Cyrillic', () => {
    const all = [...baseAttributes, ...mainExtendedAttributes, ...Object.values(additionalExtendedAttributes).flat()];
    const flat = all.flatMap((attribute) => [attribute, ...(attribute.attributes ?? [])]);
    expect(flat.length).toBeGreaterThan(20);
    for (const attribute of flat) {
      const label = attributeLabel(attribute, 'en');
      expect(label.lang, attribute.code).toBe('en');
      expect(label.text, attribute.code).not.toMatch(cyrillic);
    }
  });

  it('uses the catalogue’s own Kazakh and Russian names in those languages', () => {
    const name = { code: 'country', nameRu: 'Страна происхождения', nameKk: 'Шығарылған елі' };
    expect(attributeLabel(name, 'kk')).toEqual({ text: 'Шығарылған елі', lang: 'kk' });
    expect(attributeLabel(name, 'ru')).toEqual({ text: 'Страна происхождения', lang: 'ru' });
    expect(attributeLabel(name, 'en')).toEqual({ text: 'Country of origin', lang: 'en' });
  });

  it('shows an unknown attribute in English as its Russian name marked Russian, with the code apart', () => {
    const label = attributeLabel({ code: 'f00dcafe', nameRu: 'Сорт зерна', nameKk: 'Дән сорты' }, 'en');
    expect(label).toEqual({ text: 'Сорт зерна', lang: 'ru', fallbackCode: 'f00dcafe' });
    expect(label.text).not.toMatch(latin);
  });
});

describe('dictionary names', () => {
  it('names every known dictionary in each language, in that language’s script', () => {
    for (const code of knownDictionaryCodes()) {
      for (const locale of locales) {
        const name = dictionaryName(code, locale);
        expect(name).not.toBe(code);
        if (locale === 'en') expect(name).not.toMatch(cyrillic);
        else expect(name).toMatch(cyrillic);
      }
    }
  });

  it('falls back to the catalogue’s name, then to a phrase with the code', () => {
    expect(dictionaryName('FABRIC', 'ru', { nameRu: 'Ткани' })).toBe('Ткани');
    expect(dictionaryName('fabric', 'en')).toBe('Dictionary FABRIC');
    expect(dictionaryName('szpt', 'kk')).toBe('Әлеуметтік маңызы бар азық-түлік тауарлары');
  });
});
