/**
 * Incremental parsing of a document being edited (the language server's open documents, `sla build
 * --watch`); it knows nothing of LSP. A 5,000-line contract takes ~100 ms to parse from
 * scratch, far over the budget of diagnostics as you type, while an edit touches one declaration.
 *
 * The document is kept as a list of chunks that partition the text: a chunk starts at the start of
 * the file or at a declaration keyword that follows a complete item (the `}` closing a
 * declaration, or an import's path) at brace depth 0. An edit re-parses, with the same `parse()`
 * as the CLI, only the chunks around the changed text; the chunks after it are moved, in place, by
 * the edit's length and line count. The result is a `ParseResult` with absolute positions, which
 * the caller puts in the `ParseCache` that `checkProgram` reads: the checker never parses the
 * document again.
 *
 * Why this gives what a full parse gives: the lexer is context-free, and at such a keyword the
 * parser is back at the start of the `topLevel` rule. Where that is not known (a re-parsed region
 * ends inside a block or after an incomplete item, a text block or block comment runs to the end
 * of the input, an item straddles a boundary), the region grows to the end of the file. The tests
 * compare both on random edits.
 *
 * Moving in place means that the positions of a superseded parse change with the text: every
 * consumer reads the parse of the current text, and a stale checked program is never published.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Position, SlaFile } from "./ast.ts";
import { DECLARATION_TOKEN_TYPES, keywordTokens, LCurly, RCurly, StringLiteral } from "./lexer.ts";
import { computeLineStarts, type ParseResult, parse, positionAt } from "./parse.ts";

type Token = ParseResult["tokens"][number];
type Item = SlaFile["items"][number];
type Comment = SlaFile["comments"][number];

interface Chunk {
  /** Extent [start, end) in the document; chunks partition the text. */
  start: number;
  end: number;
  items: Item[];
  comments: Comment[];
  diagnostics: Diagnostic[];
  tokens: Token[];
  /** Every distinct position object in the chunk's items, comments and diagnostics, to move them. */
  positions: Position[];
}

export interface ParsedDocument {
  uri: string;
  text: string;
  lineStarts: number[];
  chunks: Chunk[];
  result: ParseResult;
}

/** Syntax codes of literals that run to the end of the input when unterminated. */
const RUNS_TO_END = new Set(["SLA1003", "SLA1004"]);
/** An unterminated string runs to the end of its line, which may lie beyond a region. */
const UNTERMINATED_STRING = "SLA1002";

/** Parse `text` from scratch into chunks. */
export function parseDocument(uri: string, text: string): ParsedDocument {
  const lineStarts = computeLineStarts(text);
  const chunks = split(parse(text, uri), 0, text.length, true) ?? [];
  // The result's arrays are the chunks' arrays end to end, which `assemble` relies on.
  const file: SlaFile = {
    kind: "File",
    items: chunks.flatMap((c) => c.items),
    comments: chunks.flatMap((c) => c.comments),
    range: { start: { offset: 0, line: 1, column: 1 }, end: positionAt(lineStarts, text.length) },
  };
  const result = { file, diagnostics: chunks.flatMap((c) => c.diagnostics), tokens: chunks.flatMap((c) => c.tokens) };
  return { uri, text, lineStarts, chunks, result };
}

/** Parse `text`, re-using what `previous` (an earlier text of the same document) already parsed. */
export function reparseDocument(previous: ParsedDocument | undefined, uri: string, text: string): ParsedDocument {
  if (!previous || previous.uri !== uri || previous.chunks.length === 0) return parseDocument(uri, text);
  if (previous.text === text) return previous;
  const old = previous.text;
  const max = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix))
    suffix++;
  const oldEditEnd = old.length - suffix;
  const delta = text.length - old.length;
  const chunks = previous.chunks;

  // From the chunk holding the character before the edit (back to one that starts with a
  // declaration keyword the edit left alone, with the character after it: stray tokens there
  // would belong to the run of stray tokens the chunk before ends with) through the chunk holding
  // the first character after the edit.
  let first = chunkAt(chunks, Math.max(0, prefix - 1));
  while (first > 0 && !(startsWithKeyword(chunks[first]) && chunks[first].tokens[0].endOffset! + 1 < prefix)) first--;
  let last = chunkAt(chunks, Math.min(oldEditEnd, old.length - 1));
  const lineStarts = updateLineStarts(previous.lineStarts, text, prefix, oldEditEnd, delta);

  for (;;) {
    const regionStart = chunks[first].start;
    const regionEnd = chunks[last].end + delta;
    const reachesEnd = last === chunks.length - 1;
    const region = parseRegion(uri, text, lineStarts, regionStart, regionEnd);
    const regionChunks = split(region, regionStart, regionEnd, reachesEnd);
    if (!regionChunks) {
      // reachesEnd always splits
      last = chunks.length - 1;
      continue;
    }
    const after = chunks.slice(last + 1);
    if (delta !== 0 || changesLines(old, text, prefix, oldEditEnd))
      moveChunks(after, delta, lineStarts, previous.lineStarts);
    return {
      uri,
      text,
      lineStarts,
      chunks: [...chunks.slice(0, first), ...regionChunks, ...after],
      result: assemble(previous, first, last, regionChunks, text, lineStarts),
    };
  }
}

