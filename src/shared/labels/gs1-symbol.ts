/**
 * GS1 figures for an EAN-13 at the point of sale (labels.md §2.1, §5.2, §5.4). Every size rule of the
 * layout reads them from here, so a reviewer can check them in one place.
 */

/** Nominal module width X at 100 % magnification, mm [spec]. */
export const NOMINAL_MODULE_MM = 0.33;
/** POS magnification range 80 %–200 % [spec]: X from 0.264 to 0.660 mm. */
export const MIN_MAGNIFICATION = 0.8;
export const MAX_MAGNIFICATION = 2.0;
/**
 * The on-demand (thermal) exception [seen]: X may go down to 75 % (≈0.25 mm) only on thermal printers, and
 * then the bars keep the 80 % height (18.28 mm) and the quiet zones are widened so that the whole symbol
 * stays as wide as the 80 % one (29.83 mm). labels.md §2.1 and §5.2; never applied to sheet (A4) stock.
 */
export const THERMAL_MIN_MAGNIFICATION = 0.75;
/** Bar height at 100 %, mm; it scales with magnification and is never truncated [spec]. */
export const NOMINAL_BAR_HEIGHT_MM = 22.85;
/** Bar height at 80 %, the retail minimum and the height kept under the thermal exception, mm [spec]. */
export const MIN_BAR_HEIGHT_MM = 18.28;
/** Width of the 80 % symbol including quiet zones, mm: the width the thermal exception keeps [seen]. */
export const WIDTH_AT_80_PERCENT_MM = 29.83;
/** Quiet zones of an EAN-13 in modules [spec]. */
export const QUIET_ZONE_LEFT_MODULES = 11;
export const QUIET_ZONE_RIGHT_MODULES = 7;
/** Modules of the bars themselves (start guard … end guard) [spec]. */
export const SYMBOL_MODULES = 95;
/** How far the guard bars extend below the other bars, in modules (GS1's EAN-13 drawing). */
export const GUARD_DESCENT_MODULES = 5;
/** Recommended OCR-B character height of the human-readable digits at 100 %, mm [seen]. */
export const NOMINAL_HRI_HEIGHT_MM = 2.75;

export const MIN_MODULE_MM = NOMINAL_MODULE_MM * MIN_MAGNIFICATION;
export const MAX_MODULE_MM = NOMINAL_MODULE_MM * MAX_MAGNIFICATION;
export const THERMAL_MIN_MODULE_MM = NOMINAL_MODULE_MM * THERMAL_MIN_MAGNIFICATION;

/** Rounding slack for comparisons of millimetre figures computed in floating point. */
export const EPSILON_MM = 1e-6;

export function magnificationOf(moduleMm: number): number {
  return moduleMm / NOMINAL_MODULE_MM;
}

/** True when X is below 80 % and so only allowed under the thermal exception. */
export function isReducedThermalModule(moduleMm: number): boolean {
  return moduleMm < MIN_MODULE_MM - EPSILON_MM;
}

/**
 * The smallest bar height GS1 allows for a module width: 22.85 mm × magnification, and 18.28 mm for the
 * 75–80 % thermal exception (which keeps the 80 % height).
 */
export function minimumBarHeightMm(moduleMm: number): number {
  if (isReducedThermalModule(moduleMm)) return MIN_BAR_HEIGHT_MM;
  return NOMINAL_BAR_HEIGHT_MM * magnificationOf(moduleMm);
}

/**
 * Quiet zones in mm for a module width: 11X left and 7X right; under the thermal exception both are
 * widened in the same 11 : 7 proportion until the whole symbol is 29.83 mm wide.
 */
export function minimumQuietZonesMm(moduleMm: number): { left: number; right: number } {
  const left = QUIET_ZONE_LEFT_MODULES * moduleMm;
  const right = QUIET_ZONE_RIGHT_MODULES * moduleMm;
  if (!isReducedThermalModule(moduleMm)) return { left, right };
  const missing = Math.max(0, WIDTH_AT_80_PERCENT_MM - (left + right + SYMBOL_MODULES * moduleMm));
  const share = QUIET_ZONE_LEFT_MODULES / (QUIET_ZONE_LEFT_MODULES + QUIET_ZONE_RIGHT_MODULES);
  return { left: left + missing * share, right: right + missing * (1 - share) };
}
