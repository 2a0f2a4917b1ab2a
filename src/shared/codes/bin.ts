import { digitsOnly, invalid, valid, type CodeCheck, type CodeFailure } from './check.ts';

/*
 * Kazakhstan's 12-digit identification numbers: the BIN (бизнес-идентификационный номер, of legal
 * entities, branches, representative offices and joint entrepreneurship) and the IIN (индивидуальный
 * идентификационный номер, of people). Both end in the same check digit.
 *
 * What is confirmed, and what is not (domain-rules §7, §10 item 11):
 * - The check digit [seen, two independent implementations agree] is checked strictly.
 * - The meaning of the other digit positions is tagged [guess] in the spec. The checks below keep to
 *   what the spec states and never go further:
 *   IIN (§7.2): digits 1–6 are the birth date YYMMDD; digit 7 is century and sex
 *     (1/2 = born in the 1800s male/female, 3/4 = 1900s, 5/6 = 2000s).
 *     Decision: digit 7 = 0 is ACCEPTED as "not encoded" (century and sex unknown). The spec lists
 *     only 1–6; that 0 occurs (reportedly for some foreign citizens) is unconfirmed hearsay, but for an
 *     offline check rejecting a number that may be real is worse than accepting one more shape. With 0
 *     the date is still checked, allowing 29 February whenever YY is divisible by 4 (the century being
 *     unknown). Digits 7–9 are rejected.
 *     A birth date in the future is not rejected: the core has no clock.
 *   BIN (§7.3): digits 1–4 are the year and month of registration, YYMM (month 01–12 is checked,
 *     any year); digit 5 is the entity type: 4 = resident legal entity, 5 = non-resident legal entity,
 *     6 = joint entrepreneurship (IP-type); digit 6 is the unit attribute: 0 = head organisation,
 *     1 = branch, 2 = representative office (spec), and 3 (the spec's "…": accepted because this module's
 *     brief says 0–3; reading it as a peasant/farm household in joint entrepreneurship is unconfirmed).
 *     Digits 7–11 are a serial.
 * - Heuristic used in practice (§7.3): digit 5 of 4, 5 or 6 marks a BIN rather than an IIN. An IIN's
 *   digit 5 is the tens of the birth day (0–3), so the two structure checks never both pass.
 */

/** Pass-1 weights over digits 1–11 (domain-rules §7.1). */
const passOneWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
/** Pass-2 weights, used only when pass 1 gives 10 (domain-rules §7.1). */
const passTwoWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(first11: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += (first11.charCodeAt(index) - 48) * weight;
  });
  return sum % 11;
}

/**
 * The check digit (12th digit) of a BIN or IIN from its first 11 digits, by the two-pass mod-11 rule,
 * or null when both passes give 10: such numbers are never issued. Throws a RangeError unless
 * `first11` is exactly 11 ASCII digits (a programming error; validate user input with the validators).
 */
export function kzIdCheckDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/u.test(first11)) throw new RangeError(`kzIdCheckDigit needs exactly 11 digits, got "${first11}"`);
  const passOne = weightedMod11(first11, passOneWeights);
  if (passOne !== 10) return passOne;
  const passTwo = weightedMod11(first11, passTwoWeights);
  return passTwo === 10 ? null : passTwo;
}

type KzIdKind = 'bin' | 'iin';

/** Shared steps of both validators: digits only, exactly 12 of them, then the two-pass checksum. */
function checkKzId(value: string, kind: KzIdKind): { ok: true; digits: string } | { ok: false; failure: CodeFailure } {
  const input = digitsOnly(value);
  if (!input.ok) return input;
  const { digits } = input;
  if (digits.length !== 12) return { ok: false, failure: invalid(`codes.${kind}.badLength`, { length: digits.length }) };
  const expected = kzIdCheckDigit(digits.slice(0, 11));
  if (expected === null) return { ok: false, failure: invalid(`codes.${kind}.neverIssued`) };
  const actual = Number(digits.slice(11));
  if (expected !== actual) return { ok: false, failure: invalid(`codes.${kind}.badCheckDigit`, { expected, actual }) };
  return { ok: true, digits };
}

