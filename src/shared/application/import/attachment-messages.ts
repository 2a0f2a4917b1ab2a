/**
 * Messages of the photo and document columns (`application.import.files.*`), kept beside their rules and
 * merged into the `application` namespace (application/messages.ts). `{{path}}` is the file as the row names it.
 */
export const attachmentMessagesEn = {
  emptyPath: 'The file path is empty.',
  unsafePath: 'The file path “{{value}}” holds control characters.',
  absolutePath: 'The file path “{{value}}” is absolute or a web address: give it relative to the spreadsheet’s folder (e.g. photos/milk-front.jpg).',
  outsideFolder: 'The file path “{{value}}” leads out of the spreadsheet’s folder: keep the files in that folder or below it.',
  missing: 'No file {{path}} next to the spreadsheet. In the app, choose the folder with the spreadsheet and its files, or drop them together.',
  empty: 'The file {{path}} is empty.',
  notPhoto: 'The file {{path}} is {{format}}, not a JPEG or PNG photo. Save it as JPEG.',
  notPdf: 'The file {{path}} is {{format}}, not a PDF: the catalogue accepts documents only as PDF.',
  tooLarge: 'The file {{path}} is {{size}} MB; at most {{max}} MB.',
  photoNeedsReencoding: 'The photo {{path}} is {{size}} MB, over the catalogue’s {{max}} MB. The command line does not re-encode photos: import the file in the app (it makes the photo smaller) or save it smaller.',
  pdfTruncated: 'The PDF {{path}} is cut off (no end-of-file marker): copy or download it again.',
  pdfUnreadable: 'The PDF {{path}} could not be opened: it is damaged.',
  pdfPassword: 'The PDF {{path}} needs a password to open: save it without one.',
  pdfEncrypted: 'The PDF {{path}} is encrypted (printing or copying restricted): save it without protection.',
  pdfNoPages: 'The PDF {{path}} has no pages.',
  undecodable: 'The photo {{path}} could not be decoded: the {{format}} data is damaged.',
  cannotFit: 'The photo {{path}} could not be made smaller than {{max}} MB without losing too much detail.',
  failed: 'The file {{path}} could not be checked.',
} as const;

type Table = { readonly [K in keyof typeof attachmentMessagesEn]: string };

export const attachmentMessagesRu: Table = {
  emptyPath: 'Путь к файлу пуст.',
  unsafePath: 'Путь к файлу «{{value}}» содержит управляющие символы.',
  absolutePath: 'Путь к файлу «{{value}}» абсолютный или это веб-адрес: укажите его относительно папки таблицы (например, photos/moloko-front.jpg).',
  outsideFolder: 'Путь к файлу «{{value}}» выходит за пределы папки таблицы: держите файлы в этой папке или глубже.',
  missing: 'Рядом с таблицей нет файла {{path}}. В приложении выберите папку с таблицей и её файлами или перетащите их вместе.',
  empty: 'Файл {{path}} пуст.',
  notPhoto: 'Файл {{path}} — это {{format}}, а не фото JPEG или PNG. Сохраните его как JPEG.',
  notPdf: 'Файл {{path}} — это {{format}}, а не PDF: каталог принимает документы только в PDF.',
  tooLarge: 'Файл {{path}} весит {{size}} МБ; допустимо не более {{max}} МБ.',
  photoNeedsReencoding: 'Фото {{path}} весит {{size}} МБ, больше {{max}} МБ каталога. Командная строка не пережимает фото: импортируйте файл в приложении (оно уменьшит фото) или сохраните его меньше.',
  pdfTruncated: 'PDF {{path}} обрезан (нет маркера конца файла): скопируйте или скачайте его заново.',
  pdfUnreadable: 'PDF {{path}} не открывается: файл повреждён.',
  pdfPassword: 'PDF {{path}} открывается только с паролем: сохраните его без пароля.',
  pdfEncrypted: 'PDF {{path}} зашифрован (запрещены печать или копирование): сохраните его без защиты.',
  pdfNoPages: 'В PDF {{path}} нет страниц.',
  undecodable: 'Фото {{path}} не удалось декодировать: данные {{format}} повреждены.',
  cannotFit: 'Фото {{path}} не удалось уменьшить до {{max}} МБ без большой потери качества.',
  failed: 'Файл {{path}} не удалось проверить.',
};

export const attachmentMessagesKk: Table = {
  emptyPath: 'Файл жолы бос.',
  unsafePath: '«{{value}}» файл жолында басқару таңбалары бар.',
  absolutePath: '«{{value}}» файл жолы абсолютті немесе веб-мекенжай: оны кесте қалтасына қатысты көрсетіңіз (мысалы, photos/sut-front.jpg).',
  outsideFolder: '«{{value}}» файл жолы кесте қалтасынан тыс шығады: файлдарды сол қалтада немесе оның ішінде ұстаңыз.',
  missing: 'Кестенің жанында {{path}} файлы жоқ. Қолданбада кесте мен оның файлдары бар қалтаны таңдаңыз немесе оларды бірге сүйреп әкеліңіз.',
  empty: '{{path}} файлы бос.',
  notPhoto: '{{path}} файлы — {{format}}, JPEG немесе PNG фото емес. Оны JPEG ретінде сақтаңыз.',
  notPdf: '{{path}} файлы — {{format}}, PDF емес: каталог құжаттарды тек PDF түрінде қабылдайды.',
  tooLarge: '{{path}} файлының көлемі {{size}} МБ; ең көбі {{max}} МБ.',
  photoNeedsReencoding: '{{path}} фотосының көлемі {{size}} МБ, каталогтың {{max}} МБ шегінен асады. Пәрмен жолы фотоны қайта кодтамайды: файлды қолданбада импорттаңыз (ол фотоны кішірейтеді) немесе кішірек етіп сақтаңыз.',
  pdfTruncated: '{{path}} PDF файлы кесілген (файл соңының белгісі жоқ): оны қайта көшіріңіз немесе жүктеп алыңыз.',
  pdfUnreadable: '{{path}} PDF файлы ашылмады: ол бүлінген.',
  pdfPassword: '{{path}} PDF файлы тек құпиясөзбен ашылады: оны құпиясөзсіз сақтаңыз.',
  pdfEncrypted: '{{path}} PDF файлы шифрланған (басып шығару не көшіру шектелген): оны қорғаусыз сақтаңыз.',
  pdfNoPages: '{{path}} PDF файлында беттер жоқ.',
  undecodable: '{{path}} фотосын декодтау мүмкін болмады: {{format}} деректері бүлінген.',
  cannotFit: '{{path}} фотосын сапасын көп жоғалтпай {{max}} МБ-қа дейін кішірейту мүмкін болмады.',
  failed: '{{path}} файлын тексеру мүмкін болмады.',
};
