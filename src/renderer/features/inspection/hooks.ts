export { saveStaleDays, useCopyState, useStaleDays } from '../../db/inspections.ts';

/** Whole days between the copy's date and now. */
export function copyAgeDays(copyDate: string | undefined, now = Date.now()): number | undefined {
  if (!copyDate) return undefined;
  return Math.max(0, Math.floor((now - Date.parse(copyDate)) / 86_400_000));
}
