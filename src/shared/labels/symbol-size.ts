/**
 * The EAN-13 symbol's size: which module widths to try for a template, and how big the symbol (bars, quiet
 * zones, digits) is at each. Rules and figures from gs1-symbol.ts.
 */
import { LabelError, mm } from './errors.ts';
import type { FontMetrics } from './font.ts';
import {
  EPSILON_MM,
  GUARD_DESCENT_MODULES,
  MAX_MAGNIFICATION,
  MAX_MODULE_MM,
  MIN_MAGNIFICATION,
  MIN_MODULE_MM,
  NOMINAL_HRI_HEIGHT_MM,
  NOMINAL_MODULE_MM,
  SYMBOL_MODULES,
  THERMAL_MIN_MAGNIFICATION,
  THERMAL_MIN_MODULE_MM,
  isReducedThermalModule,
  magnificationOf,
  minimumBarHeightMm,
  minimumQuietZonesMm,
} from './gs1-symbol.ts';
import { gridOf, snapUp } from './grid.ts';
import type { LayoutOptions } from './layout-model.ts';
import type { LabelTemplate } from './templates.ts';
import { ptToMm } from './units.ts';

const DEFAULT_MAX_MAGNIFICATION = 1.15;
/** Gap between the bottom of the bars and the top of the digits, in modules. */
const HRI_GAP_MODULES = 0.5;
/** The digits fill this share of their 7-module cell. */
const HRI_CELL_FILL = 0.9;
/** Digit sizes tried at each module width before a smaller module. */
export const HRI_SCALES = [1, 0.85, 0.7] as const;

/** Module widths to try, largest first: whole dots on a grid, else 0.001 mm steps. */
export function moduleCandidates(template: LabelTemplate, options: LayoutOptions): number[] {
  const dot = gridOf(template);
  const reducedAllowed = template.kind === 'thermal' && options.allowReducedThermal !== false;
  const minX = reducedAllowed ? THERMAL_MIN_MODULE_MM : MIN_MODULE_MM;
  const minMagnification = reducedAllowed ? THERMAL_MIN_MAGNIFICATION : MIN_MAGNIFICATION;
  if (options.moduleMm !== undefined) {
    const wanted = options.moduleMm;
    const snapped = dot === null ? wanted : Math.max(1, Math.round(wanted / dot)) * dot;
    if (!Number.isFinite(wanted) || snapped < minX - EPSILON_MM || snapped > MAX_MODULE_MM + EPSILON_MM) {
      throw new LabelError('labels.symbol.moduleOutOfRange', {
        moduleMm: mm(Number.isFinite(snapped) ? snapped : wanted),
        minMm: mm(minX),
        maxMm: mm(MAX_MODULE_MM),
        minPercent: Math.round(minMagnification * 100),
        maxPercent: Math.round(MAX_MAGNIFICATION * 100),
      });
    }
    return [snapped];
  }
  const maxMagnification = options.maxMagnification ?? DEFAULT_MAX_MAGNIFICATION;
  if (!Number.isFinite(maxMagnification) || maxMagnification < minMagnification || maxMagnification > MAX_MAGNIFICATION) {
    throw new LabelError('labels.symbol.magnificationOutOfRange', {
      magnification: Math.round(maxMagnification * 100),
      minPercent: Math.round(minMagnification * 100),
      maxPercent: Math.round(MAX_MAGNIFICATION * 100),
    });
  }
  const maxX = Math.min(MAX_MODULE_MM, NOMINAL_MODULE_MM * maxMagnification);
  const out: number[] = [];
  if (dot !== null) {
    for (let n = Math.floor(maxX / dot + EPSILON_MM); n * dot >= minX - EPSILON_MM && n >= 1; n -= 1) out.push(n * dot);
  } else {
    for (let x = maxX; x > minX + EPSILON_MM; x -= 0.001) out.push(Math.round(x * 10000) / 10000);
    out.push(minX);
  }
  return out;
}

export interface SymbolSize {
  readonly moduleMm: number;
  readonly barHeightMm: number;
  readonly minBarHeightMm: number;
  readonly quietZoneLeftMm: number;
  readonly quietZoneRightMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly hriSizePt: number;
  readonly hriGapMm: number;
  readonly hriDigitHeightMm: number;
  readonly reducedThermal: boolean;
}

/** The symbol's size for a module width, or null when the requested bar height is below the GS1 minimum. */
export function symbolSize(moduleMm: number, hriScale: number, dot: number | null, metrics: FontMetrics, barHeightMm: number | undefined): SymbolSize | null {
  const minBar = minimumBarHeightMm(moduleMm);
  if (barHeightMm !== undefined && barHeightMm < minBar - EPSILON_MM) return null;
  const barHeight = snapUp(Math.max(minBar, barHeightMm ?? 0), dot);
  const quiet = minimumQuietZonesMm(moduleMm);
  const left = snapUp(quiet.left, dot);
  const right = snapUp(quiet.right, dot);
  const face = metrics.regular;
  const digitAdvanceEm = face.digitAdvance / face.unitsPerEm;
  const digitHeightEm = face.digitHeight / face.unitsPerEm;
  // Digits: one per 7-module character, as tall as OCR-B's 2.75 mm × magnification at most.
  const byWidthMm = (7 * moduleMm * HRI_CELL_FILL) / digitAdvanceEm;
  const byHeightMm = (NOMINAL_HRI_HEIGHT_MM * magnificationOf(moduleMm)) / digitHeightEm;
  const hriSizePt = Math.floor((Math.min(byWidthMm, byHeightMm) / ptToMm(1)) * hriScale * 10) / 10;
  const digitHeightMm = ptToMm(hriSizePt) * digitHeightEm;
  const gap = snapUp(HRI_GAP_MODULES * moduleMm, dot);
  const band = Math.max(GUARD_DESCENT_MODULES * moduleMm, gap + digitHeightMm);
  // One extra dot of width: snapping the bars to the grid may move them right by less than a dot.
  const width = left + SYMBOL_MODULES * moduleMm + right + (dot ?? 0);
  return {
    moduleMm,
    barHeightMm: barHeight,
    minBarHeightMm: minBar,
    quietZoneLeftMm: left,
    quietZoneRightMm: right,
    widthMm: width,
    heightMm: barHeight + snapUp(band, dot),
    hriSizePt,
    hriGapMm: gap,
    hriDigitHeightMm: digitHeightMm,
    reducedThermal: isReducedThermalModule(moduleMm),
  };
}
