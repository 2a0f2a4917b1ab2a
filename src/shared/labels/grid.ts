import { EPSILON_MM } from './gs1-symbol.ts';
import type { LabelTemplate } from './templates.ts';

/** Size of one printer dot of the template's grid, mm; null when X is continuous. */
export function gridOf(template: LabelTemplate): number | null {
  return template.dpi === null ? null : 25.4 / template.dpi;
}

/** Snaps to the nearest dot (positions). */
export function snapNearest(value: number, dot: number | null): number {
  return dot === null ? value : Math.round(value / dot - EPSILON_MM) * dot;
}

/** Snaps up to a whole dot (sizes that must not shrink below a minimum). */
export function snapUp(value: number, dot: number | null): number {
  return dot === null ? value : Math.ceil(value / dot - 1e-4) * dot;
}
