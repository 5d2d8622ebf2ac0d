/**
 * Generated request-based contracts and records (`generatedRequestCase`), DuckDB against the
 * streaming engine. Runs set by FUZZ_RUNS.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bothEngines } from "./sql/back-to-back.ts";
import { generatedRequestCase } from "./sql/request-cases.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

describe("DuckDB and the streaming engine on generated request-based contracts", () => {
  it("give byte-identical reports", async () => {
    await fc.assert(
      fc.asyncProperty(generatedRequestCase(), async (c) => {
        const { streaming, duckdb } = await bothEngines(c.bundle, c.lines.join("\n"), c.options);
        expect(streaming.startsWith("error")).toBe(false);
        expect(duckdb).toBe(streaming);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
