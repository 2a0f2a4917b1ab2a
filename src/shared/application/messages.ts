import { defineMessages, type MessageTable } from '../i18n/locales.ts';

/*
 * Messages of the `application` namespace (registered in src/shared/i18n/resources.ts): a key here is used
 * as `application.<path>`, e.g. `application.value.required`. Every Problem that validateDraft and the
 * import report carries one of these keys (or a `codes.*` key from the code validators).
 * `{{name}}` placeholders are filled from the problem's params.
 */

const en = {
  card: {
    oktruRequired: 'Choose the ОКТРУ category.',
    oktruNotLeaf: 'Choose a category of the lowest (4th) level; this one is level {{level}}.',
  },
  edit: {
    extendedNotEditable: 'Extended cards cannot be edited through the API: changes go through ЦЭФ.',
    immutable: 'This cannot be changed on a published card; it was “{{original}}”.',
  },
  group: {
    unknownAttribute: 'The catalogue has no attribute with this code.',
    wrongGroup: 'This attribute belongs in {{expected}}, not in {{actual}}: the catalogue rejects it.',
    extendedOnBaseCard: 'Extended characteristics are only sent with an extended card; mark the card as extended or remove them.',
  },
  gov: {
    brandRequired: 'An extended card needs the brand.',
  },
  value: {
    required: 'Required.',
    tooLong: 'At most {{max}} characters; this has {{length}}.',
    pattern: 'Does not match the required format ({{pattern}}).',
    notNumber: '“{{value}}” is not a number.',
    decimalComma: '“{{value}}”: write the decimal separator as a point, not a comma.',
    belowMin: 'At least {{min}}.',
    aboveMax: 'At most {{max}}.',
    notBoolean: '“{{value}}” is not true or false.',
    notDate: '“{{value}}” is not a date in the form YYYY-MM-DD.',
    singleValueOnly: 'Only one value is allowed here.',
    repeated: '“{{value}}” is listed twice.',
    partsExpected: 'Fill in the parts: {{parts}}.',
    unexpectedParts: 'This attribute takes a single value, not parts.',
    unknownPart: 'The attribute has no part “{{part}}”.',
  },
  code: {
    notNormalised: 'Write it as {{normalised}} (digits only, no spaces).',
  },
  dictionary: {
    notFound: '“{{value}}” is not in the {{dictionary}} dictionary.',
    deleted: '“{{value}}” has been withdrawn from the {{dictionary}} dictionary and cannot be used in new applications.',
    wrongCase: '“{{value}}” is not in the {{dictionary}} dictionary; did you mean {{suggestion}}?',
  },
  text: {
    control: 'Contains an invisible control character ({{char}}, position {{position}}).',
    invisible: 'Contains an invisible formatting character ({{char}}, position {{position}}).',
    broken: 'Contains a broken character: the text was cut or decoded wrongly.',
    emojiInName: 'Names may not contain emoji ({{char}}, position {{position}}): they go to receipts and invoices.',
    emoji: 'Contains an emoji ({{char}}, position {{position}}); the catalogue may reject it.',
  },
  custom: {
    partRequired: 'A custom characteristic needs {{part}}.',
  },
  photo: {
    required: 'An extended card needs the {{angle}} photo.',
    empty: 'The photo has no file.',
    tooLarge: 'The photo is {{size}} MB; the catalogue accepts at most {{max}} MB.',
  },
  document: {
    required: 'Goods of this category need a conformity document (PDF).',
    unknown: 'The document is no longer in the register.',
    numberRequired: 'The document has no number.',
    typeMismatch: 'Number {{number}} is that of a {{numberType}}, but the document is recorded as a {{type}}.',
    issuedInFuture: 'Document {{number}}: the issue date {{date}} is in the future.',
    datesReversed: 'Document {{number}}: it expires before it was issued.',
    expired: 'Document {{number}} expired on {{date}}.',
    expiresSoon: 'Document {{number}} expires on {{date}}, in {{days}} days.',
    noFile: 'Document {{number}} has no PDF attached.',
    notPdf: '{{fileName}} is not a PDF: the catalogue accepts documents only as PDF.',
    tooLarge: 'The PDF of document {{number}} is {{size}} MB; the catalogue accepts at most {{max}} MB.',
  },
  import: {
    emptyFile: 'The file is empty.',
    tooLarge: 'The file is {{size}} MB; at most {{max}} MB can be imported.',
    unreadable: 'The file could not be read as an Excel workbook (.xlsx).',
    noWorksheet: 'The workbook has no worksheet.',
    noRows: 'The file has column headers but no rows.',
    tooManyRows: 'Only the first {{max}} rows were read.',
    unbalancedQuote: 'A quoted value that starts here is never closed, so lines {{from}}–{{to}} could not be read. Check the quotation marks.',
    badQuote: 'A quotation mark inside a value: put the whole value in quotes and double the quotation marks inside it.',
    extraCells: 'This row has {{count}} cells, but the header has only {{columns}} columns.',
    formula: 'A formula is not accepted (={{formula}}): it was read as text and not calculated. Enter the value itself.',
    errorCell: 'The cell holds an Excel error ({{error}}).',
    unknownColumn: 'Column “{{header}}” is not a catalogue attribute and is ignored.',
    duplicateColumn: 'Column “{{header}}” appears twice; only the first is read.',
    ambiguousColumn: 'Column “{{header}}” is a part of several attributes ({{owners}}); name it like {{example}}.',
    badFlag: '“{{value}}” is not true or false.',
    lostLetters: 'Column “{{header}}” has «?» where letters should be: the file was saved in Windows-1251, which has no Kazakh letters. Save it as “CSV UTF-8”.',
    unsupportedFormat: 'Only .csv and .xlsx files can be imported.',
    duplicateGtin: 'GTIN {{value}} is also on row {{row}} of this file.',
    duplicateValue: 'The same value is on row {{row}}, and this attribute must be unique.',
  },
  cli: {
    warning: 'warning',
    checked: 'Rows checked: {{rows}}; errors: {{errors}}, warnings: {{warnings}}.',
  },
} satisfies MessageTable;

