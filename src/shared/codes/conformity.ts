import { invalid, valid, type CodeCheck } from './check.ts';

/*
 * Registration numbers of EAEU conformity documents (certificates and declarations of conformity to the
 * technical regulations of the Eurasian Economic Union, ЕАЭС, or of the older Customs Union, ТС).
 *
 * The union decision on the unified forms leaves the number's layout to each member's national system,
 * so each issuing country has its own grammar. What this module accepts (normalised form first):
 *
 *   Prefix       ЕАЭС (EAEU) or ТС (Customs Union, documents issued before the EAEU regulations).
 *                Also read: any mix of Latin/Cyrillic look-alikes (EAЭC, TC, ТC…), and the Latin «EAC»
 *                (the conformity mark) for ЕАЭС, as domain-rules §4.3 recommends. «РОСС RU…» is the
 *                Russian national GOST R system, not an EAEU document: rejected with its own reason.
 *
 *   RU           ЕАЭС RU С-CN.СБ21.А.00039/19         certificate   [seen, domain-rules §4.1]
 *                ЕАЭС N RU Д-CN.РА01.В.12345/23       declaration   [seen: Rosaccreditation's numbering rules of
 *                                                                    mid-2018 as reported publicly; numbers quoted
 *                                                                    by integrators, e.g. …Д-CN.РА08.В.60419/25]
 *                ТС RU С-RU.АЯ46.В.12345              older, no /YY (numbers issued before mid-2018 have no year)
 *                Grammar: <С|Д>-<manufacturer country, ISO alpha-2>.<body code: 2 Cyrillic letters + 2 digits>
 *                .<object letter, Cyrillic>.<5-digit serial>[/<YY of issue>].
 *                The document type comes from the letter: С certificate, Д declaration (a Latin «D» is read
 *                as Д). Declarations are normalised with «N» after the prefix (the registered form), and
 *                certificates without it; «№» is read as N, and so is a Cyrillic «Н» there.
 *                Letters are normalised to their script: the countries Latin, the body code and object
 *                letter Cyrillic (e.g. «PA01.B» typed in Latin becomes «РА01.В»), С/Д Cyrillic.
 *
 *   KZ           ЕАЭС KZ 1100317.05.01.05103           [seen, domain-rules §4.1]
 *                also written ЕАЭС KZ.1100317.05.01.05103: <7-digit body code (region code per СТ РК 3.11 +
 *                digits of the accreditation certificate)>.<NN>.<NN>.<5-digit serial>. Normalised with a
 *                space after KZ. Certificates and declarations share this shape and no public rule tells
 *                them apart by the number, so the type is reported as 'unknown'. A marker («N»/«Д») before
 *                KZ is not part of any KZ number we know of and is rejected.
 *
 *   BY           ЕАЭС BY/112 02.01. ТР018 010.02 00276  [seen, domain-rules §4.1]
 *                ЕАЭС N BY/112 11.01. ТР009 043 14182  declaration (quoted publicly as «ЕАЭС № BY/…»; the spec's
 *                                                      example writes «ЕАЭС Д BY/…», also read, normalised to N)
 *                Grammar: BY/<3 digits> <NN.NN>. ТР<3 digits> <3 digits[.NN]> <5-digit serial>.
 *                Type: 'declaration' with the marker, otherwise 'unknown' (nothing else in the number is a
 *                documented type indicator).
 *
 *   KG           ЕАЭС KG417/016.RU.02.04561            certificate: KG417/<body>.<manufacturer country>.<NN>.<serial>
 *                ЕАЭС KG417/18.Д.0000338               declaration: KG417/<body>.Д.<serial>
 *                [seen, domain-rules §4.1, and numbers quoted by integrators: KG417/044.TW.02.04764,
 *                KG417/052.HK.02.12764, KG417/024.Д.0013077 — so the two letters of a certificate are the
 *                manufacturer's country]. They appear in either case (.ru., .д.); normalised to upper case.
 *
 *   AM           ЕАЭС AM-008/S.A-0175-2018              [seen, domain-rules §4.1] type 'unknown'.
 *                The RU grammar is also accepted after AM (integrators' fixtures show «ЕАЭС AM C-CN.АБ12.В.00001/24»;
 *                unconfirmed, accepted rather than rejecting a possibly real number).
 *
 * Everywhere: surrounding whitespace is trimmed, inner whitespace collapsed or dropped around the
 * separators, lower case upper-cased, the dashes ‐ ‑ ‒ – — − read as «-».
 * Validating the shape says nothing about whether the document exists or is in force: check the registry
 * (domain-rules §4.2).
 */

