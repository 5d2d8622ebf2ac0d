/**
 * PLAIN_VALUES, read off the definition: the properties whose one value a bundle field may hold
 * as it is (`fromProperty`), and where that value is in the AST.
 */
import { describe, expect, it } from "vitest";
import { PLAIN_VALUES, PROPERTIES } from "../../src/definition/index.ts";
import type { PropertyDefinition } from "../../src/definition/properties.ts";

const rowOf = (kind: string) => (PROPERTIES as readonly PropertyDefinition[]).find((p) => kind in p.kinds)!;

describe("PLAIN_VALUES", () => {
  it("gives the one value field, its kind and what a name refers to; null for a property without a value", () => {
    expect(PLAIN_VALUES.claim).toEqual({ field: "duration", value: "duration" });
    expect(PLAIN_VALUES.exercise).toEqual({ field: "duration", value: "duration" });
    expect(PLAIN_VALUES.for).toEqual({ field: "objective", value: "name", names: "objective" });
    expect(PLAIN_VALUES.contact).toEqual({ field: "value", value: "string" });
    expect(PLAIN_VALUES.review).toEqual({ field: "frequency", value: "frequency" });
    expect(PLAIN_VALUES["sole remedy"]).toEqual({ field: null, value: null });
  });

  it("leaves out several values, lists, enumerations, hand-built forms and repeatable properties", () => {
    for (const kind of ["cap", "terminate", "holidays", "role", "credits cumulative", "credit", "define", "action"])
      expect(PLAIN_VALUES[kind], kind).toBeUndefined();
    for (const kind of Object.keys(PLAIN_VALUES)) {
      expect(rowOf(kind).repeat, kind).toBe("once");
      expect(rowOf(kind).customBuilder, kind).toBeUndefined();
    }
  });
});
