import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type CalendarHours, narrowSpans, scheduledWindows, workingWeek } from "../../src/budget/index.ts";

const H = 3_600_000;

describe("narrowSpans", () => {
  const base = [
    { start: 0, end: 10 },
    { start: 20, end: 30 },
  ];
  it("keeps the part of the base inside the hours (during)", () => {
    expect(narrowSpans(base, [{ start: 5, end: 25 }], "during")).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
  });
  it("keeps the part of the base outside the hours (outside)", () => {
    expect(narrowSpans(base, [{ start: 5, end: 25 }], "outside")).toEqual([
      { start: 0, end: 5 },
      { start: 25, end: 30 },
    ]);
  });
  it("treats touching edges as no overlap, and hours covering everything as leaving nothing outside", () => {
    expect(narrowSpans(base, [{ start: 10, end: 20 }], "during")).toEqual([]);
    expect(narrowSpans(base, [{ start: 10, end: 20 }], "outside")).toEqual(base);
    expect(narrowSpans(base, [{ start: -5, end: 35 }], "outside")).toEqual([]);
    expect(narrowSpans(base, [], "during")).toEqual([]);
  });
  it("cuts one base span with several hours", () => {
    const hours = [
      { start: 1, end: 2 },
      { start: 4, end: 6 },
    ];
    expect(narrowSpans([{ start: 0, end: 10 }], hours, "outside")).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 6, end: 10 },
    ]);
  });
});

const ZONE = "Europe/London";
const calendar = (hours: CalendarHours["hours"], holidays: string[] = []): CalendarHours => ({
  timezone: ZONE,
  hours,
  holidays,
});
const EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const support = calendar([{ days: EVERY_DAY, from: "06:30", to: "20:30" }]);
const nonSupport = calendar([
  { days: EVERY_DAY, from: "00:00", to: "06:30" },
  { days: EVERY_DAY, from: "20:30", to: "24:00" },
]);

describe("scheduled time of a target with its own hours", () => {
  const march2022 = (week: Parameters<typeof scheduledWindows>[0]) =>
    scheduledWindows(week, ZONE, "calendar month", undefined, "2022-03-01", "2022-04-01")[0].scheduledMs;

  it("counts the night a clock goes forward once: 31 × 10 h less the hour skipped, whichever way it is written", () => {
    expect(march2022({ base: undefined, scope: "during", hours: workingWeek(nonSupport) })).toBe(309 * H);
    expect(march2022({ base: undefined, scope: "outside", hours: workingWeek(support) })).toBe(309 * H);
    expect(march2022({ base: undefined, scope: "during", hours: workingWeek(support) })).toBe(434 * H);
  });

  it("narrows a service's own hours, and a holiday of either calendar removes the day", () => {
    const weekdays = calendar(
      [{ days: ["monday", "tuesday", "wednesday", "thursday", "friday"], from: "08:00", to: "20:00" }],
      ["2022-03-01"],
    );
    // 23 weekdays in March 2022, one of them a holiday of the service: 22 days
    expect(march2022({ base: workingWeek(weekdays), scope: "during", hours: workingWeek(support) })).toBe(22 * 12 * H);
    expect(march2022({ base: workingWeek(weekdays), scope: "outside", hours: workingWeek(support) })).toBe(0);
    const supportWithHoliday = calendar([{ days: EVERY_DAY, from: "09:00", to: "17:00" }], ["2022-03-02"]);
    expect(march2022({ base: workingWeek(weekdays), scope: "outside", hours: workingWeek(supportWithHoliday) })).toBe(
      (21 * 4 + 12) * H,
    );
  });

  it("agrees with the day-by-day instants on the day the clocks go back", () => {
    const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
    const october = scheduledWindows(
      { base: undefined, scope: "during", hours: workingWeek(nonSupport) },
      ZONE,
      "week",
      undefined,
      "2022-10-24",
      "2022-10-31",
    );
    // the week of Monday 24 October 2022; the clocks go back on Sunday 30th: 7 × 10 h + 1 h
    expect(october[0].start).toBe(day("2022-10-24").toMillis());
    expect(october[0].scheduledMs).toBe(71 * H);
  });
});
