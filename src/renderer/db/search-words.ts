import { attributeCodes, nameAttributeCodes } from '../../shared/application/attribute-codes.ts';
import { findValue, type ApplicationDraft } from '../../shared/application/draft.ts';
import { searchWords } from '../../shared/search-words.ts';

const searchedAttributes = [...nameAttributeCodes, attributeCodes.gtin, attributeCodes.ntin, attributeCodes.tnved];

/** The words of a draft's names and codes, for the applications list's search index. */
export function draftSearchWords(draft: ApplicationDraft): string[] {
  const texts = searchedAttributes.map((code) => {
    const found = findValue(draft, code)?.value;
    return typeof found === 'string' ? found : Array.isArray(found) ? found.join(' ') : undefined;
  });
  return searchWords(...texts, draft.editOfNtin);
}
