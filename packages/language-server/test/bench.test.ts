import { describe, expect, it } from "vitest";
import { measureFirstCheck, measureLatencies } from "../src/bench.ts";
import { HOSTING } from "./harness.ts";

describe("measureLatencies", () => {
  it("measures each feature in-process over JSON-RPC", async () => {
    const results = await measureLatencies(HOSTING, 5);
    expect(results.map((r) => r.feature)).toEqual([
      "diagnostics after an edit",
      "diagnostics after a syntax error",
      "completion",
      "hover",
      "formatting",
    ]);
    for (const r of results) {
      expect(r.p50).toBeGreaterThan(0);
      expect(r.p95).toBeGreaterThanOrEqual(r.p50);
    }
  }, 30_000);
});

describe("measureFirstCheck", () => {
  it("times a fresh server's first diagnostics of a document, and counts them", async () => {
    const clean = await measureFirstCheck(HOSTING);
    expect(clean.diagnostics).toBe(0);
    expect(clean.ms).toBeGreaterThan(0);
    const broken = await measureFirstCheck(`${HOSTING}\nparty {`);
    expect(broken.diagnostics).toBeGreaterThan(0);
  }, 30_000);
});
