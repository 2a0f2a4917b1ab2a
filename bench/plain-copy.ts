/**
 * The plain way to keep the catalogue copy, the baseline the copy benchmarks measure the app against: an export
 * row as a row of a plain Dexie table `cards: 'key, gtin'`. JavaScript source, for the baseline pages.
 */
const plainRowSource = `(row) => {
  const gtin = row.gtin ? row.gtin.padStart(14, '0') : '';
  return {
    key: row.ntin_code || 'gtin:' + gtin, id: row.id, ntin: row.ntin_code, gtin, nameRu: row.name_ru, nameKk: row.name_kk,
    unit: (row.measure && row.measure.short_name) || '', deactivated: row.ntin_isdeactivated, social: row.is_social, modified: row.modified,
  };
}`;

/**
 * `async (db, config) => stored`: fetches every page of the feed (`config` = the web twin's `web-twin.json`),
 * parses it and `bulkPut`s its rows into `db.cards`, one transaction a page.
 */
export const plainFillSource = (limit: number): string => `async (db, config) => {
  let next = config.exportBaseUrl + '/ofd/?from=0&limit=${limit}';
  let stored = 0;
  while (next) {
    const page = await (await fetch(next, { headers: { Authorization: 'JWT ' + config.exportToken } })).json();
    const rows = page.result.map(${plainRowSource});
    await db.cards.bulkPut(rows);
    stored += rows.length;
    next = page.next;
  }
  return stored;
}`;
