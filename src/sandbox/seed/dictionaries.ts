/**
 * The dictionaries the sandbox serves (catalogue-api.md §4.19–§4.22, §8): OKTRU (tree), TNVED, COUNTRY,
 * MEASURE_UNIT, SZPT, COLOR, REJECTION_REASON. Independent of the seed: codes and ids are the same in every
 * sandbox, so data validated offline against `buildSeed()` matches any running sandbox.
 */
import { countries } from './countries.ts';
import { oktruSections, type GroupSpec, type PackSize, type SectionKey, type SectionSpec } from './oktru-data.ts';
import { hashString, pad } from './prng.ts';
import { tnvedHeadings, tnvedOther, tnvedQualifiers } from './tnved-data.ts';
import { units } from './units.ts';

export interface SeedDictionaryItem {
  id: number;
  parentId?: number;
  code: string;
  level: number;
  hasChild: boolean;
  properties: { code: string; nameRu: string; nameKk: string };
  isDeleted: boolean;
  createdDate: string;
  updatedDate: string;
}

export interface SeedDictionary {
  code: string;
  nameRu: string;
  nameKk: string;
  isTree: boolean;
  items: SeedDictionaryItem[];
  roots: SeedDictionaryItem[];
  byCode: Map<string, SeedDictionaryItem>;
  byId: Map<number, SeedDictionaryItem>;
  children: Map<number, SeedDictionaryItem[]>;
}

/** What the card generator and the validator need to know about an ОКТРУ leaf. */
export interface OktruLeaf {
  code: string;
  id: number;
  nameRu: string;
  nameKk: string;
  section: SectionSpec;
  sectionKey: SectionKey;
  group: GroupSpec;
  sizes: PackSize[];
  /** Current (not deleted) ТН ВЭД codes of the group's heading. */
  tnvedCodes: string[];
  /** Levels 1..4 as `PortalAncestor`s. */
  ancestors: { level: number; code: string; nameRu: string; nameKk: string }[];
  isDeleted: boolean;
}

const created = '2024-01-15T10:00:00';
const updated = '2025-06-01T09:30:00';

function makeDictionary(code: string, nameRu: string, nameKk: string, isTree: boolean, items: SeedDictionaryItem[]): SeedDictionary {
  const byCode = new Map<string, SeedDictionaryItem>();
  const byId = new Map<number, SeedDictionaryItem>();
  const children = new Map<number, SeedDictionaryItem[]>();
  const roots: SeedDictionaryItem[] = [];
  for (const item of items) {
    byCode.set(item.code, item);
    byId.set(item.id, item);
    if (item.parentId === undefined) roots.push(item);
    else {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    }
  }
  return { code, nameRu, nameKk, isTree, items, roots, byCode, byId, children };
}

function flatItems(firstId: number, rows: [code: string, ru: string, kk: string, deleted?: boolean][]): SeedDictionaryItem[] {
  return rows.map(([code, nameRu, nameKk, deleted], index) => ({
    id: firstId + index,
    code,
    level: 1,
    hasChild: false,
    properties: { code, nameRu, nameKk },
    isDeleted: deleted === true,
    createdDate: created,
    updatedDate: updated,
  }));
}

function buildTnved(): { dictionary: SeedDictionary; byHeading: Map<string, string[]> } {
  const rows: [string, string, string, boolean][] = [];
  const byHeading = new Map<string, string[]>();
  tnvedHeadings.forEach(([heading, ru, kk], headingIndex) => {
    const current: string[] = [];
    tnvedQualifiers.forEach(([qualifierRu, qualifierKk], j) => {
      const code = `${heading}${(j + 1) * 10}${pad(hashString(`${heading}/${j}`) % 10_000, 4)}`;
      const deleted = j === tnvedQualifiers.length - 1 && headingIndex % 9 === 0;
      rows.push([code, `${ru}, ${qualifierRu}`, `${kk}, ${qualifierKk}`, deleted]);
      if (!deleted) current.push(code);
    });
    byHeading.set(heading, current);
  });
  rows.push([...tnvedOther, false]);
  return { dictionary: makeDictionary('TNVED', 'ТН ВЭД ЕАЭС', 'ЕАЭО СЭҚ ТН', false, flatItems(2_100_000, rows)), byHeading };
}

