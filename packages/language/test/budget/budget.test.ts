import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedDowntimeSeconds,
  decimalText,
  downtimeBudgets,
  durationToSeconds,
  formatDurationLong,
  formatDurationShort,
  toDecimal,
  windowLengthLabel,
  windowLengthsInDays,
  windowPeriodLabel,
} from "../../src/budget/index.ts";

describe("windowLengthsInDays", () => {
  it("gives every length a window can have, shortest first", () => {
    expect(windowLengthsInDays("calendar month")).toEqual([28, 29, 30, 31]);
    expect(windowLengthsInDays("calendar quarter")).toEqual([90, 91, 92]);
    expect(windowLengthsInDays("calendar year")).toEqual([365, 366]);
    expect(windowLengthsInDays("week")).toEqual([7]);
    expect(windowLengthsInDays("rolling", 30)).toEqual([30]);
  });
  it("has no length for a rolling window without a positive length", () => {
    expect(windowLengthsInDays("rolling")).toEqual([]);
    expect(windowLengthsInDays("rolling", 0)).toEqual([]);
    expect(windowLengthsInDays("rolling", Number.NaN)).toEqual([]);
  });
});

describe("allowedDowntimeSeconds", () => {
  it("matches the design brief: 99.95% of a 28-, 29-, 30-, 31-day month", () => {
    expect([28, 29, 30, 31].map((d) => formatDurationShort(allowedDowntimeSeconds("99.95", d)))).toEqual([
      "20m 9.6s",
      "20m 52.8s",
      "21m 36s",
      "22m 19.2s",
    ]);
  });
  it("99.9% of a 30-day month is 43m 12s", () => {
    expect(decimalText(allowedDowntimeSeconds("99.9", 30))).toBe("2592");
    expect(formatDurationShort(allowedDowntimeSeconds("99.9", 30))).toBe("43m 12s");
  });
  it("is exact where binary floating point is not", () => {
    // (100 - 99.999) / 100 * 31 * 86400 in doubles is 26.78400000000...something
    expect(decimalText(allowedDowntimeSeconds("99.999", 31))).toBe("26.784");
    expect(decimalText(allowedDowntimeSeconds("99.99999", 28))).toBe("0.24192");
    expect(decimalText(allowedDowntimeSeconds("99.9", 365))).toBe("31536");
    expect(formatDurationShort(allowedDowntimeSeconds("99.9", 365))).toBe("8h 45m 36s");
  });
  it("allows nothing at 100% and the whole window at 0%", () => {
    expect(decimalText(allowedDowntimeSeconds("100", 31))).toBe("0");
    expect(decimalText(allowedDowntimeSeconds("0", 7))).toBe("604800");
    expect(decimalText(allowedDowntimeSeconds("0.000", 1))).toBe("86400");
  });
  it("accepts a decimal number of days", () => {
    expect(decimalText(allowedDowntimeSeconds("99", toDecimal("0.5")))).toBe("432");
  });
  it("rejects what is not a percentage in 0–100", () => {
    expect(() => allowedDowntimeSeconds("100.5", 30)).toThrow(RangeError);
    expect(() => allowedDowntimeSeconds("-1", 30)).toThrow(RangeError);
    expect(() => allowedDowntimeSeconds("ninety", 30)).toThrow(RangeError);
    expect(() => allowedDowntimeSeconds("99", -1)).toThrow(RangeError);
  });
  it("is (100 - p)% of the window, exactly, for any decimal percentage", () => {
    const percent = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99999 }))
      .map(([whole, frac]) => (whole === 100 ? "100" : `${whole}.${String(frac).padStart(5, "0")}`));
    fc.assert(
      fc.property(percent, fc.integer({ min: 1, max: 400 }), (p, days) => {
        const seconds = allowedDowntimeSeconds(p, days);
        const share = seconds.div(days * 86400).times(100);
        return share.equals(toDecimal(100).minus(p));
      }),
      { numRuns: 300 },
    );
  });
});

describe("downtimeBudgets", () => {
  it("lists each window length with exact seconds and short text", () => {
    expect(downtimeBudgets("99.9", "calendar month")).toEqual([
      { days: 28, seconds: "2419.2", text: "40m 19.2s" },
      { days: 29, seconds: "2505.6", text: "41m 45.6s" },
      { days: 30, seconds: "2592", text: "43m 12s" },
      { days: 31, seconds: "2678.4", text: "44m 38.4s" },
    ]);
  });
  it("covers quarters, years, weeks and rolling windows", () => {
    expect(downtimeBudgets("99.5", "calendar quarter").map((b) => b.text)).toEqual([
      "10h 48m",
      "10h 55m 12s",
      "11h 2m 24s",
    ]);
    expect(downtimeBudgets("99", "calendar year").map((b) => b.text)).toEqual(["3d 15h 36m", "3d 15h 50m 24s"]);
    expect(downtimeBudgets("99.9", "week")).toEqual([{ days: 7, seconds: "604.8", text: "10m 4.8s" }]);
    expect(downtimeBudgets("99.95", "rolling", 30)).toEqual([{ days: 30, seconds: "1296", text: "21m 36s" }]);
  });
});

