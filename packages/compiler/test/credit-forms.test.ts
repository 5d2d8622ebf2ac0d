/** The credit forms of real agreements, from source to bundle and to the contract's tier table. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract } from "../src/index.ts";
import { checkSource, errorsOf } from "./helpers.ts";

const BANDS = fileURLToPath(new URL("../../../test/cases/credit-bands.sla", import.meta.url));

function build(text: string) {
  const program = checkSource({ "file:///c.sla": text });
  expect(errorsOf(program)).toEqual([]);
  const bundle = compileBundle(program);
  return { bundle, markdown: renderContract(bundle) };
}

describe("band tiers", () => {
  it("carry both bounds into the bundle, in the order written", () => {
    const { bundle } = build(readFileSync(BANDS, "utf8"));
    const [first] = bundle.remedies.find((r) => r.name === "BandCredits")!.credits;
    expect(first.condition).toEqual({
      kind: "threshold",
      comparator: "below",
      value: { kind: "percentage", value: "99.9", text: "99.9%" },
      bound: { comparator: "at least", value: { kind: "percentage", value: "99.0", text: "99.0%" } },
    });
  });

  it("print as published tables do, and a single threshold as before", () => {
    const { markdown } = build(readFileSync(BANDS, "utf8"));
    expect(markdown).toContain("| less than 99.9% but at least 99.0% | 10% of the Monthly Fee |");
    expect(markdown).toContain("| less than 99.0% but at least 95.0% | 25% of the Monthly Fee |");
    expect(markdown).toContain("| below 95.0% | 100% of the Monthly Fee |");
  });

  it("print the bounds in the order written", () => {
    const text = readFileSync(BANDS, "utf8").replace(
      "when below 99.9% but at least 99.0%",
      "when at least 99.0% but below 99.9%",
    );
    expect(build(text).markdown).toContain("| at least 99.0% but less than 99.9% | 10% of the Monthly Fee |");
  });

  it("leave a bundle without bands as it was: no bound field", () => {
    const text = readFileSync(BANDS, "utf8").replaceAll(/ but at least [\d.]+%/g, "");
    const { bundle } = build(text);
    for (const r of bundle.remedies) for (const c of r.credits) expect(c.condition).not.toHaveProperty("bound");
  });
});