/** Whether an edit that kept the length still added or removed a line break. */
function changesLines(old: string, text: string, prefix: number, oldEditEnd: number): boolean {
  return /[\r\n]/.test(old.slice(prefix, oldEditEnd)) || /[\r\n]/.test(text.slice(prefix, oldEditEnd));
}

/** The line starts of the new text from the old ones: only around the edit are line breaks looked for. */
function updateLineStarts(old: number[], text: string, prefix: number, oldEditEnd: number, delta: number): number[] {
  const result: number[] = [0];
  // Line breaks at index ≤ prefix − 2 are unchanged, and so is whether a `\r` among them pairs with a `\n`.
  for (let i = 1; i < old.length && old[i] <= prefix - 1; i++) result.push(old[i]);
  const to = Math.min(text.length - 1, oldEditEnd + delta);
  for (let i = Math.max(0, prefix - 1); i <= to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) continue; // the `\n` ends this break
      result.push(i + 1);
    } else if (c === 10) result.push(i + 1);
  }
  // Line breaks at old index ≥ oldEditEnd + 1 are unchanged, moved by delta.
  for (let i = 1; i < old.length; i++) if (old[i] - 1 >= oldEditEnd + 1) result.push(old[i] + delta);
  return result;
}

function startsWithKeyword(chunk: Chunk): boolean {
  return chunk.tokens.length > 0 && DECLARATION_TOKEN_TYPES.has(chunk.tokens[0].tokenType);
}

function chunkAt(chunks: Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Every distinct position object under `value`. */
function collectPositions(value: unknown, seen: Set<object>, out: Position[]): void {
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) collectPositions(v, seen, out);
    return;
  }
  const p = value as Position;
  if (typeof p.offset === "number" && typeof p.line === "number" && typeof p.column === "number") {
    out.push(p);
    return;
  }
  for (const key in value) collectPositions((value as Record<string, unknown>)[key], seen, out);
}

/** Parse text[start, end) on its own and move every position to where it is in the document. */
function parseRegion(uri: string, text: string, lineStarts: number[], start: number, end: number): ParseResult {
  const local = parse(text.slice(start, end), uri);
  if (start === 0) return local;
  const base = positionAt(lineStarts, start);
  const positions: Position[] = [];
  collectPositions([local.file.items, local.file.comments, local.diagnostics], new Set(), positions);
  for (const p of positions) {
    if (p.line === 1) p.column += base.column - 1;
    p.line += base.line - 1;
    p.offset += start;
  }
  for (const t of local.tokens) {
    if (t.startLine === 1) t.startColumn = (t.startColumn ?? 1) + base.column - 1;
    if (t.endLine === 1) t.endColumn = (t.endColumn ?? 1) + base.column - 1;
    t.startLine = (t.startLine ?? 1) + base.line - 1;
    t.endLine = (t.endLine ?? 1) + base.line - 1;
    t.startOffset += start;
    t.endOffset = (t.endOffset ?? t.startOffset) + start;
  }
  return local;
}

/**
 * Cut a parse of text[start, end) into chunks at declaration keywords that follow a complete item
 * at brace depth 0. Returns undefined when the region cannot stand on its own (unless it reaches
 * the end of the document): it ends inside a block or after an incomplete item, or holds a
 * literal that ran to the end of its input.
 */
