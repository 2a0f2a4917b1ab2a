/**
 * The screenshot tour's judge of visible text: pure, so a Node unit test proves what it catches.
 *
 * Convention for what is NOT judged (catalogue and user data, shown as they are stored):
 * - an element marked `data-catalogue-data` and everything inside it (catalogue and user data);
 * - an element marked `translate="no"` (HTML's own mark for text that is no language: codes, file names) and
 *   `code`/`kbd`/`samp` elements;
 * - an element whose `lang` (own or inherited) differs from the UI language (e.g. `<span lang="ru">` with a
 *   card's Russian name in the Kazakh UI, or the language picker's own names);
 * - values of inputs and text areas (the user's own typing);
 * - strings the test itself put in as data (`knownData`).
 */

export type UiLanguage = 'kk' | 'ru' | 'en';

export type ViolationKind = 'translation-key' | 'raw-code' | 'foreign-script';

/** One visible string and where it was seen (a short locator-like path, for the report). */
export interface VisibleText {
  text: string;
  where: string;
}

export interface Violation {
  kind: ViolationKind;
  /** The offending piece of the string. */
  token: string;
  text: string;
  where: string;
}

export interface CheckOptions {
  /** Strings the test typed or imported itself: removed from the text before judging. */
  knownData?: readonly string[];
  /** Extra accepted words on a screen (besides the standard terms below), e.g. the import file's column names. */
  extraAllowed?: readonly string[];
}

/**
 * Latin terms accepted inside Kazakh and Russian text: code standards, file formats, units and abbreviations
 * that officers read in Latin letters. Compared case-sensitively, so "PDF" passes and "Pdf" or "pdf" do not.
 */
export const acceptedLatinTerms: ReadonlySet<string> = new Set([
  'GTIN', 'GTIN-8', 'GTIN-12', 'GTIN-13', 'GTIN-14', 'NTIN', 'EAN', 'EAN-8', 'EAN-13', 'UPC', 'UPC-A', 'UPC-E', 'GS1', 'ITF-14',
  'PDF', 'ZPL', 'XLSX', 'XLS', 'CSV', 'JSON', 'JPEG', 'JPG', 'PNG', 'WebP', 'HEIC', 'UTF-8', 'Windows-1251', 'Excel',
  'BIN', 'IIN', 'ID', 'XTIN', 'MPN', 'AI', 'JWT',
  // Country codes of the EAEU as printed in document numbers.
  'AM', 'BY', 'KG', 'KZ', 'RU',
  // Literal cell values the import accepts for yes/no columns.
  'true', 'false', 'URL', 'API', 'HTTP', 'HTTPS', 'USB', 'TCP', 'IP', 'QR', 'DataMatrix', 'Data', 'Matrix', 'Code', 'Code128',
  'mm', 'dpi', 'px', 'kB', 'KB', 'MB', 'GB', 'B',
  'A4', 'A5', 'Avery', 'Zebra', 'TSC', 'Godex', 'Xprinter', 'Datamax', 'Brother', 'DYMO', 'gLabels', 'Electron', 'Chromium', 'IndexedDB',
  'NCG', 'Desk', 'kk', 'ru', 'en',
  // Key caps as printed on keyboards.
  'Enter', 'Tab', 'Esc', 'Shift', 'Ctrl', 'Alt',
]);

/**
 * ALL-CAPS Latin words that English text may show (acronyms read as such). Any other ALL-CAPS word of three
 * letters or more in the English UI is taken for a raw code (COLOR, COUNTRY…).
 */
export const acceptedEnglishAcronyms: ReadonlySet<string> = new Set([
  'GTIN', 'NTIN', 'EAN', 'UPC', 'GS1', 'ITF', 'PDF', 'ZPL', 'XLSX', 'XLS', 'CSV', 'JSON', 'JPEG', 'JPG', 'PNG', 'HEIC', 'UTF',
  'BIN', 'IIN', 'XTIN', 'MPN', 'AI', 'JWT', 'MCI', 'ENS', 'TRU', 'CEF', 'GOST', 'YYYY', 'MM', 'DD', 'YYMMDD', 'URL', 'API', 'HTTP', 'HTTPS', 'USB', 'TCP', 'QR', 'NCG', 'KZT', 'VAT', 'OKTRU', 'TNVED', 'TN', 'VED', 'SZPT', 'EAEU',
  'TSC', 'DYMO', 'EPL', 'TSPL', 'DPL', 'DPI', 'PIN', 'CPU', 'RAM', 'OK',
]);

