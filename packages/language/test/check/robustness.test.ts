/**
 * The rules never throw, whatever the parser recovered: every fixture, cut short or with a stretch
 * of text deleted or duplicated, still checks, and every diagnostic lies within its document.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProgram, memoryHost } from "../../src/index.ts";
import { FIXTURE_URI, fixtureFiles, fixtureNames } from "./fixtures.ts";

const texts = fixtureNames().map((name) => fixtureFiles()[FIXTURE_URI + name]);
const uri = "file:///fixtures/mutated.sla";

function checkOk(text: string): boolean {
  const checked = checkProgram(uri, memoryHost({ ...fixtureFiles(), [uri]: text }));
  return checked.diagnostics.every(
    (d) => d.range.start.offset <= d.range.end.offset && (d.uri !== uri || d.range.end.offset <= text.length),
  );
}

describe("checking mutated fixtures", () => {
  it("survives truncation, deletion and duplication", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom("cut", "delete", "duplicate"),
        (index, a, b, how) => {
          const text = texts[index];
          const i = a % (text.length + 1);
          const j = Math.min(text.length, i + (b % 40));
          const mutated =
            how === "cut"
              ? text.slice(0, i)
              : how === "delete"
                ? text.slice(0, i) + text.slice(j)
                : text.slice(0, j) + text.slice(i);
          return checkOk(mutated);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives every prefix of a full contract", () => {
    const text = texts.find((t) => t.includes("remedy") && t.includes("agreement"))!;
    for (let i = 0; i <= text.length; i += 7) expect(checkOk(text.slice(0, i))).toBe(true);
  });
});
