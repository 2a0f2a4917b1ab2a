/**
 * Short unit symbols for a label. The catalogue's MEASURE_UNIT dictionary is keyed by ОКЕИ numeric codes
 * but names units in full ("Литр"), which is too long beside a quantity on a 38 mm label ("5 л" reads as
 * everyone expects). These are the national short designations of the ОКЕИ classifier (МК 002-97) for the
 * units goods are commonly sold in; any other code falls back to the dictionary's name.
 */
const okeiShortDesignations: Readonly<Record<string, string>> = {
  '003': 'мм',
  '004': 'см',
  '006': 'м',
  '018': 'пог. м',
  '055': 'м²',
  '111': 'мл',
  '112': 'л',
  '113': 'м³',
  '161': 'мг',
  '163': 'г',
  '166': 'кг',
  '168': 'т',
  '625': 'лист',
  '704': 'набор',
  '715': 'пар',
  '736': 'рул',
  '778': 'упак',
  '796': 'шт',
  '839': 'компл',
};

/** The symbol of an ОКЕИ unit code, else the given name, else the code itself. */
export function unitSymbol(code: string, name?: string): string {
  return okeiShortDesignations[code.trim()] ?? (name?.trim() || code.trim());
}
