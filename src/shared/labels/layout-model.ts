import type { FieldsConfig, ResolvedField, TextFieldName } from './fields.ts';
import type { LabelTemplate } from './templates.ts';

/** The label font's two faces. */
export type FaceName = 'regular' | 'bold';

/*
 * The layout model: every position and size of every label, computed once, as plain data. The PDF and ZPL
 * renderers (and a preview) only draw it. Units are millimetres from the top-left corner (y grows down);
 * inside a label, positions are relative to the label's own top-left corner.
 */

/** Printer calibration applied at print time: the page is moved by the offset and scaled about its top-left corner. */
export interface Calibration {
  readonly offsetXMm: number;
  readonly offsetYMm: number;
  readonly scaleX: number;
  readonly scaleY: number;
}

export const noCalibration: Calibration = { offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 };

/** Where the text goes: all above the symbol; names above and details beside it; all beside it. */
export type Arrangement = 'stacked' | 'hybrid' | 'side';
export const arrangements: readonly Arrangement[] = ['stacked', 'hybrid', 'side'];

export interface LayoutOptions {
  /** A built-in template id (see `listTemplates`) or a template made with `defineTemplate`. */
  readonly template: string | LabelTemplate;
  /** Thermal printer resolution, 203 or 300 (thermal templates only). */
  readonly dpi?: number;
  readonly fields?: FieldsConfig;
  /** `auto` (default) picks the one that keeps the text largest. */
  readonly arrangement?: Arrangement | 'auto';
  /** Largest magnification tried, default 1.15 (X ≈ 0.38 mm); the largest module that fits up to it wins. */
  readonly maxMagnification?: number;
  /** Force a module width, mm (snapped to the dot grid); refused outside the GS1 range. */
  readonly moduleMm?: number;
  /** Taller bars than the minimum, mm; refused when below what the magnification requires. */
  readonly barHeightMm?: number;
  /** On thermal stock, allow the 75–80 % exception when nothing else fits (default true). */
  readonly allowReducedThermal?: boolean;
  /** Print the ">" quiet-zone mark right of the symbol. */
  readonly quietZoneMark?: boolean;
  /** 1-based position of the first label on the first sheet (skip used labels on a partly used sheet). */
  readonly startPosition?: number;
  readonly calibration?: Partial<Calibration>;
}

export interface BarRect {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type TextRole = 'hri' | 'quietZoneMark' | TextFieldName;

export interface TextRun {
  readonly role: TextRole;
  readonly text: string;
  readonly face: FaceName;
  readonly sizePt: number;
  /** Left end of the text and its baseline. */
  readonly xMm: number;
  readonly baselineMm: number;
  /** Extra space after each character but the last (HRI digits are spread to one per 7 modules). */
  readonly letterSpacingMm: number;
  readonly widthMm: number;
  readonly ascentMm: number;
  readonly descentMm: number;
  /** The value was cut with an ellipsis to fit. */
  readonly truncated: boolean;
}

/** The EAN-13 geometry shared by every label of a job. */
export interface SymbolGeometry {
  readonly moduleMm: number;
  readonly magnification: number;
  /** Module width in printer dots when the template has a dot grid, else null. */
  readonly dotsPerModule: number | null;
  /** Size of one dot of the grid, mm, or null. */
  readonly dotMm: number | null;
  readonly barHeightMm: number;
  /** What GS1 requires for this module (22.85 mm × magnification, or 18.28 mm under the thermal exception). */
  readonly minBarHeightMm: number;
  readonly guardDescentMm: number;
  readonly quietZoneLeftMm: number;
  readonly quietZoneRightMm: number;
  /** True when the 75–80 % thermal exception is in use (bars keep 18.28 mm, quiet zones widened). */
  readonly reducedThermal: boolean;
  /** Left edge of the start guard and top of the bars, relative to the label. */
  readonly xMm: number;
  readonly yMm: number;
  /** Quiet zone to quiet zone. */
  readonly widthMm: number;
  /** Bars plus the human-readable digits below them. */
  readonly heightMm: number;
  readonly hriSizePt: number;
  readonly hriBaselineMm: number;
}

export interface Box {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** What one product's label shows, relative to the label's top-left corner. Copies share one object. */
export interface LabelContent {
  /** The 13 digits encoded. */
  readonly digits: string;
  /** Index of the product in the input. */
  readonly itemIndex: number;
  readonly bars: readonly BarRect[];
  readonly texts: readonly TextRun[];
}

export interface PlacedLabel {
  /** 0-based slot on the page, row by row. */
  readonly slot: number;
  readonly row: number;
  readonly column: number;
  /** Top-left corner of the label on the page. */
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly content: LabelContent;
}

export interface LayoutPage {
  readonly index: number;
  readonly labels: readonly PlacedLabel[];
}

export interface LabelLayout {
  readonly template: LabelTemplate;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly calibration: Calibration;
  readonly symbol: SymbolGeometry;
  readonly arrangement: Arrangement;
  /** 1 when every field got its preferred size; smaller when the frame had to shrink the text. */
  readonly textScale: number;
  /** The quiet zones (relative to a label), kept clear of text and inside the label. */
  readonly quietZones: { readonly left: Box; readonly right: Box };
  readonly pages: readonly LayoutPage[];
  readonly labelCount: number;
}

/** A text line reserved by the frame; each product's value is fitted into it. */
export interface TextSlot {
  readonly field: ResolvedField;
  readonly xMm: number;
  readonly widthMm: number;
  readonly baselineMm: number;
  readonly sizePt: number;
  readonly align: 'left' | 'center';
  /** Slots stacked in one block share a column number (0, 1…) and the band of the label the block may use. */
  readonly column: number;
  /** Top and bottom of that band: where a value wrapped over two lines may spread (clear of the symbol). */
  readonly regionTopMm: number;
  readonly regionBottomMm: number;
}

/** Everything about a job's labels that does not depend on the product: computed once, then reused. */
export interface LabelFrame {
  readonly template: LabelTemplate;
  readonly symbol: SymbolGeometry;
  readonly arrangement: Arrangement;
  readonly textScale: number;
  readonly slots: readonly TextSlot[];
  readonly fields: readonly ResolvedField[];
  readonly quietZoneMark: boolean;
}
