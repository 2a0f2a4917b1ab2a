import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import type { CopyCard } from '../../../src/shared/inspection/copy-card.ts';
import { checkScan, verdictRecord, type CopyLookup } from '../../../src/shared/inspection/verdict.ts';

const withCheck = (body: string) => body + String(gs1CheckDigit(body));
const ntinOf = (serial: number) => withCheck(`0200${String(serial).padStart(8, '0')}`);
const sharedGtin = withCheck('487000000123');

function card(serial: number, gtin: string, deactivated = false): CopyCard {
  const ntin = ntinOf(serial);
  return { key: ntin, id: serial, ntin, gtin: gtin ? gtin.padStart(14, '0') : '', nameRu: `Товар ${serial}`, nameKk: `Тауар ${serial} Әә`, unit: 'шт', deactivated, social: false, modified: serial };
}

const cards = [card(1, sharedGtin), card(2, sharedGtin), card(3, withCheck('487000000777')), card(4, withCheck('487000000888'), true), card(5, withCheck('487000000999'), true), card(6, withCheck('487000000999'))];
const lookup: CopyLookup = {
  byNtin: (ntin) => cards.find((candidate) => candidate.ntin === ntin),
  byGtin: (gtin14) => cards.filter((candidate) => candidate.gtin === gtin14),
};
const info = { maxNtinSerial: 6 };

describe('checkScan', () => {
  it('gives every verdict', async () => {
    expect((await checkScan(ntinOf(3), lookup, info)).kind).toBe('registered');
    expect((await checkScan(ntinOf(3).slice(1), lookup, info)).kind).toBe('registered'); // NTIN read as UPC-A
    expect((await checkScan(withCheck('487000000777'), lookup, info)).kind).toBe('registered');
    const several = await checkScan(sharedGtin, lookup, info);
    expect(several.kind).toBe('several');
    expect(verdictRecord(several)).toMatchObject({ verdict: 'several', ntins: [ntinOf(1), ntinOf(2)] });
    expect((await checkScan(ntinOf(4), lookup, info)).kind).toBe('deactivated');
    expect((await checkScan(withCheck('487000000888'), lookup, info)).kind).toBe('deactivated');
    // one active and one deactivated card under a GTIN: registered, the active card first
    const mixed = await checkScan(withCheck('487000000999'), lookup, info);
    expect(mixed.kind).toBe('registered');
    expect(verdictRecord(mixed)).toMatchObject({ ntins: [ntinOf(6), ntinOf(5)], deactivated: [ntinOf(5)] });
    expect((await checkScan(withCheck('487000000555'), lookup, info)).kind).toBe('not-found');
    const wrongDigit = String((Number(ntinOf(2).slice(-1)) + 1) % 10);
    expect((await checkScan(ntinOf(2).slice(0, 12) + wrongDigit, lookup, info)).kind).toBe('invalid');
  });

  it('calls an NTIN newer than the copy "not yet in this copy", and an older missing one a violation', async () => {
    const newer = await checkScan(ntinOf(7), lookup, info);
    expect(newer.kind).toBe('not-yet-in-copy');
    expect(verdictRecord(newer)).toMatchObject({ verdict: 'not-found', notYetInCopy: true });
    expect((await checkScan(ntinOf(7), lookup, { maxNtinSerial: 10 })).kind).toBe('not-found');
  });

  it('reports an invalid code with the expected check digit', async () => {
    const good = withCheck('487000000777');
    const bad = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    const verdict = await checkScan(bad, lookup, info);
    expect(verdictRecord(verdict)).toEqual({ code: bad, verdict: 'invalid', ntins: [], names: [], problem: 'inspection.code.badCheckDigit', params: { expected: Number(good.slice(-1)), actual: Number(bad.slice(-1)) } });
  });
});
