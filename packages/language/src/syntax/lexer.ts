/**
 * The `.sla` lexer. One Chevrotain lexer instance, built once, with `ensureOptimizations` so that
 * the first-character optimisation is proven at start-up rather than silently disabled.
 *
 * Durations and money are single tokens (`15 minutes`, `GBP 12,000.00`): that is how the brief
 * defines them lexically, and it keeps unit words such as `hours` free to be property keywords.
 */
import { type CustomPatternMatcherFunc, createToken, type ILexingResult, Lexer, type TokenType } from "chevrotain";
import { DECLARATION_KINDS } from "./ast.ts";
import { SKIP_GRAMMAR_VALIDATION } from "./build-mode.ts";
import { DEFINITION_KEYWORDS } from "../definition/index.ts";

const NUMBER_TEXT = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const LOWER = "abcdefghijklmnopqrstuvwxyz".split("");

/*
 * Every token says which characters can start it (`start_chars_hint`, or a string pattern) and
 * whether it can hold a line break (`line_breaks`): Chevrotain would otherwise parse each regular
 * expression to find out when the lexer is built, a sixth of a cold `sla check`. The first-character
 * map comes out the same (`lexer.test.ts` compares it with the one Chevrotain derives).
 */

/**
 * Strings, text blocks and comments are matched by scanners rather than regular expressions: they
 * may be megabytes long, and a pattern such as `"(?:[^"\\]|\\.)*"` keeps one backtracking entry
 * per character, which overflows the stack on a string of about 8 MiB. Each scanner is one pass.
 */
function scanned(scan: (text: string, offset: number) => number): { exec: CustomPatternMatcherFunc } {
  return {
    exec: (text, offset) => {
      const end = scan(text, offset);
      return end < 0 ? null : [text.slice(offset, end)];
    },
  };
}

/** Where a one-line string that opens at `offset` stops, and whether a closing quote stopped it. */
function scanString(text: string, offset: number): { end: number; closed: boolean } {
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { end: i + 1, closed: true }; // "
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x5c) {
      // a backslash escapes any character but a line terminator
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= text.length || next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029) break;
      i += 2;
    } else i++;
  }
  return { end: i, closed: false };
}

/** The end of a literal from `open` to the next `close`, or -1 when `open` is not at `offset`. */
function delimited(open: string, close: string, unterminated: boolean) {
  return (text: string, offset: number): number => {
    if (!text.startsWith(open, offset)) return -1;
    const at = text.indexOf(close, offset + open.length);
    if (unterminated) return at < 0 ? text.length : -1;
    return at < 0 ? -1 : at + close.length;
  };
}

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  start_chars_hint: [" ", "\t", "\r", "\n", "\f", "\v", "\u00a0", "\ufeff"],
  line_breaks: true,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: scanned((text, offset) => {
    if (!text.startsWith("//", offset)) return -1;
    let i = offset + 2;
    while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    return i;
  }),
  start_chars_hint: ["/"],
  line_breaks: false,
  group: "comments",
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: scanned(delimited("/*", "*/", false)),
  start_chars_hint: ["/"],
  line_breaks: true,
  group: "comments",
});
/** An unterminated block comment runs to the end of the file; the parser reports it. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: scanned(delimited("/*", "*/", true)),
  start_chars_hint: ["/"],
  line_breaks: true,
});

export const TextBlock = createToken({
  name: "TextBlock",
  pattern: scanned(delimited('"""', '"""', false)),
  start_chars_hint: ['"'],
  line_breaks: true,
});
export const UnterminatedTextBlock = createToken({
  name: "UnterminatedTextBlock",
  pattern: scanned(delimited('"""', '"""', true)),
  start_chars_hint: ['"'],
  line_breaks: true,
});
/** The end of a closed one-line string that opens at `offset`, or -1. */
export function scanStringEnd(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 0x22) return -1;
  const { end, closed } = scanString(text, offset);
  return closed ? end : -1;
}

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: scanned(scanStringEnd),
  start_chars_hint: ['"'],
  line_breaks: false,
});
/** A string without its closing quote runs to the end of its line (or to an escaped line break). */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: scanned((text, offset) => (text.charCodeAt(offset) === 0x22 ? scanString(text, offset).end : -1)),
  start_chars_hint: ['"'],
  line_breaks: false,
});

export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "'{'" });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "'}'" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','" });

export const Always = createToken({
  name: "Always",
  pattern: /24x7(?![A-Za-z0-9_])/,
  start_chars_hint: ["2"],
  line_breaks: false,
  label: "24x7",
});
export const DateLiteral = createToken({
  name: "DateLiteral",
  pattern: /\d{4}-\d{2}-\d{2}(?![0-9])/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  label: "a date (YYYY-MM-DD)",
});
export const TimeLiteral = createToken({
  name: "TimeLiteral",
  pattern: /\d{2}:\d{2}(?![0-9])/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  label: "a time (HH:MM)",
});
export const DURATION_UNIT_PATTERN =
  "(?:business[ \\t]+(?:days?|hours?)|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)";
