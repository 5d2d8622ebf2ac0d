/**
 * The values rule visits literals with a walker written out per property kind, for speed. This test
 * walks the AST generically and fails when a literal (or window) is missing from that walker — as it
 * would be after a new property or field is added to the AST.
 */
import { describe, expect, it } from "vitest";
import { declarationsOf, type Property } from "../../src/index.ts";
import { forEachLiteral, type Literal } from "../../src/check/rules/literals.ts";
import { checkFixture, fixtureNames } from "./fixtures.ts";
import { generateProgram } from "./large-program.ts";
import { parse } from "../../src/index.ts";

const KINDS = new Set(["Percentage", "Duration", "Money", "Date", "Time", "Number", "Window"]);
const SKIPPED = new Set(["range", "keyword", "typeRange", "roleRange", "body"]);

function generic(node: unknown, out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const child of node) generic(child, out);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Record<string, unknown> & { kind?: string; recovered?: boolean };
  if (n.kind === undefined || n.recovered) return;
  if (KINDS.has(n.kind)) out.push(node);
  for (const key of Object.keys(n)) if (!SKIPPED.has(key)) generic(n[key], out);
}

describe("forEachLiteral", () => {
  const sources = [
    ...fixtureNames().flatMap((name) => [...checkFixture(name).files.values()].map((f) => f.parsed.file)),
    parse(generateProgram(400, true).text).file,
  ];

  it("visits every literal and window of every property", () => {
    let checked = 0;
    for (const file of sources) {
      for (const declaration of declarationsOf(file)) {
        for (const property of declaration.properties as Property[]) {
          if (property.recovered) continue;
          const expected: unknown[] = [];
          generic(property, expected);
          const visited: Literal[] = [];
          forEachLiteral(property, (literal) => visited.push(literal));
          expect(new Set(visited)).toEqual(new Set(expected));
          checked += expected.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
