/**
 * Builds what `validateDraft` needs from the local database: only the dictionary entries the draft refers
 * to are read (by key), so checking stays fast with dictionaries of tens of thousands of items.
 */
import { findValue, type ApplicationDraft, type DraftValue } from '../../shared/application/draft.ts';
import { localToday } from '../../shared/i18n/format.ts';
import { toSchemaIndex, type AttributeSchemas } from '../../shared/application/schema.ts';
import { createDictionaryLookup, type ValidationContext } from '../../shared/application/validate.ts';
import type { NcgDatabase } from './database.ts';
import { dictionaryCounts } from './dictionaries.ts';

function codesIn(value: DraftValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value;
  return Object.values(value).flatMap((part) => (typeof part === 'string' ? [part] : part));
}

export async function buildValidationContext(db: NcgDatabase, draft: ApplicationDraft, schemas: AttributeSchemas): Promise<ValidationContext> {
  const index = toSchemaIndex(schemas);
  const wanted: [string, string][] = [];
  const addCodes = (dictionary: string | undefined, value: DraftValue | undefined) => {
    if (!dictionary || value === undefined) return;
    for (const code of codesIn(value)) if (code) wanted.push([dictionary.toUpperCase(), code]);
  };
  for (const entry of index.byCode.values()) {
    const found = findValue(draft, entry.code);
    if (!found) continue;
    if (entry.parts.size > 0 && typeof found.value === 'object' && !Array.isArray(found.value)) {
      for (const [partCode, part] of entry.parts) addCodes(part.dictionaryCode, found.value[partCode]);
    } else {
      addCodes(entry.definition.dictionaryCode, found.value);
    }
  }
  if (draft.oktru) wanted.push(['OKTRU', draft.oktru]);

  const [counts, items, documents, blobs] = await Promise.all([
    dictionaryCounts(db),
    db.dictionaryItems.bulkGet(wanted),
    db.documents.toArray(),
    db.blobs.where('ownerId').anyOf([draft.id, ...draft.documents.flatMap((ref) => (ref.documentId ? [ref.documentId] : []))]).toArray(),
  ]);
  // Only dictionaries that were downloaded are checked; for the others membership is unknown, not wrong.
  const present = new Map<string, { code: string }[]>();
  for (const [dictionary, count] of Object.entries(counts)) if (count > 0) present.set(dictionary, []);
  // A withdrawn entry is not a valid choice any more: moderation refuses it, so the check does too.
  for (const item of items) if (item && !item.isDeleted) present.get(item.dictionary)?.push({ code: item.code });

  const documentsById = new Map(documents.map((document) => [document.id, document]));
  const sizes = new Map(blobs.map((blob) => [blob.id, blob.data.size]));
  return {
    schemas: index,
    dictionaries: createDictionaryLookup(present),
    documents: documentsById,
    fileSizes: sizes,
    today: localToday(),
  };
}
