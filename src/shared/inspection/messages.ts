import { defineMessages } from '../i18n/locales.ts';

/*
 * Messages of the `inspection` core namespace (registered in src/shared/i18n/resources.ts): verdicts, code
 * problems, snapshot and copy failures, fine estimates. The CLI and the page translate the same keys.
 */

const en = {
  verdict: {
    registered: 'Registered',
    several: 'Registered under several cards',
    deactivated: 'Deactivated',
    notFound: 'Not in the catalogue (violation)',
    notYetInCopy: 'Not yet in this copy?',
    invalid: 'Invalid code',
  },
  explain: {
    registered: 'The product is in the National Catalogue.',
    several: '{{count}} cards carry this GTIN.',
    deactivated: 'The card exists but its NTIN is deactivated.',
    notFound: 'No card with this code in the catalogue copy.',
    notYetInCopy: 'No card with this code, but the NTIN is newer than every card in this copy of {{date}}: refresh the copy before treating it as a violation.',
  },
  code: {
    empty: 'Nothing was scanned.',
    notDigits: 'This is not a product barcode: “{{char}}” is not a digit.',
    badLength: 'A product code has 8, 12, 13 or 14 digits; this one has {{length}}.',
    allZeros: 'A code of zeros only is never issued.',
    badCheckDigit: 'Wrong check digit: the last digit should be {{expected}}, not {{actual}}.',
    noGtinInGs1: 'This GS1 code carries no GTIN (AI 01).',
  },
  copyAge: {
    none: 'No catalogue copy on this computer yet.',
    age: 'Catalogue copy of {{date}} ({{count}} cards)',
    stale: 'The catalogue copy is {{days}} days old (more than {{limit}}): refresh it when you are online.',
  },
  snapshot: {
    notSnapshot: 'This is not an NCG catalogue snapshot (.ncgsnap) file.',
    unsupportedVersion: 'This snapshot was written by a newer version (format {{version}}); update NCG Desk.',
    truncated: 'The snapshot file is incomplete: {{actual}} of {{expected}} bytes. Copy it again.',
    tampered: 'The snapshot file is damaged or was changed after it was written (checksum mismatch).',
    badPayload: 'The snapshot file’s contents cannot be read ({{detail}}).',
    countMismatch: 'The snapshot file promises {{expected}} cards but holds {{actual}}.',
  },
  copy: {
    badPage: 'The catalogue sent a page that cannot be read ({{detail}}); the copy already held is unchanged.',
    quota: 'Not enough storage: about {{needed}} more is needed. The {{stored}} cards already stored are kept.',
    aborted: 'Stopped. The cards stored so far are kept; continue later from where it stopped.',
    network: 'The catalogue cannot be reached ({{detail}}). The cards stored so far are kept.',
  },
  fine: {
    none: 'No violations: no fine.',
    noRule: 'No fine rule for {{category}}, {{offence}} offence: add one in Settings.',
    noMci: 'No MCI value for {{year}}: add it in Settings.',
    estimate: 'Estimated fine: {{amount}} KZT ({{mci}} MCI × {{mciKzt}} KZT, {{year}}), under Art. {{article}} part {{part}} of the Administrative Offences Code. This is an estimate, not a decision.',
    category: { individual: 'individual', small: 'small or micro business', medium: 'medium business', large: 'large business' },
    offence: { first: 'first', repeat: 'repeat' },
    badTables: 'The fine tables file is not valid: {{detail}}',
  },
  organisation: {
    badId: 'A BIN or IIN has 12 digits with a valid check digit.',
  },
};

