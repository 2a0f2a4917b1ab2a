/**
 * Terminal hygiene for everything the CLI prints. Values read from files or typed on the command line can
 * hold escape sequences (which a terminal would obey) or be absurdly long (a 300,000-column header); the
 * CLI never passes either through.
 */

/** Longest stretch of one echoed value; the rest is replaced by "…". */
export const echoLimit = 120;

/** Longest line the CLI writes; a safety net behind `shown`, generous enough for real messages. */
export const lineLimit = 2_000;

// C0 and C1 controls and DEL, bidi overrides and isolates (which reorder what the reader sees), line/paragraph separators.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
// eslint-disable-next-line no-control-regex
const controlsButLayout = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
// ESC-introduced sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-byte `ESC x`) and their 8-bit forms.
// eslint-disable-next-line no-control-regex
const escapeSequences = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-_]/gu;

function cap(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // A code point takes one or two UTF-16 units, so the first 2 × limit units hold at least `limit` of them.
  const head = Array.from(text.slice(0, limit * 2));
  if (head.length <= limit && text.length <= limit * 2) return text;
  return `${head.slice(0, limit - 1).join('')}…`;
}

/**
 * A value from a file or the command line as it may appear inside a message: escape sequences removed,
 * other control characters shown as "?" (a tab or newline inside a cell included), at most `limit`
 * characters (then "…"). Use it for every echoed value: file names, header cells, option values.
 */
export function shown(value: string, limit = echoLimit): string {
  return cap(value.slice(0, limit * 8).replace(escapeSequences, '').replace(controls, '?'), limit);
}

/** `shown` in typographic quotes, the form messages use: “value”. */
export function quoted(value: string, limit = echoLimit): string {
  return `“${shown(value, limit)}”`;
}

/**
 * A whole line (or several, for help texts) made safe for the terminal: escape sequences removed, control
 * characters other than newline and tab replaced by "?", each line capped at `lineLimit` (unless `cap: false`).
 * The process IO applies it to everything, so a value a command forgot to pass through `shown` is still harmless.
 */
export function terminalSafe(text: string, options: { cap?: boolean } = {}): string {
  const cleaned = text.replace(escapeSequences, '').replace(controlsButLayout, '?');
  if (options.cap === false || cleaned.length <= lineLimit) return cleaned;
  return cleaned
    .split('\n')
    .map((line) => cap(line, lineLimit))
    .join('\n');
}

/** Message parameters with every string passed through `shown`, for translated messages that echo input. */
export function shownParams(params: Readonly<Record<string, string | number>> | undefined): Record<string, string | number> | undefined {
  if (params === undefined) return undefined;
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? shown(value) : value]));
}
