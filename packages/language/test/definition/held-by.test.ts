/**
 * A row may name the declarations that hold it (`heldBy`) instead of an edit of their lists in
 * declarations.ts, and the property it qualifies (`needs`). See ARCHITECTURE.md, "Adding a property".
 */
import { describe, expect, it } from "vitest";
import { DECLARATIONS, NEEDS_BY_KIND, PROPERTIES, PROPERTY_DOCS } from "../../src/definition/index.ts";
import type { PropertyDefinition } from "../../src/definition/properties.ts";
import { parse } from "../../src/index.ts";

const rows = PROPERTIES as readonly PropertyDefinition[];
const kinds = DECLARATIONS.map((d) => d.kind as string);

describe("heldBy", () => {
  it("names declaration kinds, and no body holds a rule twice (listed and named)", () => {
    for (const row of rows) for (const holder of row.heldBy ?? []) expect(kinds).toContain(holder);
    for (const d of DECLARATIONS) {
      const body = d.properties as readonly string[];
      expect(
        body.filter((rule, i) => body.indexOf(rule) !== i),
        d.kind,
      ).toEqual([]);
    }
  });

  it("adds the row to the end of each holder's body, after the listed properties, in table order", () => {
    const remedy = DECLARATIONS.find((d) => d.kind === "remedy")!.properties as readonly string[];
    const named = rows.filter((r) => r.heldBy?.includes("remedy")).map((r) => r.rule);
    expect(named).toContain("exerciseProperty");
    expect(remedy.slice(-named.length)).toEqual(named);
    // and the grammar parses it there, among the listed properties in any order
    const parsed = parse(
      "remedy R { exercise within 30 days  for O  terminate when breached 2 times within 6 months  notice 5 days }",
    );
    expect(parsed.diagnostics).toEqual([]);
    const kindsParsed = (parsed.file.items[0] as { properties: { kind: string }[] }).properties.map((p) => p.kind);
    expect(kindsParsed).toEqual(["exercise", "for", "terminate", "notice"]);
  });

  it("is not held where it is not named", () => {
    const parsed = parse("objective O { exercise within 30 days }");
    expect(parsed.diagnostics.map((d) => d.code)).toContain("SLA1005");
  });
});

describe("needs", () => {
  it("names a property kind the language has, held by every declaration that holds the qualifier", () => {
    for (const [kind, needed] of Object.entries(NEEDS_BY_KIND)) {
      expect(PROPERTY_DOCS[needed], `${kind} needs ${needed}`).toBeDefined();
      for (const d of DECLARATIONS) {
        const held = rows.filter((r) => (d.properties as readonly string[]).includes(r.rule));
        const holds = (k: string) => held.some((r) => k in r.kinds);
        if (holds(kind)) expect(holds(needed), `${d.kind} holds ${kind} but not ${needed}`).toBe(true);
      }
    }
  });
});
