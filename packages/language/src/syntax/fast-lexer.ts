/**
 * A hand-written scanner that gives the tokens and comments Chevrotain's lexer (`slaLexer`) gives,
 * for input without a lexing problem, at a fraction of the time and without building Chevrotain's
 * lexer. It declines (returns `undefined`) at the first character the Chevrotain lexer would
 * report or turn into an unterminated token, and `parse` then lexes the whole text with
 * `slaLexer` as before: every lexing diagnostic comes from there. The digit-led literals and money
 * are matched with the lexer's own patterns (made sticky), tried in the lexer's order, each only
 * when a cheap test of the characters shows it could match; names, strings, comments and
 * whitespace are scanned by character. `test/syntax/fast-path.test.ts` compares both lexers.
 */
import type { IToken, TokenType } from "chevrotain";
import {
  Always,
  BlockComment,
  Comma,
  DateLiteral,
  DurationLiteral,
  KEYWORD_BY_WORD,
  LCurly,
  LineComment,
  MoneyLiteral,
  Name,
  NumberLiteral,
  PercentageLiteral,
  RCurly,
  StringLiteral,
  scanStringEnd,
  TextBlock,
  TimeLiteral,
} from "./lexer.ts";

export interface FastLexResult {
  tokens: IToken[];
  comments: IToken[];
}

function sticky(type: TokenType): RegExp {
  return new RegExp((type.PATTERN as RegExp).source, "y");
}

const ALWAYS = sticky(Always);
const DATE = sticky(DateLiteral);
const TIME = sticky(TimeLiteral);
const DURATION = sticky(DurationLiteral);
const PERCENTAGE = sticky(PercentageLiteral);
const NUMBER = sticky(NumberLiteral);
const MONEY = sticky(MoneyLiteral);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || isUpper(c) || c === 95;
const isNamePart = (c: number) => isNameStart(c) || isDigit(c);
/** The lexer's WhiteSpace characters other than line breaks. */
const isBlank = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
/** A character of a number's text (`1,000.50`): the numeric literals' number is a prefix of a run of these. */
const isNumberPart = (c: number) => isDigit(c) || c === 44 || c === 46;

/**
 * The reserved words by a hash of their characters (`wordHash`, worked out as the scanner reads a
 * word), in a table indexed by its low bits, so that a word is looked up without cutting its text
 * out first and without a map: a keyword token's image is then the one shared string of its word.
 */
const KEYWORD_SLOTS = 1024;
const KEYWORDS_BY_HASH: { word: string; type: TokenType; hash: number }[][] = Array.from(
  { length: KEYWORD_SLOTS },
  () => [],
);
for (const [word, type] of KEYWORD_BY_WORD) {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = wordHash(hash, word.charCodeAt(i));
  KEYWORDS_BY_HASH[hash & (KEYWORD_SLOTS - 1)].push({ word, type, hash });
}

function wordHash(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0;
}

function keywordAt(
  text: string,
  start: number,
  end: number,
  hash: number,
): { word: string; type: TokenType } | undefined {
  const candidates = KEYWORDS_BY_HASH[hash & (KEYWORD_SLOTS - 1)];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (candidate.hash === hash && candidate.word.length === end - start && text.startsWith(candidate.word, start))
      return candidate;
  }
  return undefined;
}

