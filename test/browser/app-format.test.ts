import { describe, expect, it } from 'vitest';
import { dateTimeFormat, displayParams, formatBytes, formatCount, formatDate, formatIsoDate, formatIsoDateLong, formatMegabytes, formatProgress, numberFormat, uiLocale } from '../../src/renderer/app/format.ts';

// The page's formatting is the shared one, whatever the runtime's ICU data says about "kk".
describe("the page's formatting by i18next's language", () => {
  it('reads i18next languages as ours, falling back to Russian', () => {
    expect(uiLocale('kk')).toBe('kk');
    expect(uiLocale('ru-RU')).toBe('ru');
    expect(uiLocale('en-GB')).toBe('en');
    expect(uiLocale('de')).toBe('ru');
  });

  it('writes calendar dates in digits and in words, never "2026 M11 28"', () => {
    expect(formatIsoDate('2026-11-28', 'kk')).toBe('28.11.2026');
    expect(formatIsoDate('2026-11-28', 'ru')).toBe('28.11.2026');
    expect(formatIsoDate('2026-11-28', 'en')).toBe('28/11/2026');
    expect(formatIsoDateLong('2026-11-28', 'kk')).toBe('2026 ж. 28 қараша');
    expect(formatIsoDateLong('2026-11-28', 'ru')).toBe('28 ноября 2026 г.');
    // Not a date: shown as it is rather than as "Invalid Date".
    expect(formatIsoDate('2026-02-30', 'kk')).toBe('2026-02-30');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('writes moments in local time with a 24-hour clock', () => {
    const moment = new Date(2026, 10, 28, 3, 48);
    expect(dateTimeFormat('kk', { date: 'long', time: true }).format(moment)).toBe('2026 ж. 28 қараша, 03:48');
    expect(dateTimeFormat('en', { date: 'short', time: true }).format(moment.getTime())).toBe('28 November 2026, 03:48');
    expect(dateTimeFormat('ru', { date: 'short' }).format(moment.toISOString())).toBe('28.11.2026');
    expect(dateTimeFormat('kk', { date: 'long' }).format(moment)).toBe('2026 ж. 28 қараша');
    expect(dateTimeFormat('kk', { date: 'long' }).format('soon')).toBe('soon');
  });

  it('writes numbers, sizes and progress in each language', () => {
    expect(formatCount(12345.6, 'kk')).toBe('12\u00a0346');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(numberFormat('kk', { maximumFractionDigits: 3, useGrouping: false }).format(12345.125)).toBe('12345,125');
    expect(numberFormat('en', { maximumFractionDigits: 2 }).format(58.5)).toBe('58.5');
    expect(formatMegabytes(3.5 * 1024 * 1024, 'ru')).toBe('3,5');
    expect(formatMegabytes(2 * 1024 * 1024, 'en')).toBe('2.0');
    expect(formatBytes(0, 'kk')).toBe('0\u00a0Б');
    expect(formatBytes(1536 * 1024, 'en')).toBe('1.5\u00a0MB');
    expect(formatProgress(10, 10, 'kk')).toBe('10\u00a0/\u00a010');
  });

  it('names a dictionary in a message instead of its code, and leaves other parameters alone', () => {
    expect(displayParams({ dictionary: 'COUNTRY', value: 'XX' }, 'kk')).toEqual({ dictionary: 'Елдер', value: 'XX' });
    expect(displayParams({ dictionary: 'SZPT' }, 'en')).toEqual({ dictionary: 'Socially significant foods' });
    expect(displayParams({ count: 3 }, 'ru')).toEqual({ count: 3 });
    expect(displayParams(undefined, 'ru')).toEqual({});
  });
});
