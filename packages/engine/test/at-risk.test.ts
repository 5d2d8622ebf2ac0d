/**
 * Fees at risk in the engine, beyond the hand-computed cases of test/cases (fees-at-risk-*): a
 * level between its minimum and expected level is reported for trend and corrective action and
 * costs nothing; the service report shows the section; a contract without an At-Risk Amount has
 * no `feesAtRisk` in its report.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build, run } from "../../../test/back-to-back/pipeline.ts";
import { renderReportMarkdown } from "../src/index.ts";

const CONTRACT = readFileSync(new URL("../../../test/cases/fees-at-risk.sla", import.meta.url), "utf8");

// 60 of 44640 minutes down in March 2026: 99.8655…%, below the 99.9% expected, above the 99.5% minimum
const SHORTFALL = [
  {
    type: "outage",
    service: "Platform",
    start: "2026-03-10T08:00:00Z",
    end: "2026-03-10T09:00:00Z",
    cause: "unplanned",
  },
  { type: "measurement", metric: "Batch", at: "2026-03-15T02:00:00Z", value: 0.2 },
];

describe("fees at risk", () => {
  it("report a level below its expected level but at its minimum, with no credit", async () => {
    const [report] = await run(build(CONTRACT).bundle, SHORTFALL, { from: "2026-03" });
    const [entry] = report.feesAtRisk ?? [];
    expect(entry.failures).toEqual([]);
    expect(entry.credit).toBe("0.00");
    expect(entry.belowExpected).toMatchObject([
      { objective: "Uptime", metExpected: false, metMinimum: true, minimum: "at least 99.5%" },
    ]);
  });

  it("are a section of the service report", async () => {
    const records = readFileSync(new URL("../../../test/cases/fees-at-risk-2026-03.ndjson", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
    const [report] = await run(build(CONTRACT).bundle, records, { from: "2026-03" });
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain("## Fees at risk");
    expect(markdown).toContain("| Uptime | 2026-03 | at least 99.5% | 100% | GBP 12,000.00 | GBP 7,500.00 |");
    expect(markdown).toContain("Credit: GBP 12,000.00 (capped at the At-Risk Amount;");
    // values to four decimals; a key measurement without a target shows its limits as its level
    expect(markdown).toContain("| Uptime | 2026-03 | 99.3279… | at least 99.9%: no | at least 99.5%: no |");
    expect(markdown).toContain("| Outages | 2026-03 | — | at most 30 minutes per incident: no | — |");
  });

  it("leave a report without an At-Risk Amount as it was", async () => {
    const plain = CONTRACT.replace(/^\s*(at risk|pool maximum|earn back|critical|minimum|key measurement).*$/gm, "");
    const [report] = await run(build(plain).bundle, SHORTFALL, { from: "2026-03" });
    expect("feesAtRisk" in report).toBe(false);
    expect(renderReportMarkdown(report)).not.toContain("Fees at risk");
  });
});