function matchAt(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** The tokens and comments of `text`, or `undefined` when Chevrotain's lexer must read it. */
export function lexFast(text: string): FastLexResult | undefined {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const scanner = new FastScanner(text);
  for (;;) {
    const token = scanner.next();
    if (token === undefined) return undefined;
    if (token === null) return { tokens, comments };
    if (isComment(token)) comments.push(token);
    else tokens.push(token);
  }
}

/** Whether a token of the scanner is a comment (Chevrotain's lexer puts those in a group of their own). */
export function isComment(token: IToken): boolean {
  return token.tokenType === LineComment || token.tokenType === BlockComment;
}

/**
 * The scanner of `lexFast`, a token at a time, so that a caller can read a piece of the text and be
 * done with its tokens before the next (`parse` does when nothing asks for the token list).
 */
export class FastScanner {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  /**
   * The offset at which each line read so far begins, as `computeLineStarts` gives them: the
   * positions of what has been read can be worked out before the rest of the text is read.
   */
  readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {}

  /**
   * The next token or comment; `null` at the end of the text, `undefined` where Chevrotain's lexer
   * must read it. Written into `reuse` when given (a token of this scanner that nothing reads any more).
   */
  next(reuse?: IToken): IToken | null | undefined {
    const text = this.text;
    const length = text.length;
    let line = this.line;
    let lineStart = this.lineStart;
    let i = this.i;
    let c = 0;
    const lineStarts = this.lineStarts;
    for (;;) {
      if (i >= length) {
        this.i = i;
        this.line = line;
        this.lineStart = lineStart;
        return null;
      }
      c = text.charCodeAt(i);
      if (!(c === 10 || c === 13 || isBlank(c))) break;
      if (c === 10) {
        line++;
        lineStart = i + 1;
        lineStarts.push(lineStart);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        line++;
        lineStart = i + 1;
        lineStarts.push(lineStart);
      }
      i++;
    }
    let type: TokenType;
    let end: number;
    let multiline = false;
    let hash = 0;
    if (isNameStart(c)) {
      end = -1;
      if (isUpper(c) && isUpper(text.charCodeAt(i + 1)) && isUpper(text.charCodeAt(i + 2))) {
        const after = text.charCodeAt(i + 3);
        if (after === 32 || after === 9) end = matchAt(MONEY, text, i);
      }
      if (end >= 0) type = MoneyLiteral;
      else {
        end = i + 1;
        hash = wordHash(0, c);
        for (; end < length; end++) {
          const d = text.charCodeAt(end);
          if (!isNamePart(d)) break;
          hash = wordHash(hash, d);
        }
        type = Name;
      }
    } else if (isDigit(c)) {
      end = -1;
      type = NumberLiteral;
      if (c === 50 && text.startsWith("24x7", i)) {
        end = matchAt(ALWAYS, text, i);
        type = Always;
      }
      if (end < 0 && text.charCodeAt(i + 4) === 45) {
        end = matchAt(DATE, text, i);
        type = DateLiteral;
      }
      if (end < 0 && text.charCodeAt(i + 2) === 58) {
        end = matchAt(TIME, text, i);
        type = TimeLiteral;
      }
      if (end < 0) {
        let run = i + 1;
        while (run < length && isNumberPart(text.charCodeAt(run))) run++;
        const after = text.charCodeAt(run);
        if (after === 32 || after === 9) {
          end = matchAt(DURATION, text, i);
          type = DurationLiteral;
        } else if (after === 37) {
          end = matchAt(PERCENTAGE, text, i);
          type = PercentageLiteral;
        }
        if (end < 0) {
          end = matchAt(NUMBER, text, i);
          type = NumberLiteral;
        }
      }
    } else if (c === 123) {
      type = LCurly;
      end = i + 1;
    } else if (c === 125) {
      type = RCurly;
      end = i + 1;
    } else if (c === 44) {
      type = Comma;
      end = i + 1;
    } else if (c === 34) {
      if (text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        if (close < 0) return undefined; // unterminated: the lexer reports it
        end = close + 3;
        type = TextBlock;
        multiline = true;
      } else {
        end = scanStringEnd(text, i);
        if (end < 0) return undefined;
        type = StringLiteral;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      end = i + 2;
      while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      type = LineComment;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return undefined;
      end = close + 2;
      type = BlockComment;
      multiline = true;
    } else return undefined; // a character no token starts with: the lexer reports it
    if (end < 0) return undefined;
    let image: string | undefined;
    if (type === Name) {
      const keyword = keywordAt(text, i, end, hash);
      if (keyword !== undefined) {
        type = keyword.type;
        image = keyword.word;
      }
    }
    image ??= text.slice(i, end);
    const startLine = line;
    const startColumn = i - lineStart + 1;
    if (multiline) {
      for (let j = i; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 10 || (d === 13 && text.charCodeAt(j + 1) !== 10)) {
          line++;
          lineStart = j + 1;
          lineStarts.push(lineStart);
        }
      }
    }
    // Not in the order of Chevrotain's tokens: an object literal with the same keys in the same
    // order shares their hidden class, whose number fields Chevrotain's own tokens (NaN offsets)
    // made fields of boxed doubles, so each token was seven objects, and each position the AST
    // builders read off it took the boxes too. In this order the numbers stay small integers.
    this.i = end;
    this.line = line;
    this.lineStart = lineStart;
    if (reuse !== undefined) {
      reuse.tokenType = type;
      reuse.tokenTypeIdx = type.tokenTypeIdx!;
      reuse.image = image;
      reuse.startOffset = i;
      reuse.endOffset = end - 1;
      reuse.startLine = startLine;
      reuse.endLine = line;
      reuse.startColumn = startColumn;
      reuse.endColumn = end - lineStart;
      return reuse;
    }
    const token: IToken = {
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
      image,
      startOffset: i,
      endOffset: end - 1,
      startLine,
      endLine: line,
      startColumn,
      endColumn: end - lineStart,
    };
    return token;
  }
}
