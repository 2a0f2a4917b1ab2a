/**
 * A fresh inspection as the session screen starts it. Its date is the inspector's calendar day, not UTC's: in
 * Kazakhstan (UTC+5) an inspection started at 01:30 local time is still the previous day in UTC.
 */
import { localToday } from '../i18n/format.ts';
import type { Inspection } from './session.ts';


export function newInspection(id: string, now: Date, copy: Inspection['copy']): Inspection {
  return {
    id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    status: 'open',
    organisation: { idNumber: '', name: '', address: '', category: 'small' },
    offence: 'first',
    place: '',
    inspector: '',
    date: localToday(now),
    copy,
    items: [],
  };
}