export const applicationMessages = defineMessages(en, {
  ru: {
    card: {
      oktruRequired: 'Выберите категорию ОКТРУ.',
      oktruNotLeaf: 'Выберите категорию нижнего (4-го) уровня; у этой уровень {{level}}.',
    },
    edit: {
      extendedNotEditable: 'Расширенные карточки нельзя изменить через API: изменения проходят через ЦЭФ.',
      immutable: 'У опубликованной карточки это менять нельзя; было «{{original}}».',
    },
    group: {
      unknownAttribute: 'В каталоге нет атрибута с таким кодом.',
      wrongGroup: 'Этот атрибут относится к {{expected}}, а не к {{actual}}: каталог его отклонит.',
      extendedOnBaseCard: 'Расширенные характеристики передаются только с расширенной карточкой; отметьте карточку как расширенную или удалите их.',
    },
    gov: {
      brandRequired: 'Для расширенной карточки нужен бренд.',
    },
    value: {
      required: 'Обязательное поле.',
      tooLong: 'Не более {{max}} символов; здесь {{length}}.',
      pattern: 'Не соответствует требуемому формату ({{pattern}}).',
      notNumber: '«{{value}}» — не число.',
      decimalComma: '«{{value}}»: дробную часть отделяйте точкой, а не запятой.',
      belowMin: 'Не меньше {{min}}.',
      aboveMax: 'Не больше {{max}}.',
      notBoolean: '«{{value}}» — не true и не false.',
      notDate: '«{{value}}» — не дата в виде ГГГГ-ММ-ДД.',
      singleValueOnly: 'Здесь допускается только одно значение.',
      repeated: '«{{value}}» указано дважды.',
      partsExpected: 'Заполните составные части: {{parts}}.',
      unexpectedParts: 'Этот атрибут принимает одно значение, а не составные части.',
      unknownPart: 'У атрибута нет части «{{part}}».',
    },
    code: {
      notNormalised: 'Запишите как {{normalised}} (только цифры, без пробелов).',
    },
    dictionary: {
      notFound: '«{{value}}» нет в справочнике {{dictionary}}.',
      deleted: '«{{value}}» исключено из справочника {{dictionary}} и не может использоваться в новых заявках.',
      wrongCase: '«{{value}}» нет в справочнике {{dictionary}}; возможно, имелось в виду {{suggestion}}?',
    },
    text: {
      control: 'Содержит невидимый управляющий символ ({{char}}, позиция {{position}}).',
      invisible: 'Содержит невидимый символ форматирования ({{char}}, позиция {{position}}).',
      broken: 'Содержит повреждённый символ: текст обрезан или неверно декодирован.',
      emojiInName: 'В наименованиях нельзя использовать эмодзи ({{char}}, позиция {{position}}): они попадают в чеки и счета-фактуры.',
      emoji: 'Содержит эмодзи ({{char}}, позиция {{position}}); каталог может его отклонить.',
    },
    custom: {
      partRequired: 'Для собственной характеристики нужно поле {{part}}.',
    },
    photo: {
      required: 'Для расширенной карточки нужна фотография {{angle}}.',
      empty: 'У фотографии нет файла.',
      tooLarge: 'Фотография весит {{size}} МБ; каталог принимает не более {{max}} МБ.',
    },
    document: {
      required: 'Для товаров этой категории нужен документ о соответствии (PDF).',
      unknown: 'Документа больше нет в реестре.',
      numberRequired: 'У документа нет номера.',
      typeMismatch: 'Номер {{number}} — это номер документа типа {{numberType}}, а документ записан как {{type}}.',
      issuedInFuture: 'Документ {{number}}: дата выдачи {{date}} ещё не наступила.',
      datesReversed: 'Документ {{number}}: срок действия истекает раньше даты выдачи.',
      expired: 'Срок действия документа {{number}} истёк {{date}}.',
      expiresSoon: 'Срок действия документа {{number}} истекает {{date}}, через {{days}} дн.',
      noFile: 'К документу {{number}} не приложен PDF.',
      notPdf: '{{fileName}} — не PDF: каталог принимает документы только в PDF.',
      tooLarge: 'PDF документа {{number}} весит {{size}} МБ; каталог принимает не более {{max}} МБ.',
    },
    import: {
      emptyFile: 'Файл пуст.',
      tooLarge: 'Файл весит {{size}} МБ; импортировать можно не более {{max}} МБ.',
      unreadable: 'Файл не удалось прочитать как книгу Excel (.xlsx).',
      noWorksheet: 'В книге нет ни одного листа.',
      noRows: 'В файле есть заголовки столбцов, но нет строк.',
      tooManyRows: 'Прочитаны только первые {{max}} строк.',
      unbalancedQuote: 'Значение в кавычках, начатое здесь, не закрыто, поэтому строки {{from}}–{{to}} не прочитаны. Проверьте кавычки.',
      badQuote: 'Кавычка внутри значения: заключите всё значение в кавычки, а кавычки внутри него удвойте.',
      extraCells: 'В строке {{count}} ячеек, а в заголовке только {{columns}} столбцов.',
      formula: 'Формулы не принимаются (={{formula}}): она прочитана как текст и не вычислялась. Введите само значение.',
      errorCell: 'В ячейке ошибка Excel ({{error}}).',
      unknownColumn: 'Столбец «{{header}}» не является атрибутом каталога и пропущен.',
      duplicateColumn: 'Столбец «{{header}}» встречается дважды; прочитан только первый.',
      ambiguousColumn: 'Столбец «{{header}}» — часть нескольких атрибутов ({{owners}}); назовите его, например, {{example}}.',
      badFlag: '«{{value}}» — не true и не false.',
      lostLetters: 'В столбце «{{header}}» вместо букв стоит «?»: файл сохранён в Windows-1251, где нет казахских букв. Сохраните его как «CSV UTF-8».',
      unsupportedFormat: 'Импортировать можно только файлы .csv и .xlsx.',
      duplicateGtin: 'GTIN {{value}} уже есть в строке {{row}} этого файла.',
      duplicateValue: 'Такое же значение есть в строке {{row}}, а этот атрибут должен быть уникальным.',
    },
    cli: {
      warning: 'предупреждение',
      checked: 'Проверено строк: {{rows}}; ошибок: {{errors}}, предупреждений: {{warnings}}.',
    },
  },
  kk: {
    card: {
      oktruRequired: 'ОКТРУ санатын таңдаңыз.',
      oktruNotLeaf: 'Ең төменгі (4-ші) деңгейдегі санатты таңдаңыз; бұл санаттың деңгейі — {{level}}.',
    },
    edit: {
      extendedNotEditable: 'Кеңейтілген карточкаларды API арқылы өзгертуге болмайды: өзгерістер ЦЭФ арқылы өтеді.',
      immutable: 'Жарияланған карточкада мұны өзгертуге болмайды; бұрын «{{original}}» болған.',
    },
    group: {
      unknownAttribute: 'Каталогта мұндай коды бар атрибут жоқ.',
      wrongGroup: 'Бұл атрибут {{actual}} емес, {{expected}} тобына жатады: каталог оны қабылдамайды.',
      extendedOnBaseCard: 'Кеңейтілген сипаттамалар тек кеңейтілген карточкамен жіберіледі; карточканы кеңейтілген деп белгілеңіз немесе оларды өшіріңіз.',
    },
    gov: {
      brandRequired: 'Кеңейтілген карточкаға бренд қажет.',
    },
    value: {
      required: 'Міндетті өріс.',
      tooLong: 'Ең көбі {{max}} таңба; мұнда {{length}}.',
      pattern: 'Талап етілетін пішімге сәйкес келмейді ({{pattern}}).',
      notNumber: '«{{value}}» — сан емес.',
      decimalComma: '«{{value}}»: бөлшек бөлігін үтірмен емес, нүктемен бөліңіз.',
      belowMin: 'Кемінде {{min}}.',
      aboveMax: 'Ең көбі {{max}}.',
      notBoolean: '«{{value}}» — true да, false да емес.',
      notDate: '«{{value}}» — ЖЖЖЖ-АА-КК түріндегі күн емес.',
      singleValueOnly: 'Мұнда тек бір мән жазуға болады.',
      repeated: '«{{value}}» екі рет көрсетілген.',
      partsExpected: 'Құрамдас бөліктерін толтырыңыз: {{parts}}.',
      unexpectedParts: 'Бұл атрибут құрамдас бөліктерді емес, бір мәнді қабылдайды.',
      unknownPart: 'Атрибутта «{{part}}» деген бөлік жоқ.',
    },
    code: {
      notNormalised: '{{normalised}} түрінде жазыңыз (тек цифрлар, бос орынсыз).',
    },
    dictionary: {
      notFound: '«{{value}}» {{dictionary}} анықтамалығында жоқ.',
      deleted: '«{{value}}» {{dictionary}} анықтамалығынан алынып тасталған, оны жаңа өтінімдерде қолдануға болмайды.',
      wrongCase: '«{{value}}» {{dictionary}} анықтамалығында жоқ; {{suggestion}} деп жазғыңыз келді ме?',
    },
    text: {
      control: 'Көзге көрінбейтін басқару таңбасы бар ({{char}}, {{position}}-орында).',
      invisible: 'Көзге көрінбейтін пішімдеу таңбасы бар ({{char}}, {{position}}-орында).',
      broken: 'Бүлінген таңба бар: мәтін қиылған немесе қате декодталған.',
      emojiInName: 'Атауларда эмодзи қолдануға болмайды ({{char}}, {{position}}-орында): атаулар чектер мен шот-фактураларға түседі.',
      emoji: 'Эмодзи бар ({{char}}, {{position}}-орында); каталог оны қабылдамауы мүмкін.',
    },
    custom: {
      partRequired: 'Өз сипаттамаңызға {{part}} өрісі қажет.',
    },
    photo: {
      required: 'Кеңейтілген карточкаға {{angle}} фотосуреті қажет.',
      empty: 'Фотосуреттің файлы жоқ.',
      tooLarge: 'Фотосурет көлемі {{size}} МБ; каталог ең көбі {{max}} МБ қабылдайды.',
    },
    document: {
      required: 'Бұл санаттағы тауарларға сәйкестік туралы құжат (PDF) қажет.',
      unknown: 'Құжат тізілімде енді жоқ.',
      numberRequired: 'Құжаттың нөмірі жоқ.',
      typeMismatch: '{{number}} нөмірі {{numberType}} құжатының нөмірі, ал құжат {{type}} ретінде жазылған.',
      issuedInFuture: '{{number}} құжаты: берілген күні {{date}} әлі келген жоқ.',
      datesReversed: '{{number}} құжаты: қолданылу мерзімі берілген күнінен бұрын аяқталады.',
      expired: '{{number}} құжатының қолданылу мерзімі {{date}} аяқталды.',
      expiresSoon: '{{number}} құжатының қолданылу мерзімі {{date}} аяқталады, {{days}} күннен кейін.',
      noFile: '{{number}} құжатына PDF тіркелмеген.',
      notPdf: '{{fileName}} — PDF емес: каталог құжаттарды тек PDF түрінде қабылдайды.',
      tooLarge: '{{number}} құжатының PDF көлемі {{size}} МБ; каталог ең көбі {{max}} МБ қабылдайды.',
    },
    import: {
      emptyFile: 'Файл бос.',
      tooLarge: 'Файл көлемі {{size}} МБ; ең көбі {{max}} МБ импорттауға болады.',
      unreadable: 'Файлды Excel кітабы (.xlsx) ретінде оқу мүмкін болмады.',
      noWorksheet: 'Кітапта бірде-бір парақ жоқ.',
      noRows: 'Файлда баған тақырыптары бар, бірақ жолдар жоқ.',
      tooManyRows: 'Тек алғашқы {{max}} жол оқылды.',
      unbalancedQuote: 'Осы жерде басталған тырнақшадағы мән жабылмаған, сондықтан {{from}}–{{to}} жолдары оқылмады. Тырнақшаларды тексеріңіз.',
      badQuote: 'Мәннің ішінде тырнақша тұр: мәнді толығымен тырнақшаға алып, ішіндегі тырнақшаларды екі еселеңіз.',
      extraCells: 'Бұл жолда {{count}} ұяшық бар, ал тақырыпта тек {{columns}} баған.',
      formula: 'Формулалар қабылданбайды (={{formula}}): ол есептелмей, мәтін ретінде оқылды. Мәннің өзін енгізіңіз.',
      errorCell: 'Ұяшықта Excel қатесі бар ({{error}}).',
      unknownColumn: '«{{header}}» бағаны каталог атрибуты емес, ол өткізіліп жіберілді.',
      duplicateColumn: '«{{header}}» бағаны екі рет кездеседі; тек біріншісі оқылды.',
      ambiguousColumn: '«{{header}}» бағаны бірнеше атрибуттың бөлігі ({{owners}}); оны, мысалы, {{example}} деп атаңыз.',
      badFlag: '«{{value}}» — true да, false да емес.',
      lostLetters: '«{{header}}» бағанында әріптердің орнында «?» тұр: файл Windows-1251 кодтауында сақталған, онда қазақ әріптері жоқ. Оны «CSV UTF-8» ретінде сақтаңыз.',
      unsupportedFormat: 'Тек .csv және .xlsx файлдарын импорттауға болады.',
      duplicateGtin: 'GTIN {{value}} осы файлдың {{row}}-жолында да бар.',
      duplicateValue: 'Дәл осындай мән {{row}}-жолда бар, ал бұл атрибут бірегей болуы керек.',
    },
    cli: {
      warning: 'ескерту',
      checked: 'Тексерілген жолдар: {{rows}}; қателер: {{errors}}, ескертулер: {{warnings}}.',
    },
  },
});

/** Dotted paths of the string leaves of a message table. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/** Every key of this namespace as the translator takes it, e.g. `application.value.required`. */
export type ApplicationMessageKey = `application.${LeafPaths<typeof en>}`;
