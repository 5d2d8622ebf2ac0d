import { describe, expect, it } from "vitest";
import { monthPeriod, periodContaining, periodsEndingWithin } from "../src/windows.ts";
import { availability, bundle, objectiveOf, one, outage, run, win } from "./helpers.ts";

describe("windows", () => {
  it("is the calendar month in the agreement's zone, across DST changes", () => {
    const hours = (y: number, m: number, zone: string) =>
      (monthPeriod(y, m, zone).end - monthPeriod(y, m, zone).start) / 3_600_000;
    expect(hours(2026, 3, "Europe/London")).toBe(743);
    expect(hours(2026, 10, "Europe/London")).toBe(745);
    expect(hours(2026, 3, "America/New_York")).toBe(743);
    // The brief says 745 h for November in New York; November has 30 days, so it is 30 × 24 + 1.
    expect(hours(2026, 11, "America/New_York")).toBe(721);
    expect(hours(2028, 2, "UTC")).toBe(29 * 24);
    expect(hours(2026, 2, "UTC")).toBe(28 * 24);
  });

  it("reports the March 2026 window in Europe/London as 2026-03-01T00:00Z to 2026-03-31T23:00Z", async () => {
    const r = await one(bundle({ timezone: "Europe/London", objectives: [availability("Up", "99.9")] }), [], "2026-03");
    expect(r.window).toMatchObject({
      start: "2026-03-01T00:00:00Z",
      end: "2026-03-31T23:00:00Z",
      hours: "743",
      endLocal: "2026-04-01T00:00:00+01:00",
    });
  });

  it("computes availability over 743 h in New York in March and 721 h in November", async () => {
    const b = bundle({ timezone: "America/New_York", objectives: [availability("Up", "99.9")] });
    const march = await one(b, [outage("2026-03-10T00:00:00Z", "2026-03-10T01:00:00Z")], "2026-03");
    expect(objectiveOf(march, "Up").scheduled?.hours).toBe("743");
    expect(objectiveOf(march, "Up").value).toBe("99.86541049798115746971736205"); // 742/743
    const nov = await one(b, [outage("2026-11-10T00:00:00Z", "2026-11-10T01:00:00Z")], "2026-11");
    expect(objectiveOf(nov, "Up").scheduled?.hours).toBe("721");
    expect(objectiveOf(nov, "Up").value).toBe("99.86130374479889042995839112"); // 720/721
    const london = bundle({ timezone: "Europe/London", objectives: [availability("Up", "99.9")] });
    expect(objectiveOf(await one(london, [], "2026-10"), "Up").scheduled?.hours).toBe("745");
  });

  it("has 29 days in February 2028", async () => {
    const r = await one(bundle({ objectives: [availability("Up", "99.9")] }), [], "2028-02");
    expect(r.window.hours).toBe("696");
    expect(objectiveOf(r, "Up").value).toBe("100");
  });

  it("finds quarters, years, ISO weeks and rolling windows", () => {
    const t = Date.parse("2026-02-15T12:00:00Z");
    expect(periodContaining(win("calendar quarter"), t, "UTC").label).toBe("2026-Q1");
    expect(periodContaining(win("calendar year"), t, "UTC").label).toBe("2026");
    expect(periodContaining(win("week"), t, "UTC").label).toBe("2026-W07");
    const march = monthPeriod(2026, 3, "UTC");
    // 2026-03-01 is a Sunday: week 9 (Feb 23 – Mar 1) ends in March, week 14 ends in April.
    expect(periodsEndingWithin(win("week"), march.start, march.end, "UTC").map((p) => p.label)).toEqual([
      "2026-W09",
      "2026-W10",
      "2026-W11",
      "2026-W12",
      "2026-W13",
    ]);
    const rolling = periodsEndingWithin(win("rolling", 30), march.start, march.end, "UTC");
    expect(rolling.map((p) => [p.label, new Date(p.start).toISOString()])).toEqual([
      ["2026-03 (last 30 days)", "2026-03-02T00:00:00.000Z"],
    ]);
  });

  it("evaluates a quarterly objective to date in its first months and in full, with remedies, in its last", async () => {
    const b = bundle({ objectives: [availability("Q", "99.9", { window: win("calendar quarter") })] });
    const lines = [
      outage("2026-01-10T00:00:00Z", "2026-01-10T01:00:00Z"),
      outage("2026-03-10T00:00:00Z", "2026-03-10T01:00:00Z"),
    ];
    const [jan, feb, mar] = await run(b, lines, "2026-01", { to: "2026-03" });
    expect(objectiveOf(jan, "Q").window).toMatchObject({ label: "2026-Q1 (to 2026-01)", due: false, partial: true });
    expect(objectiveOf(feb, "Q").downtime?.seconds).toBe("3600");
    expect(objectiveOf(mar, "Q").window).toMatchObject({ label: "2026-Q1", due: true, partial: false, hours: "2160" });
    expect(objectiveOf(mar, "Q").downtime?.seconds).toBe("7200");
  });

  it("lists each week ending in the month for a weekly objective", async () => {
    const b = bundle({ objectives: [availability("W", "99.9", { window: win("week") })] });
    const r = await one(b, [outage("2026-03-03T00:00:00Z", "2026-03-03T01:00:00Z")], "2026-03");
    const w = objectiveOf(r, "W");
    expect(w.windows?.map((x) => [x.window.label, x.met])).toEqual([
      ["2026-W09", true],
      ["2026-W10", false],
      ["2026-W11", true],
      ["2026-W12", true],
      ["2026-W13", true],
    ]);
    expect(w.met).toBe(false);
    expect(w.breaches).toBe(1);
  });
});
