import { describe, expect, it } from "vitest";
import { measureLatencies } from "../src/bench.ts";
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
