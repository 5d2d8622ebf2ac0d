/**
 * `parse(text)` never throws: it returns an AST and the syntax diagnostics, whatever the input.
 */
import type { CstNode, IRecognitionException, IToken, TokenType } from "chevrotain";
import { createDiagnostic, Diagnostics } from "../diagnostics/catalogue.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Comment, Range, SlaFile } from "./ast.ts";
import { buildFile, tokenRange } from "./build-ast.ts";
import { parseFast } from "./fast-parser.ts";
import { FastScanner, lexFast } from "./fast-lexer.ts";
import { slaGrammar } from "./grammar.ts";
import { computeLineStarts, positionAt } from "./positions.ts";
import {
  allTokens,
  BlockComment,
  DECLARATION_TOKEN_TYPES,
  LCurly,
  LineComment,
  RCurly,
  slaLexer,
  StringLiteral,
  TextBlock,
  UnterminatedBlockComment,
  UnterminatedString,
  UnterminatedTextBlock,
} from "./lexer.ts";

export interface ParseResult {
  file: SlaFile;
  diagnostics: Diagnostic[];
  /** The significant tokens, for completion and semantic colouring. */
  tokens: IToken[];
}

export { computeLineStarts, positionAt };

/**
 * Whether `parse` reads the text with the fast scanner and parser first (fast-lexer.ts,
 * fast-parser.ts), falling back to Chevrotain's at the first problem. The tests turn it off to
 * compare the two paths; nothing else does.
 */
let fastPath = true;
export function setFastPath(enabled: boolean): void {
  fastPath = enabled;
}

export interface ParseOptions {
  /**
   * The token list is made only if `tokens` is read, by lexing the text again. The checker never
   * reads it: a well-formed file is then lexed a piece at a time as it is parsed, and no token
   * outlives its piece (the tokens of a big contract were over a third of what its check kept).
   */
  lazyTokens?: boolean;
}

export function parse(text: string, uri = "untitled.sla", options: ParseOptions = {}): ParseResult {
  return parseInPieces(text, uri, PIECE_TOKENS, options);
}

/** `parse`, cutting the token stream into pieces of at least `pieceTokens` (see `parseItems`); the tests vary it. */
export function parseInPieces(text: string, uri: string, pieceTokens: number, options: ParseOptions = {}): ParseResult {
  let resume: Streamed | undefined;
  if (fastPath) {
    const streamed = parseStreaming(text, pieceTokens, options.lazyTokens !== true);
    if (streamed.result !== undefined) return streamed.result;
    resume = streamed;
  }
  const lineStarts = computeLineStarts(text);
  const diagnostics: Diagnostic[] = [];
  const rangeOf = (start: number, end: number): Range => ({
    start: positionAt(lineStarts, start),
    end: positionAt(lineStarts, end),
  });

  // well-formed text is read by the fast scanner; any lexing problem, by Chevrotain's lexer
  const fast = resume?.lexed === false ? undefined : fastPath ? lexFast(text) : undefined;
  const lexed = fast
    ? { tokens: fast.tokens, groups: { comments: fast.comments }, errors: [] }
    : slaLexer.tokenize(text);
  // Chevrotain misplaces the end of a token whose last character is a line break (an unterminated
  // text block or comment at the end of a file); multi-line tokens take their positions from ours.
  // Only a token type declared with `line_breaks` can hold one (the lexer's patterns say so).
  const fixEnd = (t: IToken) => {
    if (HOLDS_LINE_BREAKS[t.tokenTypeIdx] === true && /[\r\n]/.test(t.image)) {
      const end = positionAt(lineStarts, t.endOffset!);
      t.endLine = end.line;
      t.endColumn = end.column;
    }
  };
  // indexed loops: this function runs once per parse, mostly before V8 optimises it, and an
  // unoptimised for-of allocates a result object per token
  const lexedTokens = lexed.tokens;
  const lexedComments = (lexed.groups.comments ?? []) as IToken[];
  // the fast scanner's tokens already end where these corrections put them
  if (!fast) for (let i = 0; i < lexedComments.length; i++) fixEnd(lexedComments[i]);
  for (const error of lexed.errors) {
    const char = text.slice(error.offset, error.offset + error.length);
    diagnostics.push(
      createDiagnostic(
        Diagnostics.unexpectedCharacter,
        { char: char.length > 20 ? `${char.slice(0, 20)}…` : char },
        uri,
        rangeOf(error.offset, error.offset + error.length),
      ),
    );
  }

  const comments: Comment[] = [];
  for (const t of lexedComments) {
    comments.push({ kind: "Comment", text: t.image, block: t.tokenType === BlockComment, range: tokenRange(t) });
  }

  // Unterminated literals become their terminated kind after one precise diagnostic, so the
  // parser sees a well-formed stream and reports nothing more about them (the fast scanner
  // declines them).
  const tokens: IToken[] = fast ? fast.tokens : [];
  for (let i = 0; !fast && i < lexedTokens.length; i++) {
    const t = lexedTokens[i];
    fixEnd(t);
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedString, {}, uri, tokenRange(t)));
      tokens.push(retype(t, StringLiteral));
    } else if (t.tokenType === UnterminatedTextBlock) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedTextBlock, {}, uri, tokenRange(t)));
      tokens.push(retype(t, TextBlock));
    } else if (t.tokenType === UnterminatedBlockComment) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedComment, {}, uri, tokenRange(t)));
      comments.push({ kind: "Comment", text: t.image, block: true, range: tokenRange(t) });
    } else tokens.push(t);
  }
  comments.sort((a, b) => a.range.start.offset - b.range.start.offset);

  // the pieces the stream parsed are the ones `parseItems` would parse first: it goes on after them
  const from = fast && resume ? resume.from : 0;
  const done = fast && resume ? resume.items : [];
  const { items, last, errors } = parseItems(tokens, lineStarts, pieceTokens, from, done);
  for (const error of errors) {
    const t = error.token;
    const range = Number.isFinite(t.startOffset) ? tokenRange(t) : endOfInputRange(text, lineStarts, tokens);
    diagnostics.push(createDiagnostic(Diagnostics.syntaxError, { message: error.message }, uri, range));
  }
  const file = buildFile(last, comments, text.length, lineStarts);
  if (items.length > 0) file.items = [...items, ...file.items];
  return { file, diagnostics, tokens };
}

