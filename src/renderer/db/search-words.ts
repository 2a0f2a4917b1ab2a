import type { DraftRecord } from './records.ts';

const searchedAttributes = ['name_ru', 'name_kk', 'short_name_ru', 'short_name_kk', 'gtin', 'ntin', 'tnved'] as const;

/** Words a search can start with: names split on anything that is not a letter or digit, codes whole. */
export function draftSearchWords(attributes: DraftRecord['attributes']): string[] {
  const words = new Set<string>();
  for (const code of searchedAttributes) {
    const value = attributes[code];
    if (!value) continue;
    for (const word of value.toLocaleLowerCase('kk').split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
  }
  return [...words];
}
