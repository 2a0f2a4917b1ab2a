/**
 * The attribute schemas the sandbox publishes (catalogue-api.md §4.15, §4.16, §5.3, §5.4): the base schema
 * (`GET …/requests/attributes`) and the extended schema per category (`…/categories/{oktru}/gov-attributes`),
 * plus the category rules moderation applies on top of the schema.
 */
import type { AttributeDefinition } from '../../shared/catalogue/dto.ts';
import type { SectionKey } from './oktru-data.ts';

type Def = AttributeDefinition;

const text = (code: string, nameRu: string, nameKk: string, extra: Partial<Def> = {}): Def => ({
  code,
  nameRu,
  nameKk,
  dataType: 'string',
  attributeType: 'standard',
  isRequired: false,
  ...extra,
});

const flag = (code: string, nameRu: string, nameKk: string, order: number): Def =>
  text(code, nameRu, nameKk, { dataType: 'boolean', attributeOrder: order });

const dimensions = (code: string, nameRu: string, nameKk: string, order: number, required: boolean): Def => ({
  code,
  nameRu,
  nameKk,
  dataType: 'string',
  attributeType: 'compound',
  isSingle: true,
  isRequired: required,
  isRequiredEgz: required,
  isRequiredKgd: false,
  isMain: true,
  attributeOrder: order,
  attributes: [
    text('width', 'Ширина', 'Ені', { dataType: 'number', index: 1, isRequired: true, minValue: '0', maxValue: '100000' }),
    text('height', 'Высота', 'Биіктігі', { dataType: 'number', index: 2, isRequired: true, minValue: '0', maxValue: '100000' }),
    text('length', 'Длина', 'Ұзындығы', { dataType: 'number', index: 3, isRequired: true, minValue: '0', maxValue: '100000' }),
    text('dimension_measure', 'Единица измерения размеров', 'Өлшемдердің өлшем бірлігі', { index: 4, isRequired: true, pattern: '^(мм|см|м)$' }),
  ],
});

