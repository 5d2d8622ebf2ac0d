/**
 * A small zip reader for the tests: the entries of a .docx by name, read from its central
 * directory (stored or deflated, as every Word package is).
 */
import { inflateRawSync } from "node:zlib";

export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error("malformed central directory");
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** A part of the package as text; a missing part fails the test that asks for it. */
export function part(files: Map<string, Buffer>, name: string): string {
  const content = files.get(name);
  if (!content) throw new Error(`the package has no ${name}; it has ${[...files.keys()].join(", ")}`);
  return content.toString("utf8");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name[0] === "#"
      ? String.fromCodePoint(
          name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
        )
      : ENTITIES[name],
  );
}

export interface WordParagraph {
  xml: string;
  text: string;
  style?: string;
  /** The numbering level, when the paragraph is numbered. */
  level?: number;
}

/** Every paragraph of a part (in tables too), in document order, with its style, numbering level and text. */
export function paragraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(""),
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1],
    level: /<w:ilvl w:val="(\d+)"\/>/.test(p) ? Number(/<w:ilvl w:val="(\d+)"\/>/.exec(p)![1]) : undefined,
  }));
}

/** The tables of a part, each with its grid's column widths and its rows' XML. */
export function tables(xml: string): { grid: number[]; rows: string[]; xml: string }[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => ({
    xml: t,
    grid: [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...t.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]),
  }));
}
