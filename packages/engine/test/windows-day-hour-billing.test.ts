import { describe, expect, it } from "vitest";
import { BundleProblemError } from "../src/errors.ts";
import { periodContaining, periodsEndingWithin, previousPeriod } from "../src/windows.ts";

const ZONE = "Europe/London";
const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe("calendar days", () => {
  it("have 23 hours when the clocks go forward and 25 when they go back", () => {
    const spring = periodContaining({ period: "calendar day" }, at("2026-03-29T12:00:00Z"), ZONE);
    expect(spring).toMatchObject({ label: "2026-03-29", start: at("2026-03-29T00:00:00Z") });
    expect(spring.end - spring.start).toBe(23 * H);
    const autumn = periodContaining({ period: "calendar day" }, at("2026-10-25T12:00:00Z"), ZONE);
    expect(autumn.end - autumn.start).toBe(25 * H);
  });
  it("end within a month once for each day of it", () => {
    const march = periodsEndingWithin(
      { period: "calendar day" },
      at("2026-03-01T00:00:00Z"),
      at("2026-03-31T23:00:00Z"),
      ZONE,
    );
    expect(march.map((p) => p.label)).toHaveLength(31);
    expect(march[0].label).toBe("2026-03-01");
    expect(march[30].label).toBe("2026-03-31");
  });
});

describe("clock hours", () => {
  const month = (start: string, end: string) => periodsEndingWithin({ period: "hour" }, at(start), at(end), ZONE);
  it("number 743 in March (one skipped) and 745 in October (one repeated)", () => {
    expect(month("2026-03-01T00:00:00Z", "2026-03-31T23:00:00Z")).toHaveLength(743);
    const october = month("2026-09-30T23:00:00Z", "2026-11-01T00:00:00Z");
    expect(october).toHaveLength(745);
    const repeated = october.filter((p) => p.label.startsWith("2026-10-25T01:00"));
    expect(repeated.map((p) => p.label)).toEqual(["2026-10-25T01:00+01:00", "2026-10-25T01:00+00:00"]);
    for (const p of october) expect(p.end - p.start).toBe(H);
  });
  it("are found from any instant inside them, and step back one real hour", () => {
    const p = periodContaining({ period: "hour" }, at("2026-10-25T01:59:59Z"), ZONE);
    expect(p).toMatchObject({ label: "2026-10-25T01:00+00:00", start: at("2026-10-25T01:00:00Z") });
    expect(previousPeriod({ period: "hour" }, p, ZONE).label).toBe("2026-10-25T01:00+01:00");
  });
  it("follow the local clock in a zone half an hour off UTC", () => {
    const p = periodContaining({ period: "hour" }, at("2026-03-10T10:10:00Z"), "Asia/Kolkata");
    expect(p).toMatchObject({ label: "2026-03-10T15:00+05:30", start: at("2026-03-10T09:30:00Z") });
  });
});

describe("billing months", () => {
  const cycle = { period: "billing month" as const, startDay: 15 };
  it("run from the start day of one month to the same day of the next, at local midnight", () => {
    const before = periodContaining(cycle, at("2026-03-14T23:59:59Z"), ZONE);
    expect(before).toMatchObject({
      label: "2026-02-15 to 2026-03-14",
      start: at("2026-02-15T00:00:00Z"),
      end: at("2026-03-15T00:00:00Z"),
    });
    const summer = periodContaining(cycle, at("2026-03-31T12:00:00Z"), ZONE);
    expect(summer).toMatchObject({ label: "2026-03-15 to 2026-04-14", end: at("2026-04-14T23:00:00Z") });
  });
  it("end within a month once: the cycle that ends on its start day", () => {
    const due = periodsEndingWithin(cycle, at("2026-01-01T00:00:00Z"), at("2026-02-01T00:00:00Z"), ZONE);
    expect(due.map((p) => p.label)).toEqual(["2025-12-15 to 2026-01-14"]);
    expect(previousPeriod(cycle, due[0], ZONE).label).toBe("2025-11-15 to 2025-12-14");
  });
  it("refuse a start day that is not in every month", () => {
    expect(() => periodContaining({ period: "billing month", startDay: 31 }, 0, ZONE)).toThrow(BundleProblemError);
  });
});
