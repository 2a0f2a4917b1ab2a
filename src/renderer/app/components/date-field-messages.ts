import { defineMessages } from '../../../shared/i18n/locales.ts';

/** Strings of the date field (namespace `dateField`). */
export const dateFieldMessages = defineMessages(
  {
    invalid: 'Not a date: write the day, month and year as {{pattern}}, for example {{example}}.',
  },
  {
    ru: {
      invalid: 'Это не дата: укажите день, месяц и год в виде {{pattern}}, например {{example}}.',
    },
    kk: {
      invalid: 'Бұл күн емес: күнді, айды және жылды {{pattern}} түрінде жазыңыз, мысалы {{example}}.',
    },
  },
);