export const DurationLiteral = createToken({
  name: "DurationLiteral",
  pattern: new RegExp(`${NUMBER_TEXT}[ \\t]+${DURATION_UNIT_PATTERN}(?![A-Za-z0-9_])`),
  start_chars_hint: DIGITS,
  line_breaks: false,
  label: "a duration (e.g. 15 minutes)",
});
export const PercentageLiteral = createToken({
  name: "PercentageLiteral",
  pattern: new RegExp(`${NUMBER_TEXT}%`),
  start_chars_hint: DIGITS,
  line_breaks: false,
  label: "a percentage (e.g. 99.9%)",
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: new RegExp(NUMBER_TEXT),
  start_chars_hint: DIGITS,
  line_breaks: false,
  label: "a number",
});
export const MoneyLiteral = createToken({
  name: "MoneyLiteral",
  pattern: new RegExp(`[A-Z]{3}[ \\t]+${NUMBER_TEXT}(?![A-Za-z0-9_%])`),
  start_chars_hint: UPPER,
  line_breaks: false,
  label: "an amount (e.g. GBP 12,000.00)",
});
export const Name = createToken({
  name: "Name",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  start_chars_hint: [...UPPER, ...LOWER, "_"],
  line_breaks: false,
  label: "a name",
});

/**
 * The reserved words: every word the language's definition uses, so the parser, completion,
 * hover and the TextMate grammar agree.
 */
export const KEYWORDS: readonly string[] = DEFINITION_KEYWORDS;
export type Keyword = string;

export const DECLARATION_KEYWORDS = ["import", ...DECLARATION_KINDS] as const satisfies readonly Keyword[];

export const keywordTokens: Record<Keyword, TokenType> = Object.fromEntries(
  KEYWORDS.map((word) => [
    word,
    createToken({
      name: `Kw_${word}`,
      pattern: new RegExp(word),
      start_chars_hint: [word[0]],
      line_breaks: false,
      longer_alt: Name,
      label: `'${word}'`,
    }),
  ]),
) as Record<Keyword, TokenType>;

/** The tokens that start an item of a file (`import` and the declaration keywords). */
export const DECLARATION_TOKEN_TYPES: ReadonlySet<TokenType> = new Set(
  DECLARATION_KEYWORDS.map((w) => keywordTokens[w]),
);

/** Tokens that the lexer produces but the grammar never accepts: the parser turns them into clear errors. */
export const errorTokens = [UnterminatedBlockComment, UnterminatedTextBlock, UnterminatedString];

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  TextBlock,
  UnterminatedTextBlock,
  StringLiteral,
  UnterminatedString,
  LCurly,
  RCurly,
  Comma,
  Always,
  DateLiteral,
  TimeLiteral,
  DurationLiteral,
  PercentageLiteral,
  NumberLiteral,
  MoneyLiteral,
  // longest first, so that `term` does not shadow `terminate`
  ...[...KEYWORDS].sort((a, b) => b.length - a.length).map((word) => keywordTokens[word]),
  Name,
];

/**
 * What Chevrotain's lexer matches: every token but the keywords. A keyword is read as a `Name` and
 * retyped when its image is a reserved word (`slaLexer`), which gives the same tokens as trying each
 * keyword's pattern with `Name` as its longer alternative (the whole word decides either way), at
 * a third less lexing time: most words start with a letter that several keywords start with too.
 */
export const KEYWORD_BY_WORD: ReadonlyMap<string, TokenType> = new Map(
  KEYWORDS.map((word) => [word, keywordTokens[word]]),
);
for (const word of KEYWORDS) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) throw new Error(`The reserved word '${word}' is not lexed as a name`);
}
const KEYWORD_TYPES: ReadonlySet<TokenType> = new Set(KEYWORD_BY_WORD.values());

export const lexedTokens: TokenType[] = allTokens.filter((t) => !KEYWORD_TYPES.has(t));

/**
 * Chevrotain's lexer itself (tests read its first-character tables), built on first use: `parse`
 * reads well-formed text with its own scanner (`fast-lexer.ts`), so a run that meets no lexing
 * problem never pays for building it.
 */
let builtLexer: Lexer | undefined;
export function chevrotainLexer(): Lexer {
  builtLexer ??= new Lexer(lexedTokens, {
    ensureOptimizations: true,
    skipValidations: SKIP_GRAMMAR_VALIDATION,
    positionTracking: "full",
  });
  return builtLexer;
}

/** The `.sla` lexer: Chevrotain's, with the names that are reserved words retyped as their keywords. */
export const slaLexer = {
  tokenize(text: string): ILexingResult {
    const result = chevrotainLexer().tokenize(text);
    const tokens = result.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.tokenType !== Name) continue;
      const keyword = KEYWORD_BY_WORD.get(token.image);
      if (keyword === undefined) continue;
      token.tokenType = keyword;
      token.tokenTypeIdx = keyword.tokenTypeIdx!;
    }
    return result;
  },
};