function split(result: ParseResult, start: number, end: number, reachesEnd: boolean): Chunk[] | undefined {
  const runsOn = (d: Diagnostic) =>
    RUNS_TO_END.has(d.code) || (d.code === UNTERMINATED_STRING && d.range.end.offset >= end);
  if (!reachesEnd && result.diagnostics.some(runsOn)) return undefined;
  const boundaries: number[] = [start];
  const tokens = result.tokens;
  let depth = 0;
  /** The index of the last `}` that closed a declaration. */
  let closedAt = -1;
  const endsItem = (i: number) =>
    i === closedAt ||
    (i > 0 && tokens[i].tokenType === StringLiteral && tokens[i - 1].tokenType === keywordTokens.import);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === LCurly) depth++;
    else if (t.tokenType === RCurly) {
      if (depth > 0 && --depth === 0) closedAt = i;
    } else if (depth === 0 && i > 0 && DECLARATION_TOKEN_TYPES.has(t.tokenType) && endsItem(i - 1))
      // After an incomplete header the parser's recovery may take this keyword for the missing name.
      boundaries.push(t.startOffset);
  }
  if (!reachesEnd && tokens.length > 0 && (depth !== 0 || !endsItem(tokens.length - 1))) return undefined;
  // No item may straddle a boundary: drop boundaries that fall inside an item.
  const items = result.file.items;
  const kept = boundariesOutsideItems(boundaries, items, start);
  const chunks: Chunk[] = kept.map((b, i) => ({
    start: b,
    end: i + 1 < kept.length ? kept[i + 1] : end,
    items: [],
    comments: [],
    diagnostics: [],
    tokens: [],
    positions: [],
  }));
  const place = <T>(list: T[], offsetOf: (x: T) => number, target: (c: Chunk) => T[]) => {
    let index = 0;
    for (const x of [...list].sort((a, b) => offsetOf(a) - offsetOf(b))) {
      const offset = offsetOf(x);
      while (index + 1 < chunks.length && chunks[index + 1].start <= offset) index++;
      target(chunks[index]).push(x);
    }
  };
  place(
    items,
    (x) => x.range.start.offset,
    (c) => c.items,
  );
  place(
    result.file.comments,
    (x) => x.range.start.offset,
    (c) => c.comments,
  );
  place(
    result.diagnostics,
    (x) => x.range.start.offset,
    (c) => c.diagnostics,
  );
  place(
    tokens,
    (x) => x.startOffset,
    (c) => c.tokens,
  );
  for (const chunk of chunks)
    collectPositions([chunk.items, chunk.comments, chunk.diagnostics], new Set(), chunk.positions);
  return chunks;
}

/**
 * The ascending `boundaries` that no item straddles (`start` is always kept). One sweep over the
 * items in order of their start: testing every boundary against every item made opening a
 * document with tens of thousands of declarations quadratic.
 */
function boundariesOutsideItems(boundaries: number[], items: Item[], start: number): number[] {
  const spans = items.map((item) => item.range).sort((a, b) => a.start.offset - b.start.offset);
  const kept: number[] = [];
  let next = 0;
  /** The furthest end of the items that start before the boundary in hand. */
  let reach = Number.NEGATIVE_INFINITY;
  for (const b of boundaries) {
    while (next < spans.length && spans[next].start.offset < b) reach = Math.max(reach, spans[next++].end.offset);
    if (b === start || reach <= b) kept.push(b);
  }
  return kept;
}

/** Move chunks after an edit, in place: offsets by `delta`, lines by the lines the edit added or removed. */
function moveChunks(chunks: Chunk[], delta: number, lineStarts: number[], oldLineStarts: number[]): void {
  if (chunks.length === 0) return;
  const firstOld = chunks[0].start;
  const firstLine = positionAt(lineStarts, firstOld + delta).line;
  const lineDelta = firstLine - positionAt(oldLineStarts, firstOld).line;
  // Only positions on the line where the moved text begins change column.
  for (const chunk of chunks) {
    chunk.start += delta;
    chunk.end += delta;
    for (const p of chunk.positions) {
      p.offset += delta;
      p.line += lineDelta;
      if (p.line === firstLine) p.column = p.offset - lineStarts[p.line - 1] + 1;
    }
    for (const t of chunk.tokens) {
      t.startOffset += delta;
      t.endOffset = (t.endOffset ?? t.startOffset) + delta;
      t.startLine = (t.startLine ?? 1) + lineDelta;
      t.endLine = (t.endLine ?? 1) + lineDelta;
      if (t.startLine === firstLine) t.startColumn = t.startOffset - lineStarts[firstLine - 1] + 1;
      if (t.endLine === firstLine) t.endColumn = t.endOffset - lineStarts[firstLine - 1] + 1;
    }
  }
}

/** The new parse result: the previous result's arrays with the region's part replaced. */
function assemble(
  previous: ParsedDocument,
  first: number,
  last: number,
  region: Chunk[],
  text: string,
  lineStarts: number[],
): ParseResult {
  const chunks = previous.chunks;
  const count = (from: number, to: number, of: (c: Chunk) => unknown[]) => {
    let n = 0;
    for (let i = from; i < to; i++) n += of(chunks[i]).length;
    return n;
  };
  const splice = <T>(all: T[], of: (c: Chunk) => T[]): T[] => {
    const before = count(0, first, of);
    const replaced = count(first, last + 1, of);
    const middle: T[] = [];
    for (const c of region) for (const x of of(c)) middle.push(x);
    return all.slice(0, before).concat(middle, all.slice(before + replaced));
  };
  const old = previous.result;
  const file: SlaFile = {
    kind: "File",
    items: splice(old.file.items, (c) => c.items),
    comments: splice(old.file.comments, (c) => c.comments),
    range: { start: { offset: 0, line: 1, column: 1 }, end: positionAt(lineStarts, text.length) },
  };
  return {
    file,
    diagnostics: splice(old.diagnostics, (c) => c.diagnostics),
    tokens: splice(old.tokens, (c) => c.tokens),
  };
}
