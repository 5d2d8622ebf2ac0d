/**
 * Business time at and beyond the limits (issue 19, fault 3): the engine answers within ten years
 * of a calendar's working time, and beyond that says why — the calendar's working week — instead
 * of the false "has no working hours" or a search that does not end.
 */
import { describe, expect, it } from "vitest";
import { MAX_DURATION_YEARS } from "../../language/src/index.ts";
import type { BundleCalendar } from "../src/bundle.ts";
import { BundleProblemError } from "../src/errors.ts";
import { addBusinessDays, addWorkingTime, defaultBusinessCalendar, prepareCalendar } from "../src/schedule.ts";

const HOUR = 3_600_000;
const at = { file: "test.sla", line: 1, column: 1 };
const START = Date.parse("2026-03-02T09:00:00Z");

function calendar(hours: BundleCalendar["hours"], holidays: string[] = []): ReturnType<typeof prepareCalendar> {
  return prepareCalendar({ name: "Office", title: null, timezone: "Europe/London", hours, holidays, source: at });
}

const office = calendar([
  { days: ["monday", "tuesday", "wednesday", "thursday", "friday"], from: "09:00", to: "17:00" },
]);
const weekly = calendar([{ days: ["saturday"], from: "10:00", to: "11:00" }]);

function failure(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleProblemError);
    return (e as Error).message;
  }
  throw new Error("expected a BundleProblemError");
}

describe("business time at the limits", () => {
  it("ten years of an office week's working time pass, and end about ten years later", () => {
    const end = addWorkingTime(office, START, 40 * 521 * HOUR);
    const years = (end - START) / (365.25 * 24 * HOUR);
    expect(years).toBeGreaterThan(MAX_DURATION_YEARS - 0.2);
    expect(years).toBeLessThan(MAX_DURATION_YEARS + 0.1);
    const days = addBusinessDays(office, START, 5 * 521);
    expect((days - START) / (365.25 * 24 * HOUR)).toBeLessThan(MAX_DURATION_YEARS + 0.1);
  });

  it("a million business hours on a 40-hour week: the real reason, not 'no working hours'", () => {
    const message = failure(() => addWorkingTime(office, START, 1_000_000 * HOUR));
    expect(message).toContain("calendar Office (40 working hours a week on 5 days)");
    expect(message).toContain("longer than 10 years");
    expect(message).not.toContain("has no working hours");
  });

  it("a calendar open one hour a week, and a hundred million business days", () => {
    expect(failure(() => addWorkingTime(weekly, START, 600 * HOUR))).toContain("1 working hour a week on 1 day");
    expect(failure(() => addBusinessDays(defaultBusinessCalendar("UTC"), START, 100_000_000))).toContain(
      "100000000 business days on calendar Monday to Friday",
    );
  });

  it("a calendar with no working hours says so", () => {
    const closed = calendar([], ["2026-12-25"]);
    expect(failure(() => addWorkingTime(closed, START, HOUR))).toContain("calendar Office has no working hours");
    expect(failure(() => addBusinessDays(closed, START, 1))).toContain("has no working hours");
  });
});
