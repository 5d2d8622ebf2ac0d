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
  return { offset, line: low + 1, column: offset - lineStarts[low] + 1 };
}
