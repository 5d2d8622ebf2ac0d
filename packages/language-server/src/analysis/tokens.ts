/** Token lookups on a parse result: what is under or before the cursor. */
import type { ParseResult, Range } from "@sla/language";

export type Token = ParseResult["tokens"][number];

export function tokenEnd(token: Token): number {
  return (token.endOffset ?? token.startOffset) + 1;
}

/** A single-line token's range, in the core's terms. */
export function tokenRange(token: Token): Range {
  return {
    start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
    end: { offset: tokenEnd(token), line: token.endLine ?? 1, column: (token.endColumn ?? 0) + 1 },
  };
}

export function isKeyword(token: Token): boolean {
  return token.tokenType.name.startsWith("Kw_");
}

export function keywordOf(token: Token): string | undefined {
  return isKeyword(token) ? token.tokenType.name.slice(3) : undefined;
}

/** Index of the first token that ends after `offset` (tokens are in source order). */
function firstEndingAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokenEnd(tokens[mid]) <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The token the cursor is in or just after (a cursor between two touching tokens takes the later one). */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  const i = firstEndingAfter(tokens, offset);
  if (i < tokens.length && tokens[i].startOffset <= offset) return tokens[i];
  if (i > 0 && tokenEnd(tokens[i - 1]) === offset) return tokens[i - 1];
  return undefined;
}

/** The tokens that end at or before `offset`. */
export function tokensBefore(tokens: readonly Token[], offset: number): Token[] {
  return tokens.slice(0, firstEndingAfter(tokens, offset));
}
