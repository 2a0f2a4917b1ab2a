/**
 * Whether a document is still in force, with the same 30-day warning window that `validateDraft` uses
 * (`defaultLimits.expiryWarningDays`), so the register, the editor and the checklist agree.
 */
import { defaultLimits } from './validate.ts';

export type ExpiryState = { state: 'none' } | { state: 'valid'; days: number } | { state: 'soon'; days: number } | { state: 'expired'; days: number };


function dayNumber(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (!match) return null;
  const [, year, month, day] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
}

/** Days from `from` to `to` (negative when `to` is earlier), or null for a malformed date. */
export function daysBetween(from: string, to: string): number | null {
  const start = dayNumber(from);
  const end = dayNumber(to);
  return start === null || end === null ? null : end - start;
}

export function expiryOf(expiresOn: string | undefined, today: string, warningDays = defaultLimits.expiryWarningDays): ExpiryState {
  if (!expiresOn) return { state: 'none' };
  const days = daysBetween(today, expiresOn);
  if (days === null) return { state: 'none' };
  if (days < 0) return { state: 'expired', days };
  if (days <= warningDays) return { state: 'soon', days };
  return { state: 'valid', days };
}
