/**
 * The plain way to keep the catalogue copy, the baseline the copy benchmarks measure the app against: an export
 * row as a row of a plain Dexie table `cards: 'key, gtin'`. JavaScript source, for the baseline pages.
 */
export const plainRowSource = `(row) => {
  const gtin = row.gtin ? row.gtin.padStart(14, '0') : '';
  return {
    key: row.ntin_code || 'gtin:' + gtin, id: row.id, ntin: row.ntin_code, gtin, nameRu: row.name_ru, nameKk: row.name_kk,
    unit: (row.measure && row.measure.short_name) || '', deactivated: row.ntin_isdeactivated, social: row.is_social, modified: row.modified,
  };
}`;
