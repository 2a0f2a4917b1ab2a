import { describe, expect, it } from 'vitest';
import { checkLabelItem, ean13DigitsFor, ean13Modules, encodeEan13 } from '../../../src/shared/labels/index.ts';
import { gtin13, metrics, ntin, product } from './helpers.ts';

/*
 * An independent EAN-13 encoder from the symbology tables (ISO/IEC 15420), written differently from jsbarcode
 * on purpose: if both agree on many codes, the bars the labels draw are right.
 */
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const G = L.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).reverse().join(''));
const R = L.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).join(''));
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

function referenceModules(digits: string): string {
  const d = [...digits].map(Number);
  const parity = PARITY[d[0] ?? 0] ?? '';
  let out = '101';
  for (let i = 1; i <= 6; i += 1) out += (parity[i - 1] === 'G' ? G : L)[d[i] ?? 0];
  out += '01010';
  for (let i = 7; i <= 12; i += 1) out += R[d[i] ?? 0];
  return `${out}101`;
}

describe('EAN-13 digits for NTINs and GTINs', () => {
  it('prints an NTIN as is, also when written as a 14-digit GTIN', () => {
    expect(ean13DigitsFor('0200253509538')).toEqual({ ok: true, digits: '0200253509538', kind: 'ntin' });
    expect(ean13DigitsFor(' 00200253509538 ')).toEqual({ ok: true, digits: '0200253509538', kind: 'ntin' });
  });

  it('prints a GTIN-13 as is and drops the pad zero of a GTIN-14', () => {
    expect(ean13DigitsFor('4870001234560')).toMatchObject({ ok: true, digits: '4870001234560', kind: 'gtin' });
    expect(ean13DigitsFor('04870001234560')).toMatchObject({ ok: true, digits: '4870001234560' });
  });

  it('prints a GTIN-12 (UPC-A) with a leading 0: the same bars as its UPC-A symbol', () => {
    const upc = '036000291452';
    const result = ean13DigitsFor(upc);
    expect(result).toMatchObject({ ok: true, digits: `0${upc}` });
    // UPC-A: 101 + 6 L-codes + 01010 + 6 R-codes + 101; an EAN-13 with first digit 0 uses L for all six.
    const upcBars = `101${[...upc.slice(0, 6)].map((c) => L[Number(c)]).join('')}01010${[...upc.slice(6)].map((c) => R[Number(c)]).join('')}101`;
    expect(ean13Modules(`0${upc}`)).toBe(upcBars);
  });

  it('refuses a GTIN-8 and a GTIN-14 with an indicator digit, with reasons', () => {
    expect(ean13DigitsFor('96385074')).toMatchObject({ ok: false, problem: { key: 'labels.code.gtin8' } });
    expect(ean13DigitsFor('14870001234567')).toMatchObject({ ok: false, problem: { key: 'labels.code.gtin14Indicator', params: { indicator: '1' } } });
  });

  it('passes the code validators’ reasons through (bad check digit, missing code)', () => {
    expect(ean13DigitsFor('0200253509539')).toMatchObject({ ok: false, problem: { key: 'codes.ntin.badCheckDigit', params: { expected: 8, actual: 9 } } });
    expect(ean13DigitsFor('4870001234561')).toMatchObject({ ok: false, problem: { key: 'codes.gtin.badCheckDigit' } });
    expect(ean13DigitsFor('  ')).toMatchObject({ ok: false, problem: { key: 'labels.code.missing' } });
  });
});

describe('the bars (jsbarcode object target, no DOM)', () => {
  it('match an independent encoder for NTINs and GTINs of every first digit', () => {
    const codes = ['0200253509538', '4006381333931', ...Array.from({ length: 40 }, (_, i) => (i % 2 ? gtin13(i * 3571) : ntin(i * 7_654_321)))];
    for (let first = 1; first <= 9; first += 1) {
      const body = `${String(first)}23456789012`;
      const sum = [...body].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
      codes.push(`${body}${String((10 - (sum % 10)) % 10)}`);
    }
    for (const code of codes) expect(ean13Modules(code), code).toBe(referenceModules(code));
  });

  it('marks the start, centre and end guards (they extend below the other bars)', () => {
    const guards = encodeEan13('0200253509538').filter((run) => run.guard);
    expect(guards.map((run) => run.start)).toEqual([0, 2, 46, 48, 92, 94]);
    expect(guards.every((run) => run.width === 1)).toBe(true);
  });

  it('throws for anything but 13 digits with a right check digit', () => {
    expect(() => encodeEan13('123')).toThrow(RangeError);
    expect(() => encodeEan13('0200253509539')).toThrow(RangeError);
  });
});

describe('product rows', () => {
  it('reports every problem of a row with its field', () => {
    const check = checkLabelItem(product('0200253509539', { copies: 'x', nameKk: 'Қымыз 漢' }), { metrics });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.field, p.problem.key])).toEqual([
      ['code', 'codes.ntin.badCheckDigit'],
      ['copies', 'labels.record.badCopies'],
      ['nameKk', 'labels.record.missingGlyph'],
    ]);
  });

  it('accepts copies from 1 to the maximum, empty meaning 1', () => {
    const copies = (value: string | number) => checkLabelItem(product(ntin(1), { copies: value }));
    expect(copies('')).toMatchObject({ ok: true, item: { copies: 1 } });
    expect(copies(' 12 ')).toMatchObject({ ok: true, item: { copies: 12 } });
    expect(copies(0).ok).toBe(false);
    expect(copies('2.5').ok).toBe(false);
    expect(copies(10_001).ok).toBe(false);
  });

  it('cleans whitespace and keeps Kazakh letters', () => {
    const check = checkLabelItem(product(ntin(2), { nameKk: '  Ә\tҒ  Қ\nҢ Ө Ұ Ү Һ І  ' }), { metrics });
    expect(check).toMatchObject({ ok: true, item: { nameKk: 'Ә Ғ Қ Ң Ө Ұ Ү Һ І' } });
  });
});
