/**
 * One fault, one diagnostic. Deleting any one word of a clean contract usually makes a syntax error;
 * the checker's own rules (SLA3xxx–SLA6xxx) must then say nothing about what the parser lost: no
 * "missing target" for a mangled target, no "24x7 budget" for a service whose `hours` were lost.
 */
import { describe, expect, it } from "vitest";
import { checkProgram, memoryHost } from "../../src/index.ts";
import { FIXTURE_URI, fixtureFiles } from "./fixtures.ts";

const uri = "file:///fixtures/edited.sla";

describe.each(["ok-tiers.sla", "ok-consistency.sla", "ok-outage-limit-boundary.sla", "ok-values.sla"])("%s", (name) => {
  it("with any one word deleted, has no rule diagnostic beside a syntax error", () => {
    const text = fixtureFiles()[FIXTURE_URI + name];
    const cascades: string[] = [];
    for (const word of text.matchAll(/\S+/g)) {
      const lineStart = text.lastIndexOf("\n", word.index) + 1;
      if (text.slice(lineStart, word.index).includes("//") || word[0].startsWith("//")) continue; // comments: no fault
      const edited = text.slice(0, word.index) + text.slice(word.index + word[0].length);
      const { diagnostics } = checkProgram(uri, memoryHost({ ...fixtureFiles(), [uri]: edited }));
      if (!diagnostics.some((d) => d.code.startsWith("SLA1"))) continue;
      for (const d of diagnostics) {
        if (/^SLA[3-6]/.test(d.code)) cascades.push(`without '${word[0]}' at ${word.index}: ${d.code} ${d.message}`);
      }
    }
    expect(cascades).toEqual([]);
  });
});

describe("a failed import", () => {
  it("does not make the declarations it might have used look unused", () => {
    const main = "file:///c/main.sla";
    const text = `import "gone.sla"
agreement A { effective 2026-01-01 }
party P "P" { role provider }
party C "C" { role customer }
service S { provider P customer C }
metric M { service S type availability }
`;
    const codes = checkProgram(main, memoryHost({ [main]: text })).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["SLA2004"]);
  });
});