/** The digit at a 1-based position (the spec numbers digits d1…d12). */
function digitAt(digits: string, position: number): number {
  return digits.charCodeAt(position - 1) - 48;
}

/** BIN entity types, digit 5 (domain-rules §7.3 [guess]): 4 resident legal entity, 5 non-resident legal entity, 6 joint entrepreneurship. */
export type BinEntityType = 4 | 5 | 6;
/** BIN unit attributes, digit 6: 0 head organisation, 1 branch, 2 representative office, 3 (meaning unconfirmed; see above). */
export type BinUnitAttribute = 0 | 1 | 2 | 3;

export type BinCheck = CodeCheck<{
  /** Year and month of registration as written, YYMM (the century is not encoded). */
  readonly registered: string;
  readonly entityType: BinEntityType;
  readonly unitAttribute: BinUnitAttribute;
}>;

/**
 * Validates a BIN: 12 digits, the two-pass mod-11 check digit, then the structure the spec states
 * (see the comment at the top of this file): month 01–12 in digits 3–4, entity type 4/5/6 in digit 5,
 * unit attribute 0–3 in digit 6. An IIN fails here on digit 5 (`codes.bin.badEntityType`).
 */
export function validateBin(value: string): BinCheck {
  const checked = checkKzId(value, 'bin');
  if (!checked.ok) return checked.failure;
  const { digits } = checked;
  const month = Number(digits.slice(2, 4));
  if (month < 1 || month > 12) return invalid('codes.bin.badMonth', { month: digits.slice(2, 4) });
  const entityType = digitAt(digits, 5);
  if (entityType !== 4 && entityType !== 5 && entityType !== 6) return invalid('codes.bin.badEntityType', { digit: entityType });
  const unitAttribute = digitAt(digits, 6);
  if (unitAttribute !== 0 && unitAttribute !== 1 && unitAttribute !== 2 && unitAttribute !== 3) {
    return invalid('codes.bin.badUnitAttribute', { digit: unitAttribute });
  }
  return valid(digits, { registered: digits.slice(0, 4), entityType, unitAttribute });
}

export type IinCheck = CodeCheck<{
  /** ISO date YYYY-MM-DD when digit 7 gives the century, else null. */
  readonly birthDate: string | null;
  /** From digit 7 (odd = male, even = female), null when digit 7 is 0. */
  readonly sex: 'male' | 'female' | null;
}>;

/** First year of the century that IIN digit 7 encodes (domain-rules §7.2); 0 = not encoded. */
const centuryByDigit7: Readonly<Record<number, number>> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, yy: number, century: number | undefined): number {
  if (month === 2) {
    // Unknown century (digit 7 = 0): allow the 29th whenever some century makes YY a leap year.
    const leap = century === undefined ? yy % 4 === 0 : isLeapYear(century + yy);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Validates an IIN: 12 digits, the two-pass mod-11 check digit, digit 7 in 0–6, and digits 1–6 a real
 * calendar date YYMMDD in the century that digit 7 gives (see the comment at the top of this file).
 */
export function validateIin(value: string): IinCheck {
  const checked = checkKzId(value, 'iin');
  if (!checked.ok) return checked.failure;
  const { digits } = checked;
  const centurySex = digitAt(digits, 7);
  if (centurySex > 6) return invalid('codes.iin.badCenturySex', { digit: centurySex });
  const century = centuryByDigit7[centurySex];
  const yy = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, yy, century)) {
    return invalid('codes.iin.badDate', { date: digits.slice(0, 6) });
  }
  const birthDate = century === undefined ? null : `${String(century + yy)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  const sex = centurySex === 0 ? null : centurySex % 2 === 1 ? 'male' : 'female';
  return valid(digits, { birthDate, sex });
}
