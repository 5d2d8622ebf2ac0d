import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/check.ts";
import { memoryHost } from "../../src/program/host.ts";
import type { ParseCache } from "../../src/program/program.ts";
import { parseDocument, reparseDocument } from "../../src/syntax/incremental-parse.ts";
import { type ParseResult, parse, parseInPieces } from "../../src/syntax/parse.ts";

const HOSTING = readFileSync(new URL("../../../../../shared/spec/conformance/hosting.sla", import.meta.url), "utf8");
const URI = "file:///w/contract.sla";
const CONTRACT = `${HOSTING}\n${HOSTING}\n${HOSTING}`;

/** The whole parse: AST, diagnostics (message and range) and tokens. */
function snapshot(result: ParseResult) {
  return {
    file: result.file,
    diagnostics: result.diagnostics,
    tokens: result.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}`),
  };
}

/** One file parsed at once, as a parse without pieces would. */
const whole = (text: string) => snapshot(parseInPieces(text, URI, Number.POSITIVE_INFINITY));

/** Deterministic edits: a deletion, an inserted stray word or brace, or a cut-off end. */
function mutations(text: string, count: number): string[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const junk = ["}", "{", "}}", "credit", "objective", "service X {", "target at least", '"open', "/*", "99%", ","];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = next(text.length);
    const kind = i % 3;
    if (kind === 0) out.push(text.slice(0, at) + text.slice(at + 1 + next(40)));
    else if (kind === 1) out.push(`${text.slice(0, at)} ${junk[next(junk.length)]} ${text.slice(at)}`);
    else out.push(text.slice(0, at));
  }
  return out;
}

describe("parsing in pieces", () => {
  it("cuts a clean contract into pieces and gives the parse of the whole file", () => {
    const expected = whole(CONTRACT);
    expect(expected.diagnostics).toEqual([]);
    for (const size of [1, 40, 500]) expect(snapshot(parseInPieces(CONTRACT, URI, size))).toEqual(expected);
  });

  it("words a stray token between declarations as the whole file's parse does", () => {
    // after a piece's last `}` the whole file's parser still sees the declarations that follow
    const boundaries = [...CONTRACT.matchAll(/}\n\n(?=service|objective|metric|remedy)/g)].map((m) => m.index + 1);
    expect(boundaries.length).toBeGreaterThan(6);
    for (const at of boundaries.filter((_, i) => i % 3 === 0)) {
      for (const stray of [" stray", " }", " 42"]) {
        const text = CONTRACT.slice(0, at) + stray + CONTRACT.slice(at);
        expect(snapshot(parseInPieces(text, URI, 1))).toEqual(whole(text));
      }
    }
  });

  it("gives the whole file's AST and syntax errors, wherever an edit breaks the contract", () => {
    for (const text of mutations(CONTRACT, 90)) {
      const expected = whole(text);
      expect(snapshot(parseInPieces(text, URI, 1))).toEqual(expected);
      expect(snapshot(parseInPieces(text, URI, 60))).toEqual(expected);
    }
  });
});

describe("the token list on demand", () => {
  const unmade = (result: ParseResult) => Object.getOwnPropertyDescriptor(result, "tokens")?.get !== undefined;

  it("is made only when read, and is the list a parse that keeps it gives", () => {
    const lazy = parseInPieces(CONTRACT, URI, 60, { lazyTokens: true });
    expect(unmade(lazy)).toBe(true);
    expect(snapshot(lazy)).toEqual(whole(CONTRACT));
    expect(lazy.tokens).toStrictEqual(parse(CONTRACT, URI).tokens);
    expect(lazy.tokens).toBe(lazy.tokens);
  });

  it("gives the same AST, diagnostics and tokens for broken text", () => {
    for (const text of mutations(CONTRACT, 45)) {
      const expected = whole(text);
      expect(snapshot(parseInPieces(text, URI, 60, { lazyTokens: true }))).toEqual(expected);
      expect(snapshot(parseInPieces(text, URI, 1, { lazyTokens: true }))).toEqual(expected);
    }
  });

  it("is not made by a check, nor by putting the parse in the cache, and is right when read later", () => {
    const host = memoryHost({ [URI]: CONTRACT });
    const cache: ParseCache = new Map();
    const program = checkProgram(URI, host, cache);
    const parsed = program.files.get(URI)!.parsed;
    const cached = cache.get(URI)!;
    expect(unmade(parsed)).toBe(true);
    expect(unmade(cached)).toBe(true);
    expect(cached.text).toBe(CONTRACT);
    expect(cached.file).toBe(parsed.file);
    expect(cached.tokens).toStrictEqual(parse(CONTRACT, URI).tokens);
    expect(parsed.tokens).toStrictEqual(parse(CONTRACT, URI).tokens);
  });
});

describe("positions shared within a declaration", () => {
  /** Every position object under `value`, with how many times it is reached. */
  function positions(value: unknown, found = new Map<object, number>()): Map<object, number> {
    if (value === null || typeof value !== "object") return found;
    if ("offset" in value && "line" in value && "column" in value) {
      found.set(value, (found.get(value) ?? 0) + 1);
      return found;
    }
    for (const v of Object.values(value)) positions(v, found);
    return found;
  }

  it("shares a property's start with its keyword's, and never a position between items or comments", () => {
    // declarations and a comment written against each other: an item's end is the next one's start
    const text = 'party P "P" { role provider }party C "C" { role customer }/* c */service S { provider P }';
    const { file } = parse(text, URI, { lazyTokens: true });
    expect(file.items.map((item) => item.range.start.offset)).toEqual([0, 29, 65]);
    const role = file.items[0].kind === "party" ? file.items[0].properties[0] : undefined;
    expect(role?.range.start).toBe(role?.keyword.start);
    const owners = new Map<object, number>();
    for (const [i, node] of [...file.items, ...file.comments].entries()) {
      for (const position of positions(node).keys()) {
        expect(owners.get(position) ?? i).toBe(i);
        owners.set(position, i);
      }
    }
  });

  it("moves each shared position once when an edit moves the declarations after it", () => {
    const text = `${CONTRACT.trimEnd()}service Tail "Tail" { provider Acme }`;
    const edited = `// a line above\n${text}`;
    const before = parseDocument(URI, text);
    expect(snapshot(reparseDocument(before, URI, edited).result)).toEqual(snapshot(parse(edited, URI)));
  });
});