type Item = SlaFile["items"][number];

/** By token type index: whether the type can hold a line break (read per token, so not off the type object). */
const HOLDS_LINE_BREAKS: boolean[] = [];
for (const type of allTokens) HOLDS_LINE_BREAKS[type.tokenTypeIdx!] = type.LINE_BREAKS === true;

/** Tokens a piece holds at least before the parse may be cut after it (see `parseItems`). */
const PIECE_TOKENS = 2000;

/**
 * Parses the tokens a piece at a time and builds each piece's AST at once, so that Chevrotain's CST
 * of a piece is garbage before the next piece is parsed, instead of one tree of the whole file held
 * until the end (building and collecting that tree was a third of the parse of a big contract).
 *
 * Each piece is read by the fast parser (fast-parser.ts) when it is well formed, and by
 * Chevrotain's when the fast parser declines; both give the same AST for such a piece.
 *
 * A piece ends before a declaration keyword that follows a `}` at brace depth 0: when the piece
 * before it parsed without an error, the parser is there back at the start of `topLevel`, as the
 * incremental parser also relies on. A piece with a syntax error is parsed again with everything
 * after it, so that error recovery sees what a parse of the whole file sees, and a parse that
 * throws is done again on the whole file: diagnostics and AST are those of one whole-file parse.
 */
function parseItems(
  tokens: IToken[],
  lineStarts: number[],
  pieceTokens: number,
  from = 0,
  done: Item[] = [],
): { items: Item[]; last: CstNode | undefined; errors: IRecognitionException[] } {
  const items: Item[] = done;
  let start = from;
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (type === LCurly) depth++;
    else if (type === RCurly) depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      i - start >= pieceTokens &&
      DECLARATION_TOKEN_TYPES.has(type) &&
      tokens[i - 1].tokenType === RCurly
    ) {
      const fastItems = fastPath ? parseFast(tokens, start, i, lineStarts) : undefined;
      if (fastItems !== undefined) {
        for (const item of fastItems) items.push(item);
        start = i;
        continue;
      }
      const cst = parseFileRule(tokens.slice(start, i));
      if (cst === undefined || slaGrammar().errors.length > 0) break;
      for (const item of buildFile(cst, [], 0, lineStarts).items) items.push(item);
      start = i;
    }
  }
  // the last piece, or the rest of the file from the first piece with an error
  const fastLast = fastPath ? parseFast(tokens, start, tokens.length, lineStarts) : undefined;
  if (fastLast !== undefined) {
    for (const item of fastLast) items.push(item);
    return { items, last: undefined, errors: [] };
  }
  const last = parseFileRule(start === 0 ? tokens : tokens.slice(start));
  if (last === undefined && start > 0) return parseItems(tokens, lineStarts, Number.POSITIVE_INFINITY);
  return { items, last, errors: slaGrammar().errors };
}

