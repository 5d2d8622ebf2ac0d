/**
 * `fee as charged per month`: the fee is the month's `charge` records. The hand-computed figures
 * are in test/cases/fee-as-charged-2026-03.case.json; these are the records' reading and the errors.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChargeDataError, csvEvents, type EventItem, ndjsonEvents } from "@sla/engine";
import type { RuleBundle } from "../packages/engine/src/bundle.ts";
import { bothEngines } from "../packages/engine/test/sql/back-to-back.ts";
import { describe, expect, it } from "vitest";
import { build, run } from "./back-to-back/pipeline.ts";

const CASES = join(dirname(fileURLToPath(import.meta.url)), "cases");
const { bundle, markdown } = build(readFileSync(join(CASES, "fee-as-charged.sla"), "utf8"));

const outage = (day: string, minutes: number) => ({
  type: "outage",
  service: "Compute",
  start: `2026-03-${day}T14:00:00Z`,
  end: new Date(Date.parse(`2026-03-${day}T14:00:00Z`) + minutes * 60_000).toISOString(),
  cause: "unplanned",
});
const charge = (fields: Record<string, string>) => ({ type: "charge", service: "Compute", currency: "USD", ...fields });

async function all(source: AsyncIterable<EventItem>): Promise<EventItem[]> {
  const out: EventItem[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("fee as charged per month", () => {
  it("is an error naming the service and month when a credit is due and the month has no charge", async () => {
    const records = [charge({ period: "2026-02", amount: "10.00" }), outage("10", 60)];
    const evaluation = run(bundle, records, { from: "2026-03" });
    await expect(evaluation).rejects.toBeInstanceOf(ChargeDataError);
    await expect(evaluation).rejects.toThrow(/no charge record for service Compute in 2026-03/);
  });

  it("needs no charge for a month that owes no credit", async () => {
    const [report] = await run(bundle, [], { from: "2026-03" });
    expect(report.credits).toEqual([]);
  });

  it("adds a month's charges, a percentage exact before the money is rounded", async () => {
    const records = [
      charge({ period: "2026-03", amount: "0.05" }),
      charge({ period: "2026-03", amount: "0.10" }),
      outage("10", 600),
    ];
    const [report] = await run(bundle, records, { from: "2026-03" });
    // 44580 − 600 = 43980 of 44580 minutes = 98.65%: 30% of USD 0.15 = USD 0.045, rounded half up
    expect(report.credits[0]).toMatchObject({ percent: "30", amount: "0.05", currency: "USD" });
    expect(report.credits[0].arithmetic).toContain("30% of monthly fee (the charges for 2026-03) USD 0.15 = USD 0.05");
  });

  it("refuses a month charged in two currencies", async () => {
    const records = [
      charge({ period: "2026-03", amount: "5.00" }),
      charge({ period: "2026-03", amount: "5.00", currency: "EUR" }),
      outage("10", 60),
    ];
    await expect(run(bundle, records, { from: "2026-03" })).rejects.toThrow(
      /line 2: a charge for service Compute in 2026-03 in EUR, but line 1 charges it in USD/,
    );
  });

  it("refuses a charge for a quarter when the fee is charged per month", async () => {
    const records = [charge({ period: "2026-Q1", amount: "5.00" }), outage("10", 60)];
    await expect(run(bundle, records, { from: "2026-03" })).rejects.toThrow(
      /line 1: a charge for service Compute for 2026-Q1, but its fee is charged per month: write the period as YYYY-MM/,
    );
  });

  it("reads charges from NDJSON and CSV, and names the field of a bad one", async () => {
    const csv = ["type,service,period,amount,currency", "charge,Compute,2026-03,1234.56,USD"];
    const [fromCsv] = await all(csvEvents(csv));
    expect(fromCsv).toMatchObject({ type: "charge", period: "2026-03", amount: "1234.56", currency: "USD" });
    const bad = [
      charge({ period: "2026-13", amount: "1.00" }),
      charge({ amount: "1.00" }),
      charge({ period: "2026-03", amount: "-1.00" }),
      charge({ period: "2026-03", amount: "1.00", currency: "usd" }),
      charge({ period: "2026-03", at: "2026-03-01T00:00:00Z", amount: "1.00" }),
    ];
    const items = await all(ndjsonEvents(bad.map((r) => JSON.stringify(r))));
    expect(items.map((i) => (i.type === "invalid" ? i.field : i.type))).toEqual([
      "period",
      "period",
      "amount",
      "currency",
      "at",
    ]);
  });

  it("is computed by the SQL engine: the streaming engine's report, or its error naming the line", async () => {
    const records = readFileSync(join(CASES, "fee-as-charged-2026-03.ndjson"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const cases = [
      records,
      [charge({ period: "2026-02", amount: "10.00" }), outage("10", 60)].map((r) => JSON.stringify(r)),
      // a quarter where the fee is charged per month, and a month charged in two currencies
      [...records, JSON.stringify(charge({ period: "2026-Q1", amount: "1.00" }))],
      [...records, JSON.stringify(charge({ period: "2026-03", amount: "1.00", currency: "EUR" }))],
    ];
    const outcomes: string[] = [];
    for (const lines of cases) {
      const { streaming, duckdb } = await bothEngines(bundle as RuleBundle, lines.join("\n"), { from: "2026-03" });
      expect(duckdb).toBe(streaming);
      outcomes.push(streaming.slice(0, 60));
    }
    expect(outcomes.map((o) => o.startsWith("error ChargeDataError"))).toEqual([false, true, true, true]);
  });

  it("says in the contract that the customer pays the month's charges and what the Monthly Fee is", () => {
    expect(markdown).toContain(
      "The Customer shall pay the Provider the charges for the Service in each calendar month.",
    );
    expect(markdown).toContain(
      '"**Monthly Fee**" means the charges paid for the Service (clause 3) in the calendar month',
    );
  });
});
