/**
 * The parts of an XLSX archive as streams of XML events: a part is unpacked piece by piece (zip.ts),
 * decoded and fed to saxes, a SAX parser, so no part is ever held whole, in bytes or as a string.
 *
 * Before the parser sees a piece, the bytes since the last `<` are counted: no text or tag of a workbook
 * Excel can write is longer than a cell's 32,767 characters (escaped: a few bytes each), so a longer run
 * is refused at once instead of being gathered into one giant string.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportRefused, type ImportLimits } from './limits.ts';
import { readZipDirectory, unpackEntry, UnpackBudget, type ZipEntry } from './zip.ts';

export interface XmlHandlers {
  /**
   * An element opened; `name` without its namespace prefix. Attribute names are as written: SpreadsheetML's
   * own attributes carry no prefix even on prefixed elements; only foreign ones do (`r:id`, `xml:space`).
   */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  /** Character data (text or CDATA), entities resolved; may come in several pieces. */
  text?(text: string): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * The length of the run of bytes without `<` at the end of `chunk`, given the run before it; -1 as soon as
 * a run exceeds `maxRun`. (A plain loop over the bytes: the hot path of every part.)
 */
function runAfter(chunk: Uint8Array, runBefore: number, maxRun: number): number {
  let run = runBefore;
  for (let i = 0; i < chunk.length; i += 1) {
    if (chunk[i] === 0x3c) run = 0;
    else if (++run > maxRun) return -1;
  }
  return run;
}

/** An opened XLSX archive: its directory and one unpacking budget for every part read from it. */
/** The value of the attribute with this local name, whatever its prefix (`r:id`, `ns1:id`…). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

export class XlsxArchive {
  private readonly entries: Map<string, ZipEntry>;
  private readonly budget: UnpackBudget;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ImportLimits,
  ) {
    this.entries = readZipDirectory(bytes);
    this.budget = new UnpackBudget(limits);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Streams part `path` through `handlers`; false when the archive has no such part. */
  parse(path: string, handlers: XmlHandlers): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on('error', (error) => {
      throw error;
    });
    const { open, close, text } = handlers;
    if (open) {
      parser.on('opentag', (tag: SaxesTagPlain) => {
        open(localName(tag.name), tag.attributes);
      });
    }
    if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
    if (text) {
      parser.on('text', text);
      parser.on('cdata', text);
    }
    const decoder = new TextDecoder('utf-8');
    // Escaped, a cell's characters take at most ~8 bytes each (`&#x1F600;` for two UTF-16 units).
    const maxRun = this.limits.maxCellChars * 8 + 1024;
    let run = 0;
    unpackEntry(this.bytes, entry, this.budget, (chunk) => {
      run = runAfter(chunk, run, maxRun);
      if (run < 0) this.refuseRun();
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    parser.write(decoder.decode());
    parser.close();
    return true;
  }

  private refuseRun(): never {
    throw new ImportRefused({ row: 1, key: 'application.import.textTooLong', params: { max: this.limits.maxCellChars }, severity: 'error' });
  }
}

/** Text of a string item (`<si>` or `<is>`): its `<t>` elements, rich-text runs joined, phonetic hints (`<rPh>`) left out. */
export class StringItemText {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly onTooLong: () => never, private readonly maxChars: number) {}

  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic += 1;
    else if (name === 't' && this.depthInPhonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic -= 1;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (!this.inText) return;
    this.length += text.length;
    if (this.length > this.maxChars) this.onTooLong();
    this.parts.push(text);
  }

  /** The text gathered since the last call, and a fresh start. */
  take(): string {
    const text = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.inText = false;
    this.depthInPhonetic = 0;
    return text;
  }
}