/** The base attributes (group `attributes`), in `attributeOrder`. */
export const baseAttributes: Def[] = [
  text('ntin', 'НТИН', 'ҰТСН', { attributeOrder: 0, descriptionRu: 'Присваивается каталогом при публикации', descriptionKk: 'Жариялау кезінде каталог береді', maxLength: 13 }),
  text('gtin', 'GTIN', 'GTIN', { attributeOrder: 1, pattern: '^(\\d{8}|\\d{12,14})$', descriptionRu: 'Штриховой код GS1', descriptionKk: 'GS1 штрих-коды' }),
  text('xtin', 'XTIN (временный код)', 'XTIN (уақытша код)', { attributeOrder: 2, maxLength: 13, descriptionRu: '13 цифр, начинается с 004', descriptionKk: '13 цифр, 004-тен басталады' }),
  text('name_ru', 'Полное наименование товара (рус)', 'Тауардың толық атауы (орыс)', { attributeOrder: 3, isRequired: true, isUnique: true, maxLength: 500 }),
  text('name_kk', 'Полное наименование товара (каз)', 'Тауардың толық атауы (қаз)', { attributeOrder: 4, isRequired: true, isUnique: true, maxLength: 500 }),
  text('short_name_ru', 'Краткое наименование товара (рус)', 'Тауардың қысқа атауы (орыс)', { attributeOrder: 5, isRequired: true, maxLength: 150 }),
  text('short_name_kk', 'Краткое наименование товара (каз)', 'Тауардың қысқа атауы (қаз)', { attributeOrder: 6, maxLength: 150 }),
  text('brand', 'Бренд', 'Бренд', { attributeOrder: 7, maxLength: 100 }),
  text('country', 'Страна происхождения', 'Шығарылған елі', { attributeOrder: 8, dataType: 'dictionary', dictionaryCode: 'COUNTRY', isRequired: true }),
  text('tnved', 'ТН ВЭД ЕАЭС', 'ЕАЭО СЭҚ ТН', {
    attributeOrder: 9,
    dataType: 'multiDictionary',
    dictionaryCode: 'TNVED',
    isRequired: true,
    pattern: '^\\d{10}(@\\d{10})*$',
  }),
  {
    code: 'measure',
    nameRu: 'Единица измерения и количество',
    nameKk: 'Өлшем бірлігі және саны',
    dataType: 'string',
    attributeType: 'compound',
    isSingle: true,
    isRequired: true,
    attributeOrder: 10,
    attributes: [
      text('measure_unit', 'Единица измерения', 'Өлшем бірлігі', { dataType: 'dictionary', dictionaryCode: 'MEASURE_UNIT', index: 1, isRequired: true }),
      text('quantity', 'Количественное значение', 'Сандық мәні', { dataType: 'number', index: 2, isRequired: true, minValue: '0.001', maxValue: '1000000' }),
    ],
  },
  text('a4282e5d', 'Наименование производителя', 'Өндірушінің атауы', { attributeOrder: 11, isRequired: true, maxLength: 300 }),
  text('producer_identifier', 'БИН/ИИН производителя', 'Өндірушінің БСН/ЖСН', { attributeOrder: 12, pattern: '^\\d{12}$' }),
  text('producer_country', 'Страна производителя', 'Өндіруші елі', { attributeOrder: 13, dataType: 'dictionary', dictionaryCode: 'COUNTRY' }),
  text('article', 'Артикул', 'Артикул', { attributeOrder: 14, maxLength: 50 }),
  text('mpn_code', 'Код производителя (MPN)', 'Өндіруші коды (MPN)', { attributeOrder: 15, maxLength: 50 }),
  text('szpt_category', 'Категория СЗПТ', 'ӘМАТ санаты', { attributeOrder: 16, dataType: 'dictionary', dictionaryCode: 'SZPT' }),
  flag('is_domestic', 'Отечественный производитель', 'Отандық өндіруші', 17),
  flag('eaes', 'Товар ЕАЭС', 'ЕАЭО тауары', 18),
  flag('marking_required_status', 'Подлежит обязательной маркировке', 'Міндетті таңбалауға жатады', 19),
];

/** The main extended attributes (group `mainExtendedAttributes`): the same for every category. */
export const mainExtendedAttributes: Def[] = [
  text('enstrus', 'Код ЕНС ТРУ', 'ТЖҚ БНЖ коды', { attributeType: 'gov', attributeOrder: 1, isRequired: true, isRequiredEgz: true, isMain: true, pattern: '^\\d{6}\\.\\d{3}\\.\\d{6}$' }),
  text('gross_weight', 'Вес брутто', 'Брутто салмағы', { attributeType: 'gov', attributeOrder: 2, isRequired: true, isRequiredEgz: true, isMain: true, pattern: '^\\d+([.,]\\d+)?\\s?(г|кг|т)$' }),
  text('net_weight', 'Вес нетто', 'Нетто салмағы', { attributeType: 'gov', attributeOrder: 3, isRequired: true, isRequiredKgd: true, isMain: true, pattern: '^\\d+([.,]\\d+)?\\s?(г|кг|т)$' }),
  text('volume', 'Объём', 'Көлемі', { attributeType: 'gov', attributeOrder: 4, isMain: true, pattern: '^\\d+([.,]\\d+)?\\s?(мл|л|м3)$' }),
  text('standards', 'Стандарты', 'Стандарттар', { attributeType: 'gov', attributeOrder: 5, isMain: true, maxLength: 500 }),
  dimensions('package_dimensions', 'Размеры упаковки', 'Қаптама өлшемдері', 6, true),
  dimensions('product_dimensions', 'Размеры товара', 'Тауар өлшемдері', 7, false),
];

