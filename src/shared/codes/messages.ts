import { defineMessages, type MessageTable } from '../i18n/locales.ts';

/*
 * Messages of the `codes` namespace (registered in src/shared/i18n/resources.ts), so a key here is used
 * as `codes.<path>`, e.g. `codes.gtin.badCheckDigit`. Every CodeProblem a validator returns has its key
 * in this table (its type is derived from it), and defineMessages makes kk and ru carry the same keys.
 * `{{name}}` placeholders are filled from the problem's params.
 */

const en = {
  common: {
    empty: 'Enter a code.',
    notDigits: 'Only digits are allowed; found “{{char}}”.',
  },
  gtin: {
    badLength: 'A GTIN has 8, 12, 13 or 14 digits; this one has {{length}}.',
    allZeros: 'A GTIN cannot consist of zeros only.',
    badCheckDigit: 'Wrong check digit: it should be {{expected}}, not {{actual}}.',
  },
  ntin: {
    badLength: 'An NTIN has 13 digits (or 14 with a leading zero); this one has {{length}}.',
    badPrefix: 'An NTIN starts with 0200.',
    badCheckDigit: 'Wrong check digit: it should be {{expected}}, not {{actual}}.',
  },
  xtin: {
    badLength: 'An XTIN has 13 digits; this one has {{length}}.',
    badPrefix: 'An XTIN starts with 004.',
  },
  bin: {
    badLength: 'A BIN has 12 digits; this one has {{length}}.',
    badCheckDigit: 'Wrong check digit (the 12th): it should be {{expected}}, not {{actual}}.',
    neverIssued: 'Both checksum passes give 10: such numbers are never issued.',
    badMonth: 'Digits 3–4 of a BIN are the month of registration, 01–12, not {{month}}.',
    badEntityType: 'Digit 5 of a BIN is the entity type, 4, 5 or 6, not {{digit}} (is this an IIN?).',
    badUnitAttribute: 'Digit 6 of a BIN is 0–3 (head organisation, branch, representative office…), not {{digit}}.',
  },
  iin: {
    badLength: 'An IIN has 12 digits; this one has {{length}}.',
    badCheckDigit: 'Wrong check digit (the 12th): it should be {{expected}}, not {{actual}}.',
    neverIssued: 'Both checksum passes give 10: such numbers are never issued.',
    badCenturySex: 'Digit 7 of an IIN encodes century and sex, 0–6, not {{digit}}.',
    badDate: 'Digits 1–6 of an IIN are the birth date YYMMDD, and {{date}} is not a real date.',
  },
  tnved: {
    badLength: 'A TN VED code has 10 digits; this one has {{length}}.',
    multiValue: 'Several codes joined with @: check them one at a time.',
    badChapter: 'TN VED has no chapter 00: a code cannot start with 00.',
  },
  oktru: {
    badCharacter: 'An OKTRU code has only digits and hyphens; found “{{char}}”.',
    tooManyLevels: 'An OKTRU code has at most 4 levels; this one has {{levels}}.',
    badSegment: 'Level {{level}} of an OKTRU code has {{expected}} digits, not “{{segment}}” (e.g. 1015-0001-0029-100001212).',
  },
  doc: {
    nationalScheme: '“РОСС RU…” is a Russian national (GOST R) document, not an EAEU certificate or declaration.',
    missingPrefix: 'A conformity document number starts with “ЕАЭС” (or “ТС” for older Customs Union documents).',
    missingCountry: 'After “ЕАЭС” or “ТС” comes the code of the issuing country: AM, BY, KG, KZ or RU.',
    unknownCountry: '“{{country}}” is not the code of an EAEU member (AM, BY, KG, KZ, RU).',
    badFormat: 'This does not match the {{country}} number format, e.g. {{example}}.',
  },
  kind: {
    gtin: 'GTIN',
    ntin: 'NTIN',
    xtin: 'XTIN',
    bin: 'BIN',
    iin: 'IIN',
    tnved: 'TN VED code',
    oktru: 'OKTRU code',
    doc: 'Conformity document',
  },
} satisfies MessageTable;

