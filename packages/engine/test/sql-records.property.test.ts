import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BundleExclusion, BundleObjective, WindowPeriod } from "../src/bundle.ts";
import {
  availability,
  bundle,
  calendar,
  customer,
  forceMajeure,
  limits,
  maintenance,
  remedy,
  support,
  ticket,
  win,
} from "./helpers.ts";
import { bothEngines } from "./sql/back-to-back.ts";

// Outages and tickets, the record work the SQL engine does besides measurements: overlapping and
// touching outages of every cause, maintenance with and without timely notice against one or two
// allowances, service hours with holidays, per-incident and total-outage limits, tickets on
// elapsed and business time.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const START = Date.UTC(2026, 1, 22);
const SPAN = 50 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const contract = fc.record({
  zone: fc.constantFrom("UTC", "Europe/London", "America/New_York"),
  office: fc.boolean(),
  customer: fc.boolean(),
  forceMajeure: fc.boolean(),
  rules: fc.array(
    fc.record({
      notice: fc.constantFrom(null, "2 days", "36 hours", "2 business days", "3 business hours", "1 month"),
      allowance: fc.constantFrom(null, "4 hours", "90 minutes"),
      window: fc.constantFrom<WindowPeriod>("calendar month", "week"),
    }),
    { maxLength: 2 },
  ),
  perIncident: fc.constantFrom(null, "30 minutes", "2 hours"),
  total: fc.constantFrom(null, "3 hours"),
  totalWindow: fc.constantFrom<WindowPeriod>("calendar month", "week"),
  period: fc.constantFrom<WindowPeriod>("calendar month", "week"),
  fromAcknowledgement: fc.boolean(),
  response: fc.constantFrom<[string, string | null]>(["15 minutes", null], ["2 business hours", "Office"]),
  resolution: fc.constantFrom<[string, string | null] | null>(
    null,
    ["4 hours", null],
    ["1 business day", null],
    ["2 business days", "Office"],
    ["1 month", null],
    ["6 hours", "Office"],
  ),
});

const outageRecord = fc.record({
  // clustered so that outages overlap, touch and cross window edges
  offset: fc.oneof(
    fc.integer({ min: 0, max: SPAN }),
    fc.integer({ min: 0, max: 40 }).map((n) => n * 1_800_000 + 9 * 86_400_000),
    fc.integer({ min: 0, max: 12 }).map((n) => n * 86_400_000 + 30 * 86_400_000 + 10 * 3_600_000),
  ),
  minutes: fc.oneof(
    fc.integer({ min: 0, max: 240 }),
    fc.constantFrom(30, 60, 120),
    fc.integer({ min: 240, max: 4_000 }),
  ),
  cause: fc.constantFrom("unplanned", "customer", "force majeure", "maintenance", "maintenance"),
  noticeHours: fc.constantFrom(null, 1, 30, 72, 72, -2, 24 * 31, 100),
});

const ticketRecord = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  severity: fc.constantFrom(1, 2),
  respondMinutes: fc.constantFrom(null, 5, 20, 200, 3_000),
  resolveMinutes: fc.constantFrom(null, 100, 2_000, 4_000, 44_000),
  acknowledgeMinutes: fc.constantFrom(null, 0, 30, 900),
});

function fromAcknowledgement(o: BundleObjective, yes: boolean): BundleObjective {
  if (yes && o.support?.resolution) o.support.resolution.start = "acknowledgement";
  return o;
}

describe("DuckDB and the streaming engine on generated outages and tickets", () => {
  it("give byte-identical reports (JSON as built, keys in order)", async () => {
    await fc.assert(
      fc.asyncProperty(
        contract,
        fc.array(outageRecord, { maxLength: 20 }),
        fc.array(ticketRecord, { maxLength: 6 }),
        async (c, outages, tickets) => {
          const exclusions: BundleExclusion[] = [
            ...(c.customer ? [customer] : []),
            ...(c.forceMajeure ? [forceMajeure] : []),
            ...c.rules.map((r) => maintenance(r.notice, r.allowance, r.window)),
          ];
          const b = bundle({
            timezone: c.zone,
            hours: c.office ? { kind: "calendar", calendar: "Office" } : { kind: "24x7" },
            calendars: [calendar("Office", c.zone, "09:00", "17:30", ["2026-03-09"])],
            objectives: [
              availability("Up", "99.5", { window: win(c.period), exclusions }),
              limits("Limits", c.perIncident, c.total, {
                exclusions: exclusions.slice(0, 1),
                ...(c.total
                  ? {
                      maxTotalOutage: {
                        duration: limits("x", null, c.total).maxTotalOutage!.duration,
                        window: win(c.totalWindow),
                        source: { file: "test.sla", line: 1, column: 1 },
                      },
                    }
                  : {}),
              }),
              fromAcknowledgement(support("Sev1", 1, c.response, c.resolution), c.fromAcknowledgement),
            ],
            remedies: [remedy("UpCredit", "Up", [{ percent: "10", eachBreach: true }])],
          });
          const lines = [
            ...outages.map((o) => {
              const start = START + o.offset;
              const record: Record<string, unknown> = {
                type: "outage",
                service: "Svc",
                start: iso(start),
                end: iso(start + o.minutes * 60_000),
                cause: o.cause,
              };
              if (o.cause === "maintenance" && o.noticeHours !== null)
                record.announced = iso(start - o.noticeHours * 3_600_000);
              return JSON.stringify(record);
            }),
            ...tickets.map((t) => {
              const opened = START + t.offset;
              const after = (m: number | null) => (m === null ? null : iso(opened + m * 60_000));
              const record = JSON.parse(
                ticket(t.severity, iso(opened), after(t.respondMinutes), after(t.resolveMinutes)),
              );
              if (t.acknowledgeMinutes !== null) record.acknowledged = after(t.acknowledgeMinutes);
              return JSON.stringify(record);
            }),
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
