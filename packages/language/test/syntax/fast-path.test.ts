/**
 * The fast scanner and parser (fast-lexer.ts, fast-parser.ts) against Chevrotain's lexer and
 * parser: on every .sla file of the repository and the conformance suite, generated contracts, and
 * many broken copies of them, the fast path either declines or gives exactly what Chevrotain's
 * path gives (AST with ranges, diagnostics, tokens); and where it accepts, Chevrotain's parser
 * reports nothing. Its grammar model is Chevrotain's, rule for rule.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CstParser, Lexer, serializeProduction } from "chevrotain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateContract } from "../../../../bench/generate.ts";
import { FastScanner, lexFast } from "../../src/syntax/fast-lexer.ts";
import { fastGrammarRules, parseFast } from "../../src/syntax/fast-parser.ts";
import { slaGrammar } from "../../src/syntax/grammar.ts";
import { slaLexer } from "../../src/syntax/lexer.ts";
import { computeLineStarts, type ParseResult, parse, parseInPieces, setFastPath } from "../../src/syntax/parse.ts";

const REPO = fileURLToPath(new URL("../../../../", import.meta.url));

function slaFiles(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    if (name === "node_modules" || name.startsWith(".") || name === "dist" || name === "out") continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) slaFiles(path, out);
    else if (name.endsWith(".sla")) out.push(path);
  }
  return out;
}

const FILES = [...slaFiles(REPO), ...slaFiles(join(REPO, "../shared/spec"))].sort();
const TEXTS = FILES.map((path) => readFileSync(path, "utf8"));

/** Chevrotain's lexer and parser alone, as before the fast path. */
function slowParse(text: string): ParseResult {
  setFastPath(false);
  try {
    return parse(text, "file:///w/contract.sla");
  } finally {
    setFastPath(true);
  }
}

afterEach(() => setFastPath(true));

