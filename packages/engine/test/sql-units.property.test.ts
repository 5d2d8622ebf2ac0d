/**
 * Generated per-unit contracts and records, DuckDB against the streaming engine: objectives held
 * for each instance (availability with or without maintenance allowances, latency, support), a
 * fee per instance (stated, or as charged: charge records per instance by period or by instant,
 * some months without one), optional caps (the remedy's, and on all credits), an objective of the whole
 * service beside them, in three zones; records of a few units (one with characters beyond ASCII),
 * some without a unit, read with and without --skip-invalid. Runs set by FUZZ_RUNS.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bothEngines } from "./sql/back-to-back.ts";
import { compile } from "./sql/unit-cases.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

const terms = fc.record({
  zone: fc.constantFrom("UTC", "Europe/London", "America/New_York"),
  office: fc.boolean(),
  maintenance: fc.boolean(),
  capAll: fc.constantFrom(null, "5", "30"),
  cap: fc.boolean(),
  minimum: fc.boolean(),
  whole: fc.boolean(),
  window: fc.constantFrom("calendar month", "week"),
  skipInvalid: fc.boolean(),
  quarter: fc.boolean(),
  charged: fc.boolean(),
});

function contract(t: {
  office: boolean;
  maintenance: boolean;
  capAll: string | null;
  cap: boolean;
  minimum: boolean;
  whole: boolean;
  window: string;
  charged: boolean;
}): string {
  return `
calendar Office { monday to friday 08:00 to 18:00 }
service Compute "Compute" {
  provider Acme
  customer Globex
  fee ${t.charged ? "as charged" : "USD 100.00"} for each instance per month
  hours ${t.office ? "Office" : "24x7"}
${t.maintenance ? "  exclude maintenance { notice 2 days  at most 2 hours per calendar month }\n" : ""}${t.capAll ? `  cap all credits at ${t.capAll}% of monthly fee per calendar month\n` : ""}}
metric Up { service Compute  type availability }
metric Latency { service Compute  type latency percentile 90 }
objective Uptime {
  metric Up
  for each instance
  target at least 99.9% per ${t.charged ? "calendar month" : t.window}
}
objective Fast {
  metric Latency
  for each instance
  target at most 200 milliseconds per calendar month
}
objective Support {
  service Compute
  for each instance
  severity 1 "Down"
  response within 2 hours during 24x7
  at least 90% of tickets per calendar month
}
remedy UptimeCredits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
  credit 25% of monthly fee when below 99.0%
${t.cap ? "  cap 30% of monthly fee per calendar month\n" : ""}${t.minimum ? "  minimum credit USD 12.00\n" : ""}  terminate when breached 2 times within 3 months
}
remedy FastCredits {
  for Fast
  credit 5% of monthly fee when above 200 milliseconds
}
remedy SupportCredits {
  for Support
  credit 15% of monthly fee when below 90%
}
${
  t.whole
    ? `objective Fleet {
  metric Up
  target at least 99.5% per calendar month
}
remedy FleetCredit {
  for Fleet
  credit USD 40.00 when below 99.5%
}
`
    : ""
}`;
}

const START = Date.UTC(2026, 1, 10);
const SPAN = 80 * 86_400_000;
// now and then a record without its unit: an error naming its line, or passed over
const unit = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom("a", "b", "c", "i-é1") },
  { weight: 1, arbitrary: fc.constant(null) },
);
const record = fc.oneof(
  fc.record({
    type: fc.constant("outage" as const),
    unit,
    offset: fc.integer({ min: 0, max: SPAN }),
    minutes: fc.integer({ min: 1, max: 900 }),
    cause: fc.constantFrom("unplanned", "unplanned", "maintenance", "customer"),
    noticeHours: fc.integer({ min: 0, max: 96 }),
  }),
  fc.record({
    type: fc.constant("measurement" as const),
    unit,
    offset: fc.integer({ min: 0, max: SPAN }),
    value: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({
    type: fc.constant("charge" as const),
    unit,
    offset: fc.integer({ min: 0, max: SPAN }),
    cents: fc.integer({ min: 0, max: 100_000 }),
    byPeriod: fc.boolean(),
  }),
  fc.record({
    type: fc.constant("ticket" as const),
    unit,
    offset: fc.integer({ min: 0, max: SPAN }),
    minutes: fc.integer({ min: 1, max: 300 }),
  }),
);

const iso = (ms: number) => new Date(ms).toISOString();

describe("DuckDB and the streaming engine on generated per-unit contracts and records", () => {
  it("give byte-identical reports (JSON as built, keys in order), or the same error", async () => {
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(terms, fc.array(record, { maxLength: 60 }), async (t, records) => {
        const bundle = compile(contract(t), t.zone);
        const lines = records.map((r) => {
          const at = START + r.offset;
          const u = r.unit === null ? {} : { unit: r.unit };
          if (r.type === "outage")
            return JSON.stringify({
              type: "outage",
              service: "Compute",
              ...u,
              start: iso(at),
              end: iso(at + r.minutes * 60_000),
              cause: r.cause,
              ...(r.cause === "maintenance" ? { announced: iso(at - r.noticeHours * 3_600_000) } : {}),
            });
          if (r.type === "charge")
            return JSON.stringify({
              type: "charge",
              service: "Compute",
              ...u,
              ...(r.byPeriod ? { period: iso(at).slice(0, 7) } : { at: iso(at) }),
              amount: (r.cents / 100).toFixed(2),
              currency: "USD",
            });
          if (r.type === "measurement")
            return JSON.stringify({ type: "measurement", metric: "Latency", ...u, at: iso(at), value: r.value });
          return JSON.stringify({
            type: "ticket",
            service: "Compute",
            ...u,
            severity: 1,
            opened: iso(at),
            responded: iso(at + r.minutes * 60_000),
          });
        });
        const options = {
          from: t.quarter ? "2026-02" : "2026-03",
          to: t.quarter ? "2026-04" : "2026-03",
          asOf: "2026-12-31",
          skipInvalid: t.skipInvalid,
        };
        const { streaming, duckdb } = await bothEngines(bundle, lines.join("\n"), options);
        if (!streaming.startsWith("error")) reports++;
        expect(duckdb).toBe(streaming);
      }),
      { numRuns: RUNS },
    );
    // many runs must reach a report, not only the error of a record without a unit or a charge
    expect(reports).toBeGreaterThan(RUNS / 4);
  }, 1_800_000);
});
