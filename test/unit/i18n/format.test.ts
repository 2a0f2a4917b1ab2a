import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatFileSize,
  formatLongDate,
  formatNumber,
  formatProgress,
  formatShortDate,
  isoDay,
  parseIsoDay,
  parseShortDate,
  shortDatePattern,
} from '../../../src/shared/i18n/format.ts';

const nbsp = '\u00a0';

describe('numbers in the UI language, independent of the runtime ICU data', () => {
  it('groups thousands with a no-break space and writes a decimal comma in Kazakh and Russian', () => {
    expect(formatNumber(1234567.5, 'kk')).toBe(`1${nbsp}234${nbsp}567,5`);
    expect(formatNumber(1234567.5, 'ru')).toBe(`1${nbsp}234${nbsp}567,5`);
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('keeps four-digit numbers whole in Kazakh and Russian, as their typography does', () => {
    expect(formatNumber(4325, 'kk')).toBe('4325');
    expect(formatNumber(43250, 'ru')).toBe(`43${nbsp}250`);
    expect(formatNumber(4325, 'en')).toBe('4,325');
  });

  it('rounds to the asked digits, drops trailing zeros unless a minimum is asked, never shows -0', () => {
    expect(formatNumber(0.333333, 'ru', { maximumFractionDigits: 3 })).toBe('0,333');
    expect(formatNumber(2.5, 'en', { maximumFractionDigits: 2, minimumFractionDigits: 2 })).toBe('2.50');
    expect(formatNumber(-0.0001, 'en')).toBe('0');
    expect(formatNumber(-12.5, 'kk')).toBe('\u221212,5');
    expect(formatNumber(12345, 'en', { grouping: false })).toBe('12345');
  });
});

describe('file sizes', () => {
  it('uses binary units with the language’s unit letters', () => {
    expect(formatFileSize(0, 'en')).toBe(`0${nbsp}B`);
    expect(formatFileSize(512, 'kk')).toBe(`512${nbsp}Б`);
    expect(formatFileSize(4_160_000, 'kk')).toBe(`4${nbsp}МБ`);
    expect(formatFileSize(4_160_000 + 400_000, 'ru')).toBe(`4,3${nbsp}МБ`);
    expect(formatFileSize(1536, 'en')).toBe(`1.5${nbsp}KB`);
  });
});

describe('dates', () => {
  const day = { year: 2026, month: 11, day: 28 };

  it('writes a long date in each language (no "M11" from missing ICU data)', () => {
    expect(formatLongDate(day, 'kk')).toBe('2026 ж. 28 қараша');
    expect(formatLongDate(day, 'ru')).toBe('28 ноября 2026 г.');
    expect(formatLongDate(day, 'en')).toBe('28 November 2026');
  });

  it('writes the short date a date field shows, day first in every language', () => {
    expect(formatShortDate({ year: 2026, month: 3, day: 5 }, 'kk')).toBe('05.03.2026');
    expect(formatShortDate({ year: 2026, month: 3, day: 5 }, 'ru')).toBe('05.03.2026');
    expect(formatShortDate({ year: 2026, month: 3, day: 5 }, 'en')).toBe('05/03/2026');
    expect(shortDatePattern('kk')).toBe('КК.АА.ЖЖЖЖ');
    expect(shortDatePattern('ru')).toBe('ДД.ММ.ГГГГ');
  });

  it('reads what was typed, day first, and ISO pasted from a spreadsheet; refuses days that do not exist', () => {
    expect(parseShortDate('28.11.2026')).toEqual(day);
    expect(parseShortDate(' 28/11/2026 ')).toEqual(day);
    expect(parseShortDate('2026-11-28')).toEqual(day);
    expect(parseShortDate('5-3-2026')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseShortDate('29.02.2027')).toBeUndefined();
    expect(parseShortDate('29.02.2028')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseShortDate('11/28/2026')).toBeUndefined();
    expect(parseShortDate('28.11.26')).toBeUndefined();
    expect(parseShortDate('')).toBeUndefined();
  });

  it('round-trips ISO days', () => {
    expect(parseIsoDay('2026-02-30')).toBeUndefined();
    expect(isoDay(parseIsoDay('2026-01-09') ?? day)).toBe('2026-01-09');
  });

  it('writes a moment in local time with a 24-hour clock', () => {
    const moment = Date.UTC(2026, 10, 28, 3, 48);
    expect(formatDateTime(moment, 'kk', 0)).toBe('2026 ж. 28 қараша, 03:48');
    // Almaty is UTC+5: getTimezoneOffset() reports -300.
    expect(formatDateTime(moment, 'ru', -300)).toBe('28 ноября 2026 г., 08:48');
    expect(formatDateTime(Date.UTC(2026, 11, 31, 22, 30), 'en', -300)).toBe('1 January 2027, 03:30');
  });
});

describe('progress counts', () => {
  it('reads the same in every language, without a case ending to get wrong', () => {
    expect(formatProgress(10, 10, 'kk')).toBe(`10${nbsp}/${nbsp}10`);
    expect(formatProgress(1500, 12000, 'en')).toBe(`1,500${nbsp}/${nbsp}12,000`);
  });
});
