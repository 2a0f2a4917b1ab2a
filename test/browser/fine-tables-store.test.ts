/**
 * The fine tables in force, in real IndexedDB: the defaults until tables are put in force, only valid tables
 * stored, and a damaged stored value never breaks the estimate (the defaults answer instead).
 */
import { describe, expect, it } from 'vitest';
import { readFineTables, saveFineTables } from '../../src/renderer/db/inspections.ts';
import { writeSetting } from '../../src/renderer/db/settings.ts';
import { defaultFineTables, type FineTables } from '../../src/shared/inspection/index.ts';
import { scratchDatabases } from './scratch-database.ts';

const database = scratchDatabases('fine-tables');
const office: FineTables = {
  source: 'Бұйрық № 12',
  rules: [{ article: '777', part: '4', entityCategory: 'medium', offence: 'repeat', mci: 50, per: 'item' }],
  mciValues: [{ year: 2027, kzt: 5000 }],
};

describe('fine tables in force', () => {
  it('are the defaults until tables are put in force, then those, and the defaults again after a reset', async () => {
    const db = database();
    expect(await readFineTables(db)).toEqual(defaultFineTables);
    await saveFineTables(db, office);
    expect(await readFineTables(db)).toEqual(office);
    await saveFineTables(db, undefined);
    expect(await readFineTables(db)).toEqual(defaultFineTables);
  });

  it('refuses to store invalid tables, keeping those in force', async () => {
    const db = database();
    await saveFineTables(db, office);
    const duplicate = { ...office, rules: [...office.rules, { ...office.rules[0]!, article: '778' }] };
    await expect(saveFineTables(db, duplicate)).rejects.toThrow();
    await expect(saveFineTables(db, { ...office, mciValues: [{ year: 2027, kzt: -1 }] })).rejects.toThrow();
    expect(await readFineTables(db)).toEqual(office);
  });

  it('answers with the defaults when the stored value is damaged', async () => {
    const db = database();
    await writeSetting(db, 'inspection.fineTables', { rules: 'not a table' });
    expect(await readFineTables(db)).toEqual(defaultFineTables);
  });
});
