/** Fitting one product's values into the lines the frame reserved. */
import type { FaceName, FontFace } from './font.ts';
import type { ResolvedField } from './fields.ts';
import { snapNearest } from './grid.ts';
import type { TextRole, TextRun, TextSlot } from './layout-model.ts';
import type { LabelItem } from './records.ts';

const ELLIPSIS = '…';

/** Fits one value into its line: shrink to the field's minimum size, then cut with an ellipsis. */
export function fitText(text: string, slot: TextSlot, face: FontFace, dot: number | null, role: TextRole, faceName: FaceName): TextRun {
  let size = slot.sizePt;
  let value = text;
  let width = face.widthMm(value, size);
  let truncated = false;
  if (width > slot.widthMm) {
    size = Math.max(slot.field.minSizePt, Math.floor(((size * slot.widthMm) / width) * 10) / 10);
    width = face.widthMm(value, size);
    if (width > slot.widthMm) {
      const chars = Array.from(text);
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
        if (face.widthMm(candidate, size) <= slot.widthMm) lo = mid;
        else hi = mid - 1;
      }
      value = `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
      width = face.widthMm(value, size);
      truncated = true;
    }
  }
  const x = slot.align === 'center' ? slot.xMm + (slot.widthMm - width) / 2 : slot.xMm;
  return {
    role,
    text: value,
    face: faceName,
    sizePt: size,
    xMm: snapNearest(x, dot),
    baselineMm: slot.baselineMm,
    letterSpacingMm: 0,
    widthMm: width,
    ascentMm: face.ascentMm(size),
    descentMm: face.descentMm(size),
    truncated,
  };
}

export function fieldValue(item: LabelItem, field: ResolvedField): string {
  const raw = field.name === 'quantity' ? [item.quantity, item.unit].filter((v) => v !== '').join(' ') : item[field.name];
  const value = raw.replace(/\s+/gu, ' ').trim();
  return value === '' ? '' : `${field.prefix}${value}`;
}