export const inspectionMessages = defineMessages(en, {
  ru: {
    verdict: {
      registered: 'Зарегистрирован',
      several: 'Зарегистрирован в нескольких карточках',
      deactivated: 'Деактивирован',
      notFound: 'Нет в каталоге (нарушение)',
      notYetInCopy: 'Ещё нет в этой копии?',
      invalid: 'Неверный код',
    },
    explain: {
      registered: 'Товар есть в Национальном каталоге.',
      several: 'Этот GTIN указан в {{count}} карточках.',
      deactivated: 'Карточка есть, но её NTIN деактивирован.',
      notFound: 'Карточки с этим кодом нет в копии каталога.',
      notYetInCopy: 'Карточки с этим кодом нет, но NTIN новее всех карточек копии от {{date}}: обновите копию, прежде чем считать это нарушением.',
    },
    code: {
      empty: 'Ничего не отсканировано.',
      notDigits: 'Это не штрихкод товара: «{{char}}» — не цифра.',
      badLength: 'Код товара состоит из 8, 12, 13 или 14 цифр; в этом {{length}}.',
      allZeros: 'Код из одних нулей не выдаётся.',
      badCheckDigit: 'Неверная контрольная цифра: последней должна быть {{expected}}, а не {{actual}}.',
      noGtinInGs1: 'В этом коде GS1 нет GTIN (AI 01).',
    },
    copyAge: {
      none: 'На этом компьютере ещё нет копии каталога.',
      age: 'Копия каталога от {{date}} ({{count}} карточек)',
      stale: 'Копии каталога {{days}} дн. (больше {{limit}}): обновите её, когда будет сеть.',
    },
    snapshot: {
      notSnapshot: 'Это не файл снимка каталога НКТ (.ncgsnap).',
      unsupportedVersion: 'Снимок записан более новой версией (формат {{version}}); обновите NCG Desk.',
      truncated: 'Файл снимка неполный: {{actual}} из {{expected}} байт. Скопируйте его заново.',
      tampered: 'Файл снимка повреждён или изменён после записи (контрольная сумма не совпадает).',
      badPayload: 'Содержимое файла снимка не читается ({{detail}}).',
      countMismatch: 'В файле снимка заявлено {{expected}} карточек, а содержится {{actual}}.',
    },
    copy: {
      badPage: 'Каталог прислал нечитаемую страницу ({{detail}}); имеющаяся копия не изменилась.',
      quota: 'Недостаточно места: нужно ещё около {{needed}}. Уже сохранённые карточки ({{stored}}) остаются.',
      aborted: 'Остановлено. Сохранённые карточки остаются; продолжите позже с того же места.',
      network: 'Каталог недоступен ({{detail}}). Сохранённые карточки остаются.',
    },
    fine: {
      none: 'Нарушений нет: штрафа нет.',
      noRule: 'Нет правила штрафа для категории «{{category}}», нарушение {{offence}}: добавьте его в настройках.',
      noMci: 'Нет значения МРП на {{year}} год: добавьте его в настройках.',
      estimate: 'Оценка штрафа: {{amount}} тг ({{mci}} МРП × {{mciKzt}} тг, {{year}}), по ст. {{article}} ч. {{part}} КоАП РК. Это оценка, а не решение.',
      category: { individual: 'физическое лицо', small: 'субъект малого или микропредпринимательства', medium: 'субъект среднего предпринимательства', large: 'субъект крупного предпринимательства' },
      offence: { first: 'первичное', repeat: 'повторное' },
      badTables: 'Файл таблиц штрафов неверен: {{detail}}',
    },
    organisation: {
      badId: 'БИН или ИИН состоит из 12 цифр с верной контрольной цифрой.',
    },
  },
  kk: {
    verdict: {
      registered: 'Тіркелген',
      several: 'Бірнеше карточкада тіркелген',
      deactivated: 'Өшірілген',
      notFound: 'Каталогта жоқ (бұзушылық)',
      notYetInCopy: 'Бұл көшірмеде әлі жоқ па?',
      invalid: 'Қате код',
    },
    explain: {
      registered: 'Тауар Ұлттық каталогта бар.',
      several: 'Бұл GTIN {{count}} карточкада көрсетілген.',
      deactivated: 'Карточка бар, бірақ оның NTIN коды өшірілген.',
      notFound: 'Каталог көшірмесінде бұл кодпен карточка жоқ.',
      notYetInCopy: 'Бұл кодпен карточка жоқ, бірақ NTIN {{date}} көшірмесіндегі барлық карточкадан жаңа: бұзушылық деп санамас бұрын көшірмені жаңартыңыз.',
    },
    code: {
      empty: 'Ештеңе сканерленбеді.',
      notDigits: 'Бұл тауардың штрихкоды емес: «{{char}}» — сан емес.',
      badLength: 'Тауар коды 8, 12, 13 немесе 14 саннан тұрады; мұнда {{length}}.',
      allZeros: 'Тек нөлдерден тұратын код берілмейді.',
      badCheckDigit: 'Бақылау саны қате: соңғы сан {{actual}} емес, {{expected}} болуы керек.',
      noGtinInGs1: 'Бұл GS1 кодында GTIN (AI 01) жоқ.',
    },
    copyAge: {
      none: 'Бұл компьютерде каталог көшірмесі әлі жоқ.',
      age: '{{date}} каталог көшірмесі ({{count}} карточка)',
      stale: 'Каталог көшірмесі {{days}} күн бұрынғы ({{limit}} күннен көп): желі болғанда жаңартыңыз.',
    },
    snapshot: {
      notSnapshot: 'Бұл ҰТК каталогының суреті (.ncgsnap) файлы емес.',
      unsupportedVersion: 'Сурет жаңарақ нұсқамен жазылған (формат {{version}}); NCG Desk-ті жаңартыңыз.',
      truncated: 'Сурет файлы толық емес: {{expected}} байттың {{actual}}. Қайта көшіріңіз.',
      tampered: 'Сурет файлы бүлінген немесе жазылғаннан кейін өзгертілген (бақылау сомасы сәйкес емес).',
      badPayload: 'Сурет файлының мазмұны оқылмайды ({{detail}}).',
      countMismatch: 'Сурет файлында {{expected}} карточка деп көрсетілген, бірақ {{actual}} бар.',
    },
    copy: {
      badPage: 'Каталог оқылмайтын бет жіберді ({{detail}}); бар көшірме өзгерген жоқ.',
      quota: 'Орын жеткіліксіз: тағы шамамен {{needed}} керек. Сақталған {{stored}} карточка қалады.',
      aborted: 'Тоқтатылды. Сақталған карточкалар қалады; кейін сол жерден жалғастырыңыз.',
      network: 'Каталогқа қосылу мүмкін емес ({{detail}}). Сақталған карточкалар қалады.',
    },
    fine: {
      none: 'Бұзушылық жоқ: айыппұл жоқ.',
      noRule: '«{{category}}» санаты, {{offence}} бұзушылық үшін айыппұл ережесі жоқ: баптауларда қосыңыз.',
      noMci: '{{year}} жылға АЕК мәні жоқ: баптауларда қосыңыз.',
      estimate: 'Айыппұлдың бағасы: {{amount}} тг ({{mci}} АЕК × {{mciKzt}} тг, {{year}}), ҚР ӘҚБтК {{article}}-бабы {{part}}-бөлігі бойынша. Бұл шешім емес, бағалау.',
      category: { individual: 'жеке тұлға', small: 'шағын немесе микрокәсіпкерлік субъектісі', medium: 'орта кәсіпкерлік субъектісі', large: 'ірі кәсіпкерлік субъектісі' },
      offence: { first: 'алғашқы', repeat: 'қайталанған' },
      badTables: 'Айыппұл кестелерінің файлы қате: {{detail}}',
    },
    organisation: {
      badId: 'БСН немесе ЖСН бақылау саны дұрыс 12 саннан тұрады.',
    },
  },
});

export type InspectionMessages = typeof en;
