/** Time left in the UI language (the copy tab's progress), not English "min"/"s" everywhere. */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/shared/i18n/format.ts';

const nbsp = '\u00a0';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours in Kazakh', () => {
    expect(formatDuration(45, 'kk')).toBe(`45${nbsp}сек`);
    expect(formatDuration(125, 'kk')).toBe(`2${nbsp}мин 5${nbsp}сек`);
    expect(formatDuration(3900, 'kk')).toBe(`1${nbsp}сағ 5${nbsp}мин`);
  });

  it('writes seconds, minutes and hours in Russian', () => {
    expect(formatDuration(45, 'ru')).toBe(`45${nbsp}с`);
    expect(formatDuration(125, 'ru')).toBe(`2${nbsp}мин 5${nbsp}с`);
    expect(formatDuration(3900, 'ru')).toBe(`1${nbsp}ч 5${nbsp}мин`);
  });

  it('writes seconds, minutes and hours in English', () => {
    expect(formatDuration(45, 'en')).toBe(`45${nbsp}s`);
    expect(formatDuration(125, 'en')).toBe(`2${nbsp}min 5${nbsp}s`);
    expect(formatDuration(3900, 'en')).toBe(`1${nbsp}h 5${nbsp}min`);
  });

  it('leaves out a zero part and keeps the two largest units only', () => {
    expect(formatDuration(120, 'en')).toBe(`2${nbsp}min`);
    expect(formatDuration(7200, 'ru')).toBe(`2${nbsp}ч`);
    // 2 h 0 min 59 s: seconds are below the two largest units.
    expect(formatDuration(7259, 'kk')).toBe(`2${nbsp}сағ`);
    expect(formatDuration(7319, 'kk')).toBe(`2${nbsp}сағ 1${nbsp}мин`);
  });

  it('rounds to whole seconds and never shows a negative or absurd span', () => {
    expect(formatDuration(59.6, 'en')).toBe(`1${nbsp}min`);
    expect(formatDuration(0.4, 'en')).toBe(`0${nbsp}s`);
    expect(formatDuration(-5, 'ru')).toBe(`0${nbsp}с`);
    expect(formatDuration(Number.NaN, 'kk')).toBe(`0${nbsp}сек`);
  });

  it('groups large hour counts like other numbers of the language', () => {
    expect(formatDuration(12_345 * 3600, 'ru')).toBe(`12${nbsp}345${nbsp}ч`);
    expect(formatDuration(12_345 * 3600, 'en')).toBe(`12,345${nbsp}h`);
  });
});
