import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newInspection } from '../../../src/shared/inspection/new-inspection.ts';
import { localToday } from '../../../src/shared/i18n/format.ts';
import { snapshotFileName } from '../../../src/shared/inspection/snapshot.ts';

// Node applies a change of process.env.TZ to Date at once: the test runs as on a laptop in Almaty (UTC+5).
const zoneBefore = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Almaty';
});
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('newInspection', () => {
  it('dates an inspection started at 01:30 in Almaty on that local day, though UTC is still on the day before', () => {
    const now = new Date(2026, 10, 28, 1, 30); // 28 Nov 2026, 01:30 local
    expect(now.getTimezoneOffset()).toBe(-300);
    expect(now.toISOString()).toBe('2026-11-27T20:30:00.000Z');
    const inspection = newInspection('id-1', now, { date: undefined, count: 0 });
    expect(inspection.date).toBe('2026-11-28');
    // The moments stay exact instants, in UTC.
    expect(inspection.createdAt).toBe('2026-11-27T20:30:00.000Z');
  });

  it('keeps the local day up to its last minute', () => {
    expect(newInspection('id-2', new Date(2026, 11, 31, 23, 59), { date: undefined, count: 0 }).date).toBe('2026-12-31');
    expect(newInspection('id-3', new Date(2027, 0, 1, 0, 0), { date: undefined, count: 0 }).date).toBe('2027-01-01');
  });

  it('starts open and empty, with the copy it was given', () => {
    const inspection = newInspection('id-4', new Date(2026, 5, 1, 12, 0), { date: '2026-05-30T10:00:00.000Z', count: 12 });
    expect(inspection).toMatchObject({ id: 'id-4', status: 'open', items: [], offence: 'first', copy: { date: '2026-05-30T10:00:00.000Z', count: 12 } });
  });
});

describe('localToday, the one local calendar day of the app and the CLI', () => {
  it('names the Almaty day, not the UTC one, for files and dates made just after midnight', () => {
    expect(localToday(new Date(2026, 10, 28, 0, 10))).toBe('2026-11-28');
    expect(snapshotFileName('2026-11-27T19:10:00.000Z')).toBe('catalogue-2026-11-28.ncgsnap');
    expect(snapshotFileName(undefined, new Date(2026, 0, 2, 3, 0))).toBe('catalogue-2026-01-02.ncgsnap');
    expect(snapshotFileName('not a date', new Date(2026, 0, 2, 3, 0))).toBe('catalogue-2026-01-02.ncgsnap');
  });
});