function buildOktru(tnvedByHeading: Map<string, string[]>): { dictionary: SeedDictionary; leaves: OktruLeaf[] } {
  const items: SeedDictionaryItem[] = [];
  const leaves: OktruLeaf[] = [];
  const usedLeafCodes = new Set<string>();
  let nextId = 9_100_000;
  const add = (code: string, level: number, nameRu: string, nameKk: string, parentId: number | undefined, hasChild: boolean, isDeleted = false) => {
    const item: SeedDictionaryItem = {
      id: nextId++,
      ...(parentId === undefined ? {} : { parentId }),
      code,
      level,
      hasChild,
      properties: { code, nameRu, nameKk },
      isDeleted,
      createdDate: created,
      updatedDate: updated,
    };
    items.push(item);
    return item;
  };
  const leafCode = (path: string, groupCode: string) => {
    for (let salt = 0; ; salt += 1) {
      const code = `${groupCode}-100${pad(hashString(`${path}#${salt}`) % 1_000_000, 6)}`;
      if (!usedLeafCodes.has(code)) {
        usedLeafCodes.add(code);
        return code;
      }
    }
  };
  for (const section of oktruSections) {
    const l1 = add(section.code, 1, section.ru, section.kk, undefined, true);
    for (const klass of section.classes) {
      const l2Code = `${section.code}-${klass.code}`;
      const l2 = add(l2Code, 2, klass.ru, klass.kk, l1.id, true);
      klass.groups.forEach((group, groupIndex) => {
        const l3Code = `${l2Code}-${group.code}`;
        const l3 = add(l3Code, 3, group.ru, group.kk, l2.id, true);
        const entries: [string, string, boolean][] = group.leaves.map(([ru, kk]) => [ru, kk, false]);
        // One legacy (deleted) leaf per section: kept for display, refused for new requests.
        if (groupIndex === 0 && klass === section.classes[0]) entries.push([`${group.ru} (устаревшая категория)`, `${group.kk} (ескірген санат)`, true]);
        for (const [ru, kk, deleted] of entries) {
          const code = leafCode(`${l3Code}/${ru}`, l3Code);
          const leaf = add(code, 4, ru, kk, l3.id, false, deleted);
          leaves.push({
            code,
            id: leaf.id,
            nameRu: ru,
            nameKk: kk,
            section,
            sectionKey: section.key,
            group,
            sizes: group.sizes,
            tnvedCodes: tnvedByHeading.get(group.tnved) ?? [tnvedOther[0]],
            ancestors: [
              { level: 1, code: section.code, nameRu: section.ru, nameKk: section.kk },
              { level: 2, code: l2Code, nameRu: klass.ru, nameKk: klass.kk },
              { level: 3, code: l3Code, nameRu: group.ru, nameKk: group.kk },
              { level: 4, code, nameRu: ru, nameKk: kk },
            ],
            isDeleted: deleted,
          });
        }
      });
    }
  }
  return { dictionary: makeDictionary('OKTRU', 'ОКТРУ (категории НКТ)', 'ОКТРУ (ҰТК санаттары)', true, items), leaves };
}

export interface SeedDictionaries {
  dictionaries: Map<string, SeedDictionary>;
  leaves: OktruLeaf[];
  leafByCode: Map<string, OktruLeaf>;
}

export function buildDictionaries(): SeedDictionaries {
  const tnved = buildTnved();
  const oktru = buildOktru(tnved.byHeading);
  const list = [
    oktru.dictionary,
    tnved.dictionary,
    makeDictionary('COUNTRY', 'Страны мира', 'Әлем елдері', false, flatItems(3_100_000, countries)),
    makeDictionary('MEASURE_UNIT', 'Единицы измерения', 'Өлшем бірліктері', false, flatItems(4_100_000, units.map(([code, ru, kk]) => [code, ru, kk]))),
    makeDictionary(
      'SZPT',
      'Социально значимые продовольственные товары',
      'Әлеуметтік маңызы бар азық-түлік тауарлары',
      false,
      flatItems(5_100_000, [
        ['SZPT-001', 'Хлеб', 'Нан'],
        ['SZPT-002', 'Молоко', 'Сүт'],
        ['SZPT-003', 'Кефир', 'Айран'],
        ['SZPT-004', 'Масло сливочное', 'Сары май'],
        ['SZPT-005', 'Мука пшеничная', 'Бидай ұны'],
        ['SZPT-006', 'Сахар', 'Қант'],
        ['SZPT-007', 'Рис', 'Күріш'],
        ['SZPT-008', 'Гречневая крупа', 'Қарақұмық жармасы'],
        ['SZPT-009', 'Яйца куриные', 'Тауық жұмыртқасы'],
        ['SZPT-010', 'Масло подсолнечное', 'Күнбағыс майы'],
      ]),
    ),
    makeDictionary(
      'COLOR',
      'Цвета',
      'Түстер',
      false,
      flatItems(6_100_000, [
        ['WHITE', 'Белый', 'Ақ'],
        ['BLACK', 'Чёрный', 'Қара'],
        ['RED', 'Красный', 'Қызыл'],
        ['BLUE', 'Синий', 'Көк'],
        ['GREEN', 'Зелёный', 'Жасыл'],
        ['GREY', 'Серый', 'Сұр'],
        ['BEIGE', 'Бежевый', 'Бежевый'],
        ['YELLOW', 'Жёлтый', 'Сары'],
      ]),
    ),
    makeDictionary(
      'REJECTION_REASON',
      'Причины отклонения',
      'Қабылдамау себептері',
      false,
      flatItems(7_100_000, [
        ['MISSING_COUNTRY', 'Не указана страна происхождения', 'Шығарылған елі көрсетілмеген'],
        ['DUPLICATE_PRODUCT', 'Товар уже существует в каталоге', 'Тауар каталогта бар'],
        ['BAD_PHOTO', 'Фотографии не соответствуют требованиям', 'Фотосуреттер талаптарға сәйкес келмейді'],
        ['WRONG_CATEGORY', 'Неверная категория ОКТРУ', 'ОКТРУ санаты қате'],
        ['OTHER', 'Иная причина', 'Басқа себеп'],
      ]),
    ),
  ];
  return {
    dictionaries: new Map(list.map((dictionary) => [dictionary.code, dictionary])),
    leaves: oktru.leaves,
    leafByCode: new Map(oktru.leaves.map((leaf) => [leaf.code, leaf])),
  };
}

/** The `GET /dictionaries` entry of a dictionary. */
export function dictionaryInfo(dictionary: SeedDictionary) {
  return { code: dictionary.code, nameRu: dictionary.nameRu, nameKk: dictionary.nameKk, isTree: dictionary.isTree };
}
