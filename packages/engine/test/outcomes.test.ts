/**
 * Outcome-based pay in the engine, beyond the hand-computed gain-share case
 * (test/cases/outcome-pay-*): a pain share when the outcome falls below its band, the cap over the
 * largest band, a window without records, the service report's section, and records of an outcome
 * no incentive declares.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build, run } from "../../../test/back-to-back/pipeline.ts";
import { renderReportMarkdown } from "../src/index.ts";

const CONTRACT = readFileSync(new URL("../../../test/cases/outcome-pay.sla", import.meta.url), "utf8");

function records(met: number, missed: number, outcome = "ClaimsProcessed") {
  return Array.from({ length: met + missed }, (_, k) => ({
    type: "outcome",
    outcome,
    at: `2026-03-${String(1 + (k % 28)).padStart(2, "0")}T10:00:00Z`,
    met: k < met,
  }));
}

describe("outcome-based pay", () => {
  it("takes a pain share when the outcome falls below its band", async () => {
    // 17 of 20 = 85%: below 90%
    const [report] = await run(build(CONTRACT).bundle, records(17, 3), { from: "2026-03" });
    expect(report.outcomePay).toMatchObject([
      { value: "85", gainShare: null, painShare: { percent: "1.5", amount: "1500.00" }, net: "-1500.00" },
    ]);
  });

  it("bounds a band by the cap", async () => {
    const capped = CONTRACT.replace("cap 2% of monthly fee", "cap 1.25% of monthly fee");
    const [report] = await run(build(capped).bundle, records(20, 0), { from: "2026-03" });
    expect(report.outcomePay).toMatchObject([
      { value: "100", gainShare: { percent: "2", amount: "1250.00", capped: true } },
    ]);
  });

  it("pays nothing for a window without records, and says so", async () => {
    const [report] = await run(build(CONTRACT).bundle, records(5, 0, "OrdersShipped"), { from: "2026-03" });
    expect(report.outcomePay).toMatchObject([{ records: 0, value: null, gainShare: null, painShare: null, net: null }]);
    expect(report.outcomePay?.[0].note).toContain("No outcome records");
    // records of an outcome no incentive declares are counted as ignored
    expect(report.data.ignored).toBe(5);
  });

  it("is a section of the service report", async () => {
    const [report] = await run(build(CONTRACT).bundle, records(32, 1), { from: "2026-03" });
    expect(renderReportMarkdown(report)).toContain(
      "| ClaimsProcessed | 2026-03 | 32 of 33 | 96.9696…% | GBP 1,000.00 (1% of monthly fee, at least 96% but below 98%) | — | GBP 1,000.00 |",
    );
  });
});
