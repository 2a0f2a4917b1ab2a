/**
 * Technical regulations named on conformity documents: «ТР ТС 021/2011» (Customs Union) or «ТР ЕАЭС 037/2016»
 * (EAEU), domain-rules §4.3. A document may cover several, separated by commas or semicolons. Read permissively,
 * as the numbers are (Latin look-alikes, missing spaces, lower case), and written back in the canonical form.
 */

export type RegulationParse = { ok: true; normalized: string } | { ok: false; invalid: string };

/** Latin letters typed for their Cyrillic twins in «ТР ТС» / «ЕАЭС». */
const toCyrillic: Readonly<Record<string, string>> = { T: 'Т', P: 'Р', C: 'С', E: 'Е', A: 'А' };

function parseOne(text: string): string | null {
  const upper = text.trim().toUpperCase().replace(/[TPCEA]/gu, (letter) => toCyrillic[letter] ?? letter);
  const match = /^ТР\s*(ТС|ЕАЭС|ЕАЕС)\s*N?№?\s*(\d{3})\s*\/\s*(\d{4})$/u.exec(upper);
  if (!match) return null;
  const [, union, number, year] = match;
  return `ТР ${union === 'ТС' ? 'ТС' : 'ЕАЭС'} ${number}/${year}`;
}

/** Parses one or several regulations; an empty text is fine (the field is optional). */
export function parseTechnicalRegulations(text: string): RegulationParse {
  const parts = text.split(/[,;\n]/u).map((part) => part.trim()).filter((part) => part !== '');
  const normalized: string[] = [];
  for (const part of parts) {
    const one = parseOne(part);
    if (!one) return { ok: false, invalid: part };
    if (!normalized.includes(one)) normalized.push(one);
  }
  return { ok: true, normalized: normalized.join(', ') };
}

/** Regulations most often met on goods entering the catalogue, offered as suggestions while typing. */
export const commonRegulations: readonly string[] = [
  'ТР ТС 004/2011', // low-voltage equipment
  'ТР ТС 005/2011', // packaging
  'ТР ТС 007/2011', // goods for children
  'ТР ТС 008/2011', // toys
  'ТР ТС 009/2011', // perfumery and cosmetics
  'ТР ТС 017/2011', // light industry
  'ТР ТС 020/2011', // electromagnetic compatibility
  'ТР ТС 021/2011', // food safety
  'ТР ТС 022/2011', // food labelling
  'ТР ТС 024/2011', // oil and fat products
  'ТР ТС 033/2013', // milk and dairy
  'ТР ТС 034/2013', // meat
  'ТР ЕАЭС 037/2016', // hazardous substances in electronics
  'ТР ЕАЭС 040/2016', // fish
];