export const codesMessages = defineMessages(en, {
  ru: {
    common: {
      empty: 'Введите код.',
      notDigits: 'Допускаются только цифры; найден символ «{{char}}».',
    },
    gtin: {
      badLength: 'GTIN состоит из 8, 12, 13 или 14 цифр, а здесь их {{length}}.',
      allZeros: 'GTIN не может состоять из одних нулей.',
      badCheckDigit: 'Неверная контрольная цифра: должна быть {{expected}}, а не {{actual}}.',
    },
    ntin: {
      badLength: 'NTIN состоит из 13 цифр (или из 14 с ведущим нулём), а здесь их {{length}}.',
      badPrefix: 'NTIN начинается с 0200.',
      badCheckDigit: 'Неверная контрольная цифра: должна быть {{expected}}, а не {{actual}}.',
    },
    xtin: {
      badLength: 'XTIN состоит из 13 цифр, а здесь их {{length}}.',
      badPrefix: 'XTIN начинается с 004.',
    },
    bin: {
      badLength: 'БИН состоит из 12 цифр, а здесь их {{length}}.',
      badCheckDigit: 'Неверная контрольная (12-я) цифра: должна быть {{expected}}, а не {{actual}}.',
      neverIssued: 'Оба прохода контрольной суммы дают 10: такие номера не выдаются.',
      badMonth: 'Цифры 3–4 БИН — месяц регистрации, от 01 до 12, а не {{month}}.',
      badEntityType: '5-я цифра БИН — тип организации: 4, 5 или 6, а не {{digit}} (может быть, это ИИН?).',
      badUnitAttribute: '6-я цифра БИН — признак подразделения от 0 до 3 (головная организация, филиал, представительство…), а не {{digit}}.',
    },
    iin: {
      badLength: 'ИИН состоит из 12 цифр, а здесь их {{length}}.',
      badCheckDigit: 'Неверная контрольная (12-я) цифра: должна быть {{expected}}, а не {{actual}}.',
      neverIssued: 'Оба прохода контрольной суммы дают 10: такие номера не выдаются.',
      badCenturySex: '7-я цифра ИИН — век рождения и пол, от 0 до 6, а не {{digit}}.',
      badDate: 'Цифры 1–6 ИИН — дата рождения ГГММДД, а {{date}} — несуществующая дата.',
    },
    tnved: {
      badLength: 'Код ТН ВЭД состоит из 10 цифр, а здесь их {{length}}.',
      multiValue: 'Несколько кодов через @: проверяйте их по одному.',
      badChapter: 'В ТН ВЭД нет группы 00: код не может начинаться с 00.',
    },
    oktru: {
      badCharacter: 'Код ОКТРУ состоит только из цифр и дефисов; найден символ «{{char}}».',
      tooManyLevels: 'В коде ОКТРУ не больше 4 уровней, а здесь их {{levels}}.',
      badSegment: 'Уровень {{level}} кода ОКТРУ состоит из {{expected}} цифр, а не «{{segment}}» (пример: 1015-0001-0029-100001212).',
    },
    doc: {
      nationalScheme: '«РОСС RU…» — национальный документ системы ГОСТ Р, а не сертификат или декларация ЕАЭС.',
      missingPrefix: 'Номер документа о соответствии начинается с ЕАЭС (или с ТС у документов Таможенного союза).',
      missingCountry: 'После ЕАЭС или ТС указывается код страны выдачи: AM, BY, KG, KZ или RU.',
      unknownCountry: '«{{country}}» — не код государства — члена ЕАЭС (AM, BY, KG, KZ, RU).',
      badFormat: 'Номер не соответствует формату {{country}}, например: {{example}}.',
    },
    kind: {
      gtin: 'GTIN',
      ntin: 'NTIN',
      xtin: 'XTIN',
      bin: 'БИН',
      iin: 'ИИН',
      tnved: 'Код ТН ВЭД',
      oktru: 'Код ОКТРУ',
      doc: 'Документ о соответствии',
    },
  },
  kk: {
    common: {
      empty: 'Кодты енгізіңіз.',
      notDigits: 'Тек цифрлар жазылады; «{{char}}» таңбасы табылды.',
    },
    gtin: {
      badLength: 'GTIN 8, 12, 13 немесе 14 цифрдан тұрады, ал мұнда {{length}} цифр.',
      allZeros: 'GTIN тек нөлдерден тұра алмайды.',
      badCheckDigit: 'Бақылау цифры қате: {{actual}} емес, {{expected}} болуы керек.',
    },
    ntin: {
      badLength: 'NTIN 13 цифрдан (немесе басында нөлі бар 14 цифрдан) тұрады, ал мұнда {{length}} цифр.',
      badPrefix: 'NTIN 0200 цифрларынан басталады.',
      badCheckDigit: 'Бақылау цифры қате: {{actual}} емес, {{expected}} болуы керек.',
    },
    xtin: {
      badLength: 'XTIN 13 цифрдан тұрады, ал мұнда {{length}} цифр.',
      badPrefix: 'XTIN 004 цифрларынан басталады.',
    },
    bin: {
      badLength: 'БСН 12 цифрдан тұрады, ал мұнда {{length}} цифр.',
      badCheckDigit: 'Бақылау (12-ші) цифры қате: {{actual}} емес, {{expected}} болуы керек.',
      neverIssued: 'Бақылау сомасының екі есебі де 10 береді: мұндай нөмірлер берілмейді.',
      badMonth: 'БСН-нің 3–4 цифрлары — тіркелген ай, 01-ден 12-ге дейін, {{month}} емес.',
      badEntityType: 'БСН-нің 5-ші цифры — ұйым түрі: 4, 5 немесе 6, {{digit}} емес (бұл ЖСН емес пе?).',
      badUnitAttribute: 'БСН-нің 6-шы цифры — бөлімше белгісі, 0-ден 3-ке дейін (бас ұйым, филиал, өкілдік…), {{digit}} емес.',
    },
    iin: {
      badLength: 'ЖСН 12 цифрдан тұрады, ал мұнда {{length}} цифр.',
      badCheckDigit: 'Бақылау (12-ші) цифры қате: {{actual}} емес, {{expected}} болуы керек.',
      neverIssued: 'Бақылау сомасының екі есебі де 10 береді: мұндай нөмірлер берілмейді.',
      badCenturySex: 'ЖСН-нің 7-ші цифры — туған ғасыр мен жыныс, 0-ден 6-ға дейін, {{digit}} емес.',
      badDate: 'ЖСН-нің 1–6 цифрлары — туған күн (ЖЖААКК), ал {{date}} деген күн жоқ.',
    },
    tnved: {
      badLength: 'СЭҚ ТН коды 10 цифрдан тұрады, ал мұнда {{length}} цифр.',
      multiValue: '@ арқылы бірнеше код жазылған: оларды бір-бірлеп тексеріңіз.',
      badChapter: 'СЭҚ ТН-да 00 тобы жоқ: код 00-ден басталмайды.',
    },
    oktru: {
      badCharacter: 'ОКТРУ кодында тек цифрлар мен дефистер болады; «{{char}}» таңбасы табылды.',
      tooManyLevels: 'ОКТРУ кодында ең көбі 4 деңгей болады, ал мұнда {{levels}}.',
      badSegment: 'ОКТРУ кодының {{level}}-деңгейі {{expected}} цифрдан тұрады, «{{segment}}» емес (мысалы, 1015-0001-0029-100001212).',
    },
    doc: {
      nationalScheme: '«РОСС RU…» — ГОСТ Р жүйесінің ұлттық құжаты, ЕАЭО сертификаты не декларациясы емес.',
      missingPrefix: 'Сәйкестік туралы құжаттың нөмірі ЕАЭС-тен (Кеден одағының бұрынғы құжаттарында ТС-тен) басталады.',
      missingCountry: 'ЕАЭС немесе ТС-тен кейін құжатты берген елдің коды жазылады: AM, BY, KG, KZ немесе RU.',
      unknownCountry: '«{{country}}» — ЕАЭО-ға мүше мемлекеттің коды емес (AM, BY, KG, KZ, RU).',
      badFormat: 'Нөмір {{country}} пішіміне сәйкес келмейді, мысалы: {{example}}.',
    },
    kind: {
      gtin: 'GTIN',
      ntin: 'NTIN',
      xtin: 'XTIN',
      bin: 'БСН',
      iin: 'ЖСН',
      tnved: 'СЭҚ ТН коды',
      oktru: 'ОКТРУ коды',
      doc: 'Сәйкестік туралы құжат',
    },
  },
});

/** Dotted paths of the string leaves of a message table. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/** Every key of this namespace as the translator takes it, e.g. `codes.gtin.badCheckDigit`. */
export type CodesMessageKey = `codes.${LeafPaths<typeof en>}`;