export const eaeuCountries = ['AM', 'BY', 'KG', 'KZ', 'RU'] as const;
export type EaeuCountry = (typeof eaeuCountries)[number];
export type ConformityDocType = 'certificate' | 'declaration' | 'unknown';
/** ЕАЭС documents (EAEU technical regulations) or the older ТС (Customs Union) ones. */
export type ConformityUnion = 'EAEU' | 'CU';

export type ConformityCheck = CodeCheck<{
  readonly type: ConformityDocType;
  /** The issuing member state (ISO 3166-1 alpha-2). */
  readonly country: EaeuCountry;
  readonly union: ConformityUnion;
  /** Manufacturer's country as written in RU-style and KG certificate numbers, else null. */
  readonly manufacturerCountry: string | null;
  /** Year of issue from a RU-style «/YY» suffix, else null. */
  readonly year: number | null;
}>;

/** One example number per issuing country, shown in the «does not match» message. */
export const conformityExamples: Readonly<Record<EaeuCountry, string>> = {
  RU: 'ЕАЭС N RU Д-CN.РА01.В.12345/23',
  KZ: 'ЕАЭС KZ 1100317.05.01.05103',
  BY: 'ЕАЭС BY/112 02.01. ТР018 010.02 00276',
  KG: 'ЕАЭС KG417/016.RU.02.04561',
  AM: 'ЕАЭС AM-008/S.A-0175-2018',
};

/** Upper-case Cyrillic letters that look like Latin ones, and back. */
const cyrillicToLatin: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
};
const latinToCyrillic: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', Y: 'У', X: 'Х',
};

/** Every Cyrillic look-alike to Latin: the form the grammars below are written against. */
function toLatin(text: string): string {
  return text.replace(/[\u0400-\u04FF]/gu, (letter) => cyrillicToLatin[letter] ?? letter);
}

/** Latin look-alikes back to Cyrillic, for the parts of a number that are Cyrillic. */
function toCyrillic(text: string): string {
  return text.replace(/[A-Z]/gu, (letter) => latinToCyrillic[letter] ?? letter);
}

function isEaeuCountry(code: string): code is EaeuCountry {
  return (eaeuCountries as readonly string[]).includes(code);
}

interface ParsedBody {
  readonly type: ConformityDocType;
  /** The normalised number after the union prefix (with the «N » declaration marker where it belongs). */
  readonly body: string;
  readonly manufacturerCountry: string | null;
  readonly year: number | null;
}

type BodyParser = (tail: string, marked: boolean) => ParsedBody | null;

/** <С|Д>-<CC>.<body>.<letter>.<serial>[/<YY>] after the country code (RU, and AM in that style). */
function parseRosaccreditationStyle(country: EaeuCountry): BodyParser {
  return (tail) => {
    const match = /^ ?([CДD]) ?-? ?([A-Z]{2}) ?\. ?([A-ZА-ЯЁ]{2}) ?(\d{2}) ?\. ?([A-ZА-ЯЁ]) ?\. ?(\d{5})(?: ?\/ ?(\d{2}))?$/u.exec(tail);
    if (!match) return null;
    const [, letter = '', manufacturer = '', bodyLetters = '', bodyDigits = '', objectLetter = '', serial = '', yy] = match;
    const bodyCode = toCyrillic(bodyLetters) + bodyDigits;
    const object = toCyrillic(objectLetter);
    if (!/^[А-ЯЁ]{2}\d{2}$/u.test(bodyCode) || !/^[А-ЯЁ]$/u.test(object)) return null;
    const type = letter === 'C' ? 'certificate' : 'declaration';
    const documentLetter = type === 'certificate' ? 'С' : 'Д';
    return {
      type,
      body: `${type === 'declaration' ? 'N ' : ''}${country} ${documentLetter}-${manufacturer}.${bodyCode}.${object}.${serial}${yy === undefined ? '' : `/${yy}`}`,
      manufacturerCountry: manufacturer,
      year: yy === undefined ? null : 2000 + Number(yy),
    };
  };
}

const parseKz: BodyParser = (tail, marked) => {
  const match = /^ ?\.? ?(\d{7}) ?\. ?(\d{2}) ?\. ?(\d{2}) ?\. ?(\d{5})$/u.exec(tail);
  if (!match || marked) return null;
  const [, bodyCode, first, second, serial] = match;
  return { type: 'unknown', body: `KZ ${bodyCode}.${first}.${second}.${serial}`, manufacturerCountry: null, year: null };
};

