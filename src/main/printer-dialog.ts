/**
 * The host's own confirmation before labels go to a network printer for the first time. It is a native dialog
 * owned by the main process, so the page can neither answer it nor draw a look-alike.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { bridgeMessages, fillMessage } from '../shared/bridge-messages.ts';
import type { Locale } from '../shared/i18n/locales.ts';
import type { PrinterConfirmation } from './raw-printers.ts';

/** The UI language nearest to the OS language (Electron's `app.getLocale()`); Russian otherwise. */
export function hostLocale(osLocale: string): Locale {
  const language = osLocale.toLowerCase().slice(0, 2);
  return language === 'kk' || language === 'en' ? language : 'ru';
}

export function confirmPrinterWithDialog(dialog: Pick<Dialog, 'showMessageBox'>, parent: () => BrowserWindow | undefined, locale: () => Locale) {
  return async ({ host, port, address }: PrinterConfirmation): Promise<boolean> => {
    const text = bridgeMessages[locale()].printer;
    const options = {
      type: 'question' as const,
      title: text.confirmTitle,
      message: fillMessage(text.confirmMessage, { host, port }),
      detail: fillMessage(text.confirmDetail, { address }),
      buttons: [text.send, text.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const window = parent();
    const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return result.response === 0;
  };
}
