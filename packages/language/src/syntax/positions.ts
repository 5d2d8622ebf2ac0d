/** Offsets to 1-based lines and columns, shared by the parser and the AST builder. */
import type { Position } from "./ast.ts";

/** The offset at which each line begins; `\r\n`, `\r` and `\n` each end a line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** Line and column of an offset, by binary search over `lineStarts`. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return newPosition(offset, low + 1, offset - lineStarts[low] + 1);
}

/**
 * A position, its numbers stored as small integers whenever they are integers. V8 gives every
 * object written `{ offset, line, column }` one hidden class, and a single boxed number stored in
 * it turns that class's fields into boxed doubles for the rest of the process: every position is
 * then four objects instead of one (a big contract's AST was a third larger). Offsets read off
 * Chevrotain's tokens and CST nodes come boxed: their hidden classes hold NaN for invented tokens.
 */
export function newPosition(offset: number, line: number, column: number): Position {
  return { offset: smallInteger(offset), line: smallInteger(line), column: smallInteger(column) };
}

/** `n` as a small integer when it is one (NaN and fractions as they are). */
function smallInteger(n: number): number {
  const integer = n | 0;
  return integer === n ? integer : n;
}
