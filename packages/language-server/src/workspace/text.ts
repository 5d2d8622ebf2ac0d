/**
 * Positions between the language core and LSP. The core counts lines and columns from 1 and
 * offsets in UTF-16 code units; LSP counts lines and characters from 0 in UTF-16 code units (the
 * default position encoding, the only one this server offers). Conversion happens here only.
 */
import { computeLineStarts, type Range as SlaRange, type Position as SlaPosition } from "@sla/language";
import type { Position, Range } from "vscode-languageserver";

export function toLspPosition(position: SlaPosition): Position {
  return { line: Math.max(0, position.line - 1), character: Math.max(0, position.column - 1) };
}

export function toLspRange(range: SlaRange): Range {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}

/** A document's text with its line starts, to turn LSP positions into offsets and back. */
export class TextView {
  readonly lineStarts: number[];

  constructor(
    readonly uri: string,
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  /** The offset of an LSP position, clamped into the document (a position past a line's end is its end). */
  offsetAt(position: Position): number {
    const line = Number.isFinite(position?.line) ? Math.trunc(position.line) : 0;
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    const character = Number.isFinite(position?.character) ? Math.trunc(position.character) : 0;
    return Math.min(end, start + Math.max(0, character));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(this.text.length, offset));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole document. */
  get fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }
}

/** Whether a cursor at `offset` touches `range` (its end included, so a cursor just after a name counts). */
export function touches(range: SlaRange, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

export function contains(range: SlaRange, offset: number): boolean {
  return range.start.offset <= offset && offset < range.end.offset;
}
