import { Lexer, type TokenType } from "chevrotain";
import { describe, expect, it } from "vitest";
import { decodeString, slaLexer } from "../../src/index.ts";
import { allTokens, chevrotainLexer, keywordTokens, lexedTokens } from "../../src/syntax/lexer.ts";

function lex(text: string) {
  const result = slaLexer.tokenize(text);
  return { names: result.tokens.map((t) => `${t.tokenType.name}:${t.image}`), errors: result.errors };
}

describe("lexer", () => {
  it("builds with the first-character optimisation proven (ensureOptimizations would throw otherwise)", () => {
    expect(lex("agreement A {}").errors).toEqual([]);
  });

  it("declares the start characters and line breaks Chevrotain would derive from each pattern", () => {
    // the same tokens, with what Chevrotain can read off a regular expression left for it to read
    const copies = new Map<TokenType, TokenType>();
    for (const t of lexedTokens) {
      const { START_CHARS_HINT: _hint, LINE_BREAKS: _breaks, ...rest } = t as TokenType & Record<string, unknown>;
      copies.set(t, (t.PATTERN instanceof RegExp ? rest : { ...t }) as TokenType);
    }
    for (const copy of copies.values()) if (copy.LONGER_ALT) copy.LONGER_ALT = copies.get(copy.LONGER_ALT as TokenType);
    const derivable = [...copies.values()];
    const derived = new Lexer(derivable, { ensureOptimizations: true, positionTracking: "full" });
    type Internals = {
      charCodeToPatternIdxToConfig: Record<string, ({ tokenType: TokenType }[] | undefined)[]>;
      patternIdxToConfig: Record<string, { tokenType: TokenType; canLineTerminator: boolean }[]>;
    };
    const firstCharacters = (lexer: Lexer) =>
      (lexer as unknown as Internals).charCodeToPatternIdxToConfig.defaultMode.map((configs) =>
        configs?.map((c) => c.tokenType.name),
      );
    const lineBreaks = (lexer: Lexer) =>
      (lexer as unknown as Internals).patternIdxToConfig.defaultMode.map(
        (c) => `${c.tokenType.name}:${c.canLineTerminator}`,
      );
    expect(firstCharacters(chevrotainLexer())).toEqual(firstCharacters(derived));
    expect(lineBreaks(chevrotainLexer())).toEqual(lineBreaks(derived));
  });

  it("lexes every word as Chevrotain does with each keyword's pattern tried before Name (longer alternative Name)", () => {
    // the reference: the keyword tokens in the lexer, as the grammar's vocabulary lists them
    const reference = new Lexer(allTokens, { positionTracking: "full" });
    const words = Object.keys(keywordTokens);
    const text = [
      ...words,
      ...words.map((w) => `${w}s`),
      ...words.map((w) => `${w}_x ${w}1 ${w.slice(0, -1)} ${w.toUpperCase()} x${w}`),
      "term terminate terms service services 24x7 GBP 12.00 at least 99.9% per calendar month",
    ].join(" \n");
    const expected = reference.tokenize(text);
    const actual = slaLexer.tokenize(text);
    const shape = (r: typeof expected) =>
      r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endColumn]);
    expect(shape(actual)).toEqual(shape(expected));
    expect(actual.errors).toEqual(expected.errors);
    expect(actual.tokens.filter((t) => t.tokenType.name.startsWith("Kw_")).length).toBeGreaterThan(words.length);
  });

  it.each([
    ["15 minutes", "DurationLiteral:15 minutes"],
    ["1 hour", "DurationLiteral:1 hour"],
    ["5 business days", "DurationLiteral:5 business days"],
    ["2 business hours", "DurationLiteral:2 business hours"],
    ["300 milliseconds", "DurationLiteral:300 milliseconds"],
    ["1.5 weeks", "DurationLiteral:1.5 weeks"],
    ["24 months", "DurationLiteral:24 months"],
    ["1 year", "DurationLiteral:1 year"],
    ["30 seconds", "DurationLiteral:30 seconds"],
    ["99.95%", "PercentageLiteral:99.95%"],
    ["12,000.50", "NumberLiteral:12,000.50"],
    ["GBP 12,000.00", "MoneyLiteral:GBP 12,000.00"],
    ["USD 1", "MoneyLiteral:USD 1"],
    ["2026-01-01", "DateLiteral:2026-01-01"],
    ["08:00", "TimeLiteral:08:00"],
    ["24x7", "Always:24x7"],
    ['"a \\"quoted\\" word"', 'StringLiteral:"a \\"quoted\\" word"'],
    ["Sev1Response", "Name:Sev1Response"],
    ["terminate", "Kw_terminate:terminate"],
    ["term", "Kw_term:term"],
    ["monthly", "Kw_monthly:monthly"],
    ["months", "Kw_months:months"],
  ])("reads %s as one token", (text, expected) => {
    expect(lex(text)).toEqual({ names: [expected], errors: [] });
  });

  it("keeps keywords reserved but lets longer words be names", () => {
    expect(lex("service Services serviceLevel").names).toEqual([
      "Kw_service:service",
      "Name:Services",
      "Name:serviceLevel",
    ]);
  });

  it("does not read a duration unit glued to a longer word", () => {
    expect(lex("5 daysx").names).toEqual(["NumberLiteral:5", "Name:daysx"]);
  });

  it("puts comments in their own group", () => {
    const result = slaLexer.tokenize("// a\nparty /* b */ X");
    expect(result.tokens.map((t) => t.image)).toEqual(["party", "X"]);
    expect(result.groups.comments.map((t) => t.image)).toEqual(["// a", "/* b */"]);
  });

  it("reads a text block across lines", () => {
    expect(lex('"""\n  one\n  two\n"""').names).toEqual(['TextBlock:"""\n  one\n  two\n"""']);
  });

  it("reports characters outside the language", () => {
    expect(lex("party @ X").errors).toHaveLength(1);
  });
});

describe("string decoding", () => {
  it.each([
    ['"plain"', "plain"],
    ['"ends with a backslash \\\\"', "ends with a backslash \\"],
    ['"quote \\" inside"', 'quote " inside'],
    ['"line\\nbreak"', "line\nbreak"],
    ['"unclosed', "unclosed"],
    ['"unclosed \\"', 'unclosed "'],
  ])("%s decodes to %j", (image, value) => {
    expect(decodeString(image)).toBe(value);
  });
});
