import type { InspectionItem, Verdict } from '../../../shared/inspection/index.ts';

/** The line a scan adds to the inspection. */
export function itemFromVerdict(verdict: Verdict, at = new Date()): InspectionItem {
  const base = { id: crypto.randomUUID(), scannedAt: at.toISOString(), input: verdict.input, verdict: verdict.kind, quantity: 1, note: '' };
  if (verdict.kind === 'invalid') {
    return { ...base, gtin14: '', cards: [], problem: { key: verdict.problem.key, ...('params' in verdict.problem ? { params: verdict.problem.params } : {}) } };
  }
  return {
    ...base,
    gtin14: verdict.code.gtin14,
    cards: verdict.cards.map((card) => ({ ntin: card.ntin, nameKk: card.nameKk, nameRu: card.nameRu, unit: card.unit, deactivated: card.deactivated })),
  };
}

export function parseQuantity(text: string): number | undefined {
  const value = Number(text.trim());
  return /^\d+$/u.test(text.trim()) && value >= 1 && value <= 1_000_000 ? value : undefined;
}
