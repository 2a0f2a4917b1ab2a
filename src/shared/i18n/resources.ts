import { applicationMessages } from '../application/messages.ts';
import { bridgeMessages } from '../bridge-messages.ts';
import { catalogueMessages } from '../catalogue/messages.ts';
import { codesMessages } from '../codes/messages.ts';
import { inspectionMessages } from '../inspection/messages.ts';
import { labelsMessages } from '../labels/messages.ts';
import { syncMessages } from '../sync/messages.ts';
import type { Locale, MessageTable, Translations } from './locales.ts';

/**
 * Every namespace the core owns, keyed as `<namespace>.<key>`: the CLI and the page translate the same keys.
 * Register a namespace here with one line.
 */
const coreNamespaces = {
  application: applicationMessages,
  bridge: bridgeMessages,
  catalogue: catalogueMessages,
  codes: codesMessages,
  inspection: inspectionMessages,
  labels: labelsMessages,
  sync: syncMessages,
} satisfies Record<string, Translations<MessageTable>>;

export type CoreNamespace = keyof typeof coreNamespaces;

export function coreResources(locale: Locale): Record<string, MessageTable> {
  const out: Record<string, MessageTable> = {};
  for (const [namespace, table] of Object.entries(coreNamespaces)) out[namespace] = table[locale];
  return out;
}