let seed = 11;
function next(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

/** Broken and bent copies: cuts, deletions, stray words and characters, swapped and repeated tokens. */
function mutations(text: string, count: number): string[] {
  const tokens = slaLexer.tokenize(text).tokens;
  const junk = [
    "}",
    "{",
    ",",
    "credit",
    "objective",
    "at",
    "least",
    "per",
    "99%",
    "5 days",
    "X",
    '"s"',
    "/*",
    '"',
    "@",
    "2026-13-01",
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = next(text.length + 1);
    switch (i % 5) {
      case 0:
        out.push(text.slice(0, at));
        break;
      case 1:
        out.push(text.slice(0, at) + text.slice(at + 1 + next(30)));
        break;
      case 2:
        out.push(`${text.slice(0, at)} ${junk[next(junk.length)]} ${text.slice(at)}`);
        break;
      default: {
        if (tokens.length < 2) break;
        const k = next(tokens.length - 1);
        const [a, b] = [tokens[k], tokens[k + 1]];
        const before = text.slice(0, a.startOffset);
        const after = text.slice(b.endOffset! + 1);
        // swap two neighbouring tokens, or say one twice
        out.push(
          i % 5 === 3 ? `${before}${b.image} ${a.image}${after}` : `${before}${a.image} ${a.image} ${b.image}${after}`,
        );
      }
    }
  }
  return out;
}

/** The fast path's result equals Chevrotain's; returns whether the fast parser accepted the whole text. */
function expectSameParse(text: string): boolean {
  const fast = parse(text, "file:///w/contract.sla");
  const slow = slowParse(text);
  expect(fast.file).toStrictEqual(slow.file);
  expect(fast.diagnostics).toStrictEqual(slow.diagnostics);
  expect(fast.tokens).toStrictEqual(slow.tokens);
  const lexed = lexFast(text);
  if (lexed === undefined) return false;
  const accepted = parseFast(lexed.tokens, 0, lexed.tokens.length, computeLineStarts(text));
  if (accepted !== undefined) {
    // where the fast parser accepts, Chevrotain's parser accepts the same tokens without an error
    const grammar = slaGrammar();
    grammar.input = lexed.tokens;
    grammar.file();
    expect(grammar.errors).toEqual([]);
  }
  return accepted !== undefined;
}

describe("the fast path", () => {
  it("has Chevrotain's grammar model, rule for rule", () => {
    const chevrotain = slaGrammar().getGAstProductions();
    const fast = fastGrammarRules();
    expect([...fast.keys()].sort()).toEqual(Object.keys(chevrotain).sort());
    for (const [name, rule] of fast) expect(serializeProduction(rule)).toEqual(serializeProduction(chevrotain[name]));
  });

  it("lexes as Chevrotain's lexer does, or declines where it reports a problem", () => {
    let declined = 0;
    for (const text of [...TEXTS, ...TEXTS.filter((t) => t.length < 20_000).flatMap((t) => mutations(t, 4))]) {
      const fast = lexFast(text);
      const slow = slaLexer.tokenize(text);
      if (fast === undefined) {
        declined++;
        continue;
      }
      expect(slow.errors).toEqual([]);
      // the fast scanner states a multi-line token's end as parse() corrects Chevrotain's (see parse.ts)
      const plain = (t: (typeof slow.tokens)[number]) =>
        /[\r\n]/.test(t.image) ? { ...t, endLine: 0, endColumn: 0 } : t;
      expect(fast.tokens.map(plain)).toStrictEqual(slow.tokens.map(plain));
      expect(fast.comments.map(plain)).toStrictEqual((slow.groups.comments ?? []).map(plain));
    }
    expect(declined).toBeGreaterThan(0);
  });

  it("finds the line starts computeLineStarts finds, as it reads", () => {
    const breaks = 'party P "P" {\r\n  role provider\r}\n/* a\r\nb\rc\n */\n\nmetric M """\r\n  x\r  y\n  """ {}\r';
    for (const text of [...TEXTS, breaks, "", "\n", "\r", "\r\n\r\n"]) {
      const scanner = new FastScanner(text);
      let token = scanner.next();
      while (token) token = scanner.next();
      if (token === null) expect(scanner.lineStarts).toEqual(computeLineStarts(text));
      else expect(lexFast(text)).toBeUndefined();
    }
  });

  it("builds the same AST when it keeps no token list, reading each piece into the last one's tokens", () => {
    for (const text of TEXTS) {
      const kept = parse(text, "file:///w/contract.sla");
      for (const size of [1, 40, 2000]) {
        const lazy = parseInPieces(text, "file:///w/contract.sla", size, { lazyTokens: true });
        expect(lazy.file).toStrictEqual(kept.file);
        expect(lazy.diagnostics).toStrictEqual(kept.diagnostics);
      }
    }
  });

  it("parses every .sla file of the repository and the conformance suite as Chevrotain does", () => {
    expect(FILES.length).toBeGreaterThan(100);
    let accepted = 0;
    for (const text of TEXTS) {
      const clean = slowParse(text).diagnostics.length === 0;
      const fast = expectSameParse(text);
      // a file without a syntax problem is always read by the fast path
      if (clean) expect(fast).toBe(true);
      if (fast) accepted++;
    }
    expect(accepted).toBeGreaterThan(FILES.length / 2);
  });

  it("declines, or agrees with Chevrotain, on broken and bent copies of them", () => {
    let accepted = 0;
    let declined = 0;
    for (const text of TEXTS.filter((t) => t.length < 20_000)) {
      for (const mutated of mutations(text, 6)) {
        if (expectSameParse(mutated)) accepted++;
        else declined++;
      }
    }
    expect(accepted).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(50);
  });

  it("parses generated contracts in pieces as Chevrotain does, and a contract broken in its middle", () => {
    const { text } = generateContract(3_000);
    expect(expectSameParse(text)).toBe(true);
    const middle = text.indexOf("objective", text.length / 2);
    expect(expectSameParse(`${text.slice(0, middle)}objective {${text.slice(middle)}`)).toBe(false);
  });
});

describe("Chevrotain's parser and lexer", () => {
  it("are neither built nor run for a well-formed contract, and are for one with a mistake", async () => {
    vi.resetModules();
    // building a Chevrotain parser ends in its self-analysis (protected, hence the cast)
    const parserPrototype = CstParser.prototype as unknown as { performSelfAnalysis(): void };
    const selfAnalysis = vi.spyOn(parserPrototype, "performSelfAnalysis");
    const tokenize = vi.spyOn(Lexer.prototype, "tokenize");
    try {
      const fresh = await import("../../src/syntax/parse.ts");
      const { text } = generateContract(300);
      expect(fresh.parse(text).diagnostics).toEqual([]);
      expect(selfAnalysis).not.toHaveBeenCalled();
      expect(tokenize).not.toHaveBeenCalled();
      // a stray character: Chevrotain's lexer reads the text and its parser reports the error
      expect(fresh.parse(`${text}\n@`).diagnostics.map((d) => d.code)).toEqual(["SLA1001"]);
      expect(tokenize).toHaveBeenCalledTimes(1);
      expect(fresh.parse(`${text}\nservice {`).diagnostics.length).toBeGreaterThan(0);
      expect(selfAnalysis).toHaveBeenCalledTimes(1);
    } finally {
      selfAnalysis.mockRestore();
      tokenize.mockRestore();
    }
  });
});
