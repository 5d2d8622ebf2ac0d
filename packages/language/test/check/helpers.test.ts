import { describe, expect, it } from "vitest";
import { durationLiteralText } from "../../src/budget/budget.ts";
import { compareDurations } from "../../src/check/rules/consistency.ts";
import { isCurrencyCode } from "../../src/check/rules/currencies.ts";
import { isTimeZone } from "../../src/check/rules/timezones.ts";
import { exceeds100, isPositiveWholeNumber, isZeroText } from "../../src/check/rules/support.ts";
import { impossibleDateReason, isPossibleTime } from "../../src/check/rules/literals.ts";
import type { DurationLiteral, DurationUnit } from "../../src/index.ts";

describe("exact tests on decimal text", () => {
  it.each([
    ["100", false],
    ["100.0", false],
    ["100.000", false],
    ["100.0001", true],
    ["100.5", true],
    ["101", true],
    ["0100", false],
    ["99.999999", false],
    ["1000", true],
    ["200", true],
    ["0", false],
  ])("exceeds100(%s) is %s", (text, expected) => {
    expect(exceeds100(text)).toBe(expected);
  });
  it("knows zero and positive whole numbers", () => {
    expect(["0", "0.0", "000", "0.000"].every(isZeroText)).toBe(true);
    expect(["1", "0.1", "10", "0.01"].some(isZeroText)).toBe(false);
    expect(["1", "12", "3.0", "007"].every(isPositiveWholeNumber)).toBe(true);
    expect(["0", "1.5", "0.0", "00"].some(isPositiveWholeNumber)).toBe(false);
  });
});

describe("dates and times", () => {
  it("knows which dates exist", () => {
    expect(impossibleDateReason({ year: 2028, month: 2, day: 29 })).toBeUndefined();
    expect(impossibleDateReason({ year: 2000, month: 2, day: 29 })).toBeUndefined();
    expect(impossibleDateReason({ year: 2100, month: 2, day: 29 })).toBe("February 2100 has 28 days");
    expect(impossibleDateReason({ year: 2026, month: 2, day: 30 })).toBe("February 2026 has 28 days");
    expect(impossibleDateReason({ year: 2026, month: 4, day: 31 })).toBe("April 2026 has 30 days");
    expect(impossibleDateReason({ year: 2026, month: 12, day: 31 })).toBeUndefined();
    expect(impossibleDateReason({ year: 2026, month: 0, day: 1 })).toBe("there is no month 0");
    expect(impossibleDateReason({ year: 2026, month: 1, day: 0 })).toBe("there is no day 0");
  });
  it("knows which times of day exist", () => {
    expect(isPossibleTime({ hour: 0, minute: 0 })).toBe(true);
    expect(isPossibleTime({ hour: 23, minute: 59 })).toBe(true);
    expect(isPossibleTime({ hour: 24, minute: 0 })).toBe(true);
    expect(isPossibleTime({ hour: 24, minute: 30 })).toBe(false);
    expect(isPossibleTime({ hour: 25, minute: 0 })).toBe(false);
    expect(isPossibleTime({ hour: 10, minute: 60 })).toBe(false);
  });
});

describe("time zones and currencies", () => {
  it("accepts IANA zones, UTC, Etc zones and aliases", () => {
    for (const zone of [
      "Europe/London",
      "America/New_York",
      "UTC",
      "Etc/UTC",
      "Etc/GMT+5",
      "Etc/GMT-14",
      "Asia/Kolkata",
    ]) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });
  it("rejects what is not a zone", () => {
    for (const zone of ["", "Europe/Londn", "Mars/Olympus_Mons", " UTC", "GMT+25"])
      expect(isTimeZone(zone), zone).toBe(false);
  });
  it("knows current ISO 4217 codes", () => {
    for (const code of ["USD", "EUR", "GBP", "JPY", "CHF", "XCG", "ZWG", "SLE", "VED"])
      expect(isCurrencyCode(code), code).toBe(true);
    for (const code of ["usd", "ABC", "DEM", "FRF", "HRK", "XYZ"]) expect(isCurrencyCode(code), code).toBe(false);
  });
});

describe("comparing durations", () => {
  const d = (amount: string, unit: DurationUnit): DurationLiteral => ({
    kind: "Duration",
    amount,
    unit,
    range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
  });
  it("compares exactly what is comparable", () => {
    expect(compareDurations(d("30", "minute"), d("4", "hour"))).toBe(-1);
    expect(compareDurations(d("60", "minute"), d("1", "hour"))).toBe(0);
    expect(compareDurations(d("1", "week"), d("7", "day"))).toBe(0);
    expect(compareDurations(d("1500", "millisecond"), d("1.5", "second"))).toBe(0);
    expect(compareDurations(d("4", "business hour"), d("8", "business hour"))).toBe(-1);
    expect(compareDurations(d("1", "year"), d("12", "month"))).toBe(0);
    expect(compareDurations(d("11", "month"), d("1", "year"))).toBe(-1);
  });
  it("does not compare what is not", () => {
    expect(compareDurations(d("1", "business day"), d("9", "business hour"))).toBeUndefined();
    expect(compareDurations(d("1", "business hour"), d("2", "hour"))).toBeUndefined();
    expect(compareDurations(d("1", "month"), d("31", "day"))).toBeUndefined();
  });
});

describe("durationLiteralText", () => {
  it.each([
    ["3600", "1 hour"],
    ["7200", "2 hours"],
    ["2419.2", "40.32 minutes"],
    ["1209.6", "20.16 minutes"],
    ["86400", "1 day"],
    ["604800", "1 week"],
    ["90", "90 seconds"],
    ["5400", "90 minutes"],
    ["0.25", "250 milliseconds"],
    ["26.784", "26.784 seconds"],
  ])("%s seconds is written %s", (seconds, text) => {
    expect(durationLiteralText(seconds)).toBe(text);
  });
});
