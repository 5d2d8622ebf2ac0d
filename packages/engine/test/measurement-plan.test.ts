/**
 * Measurement plans in the engine, beyond the hand-computed case (test/cases/measurement-plan-*):
 * coverage stops at the as-of instant, a month before the effective date is not checked, gaps are
 * listed in the Markdown report with the plan's treatment, and a contract without a plan has no
 * `measurementPlans` in its report.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build, run } from "../../../test/back-to-back/pipeline.ts";
import { renderReportMarkdown } from "../src/index.ts";

const CONTRACT = readFileSync(new URL("../../../test/cases/measurement-plan.sla", import.meta.url), "utf8");
const RECORDS = readFileSync(new URL("../../../test/cases/measurement-plan-2026-03.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

describe("measurement plans", () => {
  it("check coverage up to the as-of instant only", async () => {
    // to the end of 5 March: five slots, all with a sample
    const [report] = await run(build(CONTRACT).bundle, RECORDS, { from: "2026-03", asOf: "2026-03-05" });
    expect(report.measurementPlans).toMatchObject([
      { to: "2026-03-06T00:00:00Z", expectedSamples: 5, slotsWithSamples: 5, coverage: "100", gapCount: 0 },
    ]);
  });

  it("do not check a month before the agreement takes effect", async () => {
    const [report] = await run(build(CONTRACT).bundle, RECORDS, { from: "2025-12" });
    expect(report.measurementPlans).toMatchObject([{ expectedSamples: 0, coverage: null, gaps: [] }]);
    expect(report.measurementPlans?.[0].note).toContain("no part of this month lies in the term");
  });

  it("list the gaps and the plan's treatment in the service report", async () => {
    const [report] = await run(build(CONTRACT).bundle, RECORDS, { from: "2026-03" });
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain("| BatchLatency | 1 day | 28 of 31 | 90.3225…% | 1 | 3d |");
    expect(markdown).toContain("- BatchLatency: no sample from 2026-03-10T00:00:00Z to 2026-03-13T00:00:00Z (3d)");
    expect(markdown).toContain("the plan on gaps: A day without a sample counts as a batch that missed its deadline");
  });

  it("leave a report without a plan as it was", async () => {
    const plain = CONTRACT.replace(/^\s*(measurer|data source|sample|gaps) .*$/gm, "");
    const [report] = await run(build(plain).bundle, RECORDS, { from: "2026-03" });
    expect("measurementPlans" in report).toBe(false);
  });
});