const parseBy: BodyParser = (tail, marked) => {
  const match = /^ ?\/ ?(\d{3}) ?(\d{2}) ?\. ?(\d{2}) ?\.? ?TP ?(\d{3}) ?(\d{3}(?: ?\. ?\d{2})?) ?(\d{5})$/u.exec(tail);
  if (!match) return null;
  const [, register, first, second, regulation, body = '', serial] = match;
  return {
    type: marked ? 'declaration' : 'unknown',
    body: `${marked ? 'N ' : ''}BY/${register} ${first}.${second}. ТР${regulation} ${body.replace(/ /gu, '')} ${serial}`,
    manufacturerCountry: null,
    year: null,
  };
};

const parseKg: BodyParser = (tail, marked) => {
  const certificate = /^ ?(\d{3}) ?\/ ?(\d{2,3}) ?\. ?([A-Z]{2}) ?\. ?(\d{2}) ?\. ?(\d{5})$/u.exec(tail);
  if (certificate && !marked) {
    const [, centre, body, manufacturer = '', scheme, serial] = certificate;
    return { type: 'certificate', body: `KG${centre}/${body}.${manufacturer}.${scheme}.${serial}`, manufacturerCountry: manufacturer, year: null };
  }
  // A «N»/«№» before KG on a declaration is redundant (the «Д» inside says it) and dropped.
  const declaration = /^ ?(\d{3}) ?\/ ?(\d{2,3}) ?\. ?[ДD] ?\. ?(\d{5,7})$/u.exec(tail);
  if (declaration) {
    const [, centre, body, serial] = declaration;
    return { type: 'declaration', body: `KG${centre}/${body}.Д.${serial}`, manufacturerCountry: null, year: null };
  }
  return null;
};

const parseAmNative: BodyParser = (tail, marked) => {
  const match = /^ ?- ?(\d{3}) ?\/ ?([A-Z0-9]+(?:\.[A-Z0-9]+)*) ?- ?(\d{4}) ?- ?(\d{4})$/u.exec(tail);
  if (!match || marked) return null;
  const [, body, scheme, serial, year] = match;
  return { type: 'unknown', body: `AM-${body}/${scheme}-${serial}-${year}`, manufacturerCountry: null, year: null };
};

const parseAmRuStyle = parseRosaccreditationStyle('AM');

const bodyParsers: Readonly<Record<EaeuCountry, BodyParser>> = {
  RU: parseRosaccreditationStyle('RU'),
  KZ: parseKz,
  BY: parseBy,
  KG: parseKg,
  AM: (tail, marked) => parseAmNative(tail, marked) ?? parseAmRuStyle(tail, marked),
};

/**
 * Validates and normalises an EAEU conformity document number (see the formats above) and reports
 * its type, issuing country, union (ЕАЭС/ТС), and what else the number says.
 */
export function validateConformityNumber(value: string): ConformityCheck {
  const cleaned = value
    .normalize('NFC')
    .trim()
    .toUpperCase()
    .replace(/№/gu, 'N')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s+/gu, ' ');
  if (cleaned === '') return invalid('codes.common.empty');
  const latin = toLatin(cleaned);
  if (latin.startsWith('POCC')) return invalid('codes.doc.nationalScheme');
  const prefix = /^(?:(EAЭC|EAC)|TC) ?/u.exec(latin);
  if (!prefix) return invalid('codes.doc.missingPrefix');
  const union: ConformityUnion = prefix[1] === undefined ? 'CU' : 'EAEU';
  const rest = latin.slice(prefix[0].length);
  const head = /^(?:([NHДD])\.? ?(?=[A-Z]{2}))?([A-Z]{2})/u.exec(rest);
  if (!head) return invalid('codes.doc.missingCountry');
  const [, marker, country = ''] = head;
  if (!isEaeuCountry(country)) return invalid('codes.doc.unknownCountry', { country });
  const parsed = bodyParsers[country](rest.slice(head[0].length), marker !== undefined);
  if (!parsed) return invalid('codes.doc.badFormat', { country, example: conformityExamples[country] });
  const normalized = `${union === 'EAEU' ? 'ЕАЭС' : 'ТС'} ${parsed.body}`;
  return valid(normalized, {
    type: parsed.type,
    country,
    union,
    manufacturerCountry: parsed.manufacturerCountry,
    year: parsed.year,
  });
}
