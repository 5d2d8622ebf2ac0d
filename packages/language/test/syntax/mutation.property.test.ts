/**
 * Thousands of mutated contracts (tokens deleted, duplicated, swapped; bytes cut) through lexer,
 * parser and formatter: nothing throws, every range lies inside the document, and whatever the
 * formatter accepts it formats idempotently. `FUZZ_RUNS` raises the count for `npm run fuzz`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLineStarts, format, parse, type Range, slaLexer } from "../../src/index.ts";
import { assertInside, corpus } from "../helpers.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const sources = corpus()
  .filter((c) => c.path.includes("/examples/") || c.path.endsWith("hosting.sla"))
  .map((c) => c.text);

type Mutation = { kind: "delete" | "duplicate" | "swap" | "cut"; at: number; other: number };

function tokenSpans(text: string): [number, number][] {
  return slaLexer.tokenize(text).tokens.map((t) => [t.startOffset, t.endOffset! + 1]);
}

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const spans = tokenSpans(result);
    if (spans.length === 0) break;
    const [s, e] = spans[m.at % spans.length];
    const [s2, e2] = spans[m.other % spans.length];
    switch (m.kind) {
      case "delete":
        result = result.slice(0, s) + result.slice(e);
        break;
      case "duplicate":
        result = result.slice(0, e) + " " + result.slice(s, e) + result.slice(e);
        break;
      case "swap": {
        if (s === s2) break;
        const [a, b] =
          s < s2
            ? [
                [s, e],
                [s2, e2],
              ]
            : [
                [s2, e2],
                [s, e],
              ];
        result =
          result.slice(0, a[0]) +
          result.slice(b[0], b[1]) +
          result.slice(a[1], b[0]) +
          result.slice(a[0], a[1]) +
          result.slice(b[1]);
        break;
      }
      case "cut":
        result = result.slice(0, m.at % (result.length + 1));
        break;
    }
  }
  return result;
}

function allRanges(node: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(node)) for (const item of node) allRanges(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (
        (key === "range" || key === "keyword" || key === "body") &&
        value &&
        typeof value === "object" &&
        "start" in value
      )
        out.push(value as Range);
      else allRanges(value, out);
    }
  }
  return out;
}

const mutation = fc.record({
  kind: fc.constantFrom("delete", "duplicate", "swap", "cut") as fc.Arbitrary<Mutation["kind"]>,
  at: fc.nat(),
  other: fc.nat(),
});

describe("mutated contracts", () => {
  it(`never break lexer, parser or formatter (${RUNS} runs)`, { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (source, mutations) => {
          const text = mutate(source, mutations);
          const lineStarts = computeLineStarts(text);
          const parsed = parse(text);
          for (const d of parsed.diagnostics) assertInside(d.range, text, lineStarts);
          for (const r of allRanges(parsed.file)) assertInside(r, text, lineStarts);
          const formatted = format(text);
          if (formatted.errors.length === 0) expect(format(formatted.text).text).toBe(formatted.text);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
