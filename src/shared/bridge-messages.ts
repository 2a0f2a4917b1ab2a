import type { BridgeErrorCode } from './bridge-client.ts';
import { defineMessages } from './i18n/locales.ts';

/**
 * Messages of the host and the bridge (`bridge.*`): one per bridge error code, the host's own printer
 * confirmation, and start-up notices. `{{host}}`, `{{port}}`, `{{address}}`, `{{file}}` are filled in.
 */
export const bridgeMessages = defineMessages(
  {
    errors: {
      unknownChannel: 'The app sent the desktop host a request it does not know. Update the app.',
      invalidRequest: 'The desktop host refused a malformed request.',
      forbiddenSender: 'The desktop host answers only the app’s own page.',
      tooLarge: 'The data is too large to hand to the desktop host (PDF up to 64 MiB, ZPL up to 16 MiB, files up to 128 MiB).',
      printerRefused: 'Labels are sent only to printers on your local network or this computer. Check the printer address.',
      printerDeclined: 'Sending to this printer was not confirmed.',
      failed: 'The desktop host could not complete the action.',
    },
    printer: {
      confirmTitle: 'Send labels to a network printer?',
      confirmMessage: 'Send labels to the printer {{host}} (port {{port}})?',
      confirmDetail: 'The address {{address}} is on your local network. The app will remember this printer and not ask again.',
      send: 'Send',
      cancel: 'Cancel',
    },
    connection: {
      settingsSetAside: 'The saved connection settings could not be read. They were kept as {{file}}, and the app uses the sandbox catalogue. Choose the connection again in the settings.',
    },
  },
  {
    ru: {
      errors: {
        unknownChannel: 'Приложение отправило хосту запрос, которого он не знает. Обновите приложение.',
        invalidRequest: 'Хост приложения отклонил некорректный запрос.',
        forbiddenSender: 'Хост приложения отвечает только собственной странице приложения.',
        tooLarge: 'Данные слишком велики для передачи хосту (PDF до 64 МиБ, ZPL до 16 МиБ, файлы до 128 МиБ).',
        printerRefused: 'Этикетки отправляются только на принтеры в вашей локальной сети или на этом компьютере. Проверьте адрес принтера.',
        printerDeclined: 'Отправка на этот принтер не подтверждена.',
        failed: 'Хост приложения не смог выполнить действие.',
      },
      printer: {
        confirmTitle: 'Отправить этикетки на сетевой принтер?',
        confirmMessage: 'Отправить этикетки на принтер {{host}} (порт {{port}})?',
        confirmDetail: 'Адрес {{address}} находится в вашей локальной сети. Приложение запомнит этот принтер и больше не будет спрашивать.',
        send: 'Отправить',
        cancel: 'Отмена',
      },
      connection: {
        settingsSetAside: 'Не удалось прочитать сохранённые настройки подключения. Они сохранены как {{file}}, приложение работает с песочницей каталога. Выберите подключение заново в настройках.',
      },
    },
    kk: {
      errors: {
        unknownChannel: 'Қолданба хостқа ол білмейтін сұрау жіберді. Қолданбаны жаңартыңыз.',
        invalidRequest: 'Қолданба хосты қате сұрауды қабылдамады.',
        forbiddenSender: 'Қолданба хосты тек қолданбаның өз бетіне жауап береді.',
        tooLarge: 'Деректер хостқа беру үшін тым үлкен (PDF 64 МиБ-қа дейін, ZPL 16 МиБ-қа дейін, файлдар 128 МиБ-қа дейін).',
        printerRefused: 'Жапсырмалар тек жергілікті желідегі немесе осы компьютердегі принтерлерге жіберіледі. Принтер мекенжайын тексеріңіз.',
        printerDeclined: 'Бұл принтерге жіберу расталмады.',
        failed: 'Қолданба хосты әрекетті орындай алмады.',
      },
      printer: {
        confirmTitle: 'Жапсырмаларды желілік принтерге жіберу керек пе?',
        confirmMessage: 'Жапсырмаларды {{host}} принтеріне (порт {{port}}) жіберу керек пе?',
        confirmDetail: '{{address}} мекенжайы жергілікті желіңізде. Қолданба бұл принтерді есте сақтайды және қайта сұрамайды.',
        send: 'Жіберу',
        cancel: 'Болдырмау',
      },
      connection: {
        settingsSetAside: 'Сақталған қосылым баптауларын оқу мүмкін болмады. Олар {{file}} ретінде сақталды, қолданба каталогтың сынақ ортасымен жұмыс істейді. Баптауларда қосылымды қайта таңдаңыз.',
      },
    },
  },
);

/** The `bridge.errors.*` key of a bridge error code. */
export function bridgeErrorMessageKey(code: BridgeErrorCode): `bridge.errors.${keyof typeof bridgeMessages.en.errors}` {
  const camel = code.replace(/-([a-z])/g, (_whole, letter: string) => letter.toUpperCase()) as keyof typeof bridgeMessages.en.errors;
  return `bridge.errors.${camel}`;
}

/** Fills `{{name}}` placeholders (the host translates without i18next). */
export function fillMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
