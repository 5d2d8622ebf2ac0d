import { describe, expect, it } from "vitest";
import { downtimeBudgets, scheduledBudgets, scheduledWindows, workingWeek } from "../../src/budget/index.ts";

const ZONE = "Europe/London";
const H = 3_600_000;
const office = {
  timezone: ZONE,
  hours: [{ days: ["monday", "tuesday", "wednesday", "thursday", "friday"] as const, from: "09:00", to: "17:00" }],
  holidays: ["2026-03-03"],
};

describe("budgets of days, hours and billing months", () => {
  it("on 24x7: a day of 24 hours, an hour of 3600 seconds, a billing month of 28 to 31 days", () => {
    expect(downtimeBudgets("99", "calendar day")).toEqual([{ days: 1, seconds: "864", text: "14m 24s" }]);
    expect(downtimeBudgets("99.9", "hour")).toEqual([{ days: 0, seconds: "3.6", text: "3.6s" }]);
    expect(downtimeBudgets("99.9", "billing month").map((b) => b.days)).toEqual([28, 29, 30, 31]);
  });

  it("cuts billing months at their start day, labelled by their first and last days", () => {
    const windows = scheduledWindows(
      workingWeek(office),
      ZONE,
      "billing month",
      undefined,
      "2026-02-20",
      "2026-04-01",
      15,
    );
    expect(windows.map((w) => w.label)).toEqual(["2026-02-15 to 2026-03-14", "2026-03-15 to 2026-04-14"]);
    // 15 February to 14 March 2026: 20 weekdays, one of them a holiday
    expect(windows[0].scheduledMs).toBe(19 * 8 * H);
    expect(windows[0].days).toBe(28);
    expect(scheduledWindows(undefined, ZONE, "billing month", undefined, "2026-02-20", "2026-04-01", 31)).toEqual([]);
  });

  it("counts the scheduled time of each day and of each clock hour", () => {
    const days = scheduledWindows(workingWeek(office), ZONE, "calendar day", undefined, "2026-03-01", "2026-03-05");
    expect(days.map((d) => [d.label, d.scheduledMs / H])).toEqual([
      ["2026-03-01", 0],
      ["2026-03-02", 8],
      ["2026-03-03", 0],
      ["2026-03-04", 8],
    ]);
    const hours = scheduledWindows(undefined, ZONE, "hour", undefined, "2026-03-29", "2026-03-30");
    expect(hours).toHaveLength(23);
    expect(hours[1].label).toBe("2026-03-29T02:00+01:00");
  });

  it("gives an hourly target on office hours its least and most hour", () => {
    const budgets = scheduledBudgets("99.9", "hour", undefined, office, ZONE, { from: "2026-03-02", to: "2026-03-03" });
    expect(budgets).toEqual([
      { window: "2026-03-02T00:00+00:00", days: 0, scheduled: "0", seconds: "0", text: "0s" },
      { window: "2026-03-02T09:00+00:00", days: 0, scheduled: "3600", seconds: "3.6", text: "3.6s" },
    ]);
  });
});