/** File extensions and top-level domains: a dotted word ending in one is a file or host name, not a key. */
const notKeyEndings = new Set(['csv', 'xlsx', 'xls', 'pdf', 'zpl', 'json', 'jpg', 'jpeg', 'png', 'webp', 'txt', 'xml', 'html', 'kz', 'com', 'ru', 'org', 'net', 'gov', 'local', 'localhost']);

const cyrillicLetter = /\p{Script=Cyrillic}/u;
/** Letters of the Kazakh alphabet that Russian lacks: in the Russian UI they mean Kazakh text. */
const kazakhOnlyLetter = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;

/** A dotted identifier such as `labels.queue.empty` or `settings:connection.title` (not "e.g."). */
const keyPattern = /(?<![\p{L}\p{N}_/.@-])(?:[a-z][A-Za-z0-9_-]*:)?[a-z][A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?![\p{L}\p{N}_/@-]|\.[\p{L}\p{N}])/gu;
/** ALL_CAPS_WITH_UNDERSCORES (MEASURE_UNIT, NOT_FOUND). */
const screamingSnake = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\p{L}\p{N}])/gu;
/** camelCase status codes (onModeration, readyToPublish, hasNtin). */
const camelCase = /(?<![\p{L}\p{N}])[a-z]+(?:[A-Z][a-z0-9]*)+(?![\p{L}\p{N}])/gu;
/** snake_case codes (name_ru, measure_unit) shown as words. */
const lowerSnake = /(?<![\p{L}\p{N}])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}])/gu;
/** A Latin word: letters, optionally joined by hyphens to digits or letters (EAN-13, UTF-8, A4). */
const latinWord = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\p{L}\p{N}])/gu;
const allCapsWord = /(?<![\p{L}\p{N}])[A-Z]{3,}(?![\p{L}\p{N}])/gu;
/** URLs, e-mail addresses, paths and bare file extensions (".ncgsnap") are addresses, not words. */
const addressPattern = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|\s)\/[\w/.-]+|(?<![\p{L}\p{N}])\.[a-z0-9]{2,8}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])[\w-]+(?:\/[\w-]+)*\/[\w-]+\.[a-z0-9]{2,5}(?![\p{L}\p{N}])/gu;
/** Text in typographic quotes is a quoted literal or value (“ЕАЭС”, «{{value}}»): its script is not judged. */
const quotedPattern = /“[^”]*”|«[^»]*»/gu;

function stripData(text: string, knownData: readonly string[]): string {
  let rest = text;
  // Longest first, so a value containing a shorter one (a file name holding the run id) is removed whole.
  for (const value of [...knownData].sort((a, b) => b.length - a.length)) if (value.trim() !== '') rest = rest.split(value).join(' ');
  return rest.replace(addressPattern, ' ');
}

