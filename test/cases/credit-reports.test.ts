/**
 * The service report's Markdown and CSV for the credit forms of the evaluation cases: what the JSON
 * report says (cases.test.ts) reaches the other report formats too.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderReportCsv, renderReportMarkdown } from "@sla/engine";
import { describe, expect, it } from "vitest";
import { build, run } from "../back-to-back/pipeline.ts";

const HERE = dirname(fileURLToPath(import.meta.url));

async function report(contract: string, events: string, period: string) {
  const { bundle } = build(readFileSync(join(HERE, contract), "utf8"));
  const records = readFileSync(join(HERE, events), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  const [r] = await run(bundle, records, { from: period });
  return r;
}

describe("fixed-amount credits in the service report", () => {
  it("name the amount as the tier and leave the percent empty", async () => {
    const r = await report("credit-amounts.sla", "credit-amounts-2026-03.ndjson", "2026-03");
    const markdown = renderReportMarkdown(r);
    expect(markdown).toContain("| Largest | Uptime | below 99.9% (USD 150.00, line 45) | — | USD 150.00 |");
    expect(markdown).toContain(
      "| FixedTiers | Uptime | below 99.5% but at least 99.0% (10% of monthly fee, line 39) | 10% |",
    );
    expect(markdown).not.toContain("null");
    const largest = r.credits.find((c) => c.remedy === "Largest")!;
    expect(largest.arithmetic).toBe("below 99.9% (Uptime 99.32795698924731182795698925%): USD 150.00");
    const perBreach = r.credits.find((c) => c.remedy === "PerBreach")!;
    expect(perBreach.arithmetic).toBe(
      "for each breach: USD 25.00 × 5 breaches = USD 125.00, capped at 5% of monthly fee per calendar month = USD 61.73",
    );
    const csv = renderReportCsv([r]);
    expect(csv.split("\n").find((line) => line.includes("Largest"))).toContain(",,,150.00,USD");
  });
});

describe("cumulative credits and a minimum credit in the service report", () => {
  it("write every tier added and the minimum that stopped a credit", async () => {
    const r = await report("credit-terms.sla", "credit-terms-2026-04.ndjson", "2026-04");
    const arithmetic = Object.fromEntries(r.credits.map((c) => [c.remedy, c.arithmetic]));
    expect(arithmetic.Stacked).toBe(
      "cumulative (Uptime 98.5%): below 99.9%: 10% + below 99.0%: 5% = 15% of monthly fee GBP 1000.00 = GBP 150.00",
    );
    expect(arithmetic.Mixed).toBe(
      "cumulative (Uptime 98.5%): below 99.9%: 10% of monthly fee + below 99.0%: GBP 20.00 = GBP 120.00",
    );
    expect(arithmetic.Tiny).toBe(
      "below 99.9% (Uptime 98.5%): 0.05% of monthly fee GBP 1000.00 = GBP 0.50, less than the minimum credit of GBP 1.00: nothing is paid",
    );
    // under the minimum: reported, and paid as nothing
    expect(r.credits.find((c) => c.remedy === "Tiny")?.amount).toBe("0.00");
  });
});

describe("a service's cap on all credits over a longer window", () => {
  // 120 minutes down on 10 February and on 10 March: each month's Uptime credit is 20% = GBP 200.00,
  // each of those weeks' GBP 40.00, each month's one breach of the outage limit GBP 50.00
  const records = ["2026-02-10", "2026-03-10"].map((day) => ({
    type: "outage",
    service: "Hosting",
    start: `${day}T10:00:00Z`,
    end: `${day}T12:00:00Z`,
    cause: "unplanned",
  }));
  const march = async (cap: string) => {
    const contract = readFileSync(join(HERE, "credit-service-cap.sla"), "utf8").replace(
      "cap all credits at 30% of monthly fee per calendar month",
      `cap all credits at ${cap}`,
    );
    const [r] = await run(build(contract).bundle, records, { from: "2026-03" });
    return Object.fromEntries(r.credits.map((c) => [c.remedy, c]));
  };

  it("counts what earlier months paid, also in a single-month report", async () => {
    // 30% of the annual fee, GBP 3,600.00: February used 200 + 40 + 50 = 290, March's week 40
    const credits = await march("30% of annual fee per calendar year");
    expect(credits.UptimeCredits.serviceCap?.remaining).toBe("3270.00");
    expect(credits.UptimeCredits.amount).toBe("200.00");
  });

  it("pays nothing more once earlier months used it up", async () => {
    // 30% of the monthly fee per year, GBP 300.00: February used 290, March's week gets the last 10
    const credits = await march("30% of monthly fee per calendar year");
    expect(credits.WeeklyCredits).toMatchObject({ amount: "10.00", capped: true });
    expect(credits.UptimeCredits).toMatchObject({ amount: "0.00", capped: true, percent: "0" });
    expect(credits.LimitCredits).toMatchObject({ amount: "0.00", capped: true });
  });
});

describe("credits per unit of downtime in the service report", () => {
  it("show the downtime counted and the units in it", async () => {
    const r = await report("credit-per-unit.sla", "credit-per-unit-2026-04.ndjson", "2026-04");
    const arithmetic = Object.fromEntries(r.credits.map((c) => [c.remedy, c.arithmetic]));
    expect(arithmetic.Started).toBe(
      "for each started 30 minutes of downtime beyond the allowance (Uptime 99.65277777777777777777777778%): 1h 46m 48s of downtime beyond the allowance of 43m 12s is 4 started 30 minutes: GBP 100.00 × 4 = GBP 400.00",
    );
    expect(arithmetic.Full).toBe(
      "for each full 1 hour of downtime (Uptime 99.65277777777777777777777778%): 2h 30m of downtime is 2 full 1 hour: 5% × 2 = 10% of monthly fee GBP 1000.00 = GBP 100.00",
    );
  });
});

describe("credits banded by breaches in the service report", () => {
  it("count the breached windows of the period, paid with its last window only", async () => {
    const r = await report("credit-breach-bands.sla", "credit-breach-bands-2026-03.ndjson", "2026-03");
    expect(r.credits.map((c) => [c.window, c.arithmetic])).toEqual([
      [
        "2026-W13",
        "breached 3 to 4 times per calendar quarter: 3 breached windows in the calendar quarter: 10% of monthly fee GBP 1000.00 = GBP 100.00",
      ],
    ]);
    // February's weeks are in the same quarter: nothing is paid before its last week
    const february = await report("credit-breach-bands.sla", "credit-breach-bands-2026-03.ndjson", "2026-02");
    expect(february.credits).toEqual([]);
  });
});
