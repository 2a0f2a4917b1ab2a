/**
 * Dictionary attributes that take several values (`multiDictionary`) carry them in one string joined
 * with `@`, e.g. `2105009100@6403919600` (domain-rules §3.3). Surrounding whitespace of each part is
 * trimmed and empty parts (`a@@b`, a trailing `@`) are dropped; the parts are not validated here.
 */
export function splitMultiValue(value: string): string[] {
  return value
    .split('@')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The inverse of `splitMultiValue` for already-normalised values. */
export function joinMultiValue(values: readonly string[]): string {
  return values.join('@');
}
