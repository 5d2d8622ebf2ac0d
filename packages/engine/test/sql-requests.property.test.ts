/**
 * Generated request-based contracts and records, DuckDB against the streaming engine: time slices
 * of every length that divides an hour, above or at least thresholds with decimals, in zones whose
 * clocks change by an hour or half an hour (or not at all, or at :30 UTC), over weeks around the
 * clock changes of March and April, beside a success rate and outage records of every cause.
 * Runs set by FUZZ_RUNS.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bothEngines } from "./sql/back-to-back.ts";
import { contract } from "./sql/request-cases.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const shape = fc.record({
  zone: fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"),
  office: fc.boolean(),
  length: fc.constantFrom("1 minute", "5 minutes", "15 minutes", "30 minutes", "1 hour"),
  comparison: fc.constantFrom("above", "at least"),
  threshold: fc.constantFrom("5", "0.1", "50", "99.99", "2.5"),
  window: fc.constantFrom("calendar month", "week", "calendar day"),
  outageLimit: fc.boolean(),
});

// 25 March to 10 April 2026: London's clocks go forward on 29 March, Lord Howe's back on 5 April
const START = Date.UTC(2026, 2, 25);
const SPAN = 16 * 86_400_000;
const burst = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  minutes: fc.integer({ min: 1, max: 90 }),
  every: fc.constantFrom(20_000, 60_000, 300_000),
  total: fc.integer({ min: 0, max: 40 }),
  failedShare: fc.constantFrom(0, 0.05, 0.5, 1),
  metric: fc.constantFrom("Avail", "Avail", "Success", "Avial"),
});
const outage = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  minutes: fc.integer({ min: 1, max: 120 }),
  cause: fc.constantFrom("unplanned", "customer", "maintenance", "force majeure"),
});

describe("DuckDB and the streaming engine on generated request-based contracts", () => {
  it("give byte-identical reports", async () => {
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.array(burst, { maxLength: 8 }),
        fc.array(outage, { maxLength: 4 }),
        async (s, bs, os) => {
          const bundle = contract({
            zone: s.zone,
            hours: s.office ? "Office" : "24x7",
            slice: `downtime per ${s.length} when error rate ${s.comparison} ${s.threshold}%`,
            window: s.window,
            outageLimit: s.outageLimit ? "max outage per incident 20 minutes" : "",
          });
          const lines: string[] = [];
          for (const b of bs)
            for (let t = 0; t < b.minutes * 60_000; t += b.every)
              lines.push(
                JSON.stringify({
                  type: "requests",
                  metric: b.metric,
                  at: new Date(START + b.offset + t).toISOString(),
                  total: b.total,
                  failed: Math.round(b.total * b.failedShare),
                }),
              );
          for (const o of os) {
            const start = START + o.offset;
            lines.push(
              JSON.stringify({
                type: "outage",
                service: "Web",
                start: new Date(start).toISOString(),
                end: new Date(start + o.minutes * 60_000).toISOString(),
                cause: o.cause,
                ...(o.cause === "maintenance" ? { announced: "2026-01-01T00:00:00Z" } : {}),
              }),
            );
          }
          const { streaming, duckdb } = await bothEngines(bundle, lines.join("\n"), {
            from: "2026-03",
            to: "2026-04",
            asOf: "2026-12-31",
          });
          expect(streaming.startsWith("error")).toBe(false);
          expect(duckdb).toBe(streaming);
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