const gov = (code: string, nameRu: string, nameKk: string, order: number, extra: Partial<Def> = {}): Def =>
  text(code, nameRu, nameKk, { attributeType: 'gov', attributeOrder: order, isMain: true, isRequiredEgz: false, isRequiredKgd: false, ...extra });

/** Additional extended attributes per ОКТРУ section (group `additionalExtendedAttributes`). */
export const additionalExtendedAttributes: Record<SectionKey, Def[]> = {
  food: [
    gov('composition', 'Состав', 'Құрамы', 1, { dataType: 'text', isRequired: true, isRequiredEgz: true, maxLength: 2000 }),
    gov('shelf_life', 'Срок годности', 'Жарамдылық мерзімі', 2, { maxLength: 50 }),
    gov('b71c09e4', 'Условия хранения', 'Сақтау шарттары', 3, { dataType: 'text', maxLength: 500 }),
  ],
  clothing: [
    gov('material', 'Материал', 'Материалы', 1, { isRequired: true, isRequiredEgz: true, maxLength: 200 }),
    gov('colour', 'Цвет', 'Түсі', 2, { dataType: 'dictionary', dictionaryCode: 'COLOR' }),
    gov('size', 'Размер', 'Өлшемі', 3, { maxLength: 20 }),
  ],
  electronics: [
    gov('power_w', 'Мощность, Вт', 'Қуаты, Вт', 1, { dataType: 'number', minValue: '0', maxValue: '100000' }),
    gov('voltage', 'Напряжение', 'Кернеу', 2, { maxLength: 30 }),
    gov('warranty_months', 'Гарантийный срок, мес.', 'Кепілдік мерзімі, ай', 3, { dataType: 'number', isRequired: true, isRequiredKgd: true, minValue: '0', maxValue: '120' }),
  ],
  building: [
    gov('material', 'Материал', 'Материалы', 1, { isRequired: true, isRequiredEgz: true, maxLength: 200 }),
    gov('colour', 'Цвет', 'Түсі', 2, { dataType: 'dictionary', dictionaryCode: 'COLOR' }),
    gov('frost_resistance', 'Морозостойкость', 'Аязға төзімділігі', 3, { pattern: '^F\\d{2,3}$' }),
  ],
  medicines: [
    gov('dosage', 'Дозировка', 'Дозалануы', 1, { isRequired: true, isRequiredEgz: true, maxLength: 100 }),
    gov('release_form', 'Лекарственная форма', 'Дәрілік түрі', 2, { isRequired: true, isRequiredEgz: true, maxLength: 100 }),
    gov('active_substance', 'Действующее вещество (МНН)', 'Әсер етуші зат (ХПА)', 3, { maxLength: 200 }),
  ],
};

/** Base attributes that may carry `isGov: true` inside `attributes` (§4.4). */
export const formFlagCodes = ['szpt_category', 'is_domestic'] as const;

/** Category rules moderation applies on top of the schema (§8: required base attributes vary by category). */
export interface CategoryRules {
  /** Base attributes required in this category besides the schema's `isRequired` ones. */
  requiredAttributes: string[];
  /** At least one PDF document (e.g. a registration certificate) is required. */
  requiresDocument: boolean;
}

export const categoryRules: Record<SectionKey, CategoryRules> = {
  food: { requiredAttributes: [], requiresDocument: false },
  clothing: { requiredAttributes: ['brand'], requiresDocument: false },
  electronics: { requiredAttributes: ['brand'], requiresDocument: false },
  building: { requiredAttributes: [], requiresDocument: false },
  medicines: { requiredAttributes: ['brand'], requiresDocument: true },
};

/** Every code defined anywhere in the extended groups (to recognise an extended attribute placed in `attributes`). */
export const allExtendedCodes: ReadonlySet<string> = new Set([
  ...mainExtendedAttributes.map((definition) => definition.code),
  ...Object.values(additionalExtendedAttributes).flatMap((list) => list.map((definition) => definition.code)),
]);
