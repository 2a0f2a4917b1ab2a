/**
 * Character-level checks of free text: control characters, invisible formatting characters, broken
 * UTF-16, emoji. Each returns the first offender (1-based position in characters) or null.
 */

export interface TextOffender {
  /** `U+0007` style. */
  readonly char: string;
  /** 1-based position in code points. */
  readonly position: number;
}

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function firstMatch(value: string, test: (codePoint: number, next: number | undefined) => boolean): TextOffender | null {
  let position = 0;
  const points = Array.from(value);
  for (let i = 0; i < points.length; i += 1) {
    position += 1;
    const codePoint = points[i]?.codePointAt(0) ?? 0;
    const next = points[i + 1]?.codePointAt(0);
    if (test(codePoint, next)) return { char: codePointLabel(codePoint), position };
  }
  return null;
}

/**
 * C0 and C1 control characters and DEL. Tab, line feed and carriage return are allowed only when
 * `multiline` (attributes of dataType `text`); anywhere else they are errors too.
 */
export function findControlCharacter(value: string, multiline: boolean): TextOffender | null {
  // Fast path: most values have nothing below U+0020 and nothing in U+007F–U+009F.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/[\u0000-\u001F\u007F-\u009F]/u.test(value)) return null;
  return firstMatch(value, (cp) => {
    if (multiline && (cp === 0x09 || cp === 0x0a || cp === 0x0d)) return false;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
  });
}

/**
 * Invisible characters that change how text reads without showing: zero-width spaces and joiners,
 * bidirectional embeddings/overrides/isolates (the "Trojan Source" characters), the byte-order mark.
 * A name containing them looks identical to one without and defeats duplicate search.
 */
const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
export function findInvisibleCharacter(value: string): TextOffender | null {
  if (!invisible.test(value)) return null;
  return firstMatch(value, (cp) => invisible.test(String.fromCodePoint(cp)));
}

/** A lone UTF-16 surrogate: the text was cut in the middle of a character or decoded wrongly. */
export function hasBrokenSurrogate(value: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

const pictographic = /\p{Extended_Pictographic}/u;
const emojiPresentation = /\p{Emoji_Presentation}/u;
const regionalIndicator = /\p{Regional_Indicator}/u;

/**
 * Emoji: characters drawn as emoji by default, pictographs outside the typographic blocks (U+1F000 and up),
 * any pictograph followed by the emoji variation selector U+FE0F, and flag letters. Typographic symbols
 * that Unicode also counts as pictographic (© ® ™ ‼ ☎ …) are not emoji unless followed by U+FE0F:
 * brand names legitimately carry ® and ™.
 */
export function findEmoji(value: string): TextOffender | null {
  if (!pictographic.test(value) && !regionalIndicator.test(value)) return null;
  return firstMatch(value, (cp, next) => {
    const char = String.fromCodePoint(cp);
    if (regionalIndicator.test(char)) return true;
    if (!pictographic.test(char)) return false;
    return emojiPresentation.test(char) || cp >= 0x1f000 || next === 0xfe0f;
  });
}