describe("formatDurationShort", () => {
  it.each([
    ["1296", "21m 36s"],
    ["2419.2", "40m 19.2s"],
    ["2592", "43m 12s"],
    ["31536", "8h 45m 36s"],
    ["93600", "1d 2h"],
    ["0", "0s"],
    ["0.5", "0.5s"],
    ["0.001", "0.001s"],
    ["60", "1m"],
    ["3600", "1h"],
    ["86400", "1d"],
    ["90061.25", "1d 1h 1m 1.25s"],
    ["2678400", "31d"],
    ["-90", "-1m 30s"],
  ])("%s seconds is %s", (seconds, text) => {
    expect(formatDurationShort(seconds)).toBe(text);
    expect(formatDurationShort(toDecimal(seconds))).toBe(text);
  });
  it("keeps exact decimals of seconds", () => {
    expect(formatDurationShort("0.1234567890123456789")).toBe("0.1234567890123456789s");
  });
  it("reads back to the same number of seconds", () => {
    const factor: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 999 }), (whole, millis) => {
        const seconds = toDecimal(whole).plus(toDecimal(millis).div(1000));
        const back = formatDurationShort(seconds)
          .split(" ")
          .reduce((sum, part) => sum.plus(toDecimal(part.slice(0, -1)).times(factor[part.slice(-1)])), toDecimal(0));
        return back.equals(seconds);
      }),
      { numRuns: 300 },
    );
  });
});

describe("formatDurationLong", () => {
  it.each([
    ["1296", "21 minutes 36 seconds"],
    ["3600", "1 hour"],
    ["2419.2", "40 minutes 19.2 seconds"],
    ["93600", "1 day 2 hours"],
    ["1", "1 second"],
    ["61", "1 minute 1 second"],
    ["172800", "2 days"],
    ["0", "0 seconds"],
    ["0.5", "0.5 seconds"],
  ])("%s seconds is %s", (seconds, text) => {
    expect(formatDurationLong(seconds)).toBe(text);
  });
});

describe("durationToSeconds", () => {
  it("converts units with a fixed length exactly", () => {
    expect(decimalText(durationToSeconds("250", "millisecond")!)).toBe("0.25");
    expect(decimalText(durationToSeconds("15", "second")!)).toBe("15");
    expect(decimalText(durationToSeconds("15", "minute")!)).toBe("900");
    expect(decimalText(durationToSeconds("1.5", "hour")!)).toBe("5400");
    expect(decimalText(durationToSeconds("2", "day")!)).toBe("172800");
    expect(decimalText(durationToSeconds("1", "week")!)).toBe("604800");
    expect(decimalText(durationToSeconds("12,000", "second")!)).toBe("12000");
    expect(decimalText(durationToSeconds("0.1", "hour")!)).toBe("360");
  });
  it("has no length for business units, months and years", () => {
    expect(durationToSeconds("5", "business day")).toBeUndefined();
    expect(durationToSeconds("2", "business hour")).toBeUndefined();
    expect(durationToSeconds("1", "month")).toBeUndefined();
    expect(durationToSeconds("1", "year")).toBeUndefined();
  });
  it("has no length for text that is not a number", () => {
    expect(durationToSeconds("x", "second")).toBeUndefined();
  });
});

describe("labels", () => {
  it("names window lengths and periods as messages use them", () => {
    expect(windowLengthLabel("calendar month", 28)).toBe("28-day month");
    expect(windowLengthLabel("calendar quarter", 92)).toBe("92-day quarter");
    expect(windowLengthLabel("calendar year", 366)).toBe("366-day year");
    expect(windowLengthLabel("week", 7)).toBe("week");
    expect(windowLengthLabel("rolling", 30)).toBe("30-day rolling window");
    expect(windowPeriodLabel("calendar month")).toBe("calendar month");
    expect(windowPeriodLabel("rolling", 30)).toBe("rolling 30 days");
    expect(windowPeriodLabel("rolling", 1)).toBe("rolling 1 day");
  });
});
