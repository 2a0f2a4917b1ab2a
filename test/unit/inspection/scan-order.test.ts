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
});
