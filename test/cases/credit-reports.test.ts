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
