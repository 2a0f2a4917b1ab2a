/**
 * The seeded catalogue of published cards, generated lazily: card `i` is a pure function of (seed, i), and
 * every lookup the sandbox needs is arithmetic, so a catalogue of a million cards costs no memory.
 *
 * - NTIN of card i: `0200` + the 8-digit serial i+1 + the GS1 check digit.
 * - GTIN: ~72% of cards have one; every 97th card shares its GTIN with the one or two cards before it
 *   (a GTIN may match several cards). The GTIN's 9 middle digits are an invertible scramble of the "GTIN key",
 *   so a GTIN decodes back to its cards. Prefixes: 487 (Kazakhstan) and foreign GS1 prefixes; valid check digits.
 * - `modified` (unix seconds, fractional) strictly increases with i over two years, so the export feed can
 *   seek to a `from` cursor by arithmetic.
 * - About 2% of NTINs are deactivated; about 4% are extended (`gov`) cards with a КЗТИН.
 */
import type { AttributeValue } from '../../shared/catalogue/dto.ts';
import { kzIdCheckDigit } from '../../shared/codes/bin.ts';
import { gs1CheckDigit } from '../../shared/codes/gs1.ts';
import type { OktruLeaf } from './dictionaries.ts';
import { createRandom, hash32, pad } from './prng.ts';

export interface CardRecord {
  /** Product id, as in `productUrl` `https://nationalcatalog.kz/product/{id}`. */
  id: number;
  ntin: string;
  gtin?: string | undefined;
  kztin?: string;
  nameRu: string;
  nameKk: string;
  shortNameRu: string;
  shortNameKk: string;
  oktru: string;
  requestType: 'base' | 'gov';
  brand: string;
  country: string;
  tnved: string;
  unit: string;
  quantity: string;
  producerName: string;
  producerBin: string;
  article: string;
  imageFiles: { fileName: string; imageType: string }[];
  createdMs: number;
  updatedMs: number;
  /** Unix seconds, possibly fractional (as the export feed reports it). */
  modified: number;
  deactivated: boolean;
  social: boolean;
  marked: boolean;
  /** Protected from edits by its manufacturer (edit-product answers 422). */
  protectedByOwner: boolean;
  /** Full attribute groups for cards published through the sandbox (seed cards are described by the fields above). */
  body?: {
    attributes: AttributeValue[];
    mainExtendedAttributes?: AttributeValue[];
    additionalExtendedAttributes?: AttributeValue[];
    customExtendedAttributes?: AttributeValue[];
    documents?: { fileName: string }[];
  };
}

/** The subset of a seed card the export feed reads (generated faster than the full card). */
export interface CardSummary {
  id: number;
  ntin: string;
  gtin: string | undefined;
  nameRu: string;
  nameKk: string;
  oktru: string;
  unit: string;
  quantity: string;
  modified: number;
  deactivated: boolean;
  social: boolean;
  marked: boolean;
  leaf: OktruLeaf;
  brand: string;
  gtinKey: number;
}

export interface CardGenerator {
  readonly count: number;
  card(index: number): CardRecord;
  summary(index: number): CardSummary;
  /** The index of the seed card with this NTIN, if any. */
  indexOfNtin(ntin: string): number | undefined;
  /** Indices of the seed cards carrying this GTIN (13 digits, or 14 with a leading 0). */
  indicesOfGtin(gtin: string): number[];
  /** The first index whose (modified, id) comes after the cursor: modified ≥ from, and id > afterId when equal. */
  seek(from: number, afterId?: number): number;
  modifiedOf(index: number): number;
  idOf(index: number): number;
}

/** 2024-01-01T00:00:00Z: the seed catalogue's `modified` values span the two years after it. */
export const seedEpochSeconds = 1_704_067_200;
const spanSeconds = 2 * 365 * 86_400;
export const firstSeedProductId = 100_000;

const gtinPrefixes: [prefix: string, country: string, weight: number][] = [
  ['487', 'KZ', 40],
  ['460', 'RU', 18],
  ['690', 'CN', 8],
  ['692', 'CN', 6],
  ['869', 'TR', 7],
  ['400', 'DE', 5],
  ['478', 'UZ', 4],
  ['470', 'KG', 3],
  ['481', 'BY', 4],
  ['007', 'US', 3],
  ['800', 'IT', 2],
];
const totalWeight = gtinPrefixes.reduce((sum, [, , weight]) => sum + weight, 0);

