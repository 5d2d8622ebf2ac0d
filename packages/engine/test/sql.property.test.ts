import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WindowPeriod } from "../src/bundle.ts";
import { availability, bundle, calendar, latency, limits, outage, remedy, win } from "./helpers.ts";
import { bothEngines } from "./sql/back-to-back.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const contract = fc.record({
  zone: fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Kolkata"),
  office: fc.boolean(),
  percentile: fc.constantFrom(null, "50", "90", "95", "99.9"),
  comparator: fc.constantFrom("at most", "below", "at least"),
  target: fc.constantFrom("300", "120.5", "20"),
  period: fc.constantFrom<WindowPeriod>("calendar month", "week", "calendar quarter"),
  credit: fc.boolean(),
});

const START = Date.UTC(2026, 1, 20);
const SPAN = 70 * 86_400_000;
const measurement = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  value: fc.oneof(
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 400_000 }).map((n) => n / 1000),
  ),
  metric: fc.constantFrom("Latency", "Latency", "Latency", "Latncy"),
  asText: fc.boolean(),
});
const outageSpan = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  minutes: fc.integer({ min: 1, max: 600 }),
  cause: fc.constantFrom("unplanned", "customer", "maintenance"),
});

describe("DuckDB and the streaming engine on generated contracts and records", () => {
  it("give byte-identical reports (JSON as built, keys in order)", async () => {
    await fc.assert(
      fc.asyncProperty(
        contract,
        fc.array(measurement, { maxLength: 200 }),
        fc.array(outageSpan, { maxLength: 6 }),
        async (c, ms, os) => {
          const b = bundle({
            timezone: c.zone,
            hours: c.office ? { kind: "calendar", calendar: "Office" } : { kind: "24x7" },
            calendars: [calendar("Office", c.zone, "09:00", "17:30")],
            percentile: c.percentile,
            objectives: [
              latency("Speed", c.target, {
                window: win(c.period),
                target: {
                  comparator: c.comparator,
                  value: { kind: "duration", value: c.target, text: `${c.target} milliseconds` },
                  source: { file: "test.sla", line: 1, column: 1 },
                },
              }),
              availability("Up", "99.5"),
              limits("Limits", "2 hours", "5 hours"),
            ],
            remedies: c.credit ? [remedy("SpeedCredit", "Speed", [{ percent: "10", eachBreach: true }])] : [],
          });
          const lines = [
            ...ms.map((m) =>
              JSON.stringify({
                type: "measurement",
                metric: m.metric,
                at: new Date(START + m.offset).toISOString(),
                value: m.asText ? String(m.value) : m.value,
              }),
            ),
            ...os.map((o) =>
              outage(
                new Date(START + o.offset).toISOString(),
                new Date(START + o.offset + o.minutes * 60_000).toISOString(),
                o.cause,
              ),
            ),
          ];
          const { streaming, duckdb } = await bothEngines(b, lines.join("\n"), { from: "2026-03", to: "2026-04" });
          expect(streaming.startsWith("error")).toBe(false);
          expect(duckdb).toBe(streaming);
        },
      ),
      { numRuns: RUNS },
    );
  }, 1_800_000);
});
