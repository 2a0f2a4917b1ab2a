import { defineMessages } from '../../../shared/i18n/locales.ts';
import { fineTablesMessagesEn, fineTablesMessagesKk, fineTablesMessagesRu } from './fine-tables/messages.ts';

/** Strings of the Settings page added after `ui.settings` (namespace `settingsUi`). */
export const settingsUiMessages = defineMessages(
  {
    connection: {
      webTwinScope:
        'This web version connects only to its built-in sandbox catalogue, with test data. The National Catalogue of Goods (nationalcatalog.kz) is reached from the desktop app, which keeps your API key safely.',
      keepKeyNewAddressForgets: 'empty keeps the saved key; a new portal address forgets it',
      newAddressForgetsKey: 'the key is sent only to this portal address; a new address needs the key again',
      urlProblem: {
        'not-a-url': '{{field}}: enter a web address starting with https://.',
        'credentials-in-url': '{{field}}: the address must not contain a user name or password; enter the key in its own field.',
        insecure: '{{field}}: the catalogue is reached only over https:// (http:// only for a sandbox on this computer).',
      },
    },
    dictionaries: {
      progress: 'Parts downloaded: {{parts}}; entries stored: {{items}}',
    },
    fines: fineTablesMessagesEn,
    storage: {
      ownFiles: 'Photos and PDFs stored',
    },
  },
  {
    ru: {
      connection: {
        webTwinScope:
          'Эта веб-версия подключается только к встроенной песочнице каталога с тестовыми данными. К Национальному каталогу товаров (nationalcatalog.kz) подключается настольное приложение, которое надёжно хранит ваш ключ API.',
        keepKeyNewAddressForgets: 'пустое поле сохраняет прежний ключ; при новом адресе портала ключ забывается',
        newAddressForgetsKey: 'ключ отправляется только на этот адрес портала; для нового адреса его нужно ввести снова',
        urlProblem: {
          'not-a-url': '{{field}}: укажите веб-адрес, начинающийся с https://.',
          'credentials-in-url': '{{field}}: адрес не должен содержать имя пользователя или пароль; ключ вводится в отдельное поле.',
          insecure: '{{field}}: к каталогу подключаются только по https:// (http:// — только для песочницы на этом компьютере).',
        },
      },
      dictionaries: {
        progress: 'Загружено частей: {{parts}}; сохранено записей: {{items}}',
      },
      fines: fineTablesMessagesRu,
      storage: {
        ownFiles: 'Сохранено фотографий и PDF',
      },
    },
    kk: {
      connection: {
        webTwinScope:
          'Бұл веб-нұсқа тек өзіне кірістірілген, сынақ деректері бар каталогтың сынақ ортасына қосылады. Ұлттық тауарлар каталогына (nationalcatalog.kz) API кілтіңізді қауіпсіз сақтайтын жұмыс үстелі қолданбасы қосылады.',
        keepKeyNewAddressForgets: 'бос қалса, сақталған кілт қалады; порталдың жаңа мекенжайы кілтті ұмыттырады',
        newAddressForgetsKey: 'кілт тек осы портал мекенжайына жіберіледі; жаңа мекенжай үшін оны қайта енгізу керек',
        urlProblem: {
          'not-a-url': '{{field}}: https:// деп басталатын веб-мекенжайды енгізіңіз.',
          'credentials-in-url': '{{field}}: мекенжайда пайдаланушы аты немесе құпиясөз болмауы керек; кілтті өз өрісіне енгізіңіз.',
          insecure: '{{field}}: каталогқа тек https:// арқылы қосылады (http:// тек осы компьютердегі сынақ ортасы үшін).',
        },
      },
      dictionaries: {
        progress: 'Жүктелген бөліктер: {{parts}}; сақталған жазбалар: {{items}}',
      },
      fines: fineTablesMessagesKk,
      storage: {
        ownFiles: 'Сақталған фотосуреттер мен PDF',
      },
    },
  },
);
