/**
 * Words a search can start with: lower-cased with Kazakh rules, split on anything that is not a letter or a
 * digit. Used for every local search index (drafts, dictionaries, the offline catalogue).
 */
export function searchWords(...texts: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of text.toLocaleLowerCase('kk').split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
  }
  return [...words];
}

/** The first word of a query, lower-cased the same way, for a prefix lookup; the rest filter the hits. */
export function queryWords(query: string): string[] {
  return searchWords(query);
}
