import { describe, expect, it } from 'vitest';
import { ScanOrder } from '../../../src/shared/inspection/scan-order.ts';

describe('ScanOrder', () => {
  it('hands on results in scan order however they were answered', () => {
    const order = new ScanOrder<string>();
    expect(order.answer(2, 'invalid code, answered first')).toEqual([]);
    expect(order.answer(3, 'third')).toEqual([]);
    expect(order.answer(1, 'deactivated, looked up')).toEqual(['deactivated, looked up', 'invalid code, answered first', 'third']);
  });

  it('a scan without a result holds no later one back, and an answer given twice counts once', () => {
    const order = new ScanOrder<number>();
    expect(order.answer(2, 20)).toEqual([]);
    expect(order.answer(1, null)).toEqual([20]);
    expect(order.answer(1, 10)).toEqual([]);
    expect(order.answer(3, 30)).toEqual([30]);
  });

  it('keeps every one of a burst of 20 answered in reverse', () => {
    const order = new ScanOrder<number>();
    const handed: number[] = [];
    for (let seq = 20; seq >= 1; seq -= 1) handed.push(...order.answer(seq, seq));
    expect(handed).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it("releases what waits behind an unanswered scan, in scan order, and keeps that scan's place", () => {
    const order = new ScanOrder<string>();
    expect(order.answer(2, 'invalid, answered at once')).toEqual([]);
    expect(order.answer(3, null)).toEqual([]);
    expect(order.answer(4, 'fourth')).toEqual([]);
    // The page is leaving while scan 1's lookup is still out.
    expect(order.release()).toEqual(['invalid, answered at once', 'fourth']);
    // Nothing is handed on twice.
    expect(order.release()).toEqual([]);
    expect(order.answer(2, 'again')).toEqual([]);
    // A scan after the release still waits for scan 1, which is handed on when it answers.
    expect(order.answer(5, 'fifth')).toEqual([]);
    expect(order.answer(1, 'looked up late')).toEqual(['looked up late', 'fifth']);
    expect(order.answer(6, 'sixth')).toEqual(['sixth']);
  });

  it('a release with nothing held changes nothing, and normal order goes on after it', () => {
    const order = new ScanOrder<number>();
    expect(order.answer(1, 10)).toEqual([10]);
    expect(order.release()).toEqual([]);
    expect(order.answer(3, 30)).toEqual([]);
    expect(order.answer(2, 20)).toEqual([20, 30]);
  });
});
