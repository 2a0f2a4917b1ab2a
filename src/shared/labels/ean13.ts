import JsBarcode from 'jsbarcode';
import { validateCode, validateGtin } from '../codes/index.ts';
import type { LabelProblem } from './errors.ts';
import { SYMBOL_MODULES } from './gs1-symbol.ts';

/** One dark bar of the symbol, in modules from the start of the start guard. */
export interface BarRun {
  readonly start: number;
  readonly width: number;
  /** Start, centre and end guard bars extend below the others. */
  readonly guard: boolean;
}

export type Ean13Source =
  | { readonly ok: true; readonly digits: string; readonly kind: 'ntin' | 'gtin' }
  | { readonly ok: false; readonly problem: LabelProblem };

const NTIN_SHAPE = /^0?0200\d{9}$/u;

/**
 * The 13 digits an EAN-13 symbol encodes for an NTIN or a GTIN (labels.md §2.4, domain-rules §2.6):
 * - NTIN (0200…, 13 digits, or 14 with a pad zero): as is.
 * - GTIN-13: as is; GTIN-14 with a leading 0: that zero dropped (EAN-13 never shows pad zeros).
 * - GTIN-12 (UPC-A): a 0 in front, which gives the same bars as the UPC-A symbol.
 * - GTIN-8: refused — it belongs in an EAN-8 symbol; padding it to 13 digits makes a different item number.
 * - GTIN-14 with an indicator digit 1–9: refused — it only fits ITF-14 or GS1-128.
 * The check digit is verified by the codes module; its reasons (`codes.…`) are passed through.
 */
export function ean13DigitsFor(code: string): Ean13Source {
  const trimmed = code.trim();
  if (trimmed === '') return { ok: false, problem: { key: 'labels.code.missing' } };
  if (NTIN_SHAPE.test(trimmed)) {
    const check = validateCode('ntin', trimmed);
    if (!check.valid) return { ok: false, problem: check.reason };
    return { ok: true, digits: check.normalized, kind: 'ntin' };
  }
  const check = validateGtin(trimmed);
  if (!check.valid) return { ok: false, problem: check.reason };
  if (check.length === 8) return { ok: false, problem: { key: 'labels.code.gtin8', params: { code: trimmed } } };
  if (check.length === 14 && !trimmed.startsWith('0')) {
    return { ok: false, problem: { key: 'labels.code.gtin14Indicator', params: { code: trimmed, indicator: trimmed.charAt(0) } } };
  }
  return { ok: true, digits: check.normalized.slice(1), kind: 'gtin' };
}

interface JsBarcodeEncoding {
  readonly data: string;
  readonly text?: string;
}

const patternCache = new Map<string, readonly BarRun[]>();
const MAX_CACHE = 20_000;

/**
 * The bars of an EAN-13, from jsbarcode's encoder through its plain-object target (no DOM, works in Node,
 * workers and the page). jsbarcode returns the symbol in parts: the space for the leading digit, start
 * guard, left half, centre guard, right half, end guard; the guards are the parts without text.
 * Throws a RangeError for anything but 13 digits with a right check digit (validate first).
 */
export function encodeEan13(digits: string): readonly BarRun[] {
  const cached = patternCache.get(digits);
  if (cached) return cached;
  if (!/^\d{13}$/u.test(digits)) throw new RangeError(`EAN-13 needs 13 digits, got "${digits}"`);
  let accepted = false;
  const target: { encodings?: JsBarcodeEncoding[] } = {};
  JsBarcode(target, digits, {
    format: 'EAN13',
    displayValue: true,
    valid: (ok: boolean) => {
      accepted = ok;
    },
  });
  const encodings = target.encodings;
  if (!accepted || !encodings) throw new RangeError(`jsbarcode refused EAN-13 "${digits}" (check digit?)`);
  const runs: BarRun[] = [];
  let offset = 0;
  for (const part of encodings) {
    // The leading part is white space under which jsbarcode writes the first digit; it is not a module.
    if (!part.data.includes('1') && part.text === digits.charAt(0)) continue;
    const guard = part.text === undefined || part.text === '';
    let index = 0;
    while (index < part.data.length) {
      if (part.data.charAt(index) === '1') {
        const start = index;
        while (index < part.data.length && part.data.charAt(index) === '1') index += 1;
        runs.push({ start: offset + start, width: index - start, guard });
      } else {
        index += 1;
      }
    }
    offset += part.data.length;
  }
  if (offset !== SYMBOL_MODULES) throw new RangeError(`EAN-13 "${digits}" encoded to ${String(offset)} modules, expected ${String(SYMBOL_MODULES)}`);
  if (patternCache.size >= MAX_CACHE) patternCache.clear();
  patternCache.set(digits, runs);
  return runs;
}

/** The module pattern as a string of 0/1 (95 characters), for tests and previews. */
export function ean13Modules(digits: string): string {
  const modules = new Array<string>(SYMBOL_MODULES).fill('0');
  for (const run of encodeEan13(digits)) for (let i = 0; i < run.width; i += 1) modules[run.start + i] = '1';
  return modules.join('');
}
