/*
 * Builds XLSX archives for the import's limit tests, written independently of the reader: node:zlib
 * deflates, the ZIP records are laid out here by hand, so a test can declare sizes that lie. Nothing big is
 * committed: the bombs are made in the test, and the huge parts are made of one deflated block repeated.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  readonly name: string;
  /** Raw DEFLATE data. */
  readonly deflated: Uint8Array;
  /** Real unpacked size and CRC-32. */
  readonly size: number;
  readonly crc: number;
  /** What the archive claims the unpacked size is (default: the truth). */
  readonly declaredSize?: number;
}

/** A part from its whole text. */
export function part(name: string, text: string): Part {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * A part of `prefix` + `repeat` × `unit` + `suffix` without ever holding it unpacked: each piece is deflated
 * on its own and sync-flushed (byte-aligned, back-references only inside the piece), so copies of one
 * compressed piece can be laid end to end; an empty final block closes the stream.
 */
export function repeatedPart(name: string, prefix: string, unit: string, repeat: number, suffix: string): Part {
  const piece = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_SYNC_FLUSH });
  const head = piece(prefix);
  const body = piece(unit);
  const tail = piece(suffix);
  const final = Uint8Array.from([0x03, 0x00]);
  const deflated = new Uint8Array(head.length + body.length * repeat + tail.length + final.length);
  let at = 0;
  deflated.set(head, at);
  at += head.length;
  for (let i = 0; i < repeat; i += 1, at += body.length) deflated.set(body, at);
  deflated.set(tail, at);
  deflated.set(final, at + tail.length);
  const unitBytes = Buffer.from(unit, 'utf8');
  let crc = crc32(Buffer.from(prefix, 'utf8'));
  for (let i = 0; i < repeat; i += 1) crc = crc32(unitBytes, crc);
  crc = crc32(Buffer.from(suffix, 'utf8'), crc);
  return { name, deflated, size: Buffer.byteLength(prefix) + unitBytes.length * repeat + Buffer.byteLength(suffix), crc };
}

/** A ZIP archive of the parts (method 8), sizes as declared. */
export function zip(parts: readonly Part[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(p.crc >>> 0, 16);
    header.writeUInt32LE(p.deflated.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.deflated);
    central.push(header, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs around its sheet and shared strings. */
export function workbookParts(): Part[] {
  return [
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Товары" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  ];
}

export const sheetOpen = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>`;
export const sheetClose = '</sheetData></worksheet>';
export const stringsOpen = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">`;

/** A small workbook: `rows` as shared-string cells (first row = header). */
export function smallWorkbook(rows: readonly (readonly string[])[], sheetBody?: string): Uint8Array {
  const strings: string[] = [];
  const xmlRows = rows.map((cells, r) => {
    const xmlCells = cells.map((text, c) => {
      strings.push(text);
      return `<c r="${String.fromCharCode(65 + c)}${String(r + 1)}" t="s"><v>${String(strings.length - 1)}</v></c>`;
    });
    return `<row r="${String(r + 1)}">${xmlCells.join('')}</row>`;
  });
  const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return zip([
    ...workbookParts(),
    part('xl/worksheets/sheet1.xml', `${sheetOpen}${sheetBody ?? xmlRows.join('')}${sheetClose}`),
    part('xl/sharedStrings.xml', `${stringsOpen}${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`),
  ]);
}
