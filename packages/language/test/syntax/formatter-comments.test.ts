/** Trailing comments that were aligned stay aligned (as gofmt keeps them); the rest sit two spaces after their line. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../src/index.ts";

const PROPERTIES = [
  "for Uptime",
  "credit 10% of monthly fee when below 99.9%",
  "credit 25% of monthly fee when below 99.0%",
  "cap 100% of monthly fee per calendar month",
  "claim within 30 days",
];

function remedy(lines: string[]): string {
  return `remedy Credits {\n${lines.map((line) => `    ${line}\n`).join("")}}\n`;
}

describe("trailing comments", () => {
  it("keeps a run of aligned comments aligned, two spaces after the run's longest line", () => {
    const input = remedy([
      "for Uptime                                       // the objective",
      "credit 10% of monthly fee when below 99.9%       // first tier",
      "claim within 30 days                             // from the month's end",
    ]);
    expect(format(input).text).toBe(`remedy Credits {
  for Uptime                                  // the objective
  credit 10% of monthly fee when below 99.9%  // first tier
  claim within 30 days                        // from the month's end
}
`);
  });

  it("puts comments that were not aligned two spaces after their line", () => {
    const input = remedy(["for Uptime   // the objective", "claim within 30 days       // from the month's end"]);
    expect(format(input).text).toBe(`remedy Credits {
  for Uptime  // the objective
  claim within 30 days  // from the month's end
}
`);
  });

  it("ends a run at a blank line, a line without a comment, or a comment in another column", () => {
    const input = remedy([
      "for Uptime              // a",
      "claim within 30 days    // b",
      "",
      "credit 10% of monthly fee when below 99.9%  // c",
      "cap 100% of monthly fee per calendar month",
      "credit 25% of monthly fee when below 99.0%     // d",
      "for Uptime                                     // e",
      "claim within 30 days // f",
    ]);
    expect(format(input).text).toBe(`remedy Credits {
  for Uptime            // a
  claim within 30 days  // b

  credit 10% of monthly fee when below 99.9%  // c
  cap 100% of monthly fee per calendar month
  credit 25% of monthly fee when below 99.0%  // d
  for Uptime                                  // e
  claim within 30 days  // f
}
`);
  });

  it("is stable: formatting again changes nothing, and each source run comes out in one column", () => {
    const line = fc.record({
      property: fc.constantFrom(...PROPERTIES),
      comment: fc.option(fc.constantFrom(0, 4, 20, 50), { nil: undefined }),
      blankBefore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const source = lines.flatMap(({ property, comment, blankBefore }, i) => [
          ...(blankBefore ? [""] : []),
          comment === undefined ? property : `${property.padEnd(comment + property.length)} // c${i}`,
        ]);
        const once = format(remedy(source));
        expect(once.errors).toEqual([]);
        expect(format(once.text).text).toBe(once.text);
        // consecutive lines whose comments were aligned in the source are aligned in the result
        const columnOf = (text: string, i: number) =>
          text
            .split("\n")
            .find((l) => l.endsWith(`// c${i}`))
            ?.indexOf(`// c${i}`);
        for (let i = 1; i < lines.length; i++) {
          const [a, b] = [lines[i - 1], lines[i]];
          if (b.blankBefore || a.comment === undefined || b.comment === undefined) continue;
          if (a.comment + a.property.length !== b.comment + b.property.length) continue;
          expect(columnOf(once.text, i)).toBe(columnOf(once.text, i - 1));
        }
      }),
      { numRuns: 500 },
    );
  });
});