/**
 * How far the streaming parse got: its result, or the pieces it parsed (`items`, the tokens before
 * `from`) before the fast parser declined one, or `lexed: false` when the fast scanner declined.
 */
interface Streamed {
  result?: ParseResult;
  lexed?: false;
  from: number;
  items: Item[];
}

/**
 * `parseItems` over the fast scanner's tokens as they are read, for a well-formed text: each piece
 * is lexed, parsed by the fast parser and done with before the next is read. The pieces are cut
 * where `parseItems` cuts them, so when the fast parser declines one, `parseItems` goes on from it
 * with the pieces parsed so far; when the scanner declines, the text is Chevrotain's lexer's.
 */
function parseStreaming(text: string, pieceTokens: number, keepTokens: boolean): Streamed {
  const scanner = new FastScanner(text);
  // filled as the text is read: a piece's positions lie before the token that ends it
  const lineStarts = scanner.lineStarts;
  const all: IToken[] | undefined = keepTokens ? [] : undefined;
  const comments: Comment[] = [];
  const items: Item[] = [];
  // the piece is piece[0, length): the list is reused, since `piece.length = 0` would give up its
  // storage and every piece would grow a new one (a few megabytes a check of a large contract)
  const piece: IToken[] = [];
  let length = 0;
  // Without a token list to keep, a piece's token objects are written over by the next piece's
  // (no AST node holds a token): slot k of the pool is the piece's k-th token, or the token being read.
  const pool: IToken[] | undefined = keepTokens ? undefined : [];
  let from = 0;
  let depth = 0;
  let previous: TokenType | undefined;
  for (;;) {
    const t = scanner.next(pool?.[length]);
    if (t === undefined) return { lexed: false, from: 0, items: [] };
    if (t === null) break;
    const type = t.tokenType;
    if (type === LineComment || type === BlockComment) {
      comments.push({ kind: "Comment", text: t.image, block: type === BlockComment, range: tokenRange(t) });
      if (pool !== undefined) pool[length] = t;
      continue;
    }
    all?.push(t);
    if (type === LCurly) depth++;
    else if (type === RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && length >= pieceTokens && DECLARATION_TOKEN_TYPES.has(type) && previous === RCurly) {
      const parsed = parseFast(piece, 0, length, lineStarts);
      if (parsed === undefined) return { from, items };
      for (const item of parsed) items.push(item);
      from += length;
      if (pool !== undefined) {
        // the token read (in the slot after the piece) is the first of the next piece
        pool[length] = pool[0];
        pool[0] = t;
      }
      length = 0;
    }
    if (pool !== undefined) pool[length] = t;
    piece[length++] = t;
    previous = type;
  }
  const parsed = parseFast(piece, 0, length, lineStarts);
  if (parsed === undefined) return { from, items };
  for (const item of parsed) items.push(item);
  const file = buildFile(undefined, comments, text.length, lineStarts);
  file.items = items;
  const result: ParseResult = { file, diagnostics: [], tokens: all ?? [] };
  if (all === undefined) {
    let tokens: IToken[] | undefined;
    Object.defineProperty(result, "tokens", {
      get: () => (tokens ??= lexFast(text)?.tokens ?? []),
      set: (value: IToken[]) => {
        tokens = value;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return { result, from, items };
}

/** Chevrotain's parse of `tokens` as a whole file, with error recovery. */
function parseFileRule(tokens: IToken[]): CstNode | undefined {
  const grammar = slaGrammar();
  grammar.input = tokens;
  try {
    return grammar.file();
  } catch {
    // Chevrotain's recovery is defensive but not proven total; an AST of what was read beats a crash.
    return undefined;
  }
}

function retype(t: IToken, tokenType: IToken["tokenType"]): IToken {
  return { ...t, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! };
}

/** Errors at the end of input point just after the last token, where the missing text belongs. */
function endOfInputRange(text: string, lineStarts: number[], tokens: IToken[]): Range {
  const last = tokens[tokens.length - 1];
  const offset = last ? last.endOffset! + 1 : text.length;
  const position = positionAt(lineStarts, offset);
  return { start: position, end: position };
}
