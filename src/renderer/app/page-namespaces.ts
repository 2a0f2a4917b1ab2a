import type { MessageTable, Translations } from '../../shared/i18n/locales.ts';
import { uiMessages } from './messages.ts';
import { photosMessages } from '../features/applications/photos/messages.ts';
import { applicationsMessages } from '../features/applications/messages.ts';
import { documentsMessages } from '../features/documents/messages.ts';
import { printQueueMessages } from '../features/labels/messages.ts';
import { importerMessages } from '../features/import/messages.ts';
import { inspectionUiMessages } from '../features/inspection/messages.ts';
import { settingsUiMessages } from '../features/settings/messages.ts';
import { dateFieldMessages } from './components/date-field-messages.ts';

/**
 * The page's own message namespaces (the core's are in src/shared/i18n/resources.ts). A feature with many
 * strings keeps them in its own folder and registers its namespace here with one line: `t('<namespace>.key')`.
 */
export const pageNamespaces = {
  ui: uiMessages,
  photos: photosMessages,
  applications: applicationsMessages,
  documents: documentsMessages,
  printQueue: printQueueMessages,
  importer: importerMessages,
  inspectionUi: inspectionUiMessages,
  settingsUi: settingsUiMessages,
  dateField: dateFieldMessages,
} satisfies Record<string, Translations<MessageTable>>;
