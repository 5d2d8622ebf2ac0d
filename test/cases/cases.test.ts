/**
 * The evaluation cases of test/cases, in the conformance suite's format (see
 * ../shared/spec/run-conformance.mjs): each *.case.json names a contract, an events file and a
 * period, and every field under "expect" must be in the report (decimals to 1e-9, arrays of named
 * things matched by name or remedy, extra fields allowed). Run in memory; `node
 * ../shared/spec/run-conformance.mjs test/cases` runs the same files through the CLI.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { build, run } from "../back-to-back/pipeline.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const CASES = readdirSync(HERE).filter((f) => f.endsWith(".case.json"));

interface Case {
  contract: string;
  events: string;
  period: string;
  expect: unknown;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** What differs between the expected fields and the report, as paths. */
function differences(want: unknown, got: unknown, path: string): string[] {
  if (Array.isArray(want)) {
    return want.flatMap((w, i) => {
      const key = w?.name ?? w?.remedy;
      const g = Array.isArray(got)
        ? key === undefined
          ? got[i]
          : got.find((x) => x && (x.name ?? x.remedy) === key)
        : undefined;
      return g === undefined ? [`${path}[${key ?? i}] missing`] : differences(w, g, `${path}[${key ?? i}]`);
    });
  }
  if (want !== null && typeof want === "object") {
    if (got === null || typeof got !== "object") return [`${path}: expected an object, got ${JSON.stringify(got)}`];
    return Object.entries(want).flatMap(([k, w]) =>
      differences(w, (got as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  if (typeof want === "string" && DECIMAL.test(want) && DECIMAL.test(String(got))) {
    return Math.abs(Number(want) - Number(got)) <= 1e-9 ? [] : [`${path}: expected ${want}, got ${got}`];
  }
  return want === got ? [] : [`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}

describe("evaluation cases (test/cases)", () => {
  it("has cases", () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  it.each(CASES)("%s", async (name) => {
    const c = JSON.parse(readFileSync(join(HERE, name), "utf8")) as Case;
    const { bundle } = build(readFileSync(join(HERE, c.contract), "utf8"));
    const records = readFileSync(join(HERE, c.events), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line));
    const [report] = await run(bundle, records, { from: c.period });
    expect(differences(c.expect, report, "report")).toEqual([]);
  });

  it("reports a difference it is shown", () => {
    expect(
      differences(
        { credits: [{ remedy: "R", amount: "1.00" }] },
        { credits: [{ remedy: "R", amount: "1.01" }] },
        "report",
      ),
    ).toEqual(["report.credits[R].amount: expected 1.00, got 1.01"]);
  });
});