/** Judges one string in the given UI language; returns every offending piece. */
export function judgeText(item: VisibleText, language: UiLanguage, options: CheckOptions = {}): Violation[] {
  const text = stripData(item.text, options.knownData ?? []);
  const found: Violation[] = [];
  const add = (kind: ViolationKind, token: string) => {
    if (!found.some((violation) => violation.kind === kind && violation.token === token)) found.push({ kind, token, text: item.text, where: item.where });
  };

  for (const match of text.matchAll(keyPattern)) {
    const token = match[0];
    const last = token.slice(token.lastIndexOf('.') + 1).toLowerCase();
    if (!notKeyEndings.has(last)) add('translation-key', token);
  }
  const rest = text.replace(keyPattern, ' ');
  for (const match of rest.matchAll(screamingSnake)) add('raw-code', match[0]);
  for (const match of rest.matchAll(camelCase)) if (!acceptedLatinTerms.has(match[0]) && !(options.extraAllowed ?? []).includes(match[0])) add('raw-code', match[0]);
  for (const match of rest.matchAll(lowerSnake)) if (!(options.extraAllowed ?? []).includes(match[0])) add('raw-code', match[0]);

  const plain = rest.replace(screamingSnake, ' ').replace(camelCase, ' ').replace(lowerSnake, ' ').replace(quotedPattern, ' ');
  if (language === 'en') {
    for (const match of plain.matchAll(allCapsWord)) if (!acceptedEnglishAcronyms.has(match[0])) add('raw-code', match[0]);
    for (const word of plain.split(/[^\p{L}\p{M}]+/u)) if (cyrillicLetter.test(word)) add('foreign-script', word);
  } else {
    const allowed = new Set([...acceptedLatinTerms, ...(options.extraAllowed ?? [])]);
    for (const match of plain.matchAll(latinWord)) {
      const word = match[0];
      if (allowed.has(word)) continue;
      // Single letters (axis names, "x" of sizes) are no words; nor are model numbers with digits (L7160, A4).
      if (/^[A-Za-z]$/u.test(word) || /\d/u.test(word)) continue;
      add('foreign-script', word);
    }
    if (language === 'ru') for (const word of plain.split(/[^\p{L}\p{M}]+/u)) if (kazakhOnlyLetter.test(word)) add('foreign-script', word);
  }
  return found;
}

/** Judges every visible string of a screen. */
export function findViolations(texts: readonly VisibleText[], language: UiLanguage, options: CheckOptions = {}): Violation[] {
  return texts.flatMap((item) => judgeText(item, language, options));
}

/** One line per offending string (its pieces listed by kind), for a failure message. */
export function describeViolations(violations: readonly Violation[]): string {
  const lines = new Map<string, string[]>();
  for (const violation of violations) {
    const line = `"${violation.text.slice(0, 140)}" at ${violation.where}`;
    lines.set(line, [...(lines.get(line) ?? []), `${violation.kind} "${violation.token}"`]);
  }
  return [...lines].map(([line, pieces]) => `${pieces.join(', ')}: ${line}`).join('\n');
}

/**
 * Runs inside the page (passed to `page.evaluate`, so it must be self-contained): the visible text nodes,
 * placeholders and button captions of the document, minus what the convention above marks as data.
 */
export function collectVisibleText(uiLanguage: string): VisibleText[] {
  const results: VisibleText[] = [];
  const describe = (element: Element): string => {
    const parts: string[] = [];
    let current: Element | null = element;
    while (current && current !== document.body && parts.length < 4) {
      const testId = current.getAttribute('data-testid');
      parts.unshift(testId ? `[data-testid=${testId}]` : current.tagName.toLowerCase());
      if (testId) break;
      current = current.parentElement;
    }
    return `${location.hash || '#/'} ${parts.join(' > ')}`;
  };
  const excluded = (element: Element): boolean => {
    if (element.closest('[data-catalogue-data], [translate="no"], code, kbd, samp, script, style, noscript, template')) return true;
    const langHolder = element.closest('[lang]');
    const lang = langHolder?.getAttribute('lang') ?? uiLanguage;
    return lang !== '' && lang.split('-')[0] !== uiLanguage;
  };
  const visible = (element: Element): boolean => {
    const option = element.closest('option, optgroup');
    const target = option ? option.closest('select') ?? element : element;
    if (!(target instanceof HTMLElement) && !(target instanceof SVGElement)) return false;
    if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = target.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/gu, ' ').trim() ?? '';
    const parent = node.parentElement;
    if (!text || !parent || excluded(parent) || !visible(parent)) continue;
    if (parent.closest('textarea')) continue;
    results.push({ text, where: describe(parent) });
  }
  // Of attributes only what is on screen: placeholders and button captions (not aria-label or title).
  for (const element of document.body.querySelectorAll('[placeholder], input[type="button"], input[type="submit"]')) {
    if (excluded(element) || !visible(element)) continue;
    const placeholder = element.getAttribute('placeholder')?.trim();
    if (placeholder) results.push({ text: placeholder, where: `${describe(element)} @placeholder` });
    if (element instanceof HTMLInputElement && (element.type === 'button' || element.type === 'submit') && element.value.trim()) {
      results.push({ text: element.value.trim(), where: `${describe(element)} @value` });
    }
  }
  return results;
}