const modulus = 1_000_000_000n;
const multiplier = 387_420_489n; // 3^18, coprime with 10^9
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
const inverse = modInverse(multiplier, modulus);

export function ntinFromSerial(serial: number): string {
  const body = `0200${pad(serial, 8)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

function withCheckDigit(body: string): string {
  return `${body}${gs1CheckDigit(body)}`;
}

function validBin(random: () => number): string {
  for (;;) {
    const year = pad(Math.floor(random() * 25), 2);
    const month = pad(1 + Math.floor(random() * 12), 2);
    const first11 = `${year}${month}40${pad(Math.floor(random() * 100_000), 5)}`;
    const check = kzIdCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

function pseudoUuid(a: number, b: number): string {
  const hex = (value: number) => value.toString(16).padStart(8, '0');
  const h1 = hex(hash32(a, b, 1));
  const h2 = hex(hash32(a, b, 2));
  const h3 = hex(hash32(a, b, 3));
  const h4 = hex(hash32(a, b, 4));
  return `${h1}-${h2.slice(0, 4)}-4${h2.slice(5, 8)}-a${h3.slice(1, 4)}-${h3.slice(4)}${h4}`;
}

export function createCardGenerator(options: { seed: number; count: number; leaves: OktruLeaf[] }): CardGenerator {
  const { seed, count } = options;
  const leaves = options.leaves.filter((leaf) => !leaf.isDeleted);
  const step = Math.max(1, Math.floor(spanSeconds / Math.max(1, count)));
  const offset = BigInt(hash32(seed, 77) % 1_000_000_000);

  const modifiedOf = (index: number) => seedEpochSeconds + index * step + (hash32(seed, index, 9) % (step * 1000)) / 1000;
  const idOf = (index: number) => firstSeedProductId + index;
  const gtinKeyOf = (index: number) => {
    const r = index % 97;
    return r === 1 && index >= 1 ? index - 1 : r === 2 && index >= 2 ? index - 2 : index;
  };
  const hasGtin = (key: number) => hash32(seed, key, 1) % 100 < 72;
  const prefixOf = (key: number): [string, string] => {
    let pick = hash32(seed, key, 2) % totalWeight;
    for (const [prefix, country, weight] of gtinPrefixes) {
      if (pick < weight) return [prefix, country];
      pick -= weight;
    }
    return ['487', 'KZ'];
  };
  const gtinOfKey = (key: number): string => {
    const middle = Number((BigInt(key) * multiplier + offset) % modulus);
    return withCheckDigit(`${prefixOf(key)[0]}${pad(middle, 9)}`);
  };

  const binByProducer = new Map<string, string>();
  const producerBin = (brand: string) => {
    let bin = binByProducer.get(brand);
    if (!bin) {
      bin = validBin(createRandom(hash32(seed, brand.length, brand.charCodeAt(0), brand.charCodeAt(brand.length - 1))).next);
      binByProducer.set(brand, bin);
    }
    return bin;
  };
  const pickOf = <T>(items: readonly T[], salt: number, index: number): T => items[hash32(seed, index, salt) % items.length] as T;
  const foreign = ['RU', 'CN', 'UZ', 'KG', 'BY', 'TR'] as const;

  const shortNames = new Map<OktruLeaf, [string, string]>();
  const shortOf = (leaf: OktruLeaf): [string, string] => {
    let names = shortNames.get(leaf);
    if (!names) {
      names = [leaf.nameRu.split(' ').slice(0, 2).join(' '), leaf.nameKk.split(' ').slice(0, 2).join(' ')];
      shortNames.set(leaf, names);
    }
    return names;
  };

  /** The fields the export feed needs: cheaper than the full card. */
  function summary(index: number): CardSummary {
    const leaf = pickOf(leaves, 6, index);
    const brand = pickOf(leaf.section.brands, 12, index);
    const size = pickOf(leaf.sizes, 13, index);
    const key = gtinKeyOf(index);
    const gtin = hasGtin(key) ? gtinOfKey(key) : undefined;
    const sectionKey = leaf.sectionKey;
    return {
      id: idOf(index),
      ntin: ntinFromSerial(index + 1),
      gtin,
      nameRu: `${leaf.nameRu} «${brand}» ${size.ru}`,
      nameKk: `«${brand}» ${leaf.nameKk} ${size.kk}`,
      oktru: leaf.code,
      unit: size.unit,
      quantity: size.quantity,
      modified: modifiedOf(index),
      deactivated: hash32(seed, index, 3) % 50 === 0,
      social: sectionKey === 'food' && hash32(seed, index, 4) % 5 === 0,
      marked: (sectionKey === 'clothing' || sectionKey === 'medicines') && hash32(seed, index, 10) % 3 !== 0,
      leaf,
      brand,
      gtinKey: key,
    };
  }

  function card(index: number): CardRecord {
    const base = summary(index);
    const { leaf, brand } = base;
    const country = base.gtin ? prefixOf(base.gtinKey)[1] : hash32(seed, index, 14) % 5 !== 0 ? 'KZ' : pickOf(foreign, 15, index);
    const gov = hash32(seed, index, 7) % 25 === 0;
    const [shortRu, shortKk] = shortOf(leaf);
    const record: CardRecord = {
      id: base.id,
      ntin: base.ntin,
      nameRu: base.nameRu,
      nameKk: base.nameKk,
      shortNameRu: `${shortRu} ${brand}`,
      shortNameKk: `${brand} ${shortKk}`,
      oktru: base.oktru,
      requestType: gov ? 'gov' : 'base',
      brand,
      country,
      tnved: pickOf(leaf.tnvedCodes, 17, index),
      unit: base.unit,
      quantity: base.quantity,
      producerName: `ТОО «${brand}»`,
      producerBin: producerBin(brand),
      article: `ART-${pad(hash32(seed, index, 18) % 1_000_000, 6)}`,
      imageFiles: [
        { fileName: `${pseudoUuid(seed, index * 2)}.jpg`, imageType: 'front' },
        { fileName: `${pseudoUuid(seed, index * 2 + 1)}.jpg`, imageType: 'back' },
      ],
      createdMs: Math.round((base.modified - (hash32(seed, index, 16) % 181) * 86_400) * 1000),
      updatedMs: Math.round(base.modified * 1000),
      modified: base.modified,
      deactivated: base.deactivated,
      social: base.social,
      marked: base.marked,
      protectedByOwner: hash32(seed, index, 11) % 60 === 0,
    };
    if (base.gtin) record.gtin = base.gtin;
    if (gov) record.kztin = pad(hash32(seed, index, 8) % 1_000_000_000, 9).padStart(16, '7');
    return record;
  }

  return {
    count,
    card,
    summary,
    modifiedOf,
    idOf,
    indexOfNtin(ntin) {
      if (!/^0200\d{9}$/.test(ntin)) return undefined;
      const serial = Number(ntin.slice(4, 12));
      if (serial < 1 || serial > count) return undefined;
      return ntinFromSerial(serial) === ntin ? serial - 1 : undefined;
    },
    indicesOfGtin(raw) {
      const gtin = raw.length === 14 && raw.startsWith('0') ? raw.slice(1) : raw;
      if (!/^\d{13}$/.test(gtin)) return [];
      const middle = BigInt(gtin.slice(3, 12));
      const key = Number((((middle - offset) % modulus + modulus) % modulus * inverse) % modulus);
      if (key >= count || !hasGtin(key) || gtinOfKey(key) !== gtin) return [];
      const found: number[] = [];
      for (let index = key; index < Math.min(count, key + 3); index += 1) if (gtinKeyOf(index) === key) found.push(index);
      return found;
    },
    seek(from, afterId) {
      let index = Math.min(count, Math.max(0, Math.floor((from - seedEpochSeconds) / step)));
      while (index > 0 && modifiedOf(index - 1) >= from) index -= 1;
      while (index < count && modifiedOf(index) < from) index += 1;
      if (afterId !== undefined) while (index < count && modifiedOf(index) === from && idOf(index) <= afterId) index += 1;
      return index;
    },
  };
}
