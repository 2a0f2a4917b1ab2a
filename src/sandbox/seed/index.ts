/**
 * The sandbox's deterministic seed: dictionaries, attribute schemas, category rules and the generated card
 * catalogue. Pure data and functions (no Node), so `ncg import --check` can validate offline against exactly
 * what a running sandbox would check:
 *
 *   const seed = buildSeed();                         // same dictionaries and schema as any sandbox
 *   seed.dictionary('country')?.byCode.has('KZ');     // true
 *   seed.govAttributes('1020-0001-0001-100…');        // { mainAttributes, additionalAttributes }
 *   validateForModeration(body, seed);                // from ../validation.ts
 */
import type { AttributeDefinition, GovAttributes } from '../../shared/catalogue/dto.ts';
import {
  additionalExtendedAttributes,
  baseAttributes,
  categoryRules,
  mainExtendedAttributes,
  type CategoryRules,
} from './attributes.ts';
import { createCardGenerator, type CardGenerator } from './cards.ts';
import { buildDictionaries, type OktruLeaf, type SeedDictionary } from './dictionaries.ts';

export interface SeedOptions {
  /** PRNG seed of the card catalogue (default 20260101). Dictionaries and schemas do not depend on it. */
  seed?: number;
  /** Number of published seed cards (default 2000). */
  cards?: number;
}

export interface Seed {
  seed: number;
  dictionaries: ReadonlyMap<string, SeedDictionary>;
  /** A dictionary by code, case-insensitive (the portal's example uses `tnved` in lower case). */
  dictionary(code: string): SeedDictionary | undefined;
  baseAttributes: readonly AttributeDefinition[];
  /** The extended schema of a current leaf category, or undefined for unknown/non-leaf codes. */
  govAttributes(oktru: string): GovAttributes | undefined;
  /** The leaf category (current or deleted) with this code. */
  leaf(oktru: string): OktruLeaf | undefined;
  leaves: readonly OktruLeaf[];
  categoryRules(oktru: string): CategoryRules | undefined;
  cards: CardGenerator;
}

export const defaultSeed = 20_260_101;
export const defaultCardCount = 2000;

export function buildSeed(options: SeedOptions = {}): Seed {
  const seed = options.seed ?? defaultSeed;
  const { dictionaries, leaves, leafByCode } = buildDictionaries();
  const cards = createCardGenerator({ seed, count: Math.max(0, Math.trunc(options.cards ?? defaultCardCount)), leaves });
  return {
    seed,
    dictionaries,
    dictionary: (code) => dictionaries.get(code.toUpperCase()),
    baseAttributes,
    govAttributes: (oktru) => {
      const leaf = leafByCode.get(oktru);
      if (!leaf || leaf.isDeleted) return undefined;
      return { mainAttributes: mainExtendedAttributes, additionalAttributes: additionalExtendedAttributes[leaf.sectionKey] };
    },
    leaf: (oktru) => leafByCode.get(oktru),
    leaves,
    categoryRules: (oktru) => {
      const leaf = leafByCode.get(oktru);
      return leaf ? categoryRules[leaf.sectionKey] : undefined;
    },
    cards,
  };
}

export { baseAttributes, mainExtendedAttributes, additionalExtendedAttributes, categoryRules, allExtendedCodes, formFlagCodes } from './attributes.ts';
export type { CategoryRules } from './attributes.ts';
export { ntinFromSerial, seedEpochSeconds, type CardGenerator, type CardRecord } from './cards.ts';
export type { OktruLeaf, SeedDictionary, SeedDictionaryItem } from './dictionaries.ts';
export { hash32, hashString, createRandom, type Random } from './prng.ts';
