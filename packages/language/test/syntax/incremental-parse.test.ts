import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeLineStarts, type ParseResult, parse } from "../../src/syntax/parse.ts";
import { parseDocument, reparseDocument } from "../../src/syntax/incremental-parse.ts";

const HOSTING = readFileSync(new URL("../../../../../shared/spec/conformance/hosting.sla", import.meta.url), "utf8");
const URI = "file:///w/contract.sla";

/** What must be equal between an incremental and a full parse, in a form that compares well. */
function snapshot(result: ParseResult) {
  return {
    items: result.file.items,
    comments: result.file.comments,
    range: result.file.range,
    // Chevrotain words a stray token between declarations as "Expected EOF after 'x', found 'x'" when
    // more declarations follow, and as "Expected a declaration…" at the end of its input: same place, same fault.
    diagnostics: [...result.diagnostics]
      .map((d) =>
        JSON.stringify(d).replace(
          /Expected EOF after '[^']*', found/,
          "Expected a declaration (agreement, party, service, …), found",
        ),
      )
      .sort(),
    tokens: result.tokens.map(
      (t) =>
        `${t.tokenType.name} ${JSON.stringify(t.image)} ${t.startOffset}-${t.endOffset} ${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn}`,
    ),
  };
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "{",
  "}",
  '"',
  '"""',
  "/*",
  "*/",
  "// note",
  "\n",
  "\r\n",
  " ",
  "objective",
  "objective X {",
  "party P { role provider }",
  "}\n\nservice S {",
  "target at least 99.9% per calendar month",
  "99",
  ".9%",
  "%",
  "x",
  "é",
  "😀",
  "24x7",
  "metric",
  'import "a.sla"\n',
  "calendar",
  "hours",
  "15 minutes",
  "GBP 1",
  ",",
  "2026-01-01",
  "08:00",
  "\t",
  "foo bar",
];

describe("incremental parsing", () => {
  it("gives what a full parse gives, over random edit sequences", () => {
    const next = random(12345);
    let checks = 0;
    for (let sequence = 0; sequence < 30; sequence++) {
      let text = HOSTING;
      let doc = parseDocument(URI, text);
      for (let step = 0; step < 20; step++) {
        const at = Math.floor(next() * (text.length + 1));
        const remove = next() < 0.5 ? Math.floor(next() * 12) : 0;
        const insert = next() < 0.7 ? PIECES[Math.floor(next() * PIECES.length)] : "";
        text = text.slice(0, at) + insert + text.slice(at + remove);
        doc = reparseDocument(doc, URI, text);
        expect(doc.text).toBe(text);
        expect(doc.lineStarts).toEqual(computeLineStarts(text));
        expect(snapshot(doc.result)).toEqual(snapshot(parse(text, URI)));
        checks++;
      }
    }
    expect(checks).toBe(600);
  }, 120_000); // 600 full parses to compare with: over 30 s on a busy machine

  it("re-parses only the declaration that changed", () => {
    const doc = parseDocument(URI, HOSTING);
    expect(doc.chunks.length).toBeGreaterThan(15);
    const at = HOSTING.indexOf("99.9% per");
    const edited = `${HOSTING.slice(0, at)}99.8${HOSTING.slice(at + 4)}`;
    const next = reparseDocument(doc, URI, edited);
    const reused = next.chunks.filter((c) => doc.chunks.includes(c));
    expect(reused.length).toBe(doc.chunks.length - 1);
    expect(snapshot(next.result)).toEqual(snapshot(parse(edited, URI)));
  });

  it("handles empty documents and edits to and from them", () => {
    let doc = parseDocument(URI, "");
    doc = reparseDocument(doc, URI, "party A { role provider }");
    expect(snapshot(doc.result)).toEqual(snapshot(parse("party A { role provider }", URI)));
    doc = reparseDocument(doc, URI, "");
    expect(snapshot(doc.result)).toEqual(snapshot(parse("", URI)));
  });
});
