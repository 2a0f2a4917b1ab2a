import { defineMessages } from '../i18n/locales.ts';

/** Messages for `CatalogueError.messageKey` (`catalogue.errors.*`). `{{codes}}` lists attribute codes, `{{operation}}` the call. */
export const catalogueMessages = defineMessages(
  {
    errors: {
      validation: 'The catalogue refused the data. Check the attributes: {{codes}}',
      unauthorised: 'The catalogue refused the API key or token. Check it in the settings.',
      notFound: 'The catalogue has no such card or request.',
      wrongStatus: 'The request’s current status does not allow this action. Refresh its status.',
      business: 'The catalogue refused the action by its rules (e.g. an extended or protected card, a wrong XTIN).',
      rateLimited: 'The catalogue asks to slow down. The app will try again shortly.',
      server: 'The catalogue had an internal error. Try again later.',
      unexpectedResponse: 'The catalogue answered in an unexpected format.',
      network: 'No connection to the catalogue. The app will try again.',
      aborted: 'The call to the catalogue was cancelled.',
      timeout: 'The catalogue did not answer in time. The app will try again.',
      misconfigured: 'The catalogue address looks wrong: a web page came back instead of API data (the portal API lives under /gwp).',
      redirectRefused: 'The catalogue server redirected the call to another address. The app does not follow it, so the key or token is not sent there. Check the catalogue address in the settings.',
    },
  },
  {
    ru: {
      errors: {
        validation: 'Каталог отклонил данные. Проверьте атрибуты: {{codes}}',
        unauthorised: 'Каталог не принял API-ключ или токен. Проверьте его в настройках.',
        notFound: 'В каталоге нет такой карточки или заявки.',
        wrongStatus: 'Текущий статус заявки не позволяет это действие. Обновите статус.',
        business: 'Каталог отклонил действие по своим правилам (например, расширенная или защищённая карточка, неверный XTIN).',
        rateLimited: 'Каталог просит снизить частоту запросов. Приложение повторит попытку.',
        server: 'Внутренняя ошибка каталога. Повторите попытку позже.',
        unexpectedResponse: 'Каталог ответил в неожиданном формате.',
        network: 'Нет связи с каталогом. Приложение повторит попытку.',
        aborted: 'Запрос к каталогу отменён.',
        timeout: 'Каталог не ответил вовремя. Приложение повторит попытку.',
        misconfigured: 'Похоже, адрес каталога указан неверно: вместо данных API пришла веб-страница (API портала находится по пути /gwp).',
        redirectRefused: 'Сервер каталога перенаправил запрос на другой адрес. Приложение не следует перенаправлению, чтобы не отправлять туда ключ или токен. Проверьте адрес каталога в настройках.',
      },
    },
    kk: {
      errors: {
        validation: 'Каталог деректерді қабылдамады. Атрибуттарды тексеріңіз: {{codes}}',
        unauthorised: 'Каталог API кілтін немесе токенді қабылдамады. Оны баптауларда тексеріңіз.',
        notFound: 'Каталогта мұндай карточка немесе өтінім жоқ.',
        wrongStatus: 'Өтінімнің ағымдағы мәртебесі бұл әрекетке рұқсат бермейді. Мәртебені жаңартыңыз.',
        business: 'Каталог әрекетті өз ережелері бойынша қабылдамады (мысалы, кеңейтілген немесе қорғалған карточка, қате XTIN).',
        rateLimited: 'Каталог сұраулар жиілігін азайтуды сұрайды. Қолданба әрекетті қайталайды.',
        server: 'Каталогтың ішкі қатесі. Кейінірек қайталап көріңіз.',
        unexpectedResponse: 'Каталог күтпеген пішімде жауап берді.',
        network: 'Каталогпен байланыс жоқ. Қолданба әрекетті қайталайды.',
        aborted: 'Каталогқа сұрау тоқтатылды.',
        timeout: 'Каталог уақытында жауап бермеді. Қолданба әрекетті қайталайды.',
        misconfigured: 'Каталог мекенжайы қате сияқты: API деректерінің орнына веб-бет келді (портал API-і /gwp жолында орналасқан).',
        redirectRefused: 'Каталог сервері сұрауды басқа мекенжайға бағыттады. Кілт немесе токен сол жаққа жіберілмеуі үшін қолданба бағыттауға ермейді. Баптаулардағы каталог мекенжайын тексеріңіз.',
      },
    },
  },
);
