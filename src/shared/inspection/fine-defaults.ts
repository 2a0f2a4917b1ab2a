import type { FineTables } from './fines.ts';

/**
 * The tables a fresh install starts with: data, replaceable in Settings or from a file. The MCI values are the
 * law's (domain-rules §6 [spec]); the article and amounts are NOT confirmed (§6 [guess]: Art. 204 is the likely
 * home; the issue cites 20–40 MCI for a repeat offence), so the source line says so on every estimate.
 */
export const defaultFineTables: FineTables = {
  source: 'Unconfirmed defaults (domain-rules §6): check the article and amounts against the current Administrative Offences Code.',
  rules: [
    { article: '204', part: '1', entityCategory: 'individual', offence: 'first', mci: 10, per: 'inspection' },
    { article: '204', part: '1', entityCategory: 'small', offence: 'first', mci: 10, per: 'inspection' },
    { article: '204', part: '1', entityCategory: 'medium', offence: 'first', mci: 15, per: 'inspection' },
    { article: '204', part: '1', entityCategory: 'large', offence: 'first', mci: 20, per: 'inspection' },
    { article: '204', part: '2', entityCategory: 'individual', offence: 'repeat', mci: 20, per: 'inspection' },
    { article: '204', part: '2', entityCategory: 'small', offence: 'repeat', mci: 20, per: 'inspection' },
    { article: '204', part: '2', entityCategory: 'medium', offence: 'repeat', mci: 30, per: 'inspection' },
    { article: '204', part: '2', entityCategory: 'large', offence: 'repeat', mci: 40, per: 'inspection' },
  ],
  mciValues: [
    { year: 2025, kzt: 3932 },
    { year: 2026, kzt: 4325 },
  ],
};

/** Whether figures come from the shipped defaults (by their source line), which every estimate must then flag. */
export function isDefaultFineSource(source: string | undefined): boolean {
  return source === defaultFineTables.source;
}
