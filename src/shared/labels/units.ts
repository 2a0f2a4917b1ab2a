/** Millimetres in one PostScript point (the PDF's unit and the unit of font sizes). */
export const MM_PER_PT = 25.4 / 72;

export function ptToMm(pt: number): number {
  return pt * MM_PER_PT;
}

export function mmToPt(mm: number): number {
  return mm / MM_PER_PT;
}
